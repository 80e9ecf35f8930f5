/**
 * Group commit on SQLite (src/store/prisma/group-commit.ts): atomic units that arrive together share one
 * transaction, each in a savepoint. Each caller must still see its own all-or-nothing result, and nothing may
 * resolve before the COMMIT that makes it durable.
 */
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Prisma, PrismaClient } from '../../../src/generated/sqlite/client.js';
import { sqliteRunner } from '../../../src/store/prisma/adapter-runner.js';
import type { SqlRunner } from '../../../src/store/prisma/dialect.js';
import { uniqueViolationOn } from '../../../src/store/prisma/errors.js';
import { MAX_BATCH, groupCommit } from '../../../src/store/prisma/group-commit.js';
import { findMigrationsDir } from '../../../src/store/prisma/migrations/read-migrations.js';
import { migrateSqlite } from '../../../src/store/prisma/migrations/migrate-sqlite.js';
import { SafeSqliteAdapterFactory } from '../../../src/store/prisma/sqlite-adapter.js';
import type { DirectSqlite, DirectStatements } from '../../../src/store/prisma/sqlite-direct.js';
import { tempSqlite } from '../support/temp-sqlite.js';

const db = tempSqlite('group-commit');
beforeAll(() => {
  migrateSqlite({ file: db.file, migrationsDir: findMigrationsDir('sqlite'), busyTimeoutMs: 5000 });
});
afterAll(() => db.remove());

let prisma: PrismaClient;
let factory: SafeSqliteAdapterFactory;
let sql: SqlRunner;
beforeEach(async () => {
  factory = new SafeSqliteAdapterFactory({ url: db.file, busyTimeoutMs: 5000 });
  prisma = new PrismaClient({ adapter: factory });
  await prisma.$connect();
  sql = sqliteRunner(() => factory.direct);
});
afterEach(async () => {
  await prisma.$disconnect();
});

const event = (kind: string, key: string) =>
  Prisma.sql`INSERT INTO processed_events (kind, key, created_at) VALUES (${kind}, ${key}, ${new Date()})`;
const count = (kind: string) => Prisma.sql`SELECT COUNT(*) AS n FROM processed_events WHERE kind = ${kind}`;
const keysOf = async (kind: string) =>
  (await sql.query(Prisma.sql`SELECT key FROM processed_events WHERE kind = ${kind} ORDER BY key`)).map(
    (r) => r['key'],
  );
const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('group commit on SQLite', () => {
  it('units submitted together share one transaction, run in order, and each gets its own rows', async () => {
    const begin = vi.spyOn(factory.direct, 'exclusive');
    const results = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((key) => sql.atomically([event('batch', key)], count('batch'))),
    );
    expect(begin).toHaveBeenCalledTimes(1);
    // Each unit's last statement saw the units before it and its own write, not the ones after it.
    expect(results).toEqual([1, 2, 3, 4, 5].map((n) => [{ n }]));
    expect(await keysOf('batch')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a unit that fails is rolled back alone, rejects with its classified error, and the others commit', async () => {
    await sql.execute(event('attempts', 'taken'));
    const outcomes = await Promise.all([
      settle(sql.atomically([event('attempts', 'first')], Prisma.sql`SELECT 1 AS one`)),
      // Its first write succeeds, its second collides: neither may be kept.
      settle(sql.atomically([event('attempts', 'half'), event('attempts', 'taken')], Prisma.sql`SELECT 1`)),
      settle(sql.atomically([event('attempts', 'third')], Prisma.sql`SELECT 3 AS three`)),
    ]);
    expect(outcomes[0]).toEqual({ ok: true, value: [{ one: 1 }] });
    expect(outcomes[1]?.ok).toBe(false);
    expect(uniqueViolationOn(outcomes[1]?.ok === false ? outcomes[1].error : undefined)).toBe('event');
    expect(outcomes[2]).toEqual({ ok: true, value: [{ three: 3 }] });
    expect(await keysOf('attempts')).toEqual(['first', 'taken', 'third']);
  });

  it('two units racing for the same key: the first wins, the second is told it collided', async () => {
    const outcomes = await Promise.all([
      settle(sql.atomically([event('race', 'k')], Prisma.sql`SELECT 1`)),
      settle(sql.atomically([event('race', 'k')], Prisma.sql`SELECT 1`)),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false]);
    expect(await keysOf('race')).toEqual(['k']);
  });

  it('more units than a batch holds are split over several transactions, all committed', async () => {
    const begin = vi.spyOn(factory.direct, 'exclusive');
    const n = MAX_BATCH * 2 + 3;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        sql.atomically([event('many', String(i).padStart(4, '0'))], count('many')),
      ),
    );
    expect(begin).toHaveBeenCalledTimes(3);
    expect(await sql.query(count('many'))).toEqual([{ n }]);
  });

  it('nothing resolves before COMMIT: once a unit has resolved, another connection sees its write', async () => {
    const reader = new Database(db.file, { readonly: true });
    const visible = reader.prepare("SELECT key FROM processed_events WHERE kind = 'durable' AND key = ?");
    try {
      const seen = await Promise.all(
        ['x', 'y', 'z'].map(async (key) => {
          await sql.atomically([event('durable', key)], Prisma.sql`SELECT 1`);
          return visible.get(key) !== undefined;
        }),
      );
      expect(seen).toEqual([true, true, true]);
    } finally {
      reader.close();
    }
  });
});

