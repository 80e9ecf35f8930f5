/**
 * Telegram adapter settings. What an operator configures (token, API root, webhook) is `TelegramConfig`, which
 * src/config.ts fills from the environment (only the entry points read config); the knobs below have sensible
 * defaults and are overridden only by tests and benchmarks.
 */
export interface TelegramWebhookConfig {
  /** Public HTTPS URL Telegram posts updates to (its path is the path the HTTP server listens on). */
  readonly url: string;
  /** Secret token Telegram sends in X-Telegram-Bot-Api-Secret-Token; requests without it are refused. */
  readonly secret: string;
  /** Local port of the webhook HTTP server (TELEGRAM_WEBHOOK_PORT, else PORT, else 8080). */
  readonly port: number;
  /** Local address the HTTP server binds to. */
  readonly host: string;
}

export interface TelegramConfig {
  readonly token: string;
  /** Bot API root for tests against a fake Telegram (e.g. http://127.0.0.1:8081); unset in production. */
  readonly apiRoot?: string;
  /** Webhook mode when set; long polling otherwise. */
  readonly webhook?: TelegramWebhookConfig;
}

export type { Logger } from '../../logger.js';
import type { RateRule } from '../shared/rate-limiter.js';
import type { ApiCallPolicy } from './bounded-api-calls.js';
import type { PacingLimits } from './outbound-pacer.js';
import type { WebhookLimits } from './webhook-server.js';

/** Per-user limit: a burst, then one more every `refillMs` (see ../shared/rate-limiter.ts). */
export type CommandRateLimitConfig = RateRule;

export interface TelegramTuning {
  /** Per-user limit on commands and button presses; default burst 6, one more every 4 s. */
  readonly commandRateLimit?: CommandRateLimitConfig;
  /** Per-user limit on answers in groups (each answer there makes the bot post); default burst 10, one every 3 s. */
  readonly groupAnswerRateLimit?: CommandRateLimitConfig;
  /** Long-polling timeout in seconds (default 30). */
  readonly pollingTimeoutSeconds?: number;
  /** Timeouts and retries of every Bot API call (defaults: 10 s per attempt, 3 retries, 429s up to 30 s). */
  readonly apiCalls?: Partial<ApiCallPolicy>;
  /** Outbound pacing (default: Telegram's limits, 30/s per bot, 1/s per private chat, 20/min per group). */
  readonly pacing?: PacingLimits;
  /** Busy groups: coalesce after this many messages in the window, edit the board at most every intervalMs. */
  readonly feedbackBoard?: { readonly busyAfter?: number; readonly intervalMs?: number };
  /** Webhook server limits (body size, header/body timeouts, connections, handling deadline). */
  readonly webhookLimits?: Partial<WebhookLimits>;
  /** stop(): how long updates in flight may finish before every call is cut off (default 2000 ms). */
  readonly stopGraceMs?: number;
  /** Webhook mode: do not call setWebhook at start (registered out of band); default false. */
  readonly skipSetWebhook?: boolean;
  /** Publish the command menu with setMyCommands at start (default true). */
  readonly publishCommands?: boolean;
}

export const DEFAULT_RATE_LIMIT: CommandRateLimitConfig = { burst: 6, refillMs: 4000 };
export const DEFAULT_GROUP_ANSWER_RATE_LIMIT: CommandRateLimitConfig = { burst: 10, refillMs: 3000 };
