/**
 * The better-sqlite3 driver adapter, made safe for a web of concurrent requests and for several processes:
 *
 * - Prisma opens ONE SQLite connection per client. The stock adapter lets a query issued outside an open
 *   transaction run on that connection, i.e. INSIDE the other request's transaction: if that transaction rolls
 *   back, the outside write is silently lost. Here every statement and every transaction takes one mutex, so
 *   a statement waits until an open transaction has finished.
 * - Two processes on one file: a transaction that reads and then writes fails with SQLITE_BUSY_SNAPSHOT when
 *   another process committed in between. Every transaction here begins with BEGIN IMMEDIATE, which takes the
 *   write lock up front (waiting up to the busy timeout) so the snapshot cannot go stale.
 * - Pragmas: WAL (readers never block the writer) and synchronous=NORMAL (durable across application
 *   crashes; a power loss may drop the last transactions, never corrupt the file).
 *
 * The factory keeps the adapter it handed to Prisma Client (`connection`): the store's hot path sends its raw
 * statements to that same instance directly (adapter-runner.ts), because Prisma Client's per-call overhead costs
 * more CPU than SQLite itself. Going through the same instance keeps one connection and one mutex for both paths.
 * - Prepared statements are cached per SQL text (statement-cache.ts) instead of compiled on every call.
 */
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type Database from 'better-sqlite3';
import { Mutex } from './mutex.js';
import { directStatements, type DirectSqlite, type DirectStatements } from './sqlite-direct.js';
import { cachingClient, type CachingClient } from './statement-cache.js';

export type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
export type SqlTransaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>;
type SqlQuery = Parameters<SqlDriverAdapter['queryRaw']>[0];

export interface SafeSqliteAdapterOptions {
  /** `file:` URL or a path. */
  readonly url: string;
  /** How long a statement waits for another process's write lock before failing with SQLITE_BUSY. */
  readonly busyTimeoutMs: number;
}

export const SQLITE_PRAGMAS =
  'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;';

export class SafeSqliteAdapterFactory extends PrismaBetterSQLite3 {
  #connection: SerializedSqliteAdapter | undefined;

  constructor(options: SafeSqliteAdapterOptions) {
    super({ url: options.url, timeout: options.busyTimeoutMs });
  }

  override async connect(): Promise<SqlDriverAdapter> {
    const inner = await super.connect();
    // The stock adapter compiles every statement again on each call; serve them from a cache instead.
    const withClient = inner as unknown as { client: Database.Database | CachingClient };
    const raw = withClient.client as Database.Database;
    withClient.client = cachingClient(raw);
    await inner.executeScript(SQLITE_PRAGMAS);
    this.#connection = new SerializedSqliteAdapter(inner, directStatements(raw));
    return this.#connection;
  }

  /** The adapter of the latest connect() (what Prisma Client runs on); throws before the first one. */
  get connection(): SqlDriverAdapter {
    return this.#connected();
  }

  /** The same connection for the store's hot path, under the same mutex (sqlite-direct.ts). */
  get direct(): DirectSqlite {
    return this.#connected();
  }

  #connected(): SerializedSqliteAdapter {
    if (!this.#connection) throw new Error('the SQLite adapter is not connected yet (call $connect() first)');
    return this.#connection;
  }
}

/** Runs every statement and transaction of one connection one after another. */
class SerializedSqliteAdapter implements SqlDriverAdapter, DirectSqlite {
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;
  readonly #inner: SqlDriverAdapter;
  readonly #direct: DirectStatements;
  readonly #mutex = new Mutex();

  constructor(inner: SqlDriverAdapter, direct: DirectStatements) {
    this.#inner = inner;
    this.#direct = direct;
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  exclusive<T>(fn: (db: DirectStatements) => T): Promise<T> {
    // Mutex.run calls this inside its try/finally: a synchronous throw still releases the mutex, and rejects.
    return this.#mutex.run(() => Promise.resolve(fn(this.#direct)));
  }

  queryRaw(query: SqlQuery): ReturnType<SqlDriverAdapter['queryRaw']> {
    return this.#mutex.run(() => this.#inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#mutex.run(() => this.#inner.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.#mutex.run(() => this.#inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: Parameters<SqlDriverAdapter['startTransaction']>[0]) {
    if (isolationLevel !== undefined && isolationLevel !== 'SERIALIZABLE') {
      // SQLite transactions are always serializable; the stock adapter rejects other levels the same way.
      return this.#inner.startTransaction(isolationLevel);
    }
    const release = await this.#mutex.acquire();
    try {
      await this.#inner.executeScript('BEGIN IMMEDIATE');
    } catch (error) {
      release();
      throw error;
    }
    return new ImmediateTransaction(this.#inner, release);
  }

  getConnectionInfo(): ReturnType<NonNullable<SqlDriverAdapter['getConnectionInfo']>> {
    return this.#inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose(): Promise<void> {
    return this.#mutex.run(() => this.#inner.dispose());
  }
}

/**
 * A transaction on the shared connection. Prisma sends COMMIT / ROLLBACK itself (usePhantomQuery: false);
 * commit() and rollback() only hand the connection to the next waiter.
 */
class ImmediateTransaction implements SqlTransaction {
  readonly options = { usePhantomQuery: false };
  readonly provider: SqlTransaction['provider'];
  readonly adapterName: string;
  readonly #conn: SqlDriverAdapter;
  readonly #release: () => void;

  constructor(conn: SqlDriverAdapter, release: () => void) {
    this.#conn = conn;
    this.#release = release;
    this.provider = conn.provider;
    this.adapterName = conn.adapterName;
  }

  queryRaw(query: SqlQuery): ReturnType<SqlDriverAdapter['queryRaw']> {
    return this.#conn.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#conn.executeRaw(query);
  }

  commit(): Promise<void> {
    this.#release();
    return Promise.resolve();
  }

  rollback(): Promise<void> {
    this.#release();
    return Promise.resolve();
  }
}
