/** createStore picks the implementation from the database URL. */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'studybot-create-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createStore', () => {
  it('memory: is the in-memory store (nothing written to disk, nothing kept after close)', async () => {
    const dir = tempDir();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const store = await createStore({ databaseUrl: 'memory:' });
      const u = await store.upsertUser({ platform: 'console', platformUserId: 'me', displayName: 'Me' });
      expect(await store.getUser(u.id)).toMatchObject({ displayName: 'Me' });
      await store.close();
      expect(existsSync(join(dir, 'data'))).toBe(false);
      const again = await createStore({ databaseUrl: 'memory:' });
      expect(await again.getUser(u.id)).toBeUndefined();
      await again.close();
    } finally {
      process.chdir(cwd);
    }
  });

  it('no URL: SQLite at ./data/studybot.db, folder created, data kept across restarts', async () => {
    const dir = tempDir();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const store = await createStore({});
      const u = await store.upsertUser({ platform: 'console', platformUserId: 'me', displayName: 'Me' });
      await store.close();
      expect(existsSync(join(dir, 'data', 'studybot.db'))).toBe(true);
      const reopened = await createStore({});
      expect(await reopened.getUser(u.id)).toMatchObject({ platformUserId: 'me' });
      await reopened.close();
    } finally {
      process.chdir(cwd);
    }
  });

  it('file: URL: SQLite at that path', async () => {
    const file = join(tempDir(), 'elsewhere', 'bot.db');
    const store = await createStore({ databaseUrl: `file:${file}` });
    await store.upsertUser({ platform: 'discord', platformUserId: '42', displayName: 'D' });
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT platform_user_id FROM users').all()).toEqual([{ platform_user_id: '42' }]);
    db.close();
  });

  it('refuses a URL it cannot serve', async () => {
    await expect(createStore({ databaseUrl: 'mysql://localhost/x' })).rejects.toThrow(/file:|postgres/);
  });
});
