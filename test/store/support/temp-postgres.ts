/**
 * A fresh, uniquely named PostgreSQL database per test file, created on TEST_POSTGRES_URL and dropped afterwards.
 * Without TEST_POSTGRES_URL the PostgreSQL suites print a notice and skip (the only skip allowed; `.ci/run` sets it).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_POSTGRES_URL = process.env['TEST_POSTGRES_URL']?.trim() || undefined;

export function noticeIfNoPostgres(suite: string): void {
  if (TEST_POSTGRES_URL === undefined) {
    console.warn(
      `\n[${suite}] NOTICE: TEST_POSTGRES_URL is not set, so the PostgreSQL store tests are SKIPPED.\n` +
        `  Run them with: TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test npx vitest run test/store\n`,
    );
  }
}

export interface TempPostgres {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

export async function createTempDatabase(label: string): Promise<TempPostgres> {
  const base = TEST_POSTGRES_URL;
  if (base === undefined) throw new Error('TEST_POSTGRES_URL is not set');
  const name = `studybot_${label}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
  await adminQuery(base, `CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
