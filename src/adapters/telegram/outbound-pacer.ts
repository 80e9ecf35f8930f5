/**
 * Outbound pacing within Telegram's limits: about 30 messages a second per bot, one a second into a private chat
 * and 20 a minute into a group. Every call that posts or edits a message waits for a slot that every window it
 * falls under still has, so the bot is paced before Telegram has to say 429 (a 429 costs the chat its
 * `retry_after`, usually far longer than the wait). Waits end early when the adapter stops.
 *
 * Our own small pacer rather than `@grammyjs/transformer-throttler`: that throttler queues in Bottleneck with no
 * way to abandon the queue on shutdown, and the group feedback boards need to ask how busy a chat is
 * (`recentSends`) to decide when to coalesce; both are a few lines here.
 */
import type { Transformer } from 'grammy';
import { abortablePause } from './abortable-pause.js';

export interface PaceWindow {
  /** At most `count` messages in any `windowMs`. */
  readonly count: number;
  readonly windowMs: number;
}

export interface PacingLimits {
  readonly perBot: PaceWindow;
  readonly privateChat: PaceWindow;
  readonly groupChat: PaceWindow;
}

export const TELEGRAM_LIMITS: PacingLimits = {
  perBot: { count: 30, windowMs: 1000 },
  privateChat: { count: 1, windowMs: 1000 },
  groupChat: { count: 20, windowMs: 60_000 },
};

/** Methods that put a message in a chat or change one: what Telegram's flood limits count. */
const PACED_METHODS = new Set([
  'sendMessage',
  'sendPhoto',
  'sendDocument',
  'sendMediaGroup',
  'copyMessage',
  'forwardMessage',
  'editMessageText',
  'editMessageReplyMarkup',
]);

/**
 * The grants of one limit; a grant may lie in the future (reserved by a waiting call). A new grant at t is allowed
 * when every `windowMs`-long interval containing t holds fewer than `count` grants.
 */
class SlidingWindow {
  private grants: number[] = [];

  constructor(readonly limit: PaceWindow) {}

  /** The earliest time >= t at which one more grant stays within the limit. */
  earliest(t: number): number {
    let candidate = t;
    for (;;) {
      const blockedUntil = this.blockedUntil(candidate);
      if (blockedUntil === undefined) return candidate;
      candidate = blockedUntil;
    }
  }

  grant(t: number): void {
    this.grants.push(t);
    this.grants.sort((a, b) => a - b);
  }

  countSince(t: number): number {
    return this.grants.filter((g) => g > t).length;
  }

  idle(t: number): boolean {
    this.forget(t);
    return this.grants.length === 0;
  }

  /** Undefined when a grant at t is allowed; else the next time worth trying. */
  private blockedUntil(t: number): number | undefined {
    const { count, windowMs } = this.limit;
    const near = this.grants.filter((g) => g > t - windowMs && g < t + windowMs);
    if (near.length < count) return undefined;
    // Intervals [s, s + windowMs) containing t, starting at t or at a grant before it.
    for (const start of [...near.filter((g) => g <= t), t]) {
      const inside = near.filter((g) => g >= start && g < start + windowMs);
      if (inside.length >= count) return (inside[0] ?? t) + windowMs;
    }
    return undefined;
  }

  /** Drops grants that no window from `now` on can contain (only the present, never a candidate time). */
  forget(t: number): void {
    const horizon = t - this.limit.windowMs;
    if ((this.grants[0] ?? horizon) <= horizon) this.grants = this.grants.filter((g) => g > horizon);
  }
}

export interface OutboundPacerOptions {
  readonly limits: PacingLimits;
  readonly shutdown: AbortSignal;
  readonly now?: () => number;
}

export class OutboundPacer {
  private readonly perBot: SlidingWindow;
  private readonly chats = new Map<string, SlidingWindow>();
  private readonly now: () => number;

  constructor(private readonly options: OutboundPacerOptions) {
    this.perBot = new SlidingWindow(options.limits.perBot);
    this.now = options.now ?? Date.now;
  }

  /** Reserves the next slot for a message into this chat and waits for it (at once when stopping). */
  async acquire(chatId: string | number): Promise<void> {
    const chat = this.windowOf(chatId);
    let t = this.now();
    chat.forget(t);
    this.perBot.forget(t);
    for (;;) {
      const next = this.perBot.earliest(chat.earliest(t));
      if (next === t) break;
      t = next;
    }
    chat.grant(t);
    this.perBot.grant(t);
    const wait = t - this.now();
    if (wait > 0) await abortablePause(wait, this.options.shutdown);
  }

  /** Messages sent (or reserved) into this chat within its window: how busy it is. */
  recentSends(chatId: string | number): number {
    const chat = this.windowOf(chatId);
    return chat.countSince(this.now() - chat.limit.windowMs);
  }

  /** The chat's own limit (a group's 20 a minute, a private chat's 1 a second). */
  limitOf(chatId: string | number): PaceWindow {
    return this.windowOf(chatId).limit;
  }

  /** The transformer to install with `bot.api.config.use` (outermost, so a retry is not paced twice). */
  transformer(): Transformer {
    return async (prev, method, payload, signal) => {
      const chatId = PACED_METHODS.has(method) ? chatIdOf(payload) : undefined;
      if (chatId !== undefined) await this.acquire(chatId);
      return prev(method, payload, signal);
    };
  }

  private windowOf(chatId: string | number): SlidingWindow {
    const key = String(chatId);
    let chat = this.chats.get(key);
    if (!chat) {
      // Private chats have positive ids; groups, supergroups and channels negative ones (or @username).
      const isPrivate = /^\d+$/.test(key);
      chat = new SlidingWindow(isPrivate ? this.options.limits.privateChat : this.options.limits.groupChat);
      this.chats.set(key, chat);
      if (this.chats.size > 10_000) this.prune();
    }
    return chat;
  }

  private prune(): void {
    const t = this.now();
    for (const [key, chat] of this.chats) if (chat.idle(t)) this.chats.delete(key);
  }
}

function chatIdOf(payload: unknown): string | number | undefined {
  if (typeof payload !== 'object' || payload === null || !('chat_id' in payload)) return undefined;
  const id = payload.chat_id;
  return typeof id === 'number' || typeof id === 'string' ? id : undefined;
}
