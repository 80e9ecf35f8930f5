/**
 * Starts the Telegram adapter: long polling by default, a webhook server when a public URL is configured.
 * `src/main.ts` calls this when TELEGRAM_BOT_TOKEN is set. Start-up is bounded: when the Bot API cannot be reached
 * or refuses the token, `startTelegram` rejects with a TelegramStartError naming the cause (never the token)
 * within the API call policy's timeouts. `stop()` is bounded too: updates in flight get `stopGraceMs`, then every
 * call and wait is cut off.
 */
import { setMaxListeners } from 'node:events';
import type { Update } from 'grammy/types';
import type { Engine } from '../../engine/api.js';
import { inProcessRateLimits, type RateLimitStore } from '../shared/rate-limiter.js';
import type { ApiErrorKind } from './bounded-api-calls.js';
import {
  DEFAULT_GROUP_ANSWER_RATE_LIMIT,
  DEFAULT_RATE_LIMIT,
  type Logger,
  type TelegramConfig,
  type TelegramTuning,
} from './config.js';
import { ALLOWED_UPDATES, createTelegramBot } from './create-bot.js';
import { classifyError } from './error-boundary.js';
import { LongPoller } from './long-polling.js';
import { publishCommands } from './publish-commands.js';
import { startErrorOf, type TelegramStartError } from './start-error.js';
import { startWebhookServer } from './webhook-server.js';

export type { CommandRateLimitConfig, Logger, TelegramConfig, TelegramTuning } from './config.js';
export type { ApiErrorKind } from './bounded-api-calls.js';
export { TelegramStartError } from './start-error.js';

export interface StartTelegramOptions {
  readonly config: TelegramConfig;
  readonly engine: Engine;
  readonly logger: Logger;
  /** Defaults suit production; tests and benchmarks override. */
  readonly tuning?: TelegramTuning;
  /**
   * Where per-user rate limits live: `createRateLimitStore` (../shared/rate-limiter.ts) shares them across
   * instances through Redis or PostgreSQL; default: this process's memory. The caller closes it.
   */
  readonly rateLimits?: RateLimitStore;
  /** Instrumentation: called after each update is fully handled (tests, benchmarks). */
  readonly onUpdateHandled?: (update: Update) => void;
  /** Metrics: Telegram answered 429 and asked to wait this long. */
  readonly onRateLimited?: (retryAfterSeconds: number) => void;
  /** Metrics: a Bot API call attempt failed, by kind. */
  readonly onApiError?: (kind: ApiErrorKind) => void;
  /** Polling stopped for good on its own (409: another poller; 401: token revoked). The process should exit. */
  readonly onFatal?: (error: TelegramStartError) => void;
}

export interface TelegramStatus {
  readonly mode: 'polling' | 'webhook';
  /** Receiving updates and the Bot API answered the last call (the health check reads this). */
  readonly connected: boolean;
  /** Updates being handled right now. */
  readonly pending: number;
  /** Why polling stopped, when it did. */
  readonly failure?: string;
}

export interface TelegramHandle {
  readonly mode: 'polling' | 'webhook';
  /** The bot's @username (from getMe). */
  readonly username: string;
  /** Webhook mode: the local port and path the server listens on. */
  readonly webhook?: { readonly port: number; readonly path: string };
  /** True while updates arrive and the Bot API is reachable. */
  connected(): boolean;
  status(): TelegramStatus;
  stop(): Promise<void>;
}

export async function startTelegram(options: StartTelegramOptions): Promise<TelegramHandle> {
  const { config } = options;
  const tuning = options.tuning ?? {};
  const logger = options.logger.child({ adapter: 'telegram' });
  const shutdown = new AbortController();
  // Every pending pacing wait and Bot API call listens to it: hundreds in a busy minute is expected.
  setMaxListeners(0, shutdown.signal);
  const rateLimits = options.rateLimits ?? inProcessRateLimits();
  let reachable = true;
  let failure: string | undefined;
  let pending = 0;

  const limits = {
    commands: await rateLimits.limiter('tg-commands', tuning.commandRateLimit ?? DEFAULT_RATE_LIMIT),
    groupAnswers: await rateLimits.limiter(
      'tg-group-answers',
      tuning.groupAnswerRateLimit ?? DEFAULT_GROUP_ANSWER_RATE_LIMIT,
    ),
  };
  const bot = createTelegramBot({
    config,
    engine: options.engine,
    logger,
    tuning,
    limits,
    shutdown: shutdown.signal,
    apiEvents: {
      onRateLimited: (seconds) => options.onRateLimited?.(seconds),
      onApiError: (kind) => options.onApiError?.(kind),
      onReachability: (ok) => {
        reachable = ok;
      },
    },
    ...(options.onUpdateHandled ? { onUpdateHandled: options.onUpdateHandled } : {}),
  });
  const handle = async (update: Update): Promise<void> => {
    pending++;
    try {
      await bot.handleUpdate(update);
    } finally {
      pending--;
    }
  };

  try {
    bot.botInfo = await bot.api.getMe();
  } catch (error) {
    throw startErrorOf('getMe (checking the token)', error);
  }
  const username = bot.botInfo.username;
  if (tuning.publishCommands ?? true) {
    // The menu is a convenience: a failure to publish it is logged, never fatal.
    await publishCommands(bot.api).catch((error: unknown) =>
      logger.warn('could not publish the command menu', classifyError(error).fields),
    );
  }
  const graceMs = tuning.stopGraceMs ?? 2000;

  const webhook = config.webhook;
  if (webhook) {
    const path = new URL(webhook.url).pathname || '/';
    const server = await startWebhookServer({
      host: webhook.host,
      port: webhook.port,
      path,
      secretToken: webhook.secret,
      ...(tuning.webhookLimits ? { limits: tuning.webhookLimits } : {}),
      logger,
      handle,
    });
    if (!(tuning.skipSetWebhook ?? false)) {
      try {
        await bot.api.setWebhook(webhook.url, {
          secret_token: webhook.secret,
          allowed_updates: [...ALLOWED_UPDATES],
        });
      } catch (error) {
        await server.close(0);
        throw startErrorOf('setWebhook', error);
      }
    }
    logger.info('webhook mode', { username, port: server.port, path });
    return {
      mode: 'webhook',
      username,
      webhook: { port: server.port, path },
      connected: () => reachable,
      status: () => ({ mode: 'webhook', connected: reachable, pending: server.pending }),
      async stop() {
        await server.close(graceMs);
        // Past the grace period: cut off the calls and waits of updates still running.
        shutdown.abort();
      },
    };
  }

  const poller = new LongPoller({
    api: bot.api,
    handle,
    timeoutSeconds: tuning.pollingTimeoutSeconds ?? 30,
    allowedUpdates: ALLOWED_UPDATES,
    logger,
    shutdown: shutdown.signal,
    onFatal: (error) => {
      failure = error.message;
      options.onFatal?.(error);
    },
  });
  await poller.start();
  logger.info('long polling', { username });
  return {
    mode: 'polling',
    username,
    connected: () => failure === undefined && reachable,
    status: () => ({
      mode: 'polling',
      connected: failure === undefined && reachable,
      pending,
      ...(failure === undefined ? {} : { failure }),
    }),
    async stop() {
      const drained = await poller.stop(graceMs);
      if (!drained) logger.warn('stopping with updates still in flight: they will be delivered again');
      shutdown.abort();
      await poller.finished();
    },
  };
}
