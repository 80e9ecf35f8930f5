/**
 * Opens the Prisma store for a database URL: `file:<path>` -> SQLite (the embedded default), `postgresql://` or
 * `postgres://` -> PostgreSQL. Pending migrations (the committed SQL under prisma/<provider>/migrations) are applied
 * first, so a fresh clone needs no migrate step; see migrate.ts for why that is safe with several instances.
 *
 * Prisma Client and the store's hot path share ONE connected driver adapter (handed to Prisma Client by a factory
 * that returns it): on SQLite one connection behind one lock (sqlite-connection.ts), on PostgreSQL one bounded pool.
 * Timeouts, so that a frozen database makes calls fail instead of hang: PostgreSQL's statement timeout (the server
 * cancels, nothing is kept) and the pg driver's query and connect timeouts (a server that does not answer at all);
 * on SQLite the lock and busy waits; and Prisma Client's transaction timeouts on both.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Store } from '../../engine/ports/store.js';
import { findMigrationsDir } from './migrate.js';
import type { Db } from './db.js';
import { createStoreOnPrisma } from './prisma-store.js';
import { sharing, sqlRunner } from './sql-runner.js';
import { openSqlite } from './sqlite-connection.js';

export interface PrismaStoreConfig {
  readonly url: string;
  /** Apply pending migrations before opening (default true). */
  readonly migrate?: boolean;
  /** Override the migrations folder (default: prisma/<provider>/migrations of this package). */
  readonly migrationsDir?: string;
  /** How long a statement or a transaction may take, waiting included, before StoreUnavailableError (default 5 s). */
  readonly timeoutMs?: number;
  /** PostgreSQL: connections in the pool (default 10). */
  readonly poolSize?: number;
}

export const DEFAULT_STORE_TIMEOUT_MS = 5000;
const DEFAULT_POOL_SIZE = 10;
/** How long an instance waits for another instance's migration before giving up. */
const MIGRATION_LOCK_TIMEOUT_MS = 60_000;

export function providerOf(url: string): 'sqlite' | 'postgres' {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error('database URL must start with file: (SQLite) or postgresql:// (PostgreSQL)');
}

/** `file:./data/studybot.db` -> absolute path (relative paths are relative to the working directory). */
export function sqlitePath(url: string): string {
  const path = url.slice('file:'.length).replace(/\?.*$/, '');
  if (path === '') throw new Error('file: URL needs a path, e.g. file:./data/studybot.db');
  return resolve(path);
}

export async function createPrismaStore(options: PrismaStoreConfig): Promise<Store> {
  if (options.migrate !== false) await migrateDatabase(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  if (providerOf(options.url) === 'sqlite') {
    const connection = await openSqlite({ file: createPrivateFile(sqlitePath(options.url)), timeoutMs });
    const { PrismaClient } = await import('../../generated/sqlite/client.js');
    const client = new PrismaClient({ adapter: sharing(connection), transactionOptions: tx(timeoutMs) });
    const db: Db = {
      client,
      transaction: (work) => client.$transaction(work),
      disconnect: () => client.$disconnect(),
    };
    return createStoreOnPrisma({ db, sql: sqlRunner(connection) });
  }
  const adapter = await new PrismaPg({
    connectionString: options.url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    statement_timeout: timeoutMs,
    idle_in_transaction_session_timeout: timeoutMs,
    query_timeout: timeoutMs + 1000,
    connectionTimeoutMillis: timeoutMs,
  }).connect();
  const { PrismaClient } = await import('../../generated/postgres/client.js');
  const client = new PrismaClient({ adapter: sharing(adapter), transactionOptions: tx(timeoutMs) });
  const db: Db = {
    client,
    transaction: (work) => client.$transaction(work),
    disconnect: () => client.$disconnect(),
  };
  return createStoreOnPrisma({ db, sql: sqlRunner(adapter) });
}

/**
 * Applies the pending committed migrations (what `npm run db:migrate` and every start-up do). Returns the names
 * of the migrations applied; empty when the schema was up to date.
 */
export async function migrateDatabase(
  options: Pick<PrismaStoreConfig, 'url' | 'migrationsDir'>,
): Promise<string[]> {
  const provider = providerOf(options.url);
  const migrationsDir = options.migrationsDir ?? findMigrationsDir(provider);
  if (provider === 'sqlite') {
    const { migrateSqlite } = await import('./migrate.js');
    const file = createPrivateFile(sqlitePath(options.url));
    return migrateSqlite({ file, migrationsDir, busyTimeoutMs: MIGRATION_LOCK_TIMEOUT_MS });
  }
  const { migratePostgres } = await import('./migrate.js');
  return migratePostgres({ url: options.url, migrationsDir, lockTimeoutMs: MIGRATION_LOCK_TIMEOUT_MS });
}

/**
 * Student data is readable by the bot's user only: a missing folder is created 0700 and a missing database file
 * 0600 (SQLite gives its -wal and -shm files the database file's permissions).
 */
function createPrivateFile(file: string): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  return file;
}

function tx(timeoutMs: number): { maxWait: number; timeout: number } {
  return { maxWait: timeoutMs, timeout: timeoutMs };
}
