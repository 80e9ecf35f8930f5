/**
 * Telegram adapter settings. What an operator configures (token, API root, webhook) is `TelegramConfig` from
 * `src/config.ts`; the knobs below have sensible defaults and are overridden only by tests and benchmarks.
 */
export type { TelegramConfig, TelegramWebhookConfig } from '../../config.js';
export type { Logger } from '../../logger.js';

export interface CommandRateLimitConfig {
  /** Commands (and button presses) a user may send in a burst. */
  readonly burst: number;
  /** One more allowed every `refillMs`. */
  readonly refillMs: number;
}

export interface TelegramTuning {
  /** Per-user limit on commands and button presses; default burst 6, one more every 4 s. */
  readonly commandRateLimit?: CommandRateLimitConfig;
  /** Per-user limit on answers in groups (each answer there makes the bot post); default burst 10, one every 3 s. */
  readonly groupAnswerRateLimit?: CommandRateLimitConfig;
  /** Long-polling timeout in seconds (default 30). */
  readonly pollingTimeoutSeconds?: number;
  /** Webhook mode: answer Telegram after at most this long even if the handler still runs (default 8000 ms). */
  readonly webhookAnswerWithinMs?: number;
  /** Webhook mode: do not call setWebhook at start (registered out of band); default false. */
  readonly skipSetWebhook?: boolean;
  /** Publish the command menu with setMyCommands at start (default true). */
  readonly publishCommands?: boolean;
}

export const DEFAULT_RATE_LIMIT: CommandRateLimitConfig = { burst: 6, refillMs: 4000 };
export const DEFAULT_GROUP_ANSWER_RATE_LIMIT: CommandRateLimitConfig = { burst: 10, refillMs: 3000 };
