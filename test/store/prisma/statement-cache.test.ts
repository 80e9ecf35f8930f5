/**
 * The prepared-statement cache under Prisma's better-sqlite3 adapter (src/store/prisma/statement-cache.ts): one
 * compile per SQL text, each run with its own arguments, errors as before, bounded.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachingClient } from '../../../src/store/prisma/statement-cache.js';

let db: Database.Database;

function open(): Database.Database {
  db = new Database(':memory:');
  db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
  return db;
}

afterEach(() => {
  if (db.open) db.close();
});

describe('cachingClient', () => {
  it('compiles a SQL text once and runs it with the arguments bound for each call', () => {
    const raw = open();
    const prepare = vi.spyOn(raw, 'prepare');
    const client = cachingClient(raw);
    const insert = 'INSERT INTO t (k, v) VALUES (?, ?)';
    expect(client.prepare(insert).bind(['a', 1]).reader).toBe(false);
    expect(client.prepare(insert).bind(['a', 1]).run().changes).toBe(1);
    expect(client.prepare(insert).bind(['b', 2]).run().changes).toBe(1);
    const select = 'SELECT k, v FROM t WHERE v >= ? ORDER BY k';
    const view = client.prepare(select).bind([2]);
    expect(view.reader).toBe(true);
    expect(view.columns().map((c) => c.name)).toEqual(['k', 'v']);
    expect(view.raw().all()).toEqual([['b', 2]]);
    expect(client.prepare(select).bind([0]).raw().all()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(prepare.mock.calls.map((c) => c[0])).toEqual([insert, select]);
  });

  it("reads a statement's result columns from SQLite once, whatever the arguments", () => {
    const raw = open();
    const client = cachingClient(raw);
    const select = 'SELECT k, v AS value FROM t WHERE v >= ?';
    const first = client.prepare(select).bind([1]);
    const columns = vi.spyOn(Object.getPrototypeOf(raw.prepare(select)) as Database.Statement, 'columns');
    const names = first.columns().map((c) => c.name);
    expect(names).toEqual(['k', 'value']);
    expect(
      client
        .prepare(select)
        .bind([5])
        .columns()
        .map((c) => c.name),
    ).toEqual(names);
    expect(columns).toHaveBeenCalledTimes(1);
  });

  it('a failing run throws the driver error and leaves the statement usable', () => {
    const client = cachingClient(open());
    const insert = 'INSERT INTO t (k, v) VALUES (?, ?)';
    client.prepare(insert).bind(['a', 1]).run();
    expect(() => client.prepare(insert).bind(['a', 2]).run()).toThrow(/UNIQUE constraint failed/);
    expect(client.prepare(insert).bind(['c', 3]).run().changes).toBe(1);
    expect(() => client.prepare('SELEC nonsense')).toThrow(/syntax error/);
  });

  it('BEGIN / COMMIT without arguments, exec and close reach the database', () => {
    const raw = open();
    const client = cachingClient(raw);
    client.prepare('BEGIN').run();
    expect(raw.inTransaction).toBe(true);
    client.exec("INSERT INTO t (k, v) VALUES ('x', 9); COMMIT");
    expect(raw.inTransaction).toBe(false);
    expect(client.prepare('SELECT v FROM t').raw().all()).toEqual([[9]]);
    client.close();
    expect(raw.open).toBe(false);
  });

  it('keeps at most `capacity` statements, evicting the oldest', () => {
    const raw = open();
    const prepare = vi.spyOn(raw, 'prepare');
    const client = cachingClient(raw, 2);
    const q = (n: number) => `SELECT ${n} AS n`;
    client.prepare(q(1));
    client.prepare(q(2));
    client.prepare(q(1)); // a hit
    client.prepare(q(3)); // evicts 1, the oldest
    client.prepare(q(2)); // a hit
    client.prepare(q(1)); // compiled again
    expect(prepare.mock.calls.map((c) => c[0])).toEqual([q(1), q(2), q(3), q(1)]);
  });
});
