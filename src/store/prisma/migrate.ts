/**
 * Applies the committed migrations (prisma/<provider>/migrations/<name>/migration.sql) at start-up, safely when
 * several instances start at once: SQLite checks and applies inside one BEGIN IMMEDIATE transaction (SQLite DDL is
 * transactional); PostgreSQL inside one transaction under Prisma's own advisory lock (`prisma migrate deploy` takes
 * the same key). Rows in `_prisma_migrations` are Prisma's (checksum = sha256 hex of the file), so the CLI and the
 * app agree. A migration is applied in a transaction: statements PostgreSQL refuses there (CREATE INDEX
 * CONCURRENTLY) need `prisma migrate deploy`. Each function returns the names of the migrations it applied.
 */
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export interface Migration {
  /** Folder name, e.g. '20261124000000_init'; migrations apply in name order. */
  readonly name: string;
  readonly sql: string;
  /** sha256 hex of the file, as Prisma computes it. */
  readonly checksum: string;
}

export interface AppliedRow {
  readonly migration_name: string;
  readonly finished_at: unknown;
  readonly rolled_back_at: unknown;
}

/** The advisory lock key of Prisma's schema engine. */
const PRISMA_MIGRATE_LOCK = 72707369;

/** Prisma's own table definitions (what `prisma migrate deploy` creates). */
const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;
const APPLIED = 'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"';
const RECORD = `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)`;

/**
 * Finds prisma/<provider>/migrations by walking up from this module: works from src/ (tsx, vitest) and from the
 * bundled dist/ (the package root holds prisma/, which the Docker image must copy too).
 */
export function findMigrationsDir(
  provider: 'sqlite' | 'postgres',
  from = dirname(fileURLToPath(import.meta.url)),
): string {
  for (let dir = from; dir !== parse(dir).root; dir = dirname(dir)) {
    const candidate = join(dir, 'prisma', provider, 'migrations');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot find prisma/${provider}/migrations above ${from}`);
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, 'migration.sql'));
      return {
        name,
        sql: bytes.toString('utf8'),
        checksum: createHash('sha256').update(bytes).digest('hex'),
      };
    });
}

/**
 * The migrations still to apply, given the rows of `_prisma_migrations`. A migration that started and neither
 * finished nor was rolled back failed half-way: like `prisma migrate deploy` (P3009), refuse to go on.
 */
export function pendingMigrations(all: readonly Migration[], rows: readonly AppliedRow[]): Migration[] {
  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed.length > 0) {
    const names = failed.map((r) => r.migration_name).join(', ');
    throw new Error(
      `migration(s) ${names} failed earlier; fix the database, then run \`prisma migrate resolve\` (see the README)`,
    );
  }
  const done = new Set(rows.filter((r) => r.finished_at !== null).map((r) => r.migration_name));
  return all.filter((m) => !done.has(m.name));
}

export function migrateSqlite(options: {
  file: string;
  migrationsDir: string;
  busyTimeoutMs: number;
}): string[] {
  const migrations = readMigrations(options.migrationsDir);
  const db = new Database(options.file, { timeout: options.busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    // Table redefinitions (Prisma's migrations for SQLite) must not cascade-delete child rows: keep foreign keys
    // off while migrating (this pragma is ignored inside a transaction) and check them before committing.
    db.pragma('foreign_keys = OFF');
    // The format the SQLite driver adapter writes DateTime values in.
    const now = (): string => new Date().toISOString().replace('Z', '+00:00');
    const apply = db.transaction((): string[] => {
      db.exec(SQLITE_MIGRATIONS_TABLE);
      const pending = pendingMigrations(migrations, db.prepare(APPLIED).all() as AppliedRow[]);
      const record = db.prepare(`${RECORD} VALUES (?, ?, ?, ?, ?, 1)`);
      for (const m of pending) {
        const startedAt = now();
        db.exec(m.sql);
        record.run(randomUUID(), m.checksum, m.name, startedAt, now());
      }
      const broken = db.prepare('PRAGMA foreign_key_check').all();
      if (broken.length > 0) throw new Error(`migrations left ${broken.length} foreign key violation(s)`);
      return pending.map((m) => m.name);
    });
    return apply.immediate();
  } finally {
    db.close();
  }
}

export async function migratePostgres(options: {
  url: string;
  migrationsDir: string;
  lockTimeoutMs: number;
}): Promise<string[]> {
  const migrations = readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(options.lockTimeoutMs))}`);
      // Transaction-scoped: released by COMMIT / ROLLBACK, so a crash can never leave it held.
      await client.query(`SELECT pg_advisory_xact_lock(${PRISMA_MIGRATE_LOCK})`);
      await client.query(POSTGRES_MIGRATIONS_TABLE);
      const pending = pendingMigrations(migrations, (await client.query<AppliedRow>(APPLIED)).rows);
      for (const m of pending) {
        const startedAt = new Date();
        await client.query(m.sql);
        await client.query(`${RECORD} VALUES ($1, $2, $3, $4, now(), 1)`, [
          randomUUID(),
          m.checksum,
          m.name,
          startedAt,
        ]);
      }
      await client.query('COMMIT');
      return pending.map((m) => m.name);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}
