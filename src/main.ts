/**
 * `npm start`: configuration -> store -> engine -> adapters.
 * - Every platform whose token is configured starts (Telegram and Discord side by side).
 * - With no platform token, an interactive terminal session runs instead; it ends at end of input or /quit.
 * - SIGINT/SIGTERM stop the adapters, then close the store, then exit 0.
 * A bad configuration is reported variable by variable and exits 1 before anything starts.
 */
import { userInfo } from 'node:os';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Engine } from './engine/api.js';
import { createEngine } from './engine/create-engine.js';
import { createLogger, type Logger } from './logger.js';
import { createStore } from './store/create-store.js';
import type { Store } from './engine/ports/store.js';

interface Running {
  readonly name: string;
  stop(): Promise<void>;
}

async function startPlatforms(config: Config, engine: Engine, logger: Logger): Promise<Running[]> {
  const starting: Promise<Running>[] = [];
  if (config.telegram) {
    const telegram = config.telegram;
    starting.push(
      import('./adapters/telegram/index.js').then(async ({ startTelegram }) => ({
        name: 'telegram',
        ...(await startTelegram({ config: telegram, engine, logger })),
      })),
    );
  }
  if (config.discord) {
    const discord = config.discord;
    starting.push(
      import('./adapters/discord/index.js').then(async ({ startDiscord }) => ({
        name: 'discord',
        ...(await startDiscord({ config: discord, engine, logger })),
      })),
    );
  }
  const results = await Promise.allSettled(starting);
  const running = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failed.length > 0) {
    // One platform failing to start (a revoked token) stops the bot: a half-running bot is easy to miss.
    await stopAll(running, logger);
    throw new AggregateError(failed, 'a platform adapter failed to start');
  }
  return running;
}

async function stopAll(running: readonly Running[], logger: Logger): Promise<void> {
  const results = await Promise.allSettled(running.map((r) => r.stop()));
  results.forEach((r, i) => {
    if (r.status === 'rejected')
      logger.error('stopping an adapter failed', { adapter: running[i]?.name, error: r.reason });
  });
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

function localUserName(): string {
  try {
    const name = userInfo().username.trim();
    return name === '' ? 'student' : name;
  } catch {
    return 'student';
  }
}

export async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`studybot: ${error.message}\nSee .env.example for every variable.\n`);
      return 1;
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  let store: Store | undefined;
  try {
    store = await createStore({
      databaseUrl: config.databaseUrl,
      timeoutMs: config.storeTimeoutMs,
      poolSize: config.poolSize,
      eventWindowMs: config.eventWindowHours * 3600_000,
      onPruneError: (error) => logger.warn('pruning old events failed', { error }),
    });
    const engine = createEngine({ store });

    if (!config.telegram && !config.discord) {
      const { startConsole } = await import('./adapters/console/index.js');
      const session = startConsole({ engine, logger, userName: localUserName(), color: config.color });
      // Ctrl-C at a TTY reaches readline as a key; a signal (piped input, `kill`, `docker stop`) ends it here.
      const onSignal = () => void session.stop();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      await session.done;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      return 0;
    }

    const running = await startPlatforms(config, engine, logger);
    logger.info('studybot is running', {
      adapters: running.map((r) => r.name),
      database: config.databaseKind,
    });
    const signal = await waitForSignal();
    logger.info('shutting down', { signal });
    await stopAll(running, logger);
    return 0;
  } catch (error) {
    logger.error('studybot failed', { error });
    return 1;
  } finally {
    await store?.close().catch((error: unknown) => logger.error('closing the store failed', { error }));
  }
}

const code = await main();
process.exitCode = code;
