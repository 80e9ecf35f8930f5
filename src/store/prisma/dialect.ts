/**
 * What differs between the two providers: the scalar maximum, and how several writes are made atomic.
 *
 * SqlRunner is the store's way to run raw SQL (adapter-runner.ts): straight on the driver adapter Prisma Client
 * is connected through, skipping Prisma Client's per-call overhead (which costs more CPU than SQLite itself).
 * - SQLite: several writes are made atomic by a transaction (BEGIN IMMEDIATE ... COMMIT on the one serialized
 *   connection).
 * - PostgreSQL: several writes are ONE statement whose writes are data-modifying CTEs: atomic without
 *   BEGIN/COMMIT round trips, and a unique violation anywhere rolls the whole statement back.
 */
import { Prisma, type PrismaClient } from '../../generated/sqlite/client.js';
import type { Row } from './rows.js';

/**
 * Both generated clients share the runtime and the model API; the app is typed against the SQLite one (the
 * PostgreSQL client differs only in `$transaction` isolation levels, which the store does not use).
 */
export type Db = PrismaClient;

export interface Dialect {
  readonly provider: 'sqlite' | 'postgres';
  /** Scalar maximum of two values. */
  readonly greatest: Prisma.Sql;
}

export const sqliteDialect: Dialect = { provider: 'sqlite', greatest: Prisma.raw('MAX') };

export const postgresDialect: Dialect = { provider: 'postgres', greatest: Prisma.raw('GREATEST') };

export interface SqlRunner {
  /** The rows of one statement (none for a write without RETURNING). */
  query(query: Prisma.Sql): Promise<Row[]>;
  /** One write; resolves with the number of rows changed. */
  execute(query: Prisma.Sql): Promise<number>;
  /**
   * Runs `writes` and then `last` (whose rows are returned) atomically: all or nothing. A failing statement
   * (e.g. a unique violation) throws and leaves nothing changed.
   */
  atomically(writes: readonly Prisma.Sql[], last: Prisma.Sql): Promise<Row[]>;
}
