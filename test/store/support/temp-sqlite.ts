/** A temporary SQLite file per test file (with its -wal and -shm companions), removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempSqlite {
  readonly file: string;
  readonly url: string;
  remove(): void;
}

export function tempSqlite(name = 'studybot'): TempSqlite {
  const dir = mkdtempSync(join(tmpdir(), 'studybot-store-'));
  const file = join(dir, `${name}.db`);
  return {
    file,
    url: `file:${file}`,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
