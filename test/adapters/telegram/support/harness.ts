/**
 * Runs the real Telegram adapter (`startTelegram`) against a FakeBotApi, in long-polling or webhook mode, and
 * waits deterministically: every update is tracked until the adapter reports it fully handled (no sleeps).
 */
import type { Chat, Message, Update, User } from 'grammy/types';
import { expect } from 'vitest';
import {
  startTelegram,
  type TelegramHandle,
  type TelegramTuning,
} from '../../../../src/adapters/telegram/index.js';
import { inProcessRateLimits, type RateLimitStore } from '../../../../src/adapters/shared/rate-limiter.js';
import type { Engine } from '../../../../src/engine/api.js';
import { createLogger } from '../../../../src/logger.js';
import { compressedLimits, FakeBotApi, TELEGRAM_FLOOD_LIMITS, type NewUpdate } from './fake-bot-api.js';

export type Mode = 'polling' | 'webhook';

export interface LogLine {
  readonly level: string;
  readonly msg: string;
  readonly [key: string]: unknown;
}

/** Counts handled updates per id and resolves waiters (an update may be handled twice when redelivered). */
export class UpdateTracker {
  private readonly counts = new Map<number, number>();
  private readonly waiters: { id: number; n: number; resolve: () => void }[] = [];

  readonly onUpdateHandled = (update: Update): void => {
    const n = (this.counts.get(update.update_id) ?? 0) + 1;
    this.counts.set(update.update_id, n);
    for (const w of [...this.waiters]) {
      if (w.id === update.update_id && n >= w.n) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };

  count(id: number): number {
    return this.counts.get(id) ?? 0;
  }

  /** Resolves when update `id` has been handled `n` times in total. */
  waitFor(id: number, n = 1, timeoutMs = 10_000): Promise<void> {
    if (this.count(id) >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`update ${id} not handled ${n}x in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        id,
        n,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
}

export const WEBHOOK_SECRET = 'test-secret_123';
export const WEBHOOK_URL = 'https://bot.example.test/telegram/hook';

export interface HarnessOptions {
  readonly mode: Mode;
  readonly engine: Engine;
  readonly tuning?: TelegramTuning;
  /** Clock of the in-process rate limits (ignored when `rateLimits` is given). */
  readonly now?: () => number;
  /** Where rate limits live (default: in process). */
  readonly rateLimits?: RateLimitStore;
  /** Metrics hooks passed to startTelegram. */
  readonly onRateLimited?: (retryAfterSeconds: number) => void;
  readonly onApiError?: (kind: string) => void;
  /** Reuse a running fake (a restarted bot process); a new one is started otherwise. */
  readonly fake?: FakeBotApi;
}

export interface Sent {
  readonly updateId: number;
  /** The message the student sent (for replies to it). */
  readonly message: Message | undefined;
  /** Messages the bot sent while handling it, in order. */
  readonly replies: Message.TextMessage[];
  /** Their HTML sources. */
  readonly html: string[];
}

export class Harness {
  readonly logs: LogLine[] = [];
  readonly tracker = new UpdateTracker();
  handle!: TelegramHandle;

  private constructor(
    readonly fake: FakeBotApi,
    readonly mode: Mode,
  ) {}

  static async start(options: HarnessOptions): Promise<Harness> {
    const fake = options.fake ?? (await FakeBotApi.start());
    const h = new Harness(fake, options.mode);
    const logger = createLogger({
      level: 'debug',
      write: (line) => h.logs.push(JSON.parse(line) as LogLine),
    });
    h.handle = await startTelegram({
      config: {
        token: fake.token,
        apiRoot: fake.apiRoot,
        ...(options.mode === 'webhook'
          ? { webhook: { url: WEBHOOK_URL, secret: WEBHOOK_SECRET, port: 0, host: '127.0.0.1' } }
          : {}),
      },
      engine: options.engine,
      logger,
      tuning: {
        // Fast stop in tests: bot.stop aborts the pending poll anyway.
        pollingTimeoutSeconds: 5,
        // Tests send many commands in a row; the rate-limit test sets its own.
        commandRateLimit: { burst: 1000, refillMs: 1 },
        groupAnswerRateLimit: { burst: 1000, refillMs: 1 },
        // Telegram's limits with time 1,000x faster: paced like production, without a second per private message.
        pacing: compressedLimits(TELEGRAM_FLOOD_LIMITS, 1000),
        ...options.tuning,
      },
      onUpdateHandled: h.tracker.onUpdateHandled,
      rateLimits: options.rateLimits ?? inProcessRateLimits(options.now),
      ...(options.onRateLimited ? { onRateLimited: options.onRateLimited } : {}),
      ...(options.onApiError ? { onApiError: options.onApiError } : {}),
    });
    if (options.mode === 'webhook') {
      const w = h.handle.webhook!;
      fake.deliverTo = `http://127.0.0.1:${w.port}${w.path}`;
    } else {
      fake.deliverTo = undefined;
    }
    return h;
  }

  /** The local webhook address (webhook mode). */
  get webhookUrl(): string {
    const w = this.handle.webhook!;
    return `http://127.0.0.1:${w.port}${w.path}`;
  }

  /** Delivers an update and waits until the adapter has fully handled it. */
  async deliver(update: NewUpdate): Promise<Sent> {
    const mark = this.fake.mark();
    const updateId = this.fake.pushUpdate(update);
    await this.tracker.waitFor(updateId);
    const sent = this.fake.sentSince(mark);
    return {
      updateId,
      message: update.message,
      replies: sent.map((s) => s.message),
      html: sent.map((s) => s.html),
    };
  }

  /** A student types a message (a command or an answer), optionally as a reply. */
  say(chat: Chat, from: User, text: string, replyTo?: Message): Promise<Sent> {
    return this.deliver(this.fake.message({ chat, from, text, ...(replyTo ? { replyTo } : {}) }));
  }

  /** A student presses an inline button under one of the bot's messages. */
  press(from: User, message: Message, data: string): Promise<Sent & { callbackId: string }> {
    const update = this.fake.callback({ from, message, data });
    return this.deliver(update).then((s) => ({ ...s, callbackId: update.callback_query!.id }));
  }

  /** Stops the adapter (and the fake unless `keepFake`); fails if any log line gave the bot token away. */
  async stop(options: { keepFake?: boolean } = {}): Promise<void> {
    await this.handle.stop();
    if (!options.keepFake) await this.fake.close();
    expect(linesWithToken(this.logs, this.fake.token)).toEqual([]);
  }
}

/**
 * Log lines that contain the bot token or its secret half, in any form (every e2e test checks its logs with this
 * when it stops the harness).
 */
export function linesWithToken(lines: readonly LogLine[], token: string): string[] {
  const secret = token.slice(token.indexOf(':') + 1);
  return lines.map((l) => JSON.stringify(l)).filter((l) => l.includes(token) || l.includes(secret));
}

// ---- people and chats --------------------------------------------------------------------------------------

export const alice: User = { id: 1001, is_bot: false, first_name: 'Alice', username: 'alice' };
export const bob: User = { id: 1002, is_bot: false, first_name: 'Bob', last_name: 'Tan' };
export const privateChat = (user: User): Chat.PrivateChat => ({
  id: user.id,
  type: 'private',
  first_name: user.first_name,
});
export const group: Chat.GroupChat = { id: -4001, type: 'group', title: 'NNDL study group' };
export const supergroup: Chat.SupergroupChat = {
  id: -1001234567890,
  type: 'supergroup',
  title: 'SC4001 <2024>',
};
