/**
 * The long poller on its own against the fake Bot API: a batch is handled concurrently across students but in
 * order for each student, and confirmed only once handled.
 */
import { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { LongPoller } from '../../../src/adapters/telegram/long-polling.js';
import { silentLogger } from '../../../src/logger.js';
import { FakeBotApi } from './support/fake-bot-api.js';
import { alice, bob, group } from './support/harness.js';

describe('LongPoller', () => {
  it("handles a batch concurrently across students, each student's updates in order, and confirms it", async () => {
    const fake = await FakeBotApi.start();
    const shutdown = new AbortController();
    const events: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const handle = async (u: Update): Promise<void> => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      events.push(`start ${u.message?.from?.first_name} ${u.message?.text}`);
      await new Promise((r) => setTimeout(r, 30));
      events.push(`end ${u.message?.from?.first_name} ${u.message?.text}`);
      running--;
    };
    for (const [from, text] of [
      [alice, 'a1'],
      [bob, 'b1'],
      [alice, 'a2'],
      [bob, 'b2'],
      [alice, 'a3'],
    ] as const) {
      fake.pushUpdate(fake.message({ chat: group, from, text }));
    }
    const poller = new LongPoller({
      api: new Api(fake.token, { apiRoot: fake.apiRoot }),
      handle,
      timeoutSeconds: 1,
      allowedUpdates: ['message'],
      logger: silentLogger,
      shutdown: shutdown.signal,
      onFatal: () => undefined,
    });
    try {
      await poller.start();
      expect(events).toHaveLength(10);
      // Alice's and Bob's ran side by side...
      expect(maxRunning).toBe(2);
      // ...and each one's in order, one at a time.
      for (const who of ['Alice', 'Bob']) {
        const mine = events.filter((e) => e.includes(who));
        const texts = mine.map((e) => e.split(' ').slice(1).join(' '));
        const order = who === 'Alice' ? ['a1', 'a2', 'a3'] : ['b1', 'b2'];
        expect(mine.map((e) => e.split(' ')[0])).toEqual(order.flatMap(() => ['start', 'end']));
        expect([...new Set(texts.map((t) => t.split(' ')[1]))]).toEqual(order);
      }
    } finally {
      expect(await poller.stop(1000)).toBe(true);
      shutdown.abort();
      await poller.finished();
      await fake.close();
    }
    // Confirmed: the final getUpdates carried the offset past the batch.
    const last = fake.calls.filter((c) => c.method === 'getUpdates').at(-1);
    expect(last?.payload.offset).toBe(6);
  });
});
