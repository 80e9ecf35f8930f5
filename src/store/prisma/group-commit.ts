/**
 * Group commit for SQLite: the atomic units (`SqlRunner.atomically`, i.e. one recorded answer each) that arrive
 * within one turn of the event loop share one transaction, each inside its own SAVEPOINT.
 *
 * Why: a commit costs SQLite more than the statements in it. Every commit appends each page it changed to the
 * WAL (about 8 pages for a recorded answer, 2 write syscalls each) and takes and releases the file locks. When
 * 20 students answer at once, their answers touch the same few pages (the newest leaf of each table and index),
 * so one commit for all of them logs those pages once. Measured by `npm run bench telegram` / `discord`.
 *
 * What each caller still gets, exactly as with a transaction of its own:
 * - all or nothing: a failing unit (a unique violation: duplicate event, lost race) is rolled back to its
 *   savepoint and rejects with the driver's error (errors.ts classifies it); the other units are unaffected;
 * - durability before the answer: a unit resolves only after the shared COMMIT succeeded; if the COMMIT (or
 *   anything outside a unit) fails, every unit of the batch rejects with that error and nothing is kept;
 * - order: units run in arrival order; the serialized adapter orders the batch with every other statement.
 * A unit alone in its turn (no concurrent answers) runs as a plain transaction, without savepoints.
 */
import type { Prisma } from '../../generated/sqlite/client.js';
import { toRows, toSqlQuery, type SqlQuery } from './adapter-sql.js';
import type { Row } from './rows.js';
import type { SqlDriverAdapter, SqlTransaction } from './sqlite-adapter.js';

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });
const COMMIT = statement('COMMIT');
const ROLLBACK = statement('ROLLBACK');
const SAVEPOINT = statement('SAVEPOINT unit');
const RELEASE = statement('RELEASE unit');
const ROLLBACK_TO = statement('ROLLBACK TO unit');

/** Units per transaction at most (a bound on how long one batch holds the connection). */
export const MAX_BATCH = 64;

interface Unit {
  readonly writes: readonly Prisma.Sql[];
  readonly last: Prisma.Sql;
  resolve(rows: Row[]): void;
  reject(error: unknown): void;
}

type Outcome = { readonly ok: true; readonly rows: Row[] } | { readonly ok: false; readonly error: unknown };

/** `atomically` for the serialized SQLite adapter that `connection` returns at the time of the call. */
export function groupCommit(
  connection: () => SqlDriverAdapter,
): (writes: readonly Prisma.Sql[], last: Prisma.Sql) => Promise<Row[]> {
  const queue: Unit[] = [];

  async function flush(): Promise<void> {
    const units = queue.splice(0, MAX_BATCH);
    if (queue.length > 0) setImmediate(() => void flush());
    let outcomes: Outcome[];
    try {
      outcomes = await runBatch(connection(), units);
    } catch (error) {
      for (const unit of units) unit.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const unit = units[i]!;
      if (outcome.ok) unit.resolve(outcome.rows);
      else unit.reject(outcome.error);
    });
  }

  return (writes, last) =>
    new Promise<Row[]>((resolve, reject) => {
      queue.push({ writes, last, resolve, reject });
      // The first unit of this turn schedules the flush; the units queued before it runs join it.
      if (queue.length === 1) setImmediate(() => void flush());
    });
}

async function runUnit(tx: SqlTransaction, unit: Unit): Promise<Row[]> {
  for (const write of unit.writes) await tx.executeRaw(toSqlQuery(write));
  return toRows(await tx.queryRaw(toSqlQuery(unit.last)));
}

/**
 * One transaction for the batch. Resolves with one outcome per unit once COMMIT succeeded; rejects (after rolling
 * everything back) when the transaction itself failed, e.g. SQLite rolled it back on its own after SQLITE_FULL,
 * which the failing ROLLBACK TO reveals.
 */
async function runBatch(conn: SqlDriverAdapter, units: readonly Unit[]): Promise<Outcome[]> {
  const tx = await conn.startTransaction();
  const outcomes: Outcome[] = [];
  try {
    if (units.length === 1) {
      outcomes.push({ ok: true, rows: await runUnit(tx, units[0]!) });
    } else {
      for (const unit of units) {
        await tx.executeRaw(SAVEPOINT);
        try {
          const rows = await runUnit(tx, unit);
          await tx.executeRaw(RELEASE);
          outcomes.push({ ok: true, rows });
        } catch (error) {
          await tx.executeRaw(ROLLBACK_TO);
          await tx.executeRaw(RELEASE);
          outcomes.push({ ok: false, error });
        }
      }
    }
    await tx.executeRaw(COMMIT);
  } catch (error) {
    await rollBack(tx);
    // A single unit's own error reaches it as is (the batch of one is that unit's transaction).
    throw error;
  }
  await tx.commit();
  return outcomes;
}

/** Rolls back and hands the connection on; the caller rethrows the error that caused the rollback. */
export async function rollBack(tx: SqlTransaction): Promise<void> {
  try {
    await tx.executeRaw(ROLLBACK);
  } catch {
    // SQLite already rolled the transaction back by itself (e.g. after SQLITE_FULL): nothing left to undo.
  } finally {
    await tx.rollback();
  }
}
