/**
 * Failing fast instead of hanging: with the database frozen (SQLite: another connection holds the write lock;
 * PostgreSQL: another connection holds locks on every table; or a server that stops answering at all), answers
 * reject with StoreUnavailableError within the timeout, record nothing, and succeed again once the database is
 * back, without reopening the store.
 */
import Database from 'better-sqlite3';
import { createServer, connect, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatExpected } from '../../src/core/answers/index.js';
import { buildQuestion, findTopic } from '../../src/core/topics/index.js';
import type { Actor, Engine, Place } from '../../src/engine/api.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { StoreUnavailableError, type Store } from '../../src/engine/ports/store.js';
import { createPrismaStore } from '../../src/store/prisma/create-prisma-store.js';
import {
  TEST_POSTGRES_URL,
  createTempDatabase,
  noticeIfNoPostgres,
  type TempPostgres,
} from './support/temp-postgres.js';
import { tempSqlite } from './support/temp-sqlite.js';

const TIMEOUT_MS = 600;
/** The timeout plus what a busy CI machine may add before the rejection is seen. */
const WITHIN_MS = TIMEOUT_MS + 2500;
const TOPIC = 'conv-output-size';
const place: Place = { scope: { platform: 'telegram', scopeId: 'g', kind: 'group' }, channelId: 'g' };
const actor = (i: number): Actor => ({ platform: 'telegram', userId: `u${i}`, displayName: `U${i}` });

/** A question and an answer to it that records attempts (all parts right). */
async function quiz(engine: Engine) {
  const started = await engine.startQuiz({
    actor: actor(0),
    place,
    selector: TOPIC,
    event: { eventId: 'quiz' },
  });
  if (!started.ok) throw new Error(started.error);
  const parts = buildQuestion(findTopic(TOPIC)!, started.value.seed).parts;
  const answers = Object.fromEntries(parts.map((p) => [p.id, formatExpected(p.expected, { exact: true })]));
  const answer = (student: number, eventId: string) =>
    engine.submitAnswer({
      actor: actor(student),
      place,
      questionId: started.value.questionId,
      answer: { parts: answers },
      event: { eventId },
    });
  return { questionId: Number(started.value.questionId), answer };
}

/** Resolves with how long `p` took to reject, and what with. */
async function rejection(p: Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const t = performance.now();
  try {
    await p;
  } catch (error) {
    return { ms: performance.now() - t, error };
  }
  throw new Error('expected a rejection');
}

async function expectNothingRecorded(
  store: Store,
  questionId: number,
  students: number[],
  eventIds: string[],
) {
  for (const id of eventIds) expect(await store.getEvent(`telegram:answer:${id}`)).toBeUndefined();
  for (const s of students) {
    const user = await store.upsertUser({
      platform: 'telegram',
      platformUserId: `u${s}`,
      displayName: `U${s}`,
    });
    const state = await store.getUserQuestionState({ questionId, userId: user.id });
    expect(state.attempts).toEqual([]);
  }
}

