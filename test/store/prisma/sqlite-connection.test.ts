/**
 * The two SQLite hazards of Prisma's better-sqlite3 adapter (see src/store/prisma/sqlite-connection.ts), each shown
 * on the stock adapter and shown fixed on ours.
 */
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../../src/generated/sqlite/client.js';
import { findMigrationsDir, migrateSqlite } from '../../../src/store/prisma/migrate.js';
import { sharing } from '../../../src/store/prisma/sql-runner.js';
import { SQLITE_BUSY_TIMEOUT_MS, openSqlite } from '../../../src/store/prisma/sqlite-connection.js';
import { tempSqlite } from '../support/temp-sqlite.js';

const db = tempSqlite('hazards');
const migrationsDir = findMigrationsDir('sqlite');

beforeAll(() => {
  migrateSqlite({ file: db.file, migrationsDir, busyTimeoutMs: 5000 });
});
afterAll(() => db.remove());

const safe = async () =>
  new PrismaClient({ adapter: sharing(await openSqlite({ file: db.file, timeoutMs: 5000 })) });
const stock = () => new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: db.file, timeout: 5000 }) });

/**
 * Opens an interactive transaction that inserts `inside`, meanwhile issues an outside write and an outside read
 * (not awaited in the transaction), then rolls back. Returns what the outside read saw and the keys that remain.
 */
async function outsideQueriesDuringRollback(prisma: PrismaClient, tag: string) {
  let outsideWrite: Promise<unknown> | undefined;
  let outsideRead: Promise<{ key: string }[]> | undefined;
  await expect(
    prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO events (key, created_at, outcome) VALUES ('inside', ${new Date()}, ${tag})`;
      outsideWrite = prisma.$executeRaw`
        INSERT INTO events (key, created_at, outcome) VALUES ('outside', ${new Date()}, ${tag})`;
      outsideRead = prisma.$queryRaw<{ key: string }[]>`SELECT key FROM events WHERE outcome = ${tag}`;
      // Give the outside queries every chance to run while the transaction is open (with our adapter they
      // cannot: they wait for it, so this waits out the 300 ms).
      await Promise.race([Promise.all([outsideWrite, outsideRead]), sleep(300)]);
      await tx.$queryRaw`SELECT 1`;
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');
  await outsideWrite;
  const sawDuringTransaction = (await outsideRead!).map((r) => r.key).sort();
  const remaining = (await prisma.$queryRaw<{ key: string }[]>`SELECT key FROM events WHERE outcome = ${tag}`)
    .map((r) => r.key)
    .sort();
  return { sawDuringTransaction, remaining };
}

describe('connection settings', () => {
  it('WAL, synchronous=NORMAL, foreign keys on and a short busy timeout, on the connection Prisma uses', async () => {
    const prisma = await safe();
    try {
      const value = async (pragma: string) =>
        Object.values((await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${pragma}`))[0]!)[0];
      expect(await value('journal_mode')).toBe('wal');
      expect(Number(await value('synchronous'))).toBe(1); // 1 = NORMAL
      expect(Number(await value('foreign_keys'))).toBe(1);
      // Short: a wait for another process's lock blocks the event loop; longer waits are retried (see the source).
      expect(Number(await value('busy_timeout'))).toBe(SQLITE_BUSY_TIMEOUT_MS);
    } finally {
      await prisma.$disconnect();
    }
  });
});

describe('hazard 1: one connection, so an outside query runs inside an open transaction', () => {
  it('stock adapter: the outside write is rolled back with the transaction, the outside read is dirty', async () => {
    const prisma = stock();
    try {
      const result = await outsideQueriesDuringRollback(prisma, 'stock');
      expect(result.remaining).toEqual([]);
      expect(result.sawDuringTransaction).toContain('inside');
    } finally {
      await prisma.$disconnect();
    }
  });

  it('our adapter: outside queries wait for the transaction, so the write survives and the read is clean', async () => {
    const prisma = await safe();
    try {
      const result = await outsideQueriesDuringRollback(prisma, 'safe');
      expect(result.remaining).toEqual(['outside']);
      expect(result.sawDuringTransaction).toEqual(['outside']);
    } finally {
      await prisma.$disconnect();
    }
  });
});

describe('hazard 2: two processes on one file, read-then-write transactions', () => {
  beforeAll(async () => {
    const prisma = await safe();
    await prisma.$executeRaw`INSERT INTO users (id, platform, platform_user_id, display_name) VALUES (1, 'console', 'counter', 'c')`;
    await prisma.$disconnect();
  });

  it('stock adapter (plain BEGIN): a transaction whose snapshot went stale fails with SQLITE_BUSY_SNAPSHOT', async () => {
    const a = stock();
    const b = stock();
    try {
      await b.$connect();
      // b stands for another process: it commits between a's read and a's write.
      await expect(
        a.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT streak_best FROM users WHERE id = 1`;
          await b.$executeRaw`UPDATE users SET streak_current = streak_current + 1 WHERE id = 1`;
          await tx.$executeRaw`UPDATE users SET streak_best = streak_best + 1 WHERE id = 1`;
        }),
      ).rejects.toMatchObject({ code: 'SQLITE_BUSY_SNAPSHOT' });
    } finally {
      await a.$disconnect();
      await b.$disconnect();
    }
  });

  it('our adapter (BEGIN IMMEDIATE): two processes x 60 read-then-write transactions all commit, none lost', async () => {
    const prisma = await safe();
    const before = await prisma.$queryRaw<{ v: number }[]>`SELECT streak_best AS v FROM users WHERE id = 1`;
    await prisma.$disconnect();
    const perProcess = 60;
    const results = await runTogether([db.file, String(perProcess)], 2);
    for (const r of results) expect(r).toEqual({ ok: perProcess, errors: [], failed: 0 });
    const after = await safe();
    const rows = await after.$queryRaw<{ v: number }[]>`SELECT streak_best AS v FROM users WHERE id = 1`;
    await after.$disconnect();
    expect(Number(rows[0]!.v)).toBe(Number(before[0]!.v) + 2 * perProcess);
  }, 60_000);
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface ChildSummary {
  readonly ok: number;
  readonly errors: string[];
  readonly failed: number;
}

/** Starts `n` children of fixtures/counter-child.ts, releases them together once all are ready, collects results. */
async function runTogether(args: readonly string[], n: number): Promise<ChildSummary[]> {
  const script = fileURLToPath(new URL('./fixtures/counter-child.ts', import.meta.url));
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const exited = children.map((c) => new Promise((resolve) => c.once('exit', resolve)));
  const lines = children.map((child) => createInterface({ input: child.stdout })[Symbol.asyncIterator]());
  for (const it of lines) expect((await it.next()).value).toBe('ready');
  for (const child of children) child.stdin.end('go\n');
  const out: ChildSummary[] = [];
  for (const it of lines) out.push(JSON.parse((await it.next()).value as string) as ChildSummary);
  await Promise.all(exited);
  return out;
}
