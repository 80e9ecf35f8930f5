/**
 * Starts the Telegram adapter: long polling by default, a webhook server when a public URL is configured.
 * `src/main.ts` calls this when TELEGRAM_BOT_TOKEN is set.
 */
import type { Update } from 'grammy/types';
import type { Engine } from '../../engine/api.js';
import type { Logger, TelegramConfig, TelegramTuning } from './config.js';
import { ALLOWED_UPDATES, createTelegramBot } from './create-bot.js';
import { classifyError } from './error-boundary.js';
import { publishCommands } from './publish-commands.js';
import { startWebhookServer } from './webhook-server.js';

export type { CommandRateLimitConfig, Logger, TelegramConfig, TelegramTuning } from './config.js';

export interface StartTelegramOptions {
  readonly config: TelegramConfig;
  readonly engine: Engine;
  readonly logger: Logger;
  /** Defaults suit production; tests and benchmarks override. */
  readonly tuning?: TelegramTuning;
  /** Instrumentation: called after each update is fully handled (tests, benchmarks). */
  readonly onUpdateHandled?: (update: Update) => void;
  /** Clock of the per-user command rate limiter (tests). */
  readonly now?: () => number;
}

export interface TelegramHandle {
  readonly mode: 'polling' | 'webhook';
  /** The bot's @username (from getMe). */
  readonly username: string;
  /** Webhook mode: the local port and path the server listens on. */
  readonly webhook?: { readonly port: number; readonly path: string };
  stop(): Promise<void>;
}

export async function startTelegram(options: StartTelegramOptions): Promise<TelegramHandle> {
  const { config } = options;
  const tuning = options.tuning ?? {};
  const logger = options.logger.child({ adapter: 'telegram' });
  const bot = createTelegramBot({ ...options, logger });
  await bot.init();
  const username = bot.botInfo.username;
  if (tuning.publishCommands ?? true) {
    // The menu is a convenience: a failure to publish it is logged, never fatal.
    await publishCommands(bot.api).catch((error: unknown) =>
      logger.warn('could not publish the command menu', classifyError(error).fields),
    );
  }

  const webhook = config.webhook;
  if (webhook) {
    const path = new URL(webhook.url).pathname || '/';
    const server = await startWebhookServer({
      host: webhook.host,
      port: webhook.port,
      path,
      secretToken: webhook.secret,
      answerWithinMs: tuning.webhookAnswerWithinMs ?? 8000,
      logger,
      handle: (update) => bot.handleUpdate(update),
    });
    if (!(tuning.skipSetWebhook ?? false)) {
      await bot.api.setWebhook(webhook.url, {
        secret_token: webhook.secret,
        allowed_updates: [...ALLOWED_UPDATES],
      });
    }
    logger.info('webhook mode', { username, port: server.port, path });
    return { mode: 'webhook', username, webhook: { port: server.port, path }, stop: () => server.close() };
  }

  let polling: Promise<void> | undefined;
  await new Promise<void>((resolve, reject) => {
    polling = bot.start({
      timeout: tuning.pollingTimeoutSeconds ?? 30,
      allowed_updates: [...ALLOWED_UPDATES],
      onStart: () => resolve(),
    });
    // Before onStart a failure (a wrong token) fails the start; after it, it is logged (409: another poller).
    polling.catch((error: unknown) => {
      reject(error instanceof Error ? error : new Error(String(error)));
      logger.error('long polling stopped', classifyError(error).fields);
    });
  });
  logger.info('long polling', { username });
  return {
    mode: 'polling',
    username,
    async stop() {
      await bot.stop();
      await polling?.catch(() => undefined);
    },
  };
}
