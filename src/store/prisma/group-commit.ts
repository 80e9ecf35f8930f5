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
 * - order: units run in arrival order; the connection's mutex orders the batch with every other statement.
 * A unit alone in its turn (no concurrent answers) runs as a plain transaction, without savepoints. The whole
 * batch runs synchronously on the connection (sqlite-direct.ts): no other statement can interleave.
 */
import type { Prisma } from '../../generated/sqlite/client.js';
import type { Row } from './rows.js';
import type { DirectSqlite, DirectStatements } from './sqlite-direct.js';

/** Units per transaction at most (a bound on how long one batch holds the connection). */
export const MAX_BATCH = 64;

interface Unit {
  readonly writes: readonly Prisma.Sql[];
  readonly last: Prisma.Sql;
  resolve(rows: Row[]): void;
  reject(error: unknown): void;
}

type Outcome = { readonly ok: true; readonly rows: Row[] } | { readonly ok: false; readonly error: unknown };

/** `atomically` on the SQLite connection that `connection` returns at the time of the call. */
export function groupCommit(
  connection: () => DirectSqlite,
): (writes: readonly Prisma.Sql[], last: Prisma.Sql) => Promise<Row[]> {
  const queue: Unit[] = [];

  async function flush(): Promise<void> {
    const units = queue.splice(0, MAX_BATCH);
    if (queue.length > 0) setImmediate(() => void flush());
    let outcomes: Outcome[];
    try {
      outcomes = await connection().exclusive((db) => runBatch(db, units));
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

function runUnit(db: DirectStatements, unit: Unit): Row[] {
  for (const write of unit.writes) db.run(write);
  return db.all(unit.last);
}

/**
 * One transaction for the batch. Returns one outcome per unit once COMMIT succeeded; throws (after rolling
 * everything back) when the transaction itself failed, e.g. SQLite rolled it back on its own after SQLITE_FULL,
 * which the failing ROLLBACK TO reveals.
 */
function runBatch(db: DirectStatements, units: readonly Unit[]): Outcome[] {
  db.exec('BEGIN IMMEDIATE');
  const outcomes: Outcome[] = [];
  try {
    if (units.length === 1) {
      outcomes.push({ ok: true, rows: runUnit(db, units[0]!) });
    } else {
      for (const unit of units) {
        db.exec('SAVEPOINT unit');
        try {
          const rows = runUnit(db, unit);
          db.exec('RELEASE unit');
          outcomes.push({ ok: true, rows });
        } catch (error) {
          db.exec('ROLLBACK TO unit');
          db.exec('RELEASE unit');
          outcomes.push({ ok: false, error });
        }
      }
    }
    db.exec('COMMIT');
  } catch (error) {
    rollBack(db);
    // A single unit's own error reaches it as is (the batch of one is that unit's transaction).
    throw error;
  }
  return outcomes;
}

function rollBack(db: DirectStatements): void {
  try {
    db.exec('ROLLBACK');
  } catch {
    // SQLite already rolled the transaction back by itself (e.g. after SQLITE_FULL): nothing left to undo.
  }
}
