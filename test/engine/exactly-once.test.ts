/**
 * Exactly-once answers, always answered (issue #10 item 1), on the memory store, SQLite and PostgreSQL:
 * - two different answers racing for one part are both graded and answered: the loser is a later try, or told the
 *   part is already settled; "duplicate" only for the same platform event;
 * - a crash between the commit and the send, then a redelivery of the event: the student gets their feedback
 *   (replayed from the event's stored outcome), while a redelivery whose reply was delivered stays silent.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { REPLY_LEASE_MS } from '../../src/engine/reply-lease.js';
import type { Store } from '../../src/engine/ports/store.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { createPrismaStore } from '../../src/store/prisma/create-prisma-store.js';
import { TEST_POSTGRES_URL, createTempDatabase, type TempPostgres } from '../store/support/temp-postgres.js';
import { tempSqlite } from '../store/support/temp-sqlite.js';
import { actor, harness, value } from './support/harness.js';
import { xOf } from './support/test-catalog.js';

// Each test opens a fresh database: harnesses number their events from e1, so two must not share one.
const sqliteFiles: { remove(): void }[] = [];
const databases: TempPostgres[] = [];
const opened: Store[] = [];
let n = 0;

const STORES: [string, () => Promise<Store>][] = [
  ['memory', () => Promise.resolve(createMemoryStore())],
  [
    'SQLite',
    () => {
      const db = tempSqlite();
      sqliteFiles.push(db);
      return createPrismaStore({ url: db.url, timeoutMs: 30_000 });
    },
  ],
  ...(TEST_POSTGRES_URL === undefined
    ? []
    : ([
        [
          'PostgreSQL',
          async () => {
            const db = await createTempDatabase(`exactly_once_${++n}`);
            databases.push(db);
            return createPrismaStore({ url: db.url, timeoutMs: 30_000 });
          },
        ],
      ] as [string, () => Promise<Store>][])),
];

afterAll(async () => {
  for (const s of opened) await s.close();
  for (const f of sqliteFiles) f.remove();
  for (const d of databases) await d.drop();
});

describe.each(STORES)('on %s', (_name, open) => {
  it('two different answers racing for one part are both graded and answered', async () => {
    const store = await open();
    opened.push(store);
    const h = harness({ store });
    for (let round = 0; round < 20; round++) {
      const ana = actor(`ana-${round}`);
      const { seed } = await h.quiz(ana, 'third');
      const right = (xOf(seed) + 1 / 3).toFixed(2);
      const wrong = (xOf(seed) + 5).toFixed(2);
      const [a, b] = await Promise.all([h.answer(ana, right), h.answer(ana, wrong)]);
      for (const r of [a, b]) {
        // Answered: either graded (a try) or told the part is settled. Never a silent duplicate.
        const outcome = value(r);
        expect(outcome.duplicate).toBe(false);
        expect(outcome.grades.length + outcome.settled.length).toBeGreaterThan(0);
      }
    }
  });

  it('a crash between commit and send: the redelivered event gets its feedback; a delivered one stays silent', async () => {
    const store = await open();
    opened.push(store);
    const h = harness({ store });
    const ben = actor('ben');
    const { seed } = await h.quiz(ben, 'third');
    const right = (xOf(seed) + 1 / 3).toFixed(2);

    // Recorded, then the process died before sending: nothing marked the reply delivered.
    const first = value(await h.answer(ben, right, { eventId: 'crash-1' }));
    expect(first.grades[0]?.status).toBe('correct');

    // Redelivered at once (the recording process may still be replying): silent.
    const soon = value(await h.answer(ben, right, { eventId: 'crash-1' }));
    expect(soon.duplicate).toBe(true);

    // Redelivered after the lease: the stored feedback is sent again, nothing recorded twice.
    h.setNow(new Date(h.now().getTime() + REPLY_LEASE_MS + 1).toISOString());
    const replay = value(await h.answer(ben, right, { eventId: 'crash-1' }));
    expect(replay).toMatchObject({ duplicate: false, replayed: true, pointsAwarded: first.pointsAwarded });
    expect(replay.grades.map((g) => g.status)).toEqual(['correct']);
    const progress = await h.engine.getProgress({ actor: ben });
    expect(progress.totalPoints).toBe(first.pointsAwarded);

    // Once the adapter says it delivered the reply, a redelivery is silent.
    await h.engine.markDelivered({ actor: ben, event: { eventId: 'crash-1' } });
    h.setNow(new Date(h.now().getTime() + REPLY_LEASE_MS + 1).toISOString());
    const after = value(await h.answer(ben, right, { eventId: 'crash-1' }));
    expect(after.duplicate).toBe(true);
  });
});
