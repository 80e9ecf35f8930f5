/** The outbound pacer keeps every window of every limit within its count, per chat and per bot. */
import { setMaxListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  OutboundPacer,
  TELEGRAM_LIMITS,
  type PaceWindow,
} from '../../../src/adapters/telegram/outbound-pacer.js';

function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0; i < sorted.length; i++) {
    let n = 0;
    for (let j = i; j < sorted.length && (sorted[j] ?? 0) < (sorted[i] ?? 0) + windowMs; j++) n++;
    best = Math.max(best, n);
  }
  return best;
}

describe('OutboundPacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends into a group at most 20 a minute, a private chat 1 a second, the bot 30 a second', async () => {
    const shutdown = new AbortController();
    setMaxListeners(0, shutdown.signal);
    const pacer = new OutboundPacer({ limits: TELEGRAM_LIMITS, shutdown: shutdown.signal });
    const start = Date.now();
    const sentAt = new Map<string, number[]>();
    const send = async (chat: number): Promise<void> => {
      await pacer.acquire(chat);
      const list = sentAt.get(String(chat)) ?? [];
      list.push(Date.now() - start);
      sentAt.set(String(chat), list);
    };
    const all = [
      ...Array.from({ length: 45 }, () => send(-100)),
      ...Array.from({ length: 200 }, (_, i) => send(1 + (i % 50))),
    ];
    await vi.runAllTimersAsync();
    await Promise.all(all);
    const check = (chat: string, limit: PaceWindow): void =>
      expect(maxInWindow(sentAt.get(chat) ?? [], limit.windowMs)).toBeLessThanOrEqual(limit.count);
    check('-100', TELEGRAM_LIMITS.groupChat);
    for (let c = 1; c <= 50; c++) check(String(c), TELEGRAM_LIMITS.privateChat);
    const everything = [...sentAt.values()].flat();
    expect(everything).toHaveLength(245);
    expect(maxInWindow(everything, 1000)).toBeLessThanOrEqual(30);
    // Not slower than it must be: 45 group messages need just over two minutes.
    expect(Math.max(...(sentAt.get('-100') ?? []))).toBeLessThanOrEqual(2 * 60_000 + 1000);
    expect(pacer.recentSends(-100)).toBeGreaterThan(0);
  });

  it('stops waiting at once when the adapter stops', async () => {
    const shutdown = new AbortController();
    const pacer = new OutboundPacer({ limits: TELEGRAM_LIMITS, shutdown: shutdown.signal });
    await pacer.acquire(5);
    let done = false;
    const second = pacer.acquire(5).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(false);
    shutdown.abort();
    await second;
    expect(done).toBe(true);
  });
});
