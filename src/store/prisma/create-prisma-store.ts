/**
 * Opens the Prisma store for a database URL: `file:<path>` -> SQLite (the embedded default), `postgresql://` or
 * `postgres://` -> PostgreSQL. Pending migrations (the committed SQL under prisma/<provider>/migrations) are applied
 * first, so a fresh clone needs no migrate step; see migrations/ for why that is safe with several instances.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Store } from '../../engine/ports/store.js';
import type { Db } from './dialect.js';
import { findMigrationsDir } from './migrations/read-migrations.js';

export interface PrismaStoreConfig {
  readonly url: string;
  /** Apply pending migrations before opening (default true). */
  readonly migrate?: boolean;
  /** Override the migrations folder (default: prisma/<provider>/migrations of this package). */
  readonly migrationsDir?: string;
  /** SQLite: how long to wait for another process's write lock (default 5 s). */
  readonly busyTimeoutMs?: number;
  /** PostgreSQL: connections in the pool (default 10). */
  readonly poolSize?: number;
}

export type DatabaseProvider = 'sqlite' | 'postgres';

export function providerOf(url: string): DatabaseProvider {
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

const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** PostgreSQL: how long an instance waits for another instance's migration before giving up. */
const MIGRATION_LOCK_TIMEOUT_MS = 60_000;

export async function createPrismaStore(options: PrismaStoreConfig): Promise<Store> {
  if (options.migrate !== false) await migrateDatabase(options);
  return providerOf(options.url) === 'sqlite' ? openSqlite(options) : openPostgres(options);
}

/**
 * Applies the pending committed migrations (what `npm run db:migrate` and every start-up do). Returns the names
 * of the migrations applied; empty when the schema was up to date.
 */
export async function migrateDatabase(
  options: Pick<PrismaStoreConfig, 'url' | 'migrationsDir' | 'busyTimeoutMs'>,
): Promise<string[]> {
  const provider = providerOf(options.url);
  const migrationsDir = options.migrationsDir ?? findMigrationsDir(provider);
  if (provider === 'sqlite') {
    const file = sqlitePath(options.url);
    mkdirSync(dirname(file), { recursive: true });
    const { migrateSqlite } = await import('./migrations/migrate-sqlite.js');
    return migrateSqlite({
      file,
      migrationsDir,
      busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    });
  }
  const { migratePostgres } = await import('./migrations/migrate-postgres.js');
  return migratePostgres({ url: options.url, migrationsDir, lockTimeoutMs: MIGRATION_LOCK_TIMEOUT_MS });
}

async function openSqlite(options: PrismaStoreConfig): Promise<Store> {
  const file = sqlitePath(options.url);
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  mkdirSync(dirname(file), { recursive: true });
  const [
    { PrismaClient },
    { SafeSqliteAdapterFactory },
    { sqliteDialect },
    { sqliteRunner },
    { createStoreOnPrisma },
  ] = await Promise.all([
    import('../../generated/sqlite/client.js'),
    import('./sqlite-adapter.js'),
    import('./dialect.js'),
    import('./adapter-runner.js'),
    import('./prisma-store.js'),
  ]);
  const adapter = new SafeSqliteAdapterFactory({ url: file, busyTimeoutMs });
  const db = new PrismaClient({ adapter });
  await db.$connect();
  // Raw hot-path statements skip Prisma Client and run on the connection it opened (adapter-runner.ts).
  return createStoreOnPrisma({ db, dialect: sqliteDialect, sql: sqliteRunner(() => adapter.direct) });
}

async function openPostgres(options: PrismaStoreConfig): Promise<Store> {
  const [
    { PrismaClient },
    { ConnectedPgAdapterFactory },
    { postgresDialect },
    { pgAdapterRunner },
    { createStoreOnPrisma },
  ] = await Promise.all([
    import('../../generated/postgres/client.js'),
    import('./pg-adapter.js'),
    import('./dialect.js'),
    import('./adapter-runner.js'),
    import('./prisma-store.js'),
  ]);
  const adapter = new ConnectedPgAdapterFactory({
    connectionString: options.url,
    max: options.poolSize ?? 10,
  });
  const client = new PrismaClient({ adapter });
  await client.$connect();
  // Same model API and runtime as the SQLite client; only the generated type differs (see dialect.ts).
  const db = client as unknown as Db;
  // Raw hot-path statements skip Prisma Client and run on the adapter (pool) it connected (adapter-runner.ts).
  return createStoreOnPrisma({
    db,
    dialect: postgresDialect,
    sql: pgAdapterRunner(() => adapter.connection),
  });
}
