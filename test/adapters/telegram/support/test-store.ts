/** A fresh SQLite database per test (the embedded default store), in a temp directory removed on close. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../../../src/store/create-store.js';
import type { Store } from '../../../../src/engine/ports/store.js';

export interface TestStore {
  readonly store: Store;
  readonly file: string;
  close(): Promise<void>;
}

export async function openTestStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'studybot-tg-'));
  const file = join(dir, 'test.db');
  const store = await createStore({ databaseUrl: `file:${file}` });
  return {
    store,
    file,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
