/**
 * The statements of the SQLite hot path on the connection itself (src/store/prisma/sqlite-direct.ts): arguments
 * encoded as Prisma's adapter encodes them, rows keyed by column name with plain numbers, one compile per SQL text.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Prisma } from '../../../src/generated/sqlite/client.js';
import { directStatements } from '../../../src/store/prisma/sqlite-direct.js';

let db: Database.Database;
afterEach(() => {
  if (db.open) db.close();
});

function open(): Database.Database {
  db = new Database(':memory:');
  // Like the adapter's connection: BigInt integers by default.
  db.defaultSafeIntegers(true);
  db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, at TEXT, flag INTEGER, n INTEGER)');
  return db;
}

describe('directStatements', () => {
  it('encodes dates as ISO-8601 text with +00:00 and booleans as 1/0, and reads numbers as numbers', () => {
    const s = directStatements(open());
    const at = new Date(Date.UTC(2026, 10, 24, 8, 30, 0, 5));
    expect(s.run(Prisma.sql`INSERT INTO t (k, at, flag, n) VALUES (${'a'}, ${at}, ${true}, ${41})`)).toBe(1);
    expect(s.all(Prisma.sql`SELECT k, at, flag, n + 1 AS next FROM t WHERE k = ${'a'}`)).toEqual([
      { k: 'a', at: '2026-11-24T08:30:00.005+00:00', flag: 1, next: 42 },
    ]);
  });

  it('runs a write given to all() and returns no rows, or the RETURNING rows', () => {
    const s = directStatements(open());
    expect(s.all(Prisma.sql`INSERT INTO t (k, n) VALUES (${'b'}, ${1})`)).toEqual([]);
    expect(s.all(Prisma.sql`UPDATE t SET n = n + 1 WHERE k = ${'b'} RETURNING n`)).toEqual([{ n: 2 }]);
  });

  it('compiles a SQL text once, keeps at most `capacity` statements, and throws SQLite errors as they are', () => {
    const raw = open();
    const prepare = vi.spyOn(raw, 'prepare');
    const s = directStatements(raw, 2);
    const select = (v: number) => Prisma.sql`SELECT ${v} AS v`;
    s.all(select(1));
    s.all(select(2));
    expect(prepare).toHaveBeenCalledTimes(1);
    s.all(Prisma.sql`SELECT 2 AS two`);
    s.all(Prisma.sql`SELECT 3 AS three`); // evicts `SELECT ? AS v`
    s.all(select(3));
    expect(prepare).toHaveBeenCalledTimes(4);
    s.exec('BEGIN IMMEDIATE');
    expect(raw.inTransaction).toBe(true);
    s.exec('ROLLBACK');
    s.run(Prisma.sql`INSERT INTO t (k) VALUES (${'dup'})`);
    expect(() => s.run(Prisma.sql`INSERT INTO t (k) VALUES (${'dup'})`)).toThrow(
      expect.objectContaining({ name: 'SqliteError', code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }),
    );
  });
});
