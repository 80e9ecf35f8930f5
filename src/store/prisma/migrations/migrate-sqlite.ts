/**
 * Applies pending migrations to a SQLite file at start-up. Safe when several processes start at once: the whole
 * check-and-apply runs in one BEGIN IMMEDIATE transaction (SQLite DDL is transactional), so a second process
 * waits for the first and then finds nothing to do.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { pendingMigrations, readMigrations, type AppliedRow } from './read-migrations.js';

/** Prisma's own definition (prisma migrate deploy creates the same table). */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface SqliteMigrateOptions {
  /** Path of the database file (created when missing). */
  readonly file: string;
  readonly migrationsDir: string;
  readonly busyTimeoutMs: number;
}

/** Returns the names of the migrations it applied (empty when the schema was up to date). */
export function migrateSqlite(options: SqliteMigrateOptions): string[] {
  const migrations = readMigrations(options.migrationsDir);
  const db = new Database(options.file, { timeout: options.busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    // Table redefinitions (Prisma's migrations for SQLite) must not cascade-delete child rows: keep foreign keys
    // off while migrating (this pragma is ignored inside a transaction) and check them before committing.
    db.pragma('foreign_keys = OFF');
    // Same format as the SQLite driver adapter writes DateTime values.
    const now = (): string => new Date().toISOString().replace('Z', '+00:00');
    const apply = db.transaction((): string[] => {
      db.exec(MIGRATIONS_TABLE);
      const rows = db
        .prepare('SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations')
        .all() as AppliedRow[];
      const pending = pendingMigrations(migrations, rows);
      const insert = db.prepare(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at,
           applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
      );
      for (const m of pending) {
        const startedAt = now();
        db.exec(m.sql);
        insert.run(randomUUID(), m.checksum, now(), m.name, startedAt);
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
