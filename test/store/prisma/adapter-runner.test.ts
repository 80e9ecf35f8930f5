/**
 * The SQLite hot path that skips Prisma Client (src/store/prisma/adapter-runner.ts; the PostgreSQL one is run by
 * the store contract in postgres-store.test.ts): it runs on the connection the client's adapter opened, so it
 * must store the same values, read rows back by column name, stay ordered with the client's transactions (one mutex),
 * keep transactions all-or-nothing and let errors.ts classify unique violations.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Prisma, PrismaClient } from '../../../src/generated/sqlite/client.js';
import { sqliteRunner, toSqlQuery } from '../../../src/store/prisma/adapter-runner.js';
import type { SqlRunner } from '../../../src/store/prisma/dialect.js';
import { uniqueViolationOn } from '../../../src/store/prisma/errors.js';
import { findMigrationsDir } from '../../../src/store/prisma/migrations/read-migrations.js';
import { migrateSqlite } from '../../../src/store/prisma/migrations/migrate-sqlite.js';
import { SafeSqliteAdapterFactory } from '../../../src/store/prisma/sqlite-adapter.js';
import { tempSqlite } from '../support/temp-sqlite.js';

const db = tempSqlite('runner');
beforeAll(() => {
  migrateSqlite({ file: db.file, migrationsDir: findMigrationsDir('sqlite'), busyTimeoutMs: 5000 });
});
afterAll(() => db.remove());

let prisma: PrismaClient;
let sql: SqlRunner;
beforeEach(async () => {
  const factory = new SafeSqliteAdapterFactory({ url: db.file, busyTimeoutMs: 5000 });
  prisma = new PrismaClient({ adapter: factory });
  await prisma.$connect();
  sql = sqliteRunner(() => factory.direct);
});
afterEach(async () => {
  await prisma.$disconnect();
});

const event = (kind: string, key: string, at: Date) =>
  Prisma.sql`INSERT INTO processed_events (kind, key, created_at) VALUES (${kind}, ${key}, ${at})`;
const keysOf = async (kind: string) =>
  (await sql.query(Prisma.sql`SELECT key FROM processed_events WHERE kind = ${kind} ORDER BY key`)).map(
    (r) => r['key'],
  );

describe('arguments and rows', () => {
  it('gives each value its argument type, placeholders as `?`', () => {
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(toSqlQuery(Prisma.sql`SELECT ${1}, ${2.5}, ${'a'}, ${true}, ${at}, ${null}, ${3n}`)).toEqual({
      sql: 'SELECT ?, ?, ?, ?, ?, ?, ?',
      args: [1, 2.5, 'a', true, at, null, 3n],
      argTypes: ['int', 'float', 'string', 'boolean', 'datetime', 'unknown', 'bigint'].map((scalarType) => ({
        scalarType,
        arity: 'scalar',
      })),
    });
  });

  it('uses `$n` placeholders for PostgreSQL', () => {
    expect(toSqlQuery(Prisma.sql`SELECT ${1} WHERE a = ${'x'}`, 'postgres')).toMatchObject({
      sql: 'SELECT $1 WHERE a = $2',
      args: [1, 'x'],
    });
  });

  it('stores dates and booleans exactly as Prisma Client does, and reads rows keyed by column name', async () => {
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    await prisma.$executeRaw(event('same', 'client', at));
    await sql.execute(event('same', 'direct', at));
    const stored = await sql.query(
      Prisma.sql`SELECT key, created_at, typeof(created_at) AS t, ${true} AS yes, ${false} AS no, 7 AS n
                 FROM processed_events WHERE kind = 'same' ORDER BY key`,
    );
    // Both paths store the ISO-8601 text the adapter writes; integers come back as numbers.
    expect(stored).toEqual(
      ['client', 'direct'].map((key) => ({
        key,
        created_at: '2026-01-02T03:04:05.006+00:00',
        t: 'text',
        yes: 1,
        no: 0,
        n: 7,
      })),
    );
  });
});

describe('atomically', () => {
  it('commits every write and returns the rows of the last statement', async () => {
    const at = new Date();
    const rows = await sql.atomically(
      [event('ok', 'a', at), event('ok', 'b', at)],
      Prisma.sql`SELECT COUNT(*) AS n FROM processed_events WHERE kind = 'ok'`,
    );
    expect(rows).toEqual([{ n: 2 }]);
    expect(await keysOf('ok')).toEqual(['a', 'b']);
  });

  it('a unique violation keeps nothing, is classified as such, and frees the connection', async () => {
    const at = new Date();
    await sql.execute(event('attempts', 'taken', at));
    const failure: unknown = await sql
      .atomically([event('attempts', 'fresh', at), event('attempts', 'taken', at)], Prisma.sql`SELECT 1`)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(uniqueViolationOn(failure)).toBe('event');
    expect(await keysOf('attempts')).toEqual(['taken']);
    // The connection was handed on: the client and the runner both still work, and a new transaction commits.
    await prisma.$executeRaw(event('attempts', 'after', at));
    await sql.atomically([event('attempts', 'later', at)], Prisma.sql`SELECT 1`);
    expect(await keysOf('attempts')).toEqual(['after', 'later', 'taken']);
  });
});

describe('one connection, one mutex', () => {
  it('a direct statement waits for an open Prisma Client transaction instead of running inside it', async () => {
    let outside: Promise<number> | undefined;
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw(event('mixed', 'inside', new Date()));
        outside = sql.execute(event('mixed', 'outside', new Date()));
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await outside).toBe(1);
    expect(await keysOf('mixed')).toEqual(['outside']);
  });
});
