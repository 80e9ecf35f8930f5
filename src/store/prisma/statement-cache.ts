/**
 * Prepared statements kept per SQL text for Prisma's better-sqlite3 adapter. The stock adapter calls
 * `db.prepare(sql).bind(args)` for every statement, so SQLite compiles the same SQL again on each call: in
 * `npm run bench telegram` that compiling was the largest single cost of the full bot (more than running the
 * statements). better-sqlite3 binds a statement's arguments permanently (`bind` works once per statement), so
 * the cache cannot hand the adapter the statement itself: it hands a view that passes the arguments to each run
 * instead (`stmt.run(...args)`, `stmt.all(...args)`), which is the same thing without the compile.
 *
 * The adapter (@prisma/adapter-better-sqlite3 6.19) uses of its client only `prepare(sql).bind(args)` then
 * `reader` / `columns()` / `raw().all()` / `run()`, `prepare('BEGIN').run()`, `exec(script)` and `close()`;
 * the view supports exactly those, so the adapter's own argument mapping and result decoding are unchanged.
 * Statements of one connection run one at a time (the adapter is serialized, sqlite-adapter.ts), and `all()`
 * finishes before it returns, so a shared statement is never in use twice.
 */
import type Database from 'better-sqlite3';
import { cachedOrCreate } from './bounded-cache.js';

type Statement = Database.Statement<unknown[], unknown>;

/** What the adapter calls on a prepared (and possibly bound) statement. */
export interface StatementView {
  readonly reader: boolean;
  bind(args: readonly unknown[]): StatementView;
  columns(): Database.ColumnDefinition[];
  raw(): { all(): unknown[] };
  run(): Database.RunResult;
}

/** What the adapter calls on its client. */
export interface CachingClient {
  prepare(sql: string): StatementView;
  exec(script: string): void;
  close(): void;
}

/** A compiled statement and its result columns (fixed for a compiled statement; computed on first use). */
class CachedStatement {
  #columns: Database.ColumnDefinition[] | undefined;

  constructor(readonly stmt: Statement) {}

  columns(): Database.ColumnDefinition[] {
    // better-sqlite3 builds fresh objects on every columns() call: ~8 µs a query in `npm run bench telegram`.
    this.#columns ??= this.stmt.columns();
    return this.#columns;
  }
}

/** A cached statement with the arguments of one call (a class: no closures allocated per statement). */
class BoundStatement implements StatementView {
  constructor(
    private readonly cached: CachedStatement,
    private readonly args: readonly unknown[],
  ) {}

  get reader(): boolean {
    return this.cached.stmt.reader;
  }

  bind(args: readonly unknown[]): StatementView {
    return new BoundStatement(this.cached, args);
  }

  columns(): Database.ColumnDefinition[] {
    return this.cached.columns();
  }

  raw(): { all(): unknown[] } {
    return this;
  }

  all(): unknown[] {
    return this.cached.stmt.raw(true).all(...this.args);
  }

  run(): Database.RunResult {
    return this.cached.stmt.run(...this.args);
  }
}

const NO_ARGS: readonly unknown[] = [];

/** `db` with prepare() served from a bounded cache (oldest SQL evicted first, see bounded-cache.ts). */
export function cachingClient(db: Database.Database, capacity = 256): CachingClient {
  const cache = new Map<string, CachedStatement>();
  return {
    prepare(sql) {
      const stmt = cachedOrCreate(cache, sql, capacity, () => new CachedStatement(db.prepare(sql)));
      return new BoundStatement(stmt, NO_ARGS);
    },
    exec(script) {
      db.exec(script);
    },
    close() {
      cache.clear();
      db.close();
    },
  };
}
