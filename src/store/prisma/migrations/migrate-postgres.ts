/**
 * Applies pending migrations to a PostgreSQL database at start-up, under an advisory lock, so that several bot
 * instances starting together apply each migration exactly once: the first takes the lock and migrates inside
 * one transaction; the others wait, then find nothing to do. The lock is Prisma's own (`prisma migrate deploy`
 * takes the same key), and rows in `_prisma_migrations` match Prisma's, so the CLI and the app agree.
 *
 * Limitation: a migration is applied inside a transaction, so statements that PostgreSQL refuses there
 * (CREATE INDEX CONCURRENTLY) need `prisma migrate deploy` instead.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { pendingMigrations, readMigrations, type AppliedRow } from './read-migrations.js';

/** The advisory lock key of Prisma's schema engine. */
const PRISMA_MIGRATE_LOCK = 72707369;

/** Prisma's own definition (prisma migrate deploy creates the same table). */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface PostgresMigrateOptions {
  readonly url: string;
  readonly migrationsDir: string;
  /** Give up waiting for another instance's migration after this long. */
  readonly lockTimeoutMs: number;
}

/** Returns the names of the migrations it applied (empty when the schema was up to date). */
export async function migratePostgres(options: PostgresMigrateOptions): Promise<string[]> {
  const migrations = readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(options.lockTimeoutMs))}`);
      // Transaction-scoped: released by COMMIT / ROLLBACK, so a crash can never leave it held.
      await client.query(`SELECT pg_advisory_xact_lock(${PRISMA_MIGRATE_LOCK})`);
      await client.query(MIGRATIONS_TABLE);
      const { rows } = await client.query<AppliedRow>(
        'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"',
      );
      const pending = pendingMigrations(migrations, rows);
      for (const m of pending) {
        const startedAt = new Date();
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at,
             started_at, applied_steps_count) VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), m.checksum, m.name, startedAt],
        );
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
