/**
 * `npm start`: configuration -> store -> engine -> adapters.
 * - Every platform whose token is configured starts (Telegram and Discord side by side).
 * - With no platform token, an interactive terminal session runs instead; it ends at end of input or /quit. It
 *   needs a terminal: with stdin not a TTY (a container started without -it) the bot says so and exits 1, unless
 *   STUDYBOT_TERMINAL=1 asks for a session on piped input.
 * - HTTP_PORT set: GET /healthz and GET /metrics on that port (src/ops/).
 * - SIGINT/SIGTERM stop the adapters, then close the store, then exit 0.
 * A bad configuration is reported variable by variable and exits 1 before anything starts; every other failure to
 * start is logged with the component and its cause, and exits 1.
 */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Engine } from './engine/api.js';
import { createEngine } from './engine/create-engine.js';
import { createLogger, type Logger } from './logger.js';
import { createStore } from './store/create-store.js';
import type { Store } from './engine/ports/store.js';
import { checkHealth, type PlatformStatus } from './ops/health.js';
import { instrumentEngine } from './ops/instrumented-engine.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { startOpsServer, type OpsServer } from './ops/ops-server.js';
import { causeOf, dataFolderProblem, StartFailure } from './ops/start-failure.js';

interface Running extends PlatformStatus {
  stop(): Promise<void>;
}

const NO_TERMINAL = `studybot needs a token or a terminal: no platform token is set and stdin is not a TTY.
  To run the bot, set DISCORD_TOKEN and/or TELEGRAM_BOT_TOKEN (see .env.example).
  For a terminal session, run it interactively: docker run -it ... (or npm start in a terminal).
  To drive a session from piped input on purpose, set STUDYBOT_TERMINAL=1.
`;

async function startPlatforms(
  config: Config,
  engine: Engine,
  logger: Logger,
  metrics: Metrics,
): Promise<Running[]> {
  const starting: { name: string; start: Promise<Running> }[] = [];
  if (config.telegram) {
    const telegram = config.telegram;
    starting.push({
      name: 'telegram',
      start: import('./adapters/telegram/index.js').then(async ({ startTelegram }) => {
        // Per-user limits shared by every instance: Redis when configured, else PostgreSQL, else in process.
        const { createRateLimitStore } = await import('./adapters/shared/rate-limiter.js');
        const rateLimits = createRateLimitStore({
          ...(config.redisUrl !== undefined ? { redisUrl: config.redisUrl } : {}),
          databaseUrl: config.databaseUrl,
          databaseKind: config.databaseKind,
        });
        const handle = await startTelegram({
          config: telegram,
          engine,
          logger,
          rateLimits,
          onRateLimited: () => metrics.rateLimited('telegram'),
          onApiError: () => metrics.error('platform-api'),
          onFatal: (error) => {
            // A second poller or a revoked token while running: stop with the cause, so a supervisor notices.
            logger.error('telegram stopped', { cause: error.message });
            process.exitCode = 1;
            process.kill(process.pid, 'SIGTERM');
          },
        });
        return {
          name: 'telegram',
          connected: () => handle.connected(),
          stop: async () => {
            await handle.stop();
            await rateLimits.close();
          },
        };
      }),
    });
  }
  if (config.discord) {
    const discord = config.discord;
    starting.push({
      name: 'discord',
      start: import('./adapters/discord/index.js').then(async ({ startDiscord }) => {
        const handle = await startDiscord({
          config: discord,
          engine,
          logger,
          onRateLimited: () => metrics.rateLimited('discord'),
        });
        return { name: 'discord', connected: () => handle.connected(), stop: () => handle.stop() };
      }),
    });
  }
  const results = await Promise.allSettled(starting.map((s) => s.start));
  const running = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed: string[] = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') return;
    const name = starting[i]?.name ?? 'platform';
    failed.push(name);
    metrics.error('platform-start');
    logger.error(`${name} could not start`, { platform: name, cause: causeOf(r.reason) });
  });
  if (failed.length > 0) {
    // One platform failing to start (a revoked token) stops the bot: a half-running bot is easy to miss.
    await stopAll(running, logger);
    throw new StartFailure(failed.join(', '), `${failed.join(' and ')} could not start (cause logged above)`);
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

async function openStore(config: Config, logger: Logger): Promise<Store> {
  try {
    return await createStore({
      databaseUrl: config.databaseUrl,
      timeoutMs: config.storeTimeoutMs,
      poolSize: config.poolSize,
      eventWindowMs: config.eventWindowHours * 3600_000,
      onPruneError: (error) => logger.warn('pruning old events failed', { error }),
    });
  } catch (error) {
    if (config.databaseKind === 'sqlite') {
      const file = resolve(config.databaseUrl.slice('file:'.length).replace(/\?.*$/, ''));
      const problem = dataFolderProblem(file, process.getuid?.());
      if (problem !== undefined) {
        throw new StartFailure(
          'database',
          `${problem}. Mount a folder this user can write (docker: -v studybot-data:/app/data, or chown the bind ` +
            `mount to this uid), or set DATABASE_URL.`,
          { cause: error },
        );
      }
    }
    throw new StartFailure(
      'database',
      `the ${config.databaseKind} database could not be opened: ${causeOf(error)}`,
      {
        cause: error,
      },
    );
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
  const terminal = !config.telegram && !config.discord;
  if (terminal && process.stdin.isTTY !== true && config.terminalWithoutTty !== true) {
    // A container started without a token and without -it: a session on a closed stdin would end at once with
    // exit 0, which a restart policy turns into a loop.
    process.stderr.write(NO_TERMINAL);
    return 1;
  }
  // Tokens are redacted from every log line by pattern; the configured ones also by exact match.
  const secrets = [config.telegram?.token, config.discord?.token].filter((t): t is string => t !== undefined);
  const logger = createLogger({ level: config.logLevel, secrets });
  let store: Store | undefined;
  let ops: OpsServer | undefined;
  try {
    store = await openStore(config, logger);
    const metrics = createMetrics();
    const engine = instrumentEngine(createEngine({ store }), metrics);

    if (terminal) {
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

    const running: Running[] = [];
    if (config.ops) {
      const { host, port } = config.ops;
      const opened = store;
      ops = await startOpsServer({
        host,
        port,
        metrics,
        health: () => checkHealth({ store: opened, platforms: running }),
        onError: (error) => logger.error('ops server: request failed', { error }),
      }).catch((error: unknown) => {
        throw new StartFailure(
          'ops',
          `the health and metrics server could not listen on ${host}:${port}: ${causeOf(error)}`,
          {
            cause: error,
          },
        );
      });
      logger.info('health and metrics listening', { url: ops.url });
    }
    running.push(...(await startPlatforms(config, engine, logger, metrics)));
    logger.info('studybot is running', {
      adapters: running.map((r) => r.name),
      database: config.databaseKind,
    });
    const signal = await waitForSignal();
    logger.info('shutting down', { signal });
    await stopAll(running, logger);
    return 0;
  } catch (error) {
    if (error instanceof StartFailure) {
      logger.error('studybot failed', { component: error.component, cause: error.message });
    } else {
      logger.error('studybot failed', { cause: causeOf(error), error });
    }
    return 1;
  } finally {
    await ops?.close().catch((error: unknown) => logger.error('closing the ops server failed', { error }));
    await store?.close().catch((error: unknown) => logger.error('closing the store failed', { error }));
  }
}

const code = await main();
process.exitCode = code;
// Stop means stop: a request still waiting on a platform (its own timeout can be seconds) must not hold the
// process. Unref'd, so a process with nothing left exits at once as usual.
setTimeout(() => process.exit(code), 3000).unref();
