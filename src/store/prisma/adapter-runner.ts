/**
 * The hot path: the store's raw statements sent straight to the driver adapter Prisma Client is connected
 * through (PostgreSQL: Prisma's pg adapter and its pool, pg-adapter.ts), skipping Prisma Client's request
 * pipeline. SQLite goes one layer further down, to the adapter's better-sqlite3 connection under the adapter's
 * mutex (sqlite-direct.ts); what follows describes the adapter layer both paths were first built on.
 *
 * Why: measured with `npm run bench store`, Prisma Client costs ~0.3-0.7 ms of CPU per `$queryRaw` (request
 * serialization, the query interpreter, result deserialization), more than SQLite needs to run the statement, so
 * a submitted answer (4 store calls, one of them a 5-statement transaction) was capped at ~400 answers/s. Calling
 * the adapter's queryRaw / executeRaw / startTransaction ourselves is ~3x cheaper and changes nothing else: it is
 * the SAME adapter instance Prisma Client uses, so on SQLite the same connection, the same mutex (statements and
 * transactions of both paths are ordered one after another) and BEGIN IMMEDIATE for every transaction; on
 * PostgreSQL the same pool.
 *
 * What Prisma Client did for us and is done here instead:
 * - arguments: `Prisma.Sql` (`.sql` with `?` placeholders for SQLite, `.text` with `$1` for PostgreSQL, flattened
 *   `.values`) -> the adapter's SqlQuery with an ArgType per value (the adapter itself encodes Date and booleans,
 *   on SQLite as ISO-8601 text with `+00:00` and 1/0, exactly as it did when Prisma Client sent the values, so
 *   stored values are identical on both paths);
 * - results: the adapter's SqlResultSet (column names + rows of arrays; 64-bit integers arrive as decimal strings,
 *   dates as text) -> `Row` objects keyed by column name, decoded by rows.ts like before;
 * - SQLite transactions: COMMIT / ROLLBACK are sent on the transaction and then the connection is handed back, as
 *   Prisma's own transaction code does (the adapter's transactions use no phantom query). PostgreSQL needs none:
 *   several writes are one statement of data-modifying CTEs (statements.ts withWritesSql);
 * - errors: the adapter throws its DriverAdapterError as is (Prisma Client wrapped it); errors.ts reads both.
 */
import type { Prisma } from '../../generated/sqlite/client.js';
import { toRows, toSqlQuery, type SqlQuery, type SqlResultSet } from './adapter-sql.js';
import type { SqlRunner } from './dialect.js';
import { groupCommit } from './group-commit.js';
import type { Row } from './rows.js';
import type { DirectSqlite } from './sqlite-direct.js';
import { withWritesSql } from './statements.js';

export { toRows, toSqlQuery } from './adapter-sql.js';

/** The part of a driver adapter the PostgreSQL runner uses (Prisma's pg adapter has it). */
interface Queryable {
  queryRaw(query: SqlQuery): Promise<SqlResultSet>;
  executeRaw(query: SqlQuery): Promise<number>;
}

/**
 * PostgreSQL: raw statements on the pg adapter Prisma Client is connected through; several writes are one
 * statement (atomic without BEGIN/COMMIT round trips). `connection` returns that adapter at the time of the call.
 */
export function pgAdapterRunner(connection: () => Queryable): SqlRunner {
  const query = async (sql: Prisma.Sql): Promise<Row[]> =>
    toRows(await connection().queryRaw(toSqlQuery(sql, 'postgres')));
  return {
    query,
    execute: (sql) => connection().executeRaw(toSqlQuery(sql, 'postgres')),
    atomically: (writes, last) => query(withWritesSql(writes, last)),
  };
}

/**
 * SQLite: raw statements run synchronously on the connection Prisma Client is connected through, under its mutex
 * (sqlite-direct.ts: one layer below the adapter, which cost more JavaScript per statement than SQLite's work).
 * `connection` returns that connection at the time of the call (Prisma connects again after a disconnect).
 */
export function sqliteRunner(connection: () => DirectSqlite): SqlRunner {
  return {
    query: (query) => connection().exclusive((db) => db.all(query)),
    execute: (query) => connection().exclusive((db) => db.run(query)),
    // Answers arriving together share one transaction, each in its own savepoint (group-commit.ts).
    atomically: groupCommit(connection),
  };
}
