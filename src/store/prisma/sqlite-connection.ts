/**
 * The SQLite connection Prisma Client and the store share: the stock better-sqlite3 adapter's connection, wrapped
 * through its public interface (SqlDriverAdapter) to fix two hazards:
 *
 * 1. Prisma opens ONE connection, and the stock adapter lets a statement issued while another request's transaction
 *    is open run on it, i.e. INSIDE that transaction (lost if it rolls back, and a dirty read). Here every
 *    statement and every transaction takes one lock, so a statement waits until the open transaction has ended.
 * 2. Two processes on one file: a transaction that reads and then writes fails with SQLITE_BUSY_SNAPSHOT when the
 *    other process committed in between. Every transaction here begins with BEGIN IMMEDIATE, which takes the
 *    write lock first, so its snapshot cannot go stale.
 *
 * Failing fast: better-sqlite3 waits for another process's write lock synchronously (the busy timeout blocks the
 * event loop), so the busy timeout is short and a busy statement is retried after a pause, until the statement
 * timeout; a call that cannot get the connection (or the write lock) within it rejects with
 * StoreUnavailableError. A statement that got SQLITE_BUSY did nothing, so retrying it is safe.
 */
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import {
  isDriverAdapterError,
  type SqlDriverAdapter,
  type SqlQuery,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import { StoreUnavailableError } from '../../engine/ports/store.js';

/** WAL: readers never block the writer; NORMAL: durable across crashes of the bot, never corrupt. */
export const SQLITE_PRAGMAS =
  'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;';
/** How long one synchronous wait for another process's lock may block the event loop. */
export const SQLITE_BUSY_TIMEOUT_MS = 20;

/** Opens the database file through the stock adapter, wrapped, with the pragmas set. */
export async function openSqlite(options: { file: string; timeoutMs: number }): Promise<SerializedSqlite> {
  const stock = await new PrismaBetterSQLite3({
    url: options.file,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  }).connect();
  const connection = new SerializedSqlite(stock, options);
  await connection.executeScript(SQLITE_PRAGMAS);
  return connection;
}

export class SerializedSqlite implements SqlDriverAdapter {
  readonly provider = 'sqlite';
  readonly adapterName: string;
  readonly #inner: SqlDriverAdapter;
  readonly #timeoutMs: number;
  #tail: Promise<void> = Promise.resolve();

  constructor(inner: SqlDriverAdapter, options: { timeoutMs: number }) {
    this.#inner = inner;
    this.adapterName = inner.adapterName;
    this.#timeoutMs = options.timeoutMs;
  }

  queryRaw(query: SqlQuery): ReturnType<SqlDriverAdapter['queryRaw']> {
    return this.#exclusive((deadline) => this.#retryBusy(deadline, () => this.#inner.queryRaw(query)));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#exclusive((deadline) => this.#retryBusy(deadline, () => this.#inner.executeRaw(query)));
  }

  executeScript(script: string): Promise<void> {
    return this.#exclusive((deadline) => this.#retryBusy(deadline, () => this.#inner.executeScript(script)));
  }

  /** A transaction holds the lock until it ends; its owner sends COMMIT / ROLLBACK (usePhantomQuery: false). */
  async startTransaction(
    isolationLevel?: Parameters<SqlDriverAdapter['startTransaction']>[0],
  ): Promise<Transaction> {
    if (isolationLevel !== undefined && isolationLevel !== 'SERIALIZABLE') {
      return this.#inner.startTransaction(isolationLevel); // rejects it, as the stock adapter does
    }
    const deadline = Date.now() + this.#timeoutMs;
    const release = await this.#acquire();
    try {
      await this.#retryBusy(deadline, () => this.#inner.executeScript('BEGIN IMMEDIATE'));
    } catch (error) {
      release();
      throw error;
    }
    const inner = this.#inner;
    return {
      provider: this.provider,
      adapterName: this.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => inner.queryRaw(query),
      executeRaw: (query) => inner.executeRaw(query),
      commit: () => Promise.resolve(release()),
      rollback: () => Promise.resolve(release()),
    };
  }

  getConnectionInfo(): ReturnType<NonNullable<SqlDriverAdapter['getConnectionInfo']>> {
    return this.#inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose(): Promise<void> {
    return this.#exclusive(() => this.#inner.dispose());
  }

  async #exclusive<T>(work: (deadline: number) => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.#timeoutMs;
    const release = await this.#acquire();
    try {
      return await work(deadline);
    } finally {
      release();
    }
  }

  /** The connection, in arrival order; rejects when it is not free within the timeout (and leaves the queue). */
  #acquire(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.#tail;
    this.#tail = before.then(() => mine);
    return new Promise((resolve, reject) => {
      let waiting = true;
      const timer = setTimeout(() => {
        waiting = false;
        reject(new StoreUnavailableError(`the SQLite connection was busy for ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      void before.then(() => {
        clearTimeout(timer);
        if (waiting) resolve(release);
        else release();
      });
    });
  }

  async #retryBusy<T>(deadline: number, work: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await work();
      } catch (error) {
        const busy = isDriverAdapterError(error) && error.cause.kind === 'SocketTimeout';
        if (!busy || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  }
}
