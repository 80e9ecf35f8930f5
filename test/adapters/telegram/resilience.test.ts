/**
 * Bounded everything, end to end through `startTelegram`: a start that fails with a typed, readable error when
 * the Bot API is unreachable, hangs or refuses the token; a stop that completes while a Bot API call hangs; a
 * second long poller stopped with a clear message instead of a silent loop; a 429 asking too long a wait not
 * waited out; and no log line carrying the token.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERIC_FAILURE } from '../../../src/adapters/shared/texts.js';
import {
  startTelegram,
  TelegramStartError,
  type TelegramHandle,
} from '../../../src/adapters/telegram/index.js';
import type { Engine } from '../../../src/engine/api.js';
import { createEngine } from '../../../src/engine/create-engine.js';
import { createLogger } from '../../../src/logger.js';
import { FakeBotApi } from './support/fake-bot-api.js';
import { alice, Harness, linesWithToken, privateChat, type LogLine, type Mode } from './support/harness.js';
import { seededRandom } from './support/quiz-helpers.js';
import { openTestStore, type TestStore } from './support/test-store.js';

const TOKEN = '7123456789:AAHfakeTokenForTestsOnly_abcdefghij';
const FAST_CALLS = { callTimeoutMs: 300, maxRetries: 2, backoffMs: 20 };

/** Rejects when the promise has not settled within `ms` (the bound the test asserts). */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function capture(): { lines: LogLine[]; logger: ReturnType<typeof createLogger> } {
  const lines: LogLine[] = [];
  return {
    lines,
    logger: createLogger({ level: 'debug', write: (l) => lines.push(JSON.parse(l) as LogLine) }),
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('Telegram start-up', () => {
  let blackhole: Server | undefined;
  afterEach(async () => {
    blackhole?.closeAllConnections();
    await new Promise<void>((r) => (blackhole ? blackhole.close(() => r()) : r()));
    blackhole = undefined;
  });

  it('Bot API unreachable at start -> rejects within the timeout with the cause, the token redacted', async () => {
    const { lines, logger } = capture();
    const apiRoot = `http://127.0.0.1:${await freePort()}`;
    const error = await within(
      5000,
      startTelegram({
        config: { token: TOKEN, apiRoot },
        engine: {} as Engine,
        logger,
        tuning: { apiCalls: FAST_CALLS },
      }).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(error).toBeInstanceOf(TelegramStartError);
    const start = error as TelegramStartError;
    expect(start.reason).toBe('unreachable');
    expect(start.message).toMatch(/getMe/);
    expect(start.message).toMatch(/ECONNREFUSED/);
    expect(start.message).not.toContain(TOKEN);
    // The raw cause does carry the token in its URL: what the logger must never write.
    const cause = (start.cause as { error?: Error }).error;
    expect(String(cause?.message)).toContain(TOKEN);
    logger.error('telegram failed to start', { error: start });
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).toMatch(/ECONNREFUSED/);
    expect(linesWithToken(lines, TOKEN)).toEqual([]);
  });

  it('a Bot API that accepts connections but never answers -> rejects after the bounded attempts', async () => {
    blackhole = createServer(() => undefined);
    await new Promise<void>((r) => blackhole!.listen(0, '127.0.0.1', r));
    const apiRoot = `http://127.0.0.1:${(blackhole.address() as AddressInfo).port}`;
    const error = await within(
      5000,
      startTelegram({
        config: { token: TOKEN, apiRoot },
        engine: {} as Engine,
        logger: capture().logger,
        tuning: { apiCalls: FAST_CALLS },
      }).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(error).toBeInstanceOf(TelegramStartError);
    expect((error as TelegramStartError).reason).toBe('unreachable');
  });

  it('a rejected token (401) -> rejects at once, saying so', async () => {
    const fake = await FakeBotApi.start();
    try {
      // Not retried: well within one attempt's timeout.
      const error = await within(
        1000,
        startTelegram({
          config: { token: '999:AAHwrongTokenForTests_abcdefghijklm', apiRoot: fake.apiRoot },
          engine: {} as Engine,
          logger: capture().logger,
          tuning: { apiCalls: { callTimeoutMs: 5000 } },
        }).then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
      expect(error).toBeInstanceOf(TelegramStartError);
      expect((error as TelegramStartError).reason).toBe('unauthorized');
      expect((error as Error).message).toMatch(/401/);
    } finally {
      await fake.close();
    }
  });
});

describe.each<Mode>(['polling', 'webhook'])('Telegram over %s, bounded', (mode) => {
  let db: TestStore;
  let engine: Engine;

  beforeEach(async () => {
    db = await openTestStore();
    engine = createEngine({ store: db.store, random: seededRandom(3) });
  });
  afterEach(async () => {
    await db.close();
  });

  it('stop() completes within a few seconds while a Bot API call hangs', async () => {
    const h = await Harness.start({
      mode,
      engine,
      tuning: { apiCalls: { callTimeoutMs: 60_000, maxRetries: 3 }, stopGraceMs: 300 },
    });
    h.fake.hangNext('sendMessage', 10);
    // Not awaited: the handler hangs on sendMessage until stop() cuts it off.
    const updateId = h.fake.pushUpdate(
      h.fake.message({ chat: privateChat(alice), from: alice, text: '/help' }),
    );
    for (let i = 0; i < 200 && h.fake.hungCalls === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(h.fake.hungCalls).toBe(1);
    await within(3000, h.handle.stop());
    await h.fake.close();
    expect(h.tracker.count(updateId)).toBe(1);
    expect(linesWithToken(h.logs, h.fake.token)).toEqual([]);
  });

  it('does not wait out a 429 asking for an hour: the student is told something went wrong', async () => {
    const waits: number[] = [];
    const kinds: string[] = [];
    const h = await Harness.start({
      mode,
      engine,
      onRateLimited: (s) => waits.push(s),
      onApiError: (k) => kinds.push(k),
    });
    try {
      expect(h.handle.connected()).toBe(true);
      h.fake.failNext('sendMessage', 1, { error_code: 429, retry_after: 3600 });
      const sent = await h.say(privateChat(alice), alice, '/help');
      expect(sent.replies.map((m) => m.text)).toEqual([GENERIC_FAILURE]);
      expect(h.logs.some((l) => l.level === 'error' && String(l.errorCode) === '429')).toBe(true);
      // The metrics hooks saw it.
      expect(waits).toEqual([3600]);
      expect(kinds).toEqual(['rate-limited']);
      expect(h.handle.status()).toMatchObject({ mode, connected: true });
    } finally {
      await h.stop();
    }
  });
});

describe('Telegram long polling with a second poller', () => {
  it('the first poller, conflicted (409), logs why, stops and reports it instead of looping', async () => {
    const db = await openTestStore();
    const engine = createEngine({ store: db.store, random: seededRandom(4) });
    const fake = await FakeBotApi.start();
    const fatal: TelegramStartError[] = [];
    const { lines, logger } = capture();
    let first: TelegramHandle | undefined;
    let second: Harness | undefined;
    try {
      first = await startTelegram({
        config: { token: fake.token, apiRoot: fake.apiRoot },
        engine,
        logger,
        tuning: { pollingTimeoutSeconds: 5, publishCommands: false },
        onFatal: (e) => fatal.push(e),
      });
      expect(first.connected()).toBe(true);
      second = await Harness.start({ mode: 'polling', engine, fake });
      for (let i = 0; i < 300 && fatal.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(fatal.map((e) => e.reason)).toEqual(['conflict']);
      expect(first.connected()).toBe(false);
      expect(first.status().failure).toMatch(/another process is receiving updates/);
      const logged = lines.filter((l) => l.level === 'error' && l.msg.startsWith('long polling stopped'));
      expect(logged).toHaveLength(1);
      // No loop: after the 409 the first poller made no further getUpdates calls.
      const conflicts = fake.calls.filter(
        (c) => c.method === 'getUpdates' && !c.response.ok && c.response.error_code === 409,
      );
      expect(conflicts).toHaveLength(1);
      // The poller still running answers students.
      const sent = await second.say(privateChat(alice), alice, '/help');
      expect(sent.replies.length).toBeGreaterThan(0);
    } finally {
      await second?.stop({ keepFake: true });
      await first?.stop();
      await fake.close();
      await db.close();
    }
    expect(linesWithToken(lines, fake.token)).toEqual([]);
  });
});