describe('SQLite: another connection holds the write lock', () => {
  const db = tempSqlite('frozen');
  let store: Store;
  afterAll(async () => {
    await store?.close();
    db.remove();
  });

  it('answers fail within the timeout, record nothing, and succeed once the lock is released', async () => {
    store = await createPrismaStore({ url: db.url, timeoutMs: TIMEOUT_MS });
    const engine = createEngine({ store });
    const { questionId, answer } = await quiz(engine);
    expect((await answer(1, 'before')).ok).toBe(true);

    const other = new Database(db.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const failures = await Promise.all([answer(2, 'a1'), answer(3, 'a2'), answer(4, 'a3')].map(rejection));
      for (const f of failures) {
        expect(f.error).toBeInstanceOf(StoreUnavailableError);
        expect(f.ms).toBeLessThan(WITHIN_MS);
      }
      // Reads still work meanwhile (WAL): the student's progress can be shown.
      expect(await engine.getProgress({ actor: actor(1) })).toBeDefined();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await expectNothingRecorded(store, questionId, [2, 3, 4], ['a1', 'a2', 'a3']);
    const again = await answer(2, 'a1');
    expect(again.ok && again.value.pointsAwarded).toBeGreaterThan(0);
  });
});

noticeIfNoPostgres('store-timeouts');

describe.skipIf(TEST_POSTGRES_URL === undefined)('PostgreSQL: frozen', () => {
  let db: TempPostgres;
  beforeAll(async () => {
    db = await createTempDatabase('frozen');
  });
  afterAll(() => db?.drop());

  it('another connection locks every table: answers fail within the timeout, even with more answers than connections, then succeed', async () => {
    const store = await createPrismaStore({ url: db.url, timeoutMs: TIMEOUT_MS, poolSize: 4 });
    try {
      const engine = createEngine({ store });
      const { questionId, answer } = await quiz(engine);
      expect((await answer(1, 'before')).ok).toBe(true);
      const locker = new pg.Client({ connectionString: db.url });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query(
        'LOCK TABLE events, questions, users, attempts, user_questions, scores, topic_progress IN ACCESS EXCLUSIVE MODE',
      );
      const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
      try {
        const failures = await Promise.all(ids.map((id, i) => rejection(answer(10 + i, id))));
        for (const f of failures) {
          expect(f.error).toBeInstanceOf(StoreUnavailableError);
          // Queued behind the 4 busy connections: at most a wait for a connection plus the statement timeout.
          expect(f.ms).toBeLessThan(2 * TIMEOUT_MS + 3000);
        }
      } finally {
        await locker.query('ROLLBACK');
        await locker.end();
      }
      await expectNothingRecorded(store, questionId, [10, 11], ids.slice(0, 2));
      const again = await answer(10, 'p0');
      expect(again.ok && again.value.pointsAwarded).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('the server stops answering at all (as when frozen with SIGSTOP): answers fail within the timeout, then succeed', async () => {
    const proxy = await freezableProxy(new URL(db.url));
    const url = new URL(db.url);
    url.host = `127.0.0.1:${proxy.port}`;
    const store = await createPrismaStore({ url: url.toString(), timeoutMs: TIMEOUT_MS, poolSize: 4 });
    try {
      const engine = createEngine({ store });
      const { answer } = await quiz(engine);
      expect((await answer(1, 'before')).ok).toBe(true);
      proxy.freeze();
      const failures = await Promise.all(['f1', 'f2', 'f3'].map((id, i) => rejection(answer(20 + i, id))));
      for (const f of failures) {
        expect(f.error).toBeInstanceOf(StoreUnavailableError);
        // The driver's query timeout is the statement timeout + 1 s (the server would cancel first if it could).
        expect(f.ms).toBeLessThan(2 * TIMEOUT_MS + 1000 + 3000);
      }
      proxy.thaw();
      const again = await answer(20, 'f1-retry');
      expect(again.ok).toBe(true);
    } finally {
      await store.close();
      await proxy.close();
    }
  });
});

/**
 * A TCP proxy on 127.0.0.1 to the PostgreSQL server; freeze() stops passing bytes on every connection open at the
 * time (as a stopped server does: connections stay open, nothing comes back); new connections pass again after
 * thaw(), and frozen ones are closed then.
 */
async function freezableProxy(target: URL) {
  const frozen = new Set<Socket>();
  const open = new Set<Socket>();
  let freezing = false;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      from.on('data', (chunk: Buffer) => {
        if (!frozen.has(client)) to.write(chunk);
      });
      from.on('error', () => to.destroy());
      from.on('close', () => to.destroy());
    }
    open.add(client);
    client.on('close', () => open.delete(client));
    if (freezing) frozen.add(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    freeze() {
      freezing = true;
      for (const s of open) frozen.add(s);
    },
    thaw() {
      freezing = false;
      for (const s of frozen) s.destroy();
      frozen.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
