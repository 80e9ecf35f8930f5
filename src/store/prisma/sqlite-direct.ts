/**
 * The SQLite hot path one layer further down: the store's raw statements run synchronously on the better-sqlite3
 * connection that Prisma's adapter opened, while holding that adapter's mutex.
 *
 * Why: going through the adapter (`queryRaw`, `executeRaw`, `startTransaction`) costs ~4 µs of JavaScript per
 * statement (argument types, result sets, a promise or two per hop) on top of SQLite's own work, and an answer is
 * about ten statements. Measured with `npm run bench telegram` / `discord` (see ARCHITECTURE.md, Performance).
 *
 * What stays exactly as before:
 * - the connection and the order: one mutex for Prisma Client's operations and these (sqlite-adapter.ts), so a
 *   statement here never runs inside a transaction of the typed client, or the other way round;
 * - stored values: arguments are encoded like the adapter encodes them (dates as ISO-8601 text with `+00:00`,
 *   booleans as 1/0); the adapter-runner tests compare both paths;
 * - errors: better-sqlite3's SqliteError, which errors.ts classifies like the adapter's DriverAdapterError.
 * Results are rows keyed by column name with integers as JS numbers (ids, counts and seeds are far below 2^53).
 */
import type Database from 'better-sqlite3';
import type { Prisma } from '../../generated/sqlite/client.js';
import { cachedOrCreate } from './bounded-cache.js';
import type { Row } from './rows.js';

/** Statements on the connection, for use inside `DirectSqlite.exclusive` only (synchronous). */
export interface DirectStatements {
  /** The rows of one statement (empty for a write without RETURNING). */
  all(query: Prisma.Sql): Row[];
  /** One statement; the number of rows it changed. */
  run(query: Prisma.Sql): number;
  /** A statement without arguments (BEGIN IMMEDIATE, SAVEPOINT, COMMIT...). */
  exec(sql: string): void;
}

export interface DirectSqlite {
  /** Runs `fn` once every earlier statement and transaction on the connection has finished, and nothing else meanwhile. */
  exclusive<T>(fn: (db: DirectStatements) => T): Promise<T>;
}

/** The adapter's encoding of an argument (@prisma/adapter-better-sqlite3 mapArg, for the types the store sends). */
function encode(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Prepared statements of one connection, by SQL text (bounded; oldest evicted first, see bounded-cache.ts). */
export function directStatements(db: Database.Database, capacity = 256): DirectStatements {
  const cache = new Map<string, Database.Statement<unknown[], Row>>();
  const prepare = (sql: string): Database.Statement<unknown[], Row> =>
    cachedOrCreate(cache, sql, capacity, () =>
      // The adapter's connection defaults to BigInt integers; these statements read plain numbers.
      db.prepare<unknown[], Row>(sql).safeIntegers(false),
    );
  const args = (query: Prisma.Sql): unknown[] => query.values.map(encode);
  return {
    all(query) {
      const stmt = prepare(query.sql);
      if (!stmt.reader) {
        stmt.run(...args(query));
        return [];
      }
      return stmt.all(...args(query));
    },
    run(query) {
      return prepare(query.sql).run(...args(query)).changes;
    },
    exec(sql) {
      prepare(sql).run();
    },
  };
}