/**
 * Failures SQLite cannot be made to produce on demand (a failing COMMIT, a transaction SQLite rolled back by
 * itself), on a scripted connection that records every statement.
 */
describe('group commit when the transaction itself fails', () => {
  function scripted(fail: (sql: string) => Error | undefined): { conn: DirectSqlite; log: string[] } {
    const log: string[] = [];
    const run = (sql: string): void => {
      log.push(sql.trim().split(/\s+/).slice(0, 3).join(' '));
      const error = fail(sql);
      if (error) throw error;
    };
    const db: DirectStatements = {
      all: (q) => {
        run(q.sql);
        return [{ v: 1 }];
      },
      run: (q) => {
        run(q.sql);
        return 1;
      },
      exec: (sql) => run(sql),
    };
    const conn: DirectSqlite = {
      exclusive: (fn) => {
        log.push('(lock)');
        try {
          return Promise.resolve(fn(db));
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        } finally {
          log.push('(unlock)');
        }
      },
    };
    return { conn, log };
  }

  it('a failing COMMIT rejects every unit of the batch with its error and rolls back', async () => {
    const { conn, log } = scripted((s) => (s === 'COMMIT' ? new Error('disk I/O error') : undefined));
    const atomically = groupCommit(() => conn);
    const outcomes = await Promise.all([
      settle(atomically([Prisma.sql`INSERT a`], Prisma.sql`SELECT 1`)),
      settle(atomically([Prisma.sql`INSERT b`], Prisma.sql`SELECT 2`)),
    ]);
    expect(outcomes.map((o) => (o.ok ? 'resolved' : (o.error as Error).message))).toEqual([
      'disk I/O error',
      'disk I/O error',
    ]);
    expect(log.slice(-3)).toEqual(['COMMIT', 'ROLLBACK', '(unlock)']);
  });

  it('when SQLite rolled the whole transaction back (ROLLBACK TO fails), no unit is told it was recorded', async () => {
    const full = new Error('database or disk is full');
    const { conn, log } = scripted((s) =>
      s.startsWith('INSERT b')
        ? full
        : s === 'ROLLBACK TO unit'
          ? new Error('no such savepoint: unit')
          : undefined,
    );
    const atomically = groupCommit(() => conn);
    const outcomes = await Promise.all([
      settle(atomically([Prisma.sql`INSERT a`], Prisma.sql`SELECT 1`)),
      settle(atomically([Prisma.sql`INSERT b`], Prisma.sql`SELECT 2`)),
      settle(atomically([Prisma.sql`INSERT c`], Prisma.sql`SELECT 3`)),
    ]);
    expect(outcomes.every((o) => !o.ok)).toBe(true);
    expect(log).not.toContain('INSERT c');
    expect(log).not.toContain('COMMIT');
    expect(log.slice(-2)).toEqual(['ROLLBACK', '(unlock)']);
  });

  it('a unit alone runs as a plain transaction, without savepoints', async () => {
    const { conn, log } = scripted(() => undefined);
    const atomically = groupCommit(() => conn);
    expect(await atomically([Prisma.sql`INSERT a`], Prisma.sql`SELECT 1`)).toEqual([{ v: 1 }]);
    expect(log).toEqual(['(lock)', 'BEGIN IMMEDIATE', 'INSERT a', 'SELECT 1', 'COMMIT', '(unlock)']);
  });
});
