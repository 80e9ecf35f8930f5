/**
 * Migrations at start-up: a fresh database gets the schema, a second start is a no-op, a new committed migration
 * is applied on the next start, rows stay compatible with Prisma's CLI, and several PostgreSQL instances starting
 * on one fresh database at once all succeed.
 */
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaStore } from '../../../src/store/prisma/create-prisma-store.js';
import {
  findMigrationsDir,
  pendingMigrations,
  readMigrations,
  migratePostgres,
  migrateSqlite,
} from '../../../src/store/prisma/migrate.js';
import { TEST_POSTGRES_URL, createTempDatabase, noticeIfNoPostgres } from '../support/temp-postgres.js';
import { tempSqlite } from '../support/temp-sqlite.js';

const run = promisify(execFile);
const TABLES = [
  'attempts',
  'events',
  'questions',
  'scopes',
  'score_counts',
  'scores',
  'topic_progress',
  'user_questions',
  'users',
];

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('SQLite migrations at start-up', () => {
  const tmp = tempSqlite('migrations');
  afterAll(() => tmp.remove());
  const dir = findMigrationsDir('sqlite');
  const committed = readMigrations(dir);

  it('finds the committed migrations, with Prisma’s checksums', () => {
    expect(committed.length).toBeGreaterThan(0);
    for (const m of committed) expect(m.checksum).toBe(sha256(join(dir, m.name, 'migration.sql')));
  });

  it('a fresh file (in a folder that does not exist yet) gets the schema when the store opens', async () => {
    const file = join(dirname(tmp.file), 'nested', 'fresh.db');
    expect(existsSync(dirname(file))).toBe(false);
    const store = await createPrismaStore({ url: `file:${file}` });
    const u = await store.upsertUser({ platform: 'console', platformUserId: 'me', displayName: 'Me' });
    expect(u.id).toBe(1);
    // Student data is the bot user's only: folder 0700, database, WAL and shared-memory files 0600.
    expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(f).mode & 0o777).toBe(0o600);
    await store.close();

    const db = new Database(file, { readonly: true });
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(['_prisma_migrations', ...TABLES]);
    const rows = db
      .prepare('SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations')
      .all() as {
      migration_name: string;
      checksum: string;
      finished_at: string;
      applied_steps_count: number;
    }[];
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      committed.map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('a second start is a no-op and keeps the data', async () => {
    const file = join(dirname(tmp.file), 'twice.db');
    const first = await createPrismaStore({ url: `file:${file}` });
    await first.upsertUser({ platform: 'console', platformUserId: 'me', displayName: 'Me' });
    await first.close();
    expect(migrateSqlite({ file, migrationsDir: dir, busyTimeoutMs: 1000 })).toEqual([]);
    const second = await createPrismaStore({ url: `file:${file}` });
    expect((await second.getUser(1))?.displayName).toBe('Me');
    await second.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM _prisma_migrations').get()).toEqual({ n: committed.length });
    db.close();
  });

  it('applies a newly committed migration on the next start, and only that one', () => {
    const migrationsDir = join(dirname(tmp.file), 'migrations-copy');
    cpSync(dir, migrationsDir, { recursive: true });
    const file = join(dirname(tmp.file), 'upgrade.db');
    expect(migrateSqlite({ file, migrationsDir, busyTimeoutMs: 1000 })).toEqual(committed.map((m) => m.name));
    mkdirSync(join(migrationsDir, '29990101000000_add_badges'));
    writeFileSync(
      join(migrationsDir, '29990101000000_add_badges', 'migration.sql'),
      'CREATE TABLE "badges" ("id" INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO "badges" ("id") VALUES (7);\n',
    );
    expect(migrateSqlite({ file, migrationsDir, busyTimeoutMs: 1000 })).toEqual([
      '29990101000000_add_badges',
    ]);
    expect(migrateSqlite({ file, migrationsDir, busyTimeoutMs: 1000 })).toEqual([]);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT id FROM badges').all()).toEqual([{ id: 7 }]);
    db.close();
  });

  it('a broken migration changes nothing and is not recorded', () => {
    const migrationsDir = join(dirname(tmp.file), 'migrations-broken');
    cpSync(dir, migrationsDir, { recursive: true });
    mkdirSync(join(migrationsDir, '29990101000000_broken'));
    writeFileSync(
      join(migrationsDir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE "half" ("id" INTEGER);\nTHIS IS NOT SQL;\n',
    );
    const file = join(dirname(tmp.file), 'broken.db');
    expect(() => migrateSqlite({ file, migrationsDir, busyTimeoutMs: 1000 })).toThrow();
    const db = new Database(file, { readonly: true });
    // One transaction: not even the committed migrations before it, nor the half table, are there.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('half', 'users')").all()).toEqual([]);
    db.close();
  });

  it('refuses to go on after a migration that failed half-way (as prisma migrate deploy does)', () => {
    expect(() =>
      pendingMigrations(committed, [
        { migration_name: committed[0]!.name, finished_at: null, rolled_back_at: null },
      ]),
    ).toThrow(/failed/);
    // Rolled back: applied again.
    expect(
      pendingMigrations(committed, [
        { migration_name: committed[0]!.name, finished_at: null, rolled_back_at: 'x' },
      ]),
    ).toEqual(committed);
  });

  it('Prisma’s CLI agrees: `migrate status` finds the schema up to date; the migrations match the models', async () => {
    const file = join(dirname(tmp.file), 'status.db');
    migrateSqlite({ file, migrationsDir: dir, busyTimeoutMs: 1000 });
    const prisma = (...args: string[]) =>
      run(process.execPath, ['node_modules/prisma/build/index.js', ...args], {
        env: { ...process.env, DATABASE_URL: `file:${file}` },
      });
    const [status, diff] = await Promise.all([
      prisma('migrate', 'status'),
      // Exit code 0: replaying the committed migrations gives exactly the schema of prisma/models (2 would mean a
      // model change without its migration).
      prisma(
        'migrate',
        'diff',
        '--from-migrations',
        dir,
        '--to-schema-datamodel',
        'prisma/sqlite',
        '--exit-code',
      ),
    ]);
    expect(status.stdout).toContain('Database schema is up to date');
    expect(diff.stdout).toContain('No difference detected');
  }, 60_000);
});

noticeIfNoPostgres('migrations');

describe.skipIf(TEST_POSTGRES_URL === undefined)('PostgreSQL migrations at start-up', () => {
  const dir = findMigrationsDir('postgres');
  const committed = readMigrations(dir);

  it('four instances starting on one fresh database at once all succeed; each migration applies once', async () => {
    const db = await createTempDatabase('migrate');
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => createPrismaStore({ url: db.url })));
      const users = await Promise.all(
        stores.map((s, i) =>
          s.upsertUser({ platform: 'console', platformUserId: `i${i}`, displayName: `I${i}` }),
        ),
      );
      expect(new Set(users.map((u) => u.id)).size).toBe(4);
      await Promise.all(stores.map((s) => s.close()));

      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query<{
          migration_name: string;
          checksum: string;
          finished_at: Date | null;
        }>('SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name');
        expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(
          committed.map((m) => [m.name, m.checksum]),
        );
        expect(rows.every((r) => r.finished_at !== null)).toBe(true);
        const tables = await client.query<{ tablename: string }>(
          "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
        );
        expect(tables.rows.map((r) => r.tablename)).toEqual(['_prisma_migrations', ...TABLES]);
      } finally {
        await client.end();
      }
      // A later start finds nothing to do.
      expect(await migratePostgres({ url: db.url, migrationsDir: dir, lockTimeoutMs: 10_000 })).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
