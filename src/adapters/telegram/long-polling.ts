/**
 * Long polling with bounded calls, our replacement for `bot.start()`, whose own retry loop (like `bot.init()`'s)
 * retries network errors forever and handles one update at a time. Each batch's updates are handled concurrently
 * (one student's updates in a chat still in order) and confirmed (the next getUpdates offset) only once all of them are handled, so a crash mid-batch gets the
 * batch redelivered (the engine's event ids make that safe) instead of losing it. A 409 Conflict means another
 * process polls with this token (or a webhook is set): it is logged clearly and stops the poller; it is never
 * retried in a loop.
 */
import { AbortController } from 'abort-controller';
import { GrammyError, type Api } from 'grammy';
import type { Update } from 'grammy/types';
import { abortablePause } from './abortable-pause.js';
import type { Logger } from './config.js';
import { classifyError } from './error-boundary.js';
import { startErrorOf, type TelegramStartError } from './start-error.js';

export interface LongPollerOptions {
  readonly api: Api;
  readonly handle: (update: Update) => Promise<void>;
  readonly timeoutSeconds: number;
  readonly allowedUpdates: readonly ('message' | 'callback_query')[];
  readonly logger: Logger;
  /** Ended by the adapter's stop: waits between failed polls end at once. */
  readonly shutdown: AbortSignal;
  /** Called once when polling stops for good on its own (409, 401): the process should exit or be restarted. */
  readonly onFatal: (error: TelegramStartError) => void;
}

export class LongPoller {
  private running = false;
  private offset: number | undefined;
  private pollAbort = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly options: LongPollerOptions) {}

  /** One short poll first, so a conflict or a refused token fails the start itself; then the loop runs. */
  async start(): Promise<void> {
    try {
      await this.options.api.deleteWebhook();
      await this.fetch(0);
    } catch (error) {
      throw startErrorOf('the first getUpdates', error);
    }
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Stops polling and waits up to `graceMs` for the batch in flight; when it is done in time, confirms it. Returns
   * whether it drained; if not, the caller aborts the shutdown signal and awaits `finished()`.
   */
  async stop(graceMs: number): Promise<boolean> {
    this.running = false;
    this.pollAbort.abort();
    const drained = await Promise.race([
      this.finished().then(() => true),
      abortablePause(graceMs, this.options.shutdown).then(() => false),
    ]);
    if (drained && this.offset !== undefined) {
      // Confirms the last batch so it is not delivered again to the next process; best effort.
      await this.options.api.getUpdates({ offset: this.offset, limit: 1, timeout: 0 }).catch(() => undefined);
    }
    return drained;
  }

  /** Resolves when the loop and its last batch are over. */
  finished(): Promise<void> {
    return this.loop ?? Promise.resolve();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.fetch(this.options.timeoutSeconds);
        failures = 0;
      } catch (error) {
        if (!this.running) return;
        if (error instanceof GrammyError && (error.error_code === 409 || error.error_code === 401)) {
          const fatal = startErrorOf('getUpdates', error);
          this.options.logger.error(`long polling stopped: ${fatal.message}`, classifyError(error).fields);
          this.running = false;
          this.options.onFatal(fatal);
          return;
        }
        failures++;
        const waitMs = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        this.options.logger.warn('getUpdates failed, polling again shortly', {
          waitMs,
          ...classifyError(error).fields,
        });
        await abortablePause(waitMs, this.options.shutdown);
      }
    }
  }

  /** One getUpdates call; its updates are handled concurrently and confirmed by the next call's offset. */
  private async fetch(timeoutSeconds: number): Promise<void> {
    this.pollAbort = new AbortController();
    const updates = await this.options.api.getUpdates(
      {
        ...(this.offset === undefined ? {} : { offset: this.offset }),
        timeout: timeoutSeconds,
        allowed_updates: [...this.options.allowedUpdates],
      },
      this.pollAbort.signal,
    );
    const last = updates.at(-1);
    if (last === undefined) return;
    await Promise.allSettled([...bySender(updates).values()].map((queue) => this.inOrder(queue)));
    this.offset = last.update_id + 1;
  }

  /** One sender's updates in the order Telegram gave them ("a) 45" before "b) 220"). */
  private async inOrder(queue: readonly Update[]): Promise<void> {
    for (const update of queue) await this.options.handle(update).catch(() => undefined);
  }
}

/** Updates grouped by (chat, sender): different students and chats run concurrently, one student's in order. */
function bySender(updates: readonly Update[]): Map<string, Update[]> {
  const groups = new Map<string, Update[]>();
  for (const u of updates) {
    const chat = u.message?.chat.id ?? u.callback_query?.message?.chat.id;
    const from = u.message?.from?.id ?? u.callback_query?.from.id;
    const key = chat === undefined && from === undefined ? `update:${u.update_id}` : `${chat}:${from}`;
    const list = groups.get(key) ?? [];
    list.push(u);
    groups.set(key, list);
  }
  return groups;
}
