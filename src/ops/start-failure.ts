/**
 * Start-up failures with their cause in words an operator can act on: main.ts logs `component` and `cause` and
 * exits non-zero. The SQLite case is diagnosed from the file system, because the driver only says
 * SQLITE_CANTOPEN when the data folder is not writable (a bind mount owned by another uid, a read-only volume).
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export class StartFailure extends Error {
  override readonly name = 'StartFailure';
  constructor(
    readonly component: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The message of an error and of its causes, one after the other ("fetch failed: connect ECONNREFUSED ..."). */
export function causeOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    if (current instanceof AggregateError && current.errors.length > 0) {
      parts.push(current.errors.map(causeOf).join('; '));
      break;
    }
    parts.push(current instanceof Error ? current.message : JSON.stringify(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.filter((p, i) => p !== '' && p !== parts[i - 1]).join(': ');
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why a SQLite file cannot be opened for writing, or undefined if the file system allows it. */
export function dataFolderProblem(file: string, uid: number | undefined): string | undefined {
  const who = uid === undefined ? 'this user' : `uid ${uid}`;
  if (existsSync(file)) {
    return writable(file) ? undefined : `the database file ${file} is not writable by ${who}`;
  }
  let folder = dirname(file);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  if (!statSync(folder).isDirectory()) return `${folder} is not a folder, so ${file} cannot be created`;
  return writable(folder)
    ? undefined
    : `the data folder ${folder} is not writable by ${who}, so ${file} cannot be created`;
}
