/**
 * Picks the store for a database URL: nothing -> SQLite at ./data/studybot.db (the embedded default),
 * `memory:` -> the in-memory store (nothing survives a restart), anything else -> Prisma (`file:` SQLite,
 * `postgresql://` PostgreSQL). Implementations load lazily, so the memory store never loads Prisma.
 *
 * Event pruning: every `pruneEveryMs` the store forgets events older than `eventWindowMs` (platforms redeliver an
 * event for a day at most: Telegram keeps updates 24 h). The timer never keeps the process alive, a failed run is
 * only logged, and close() stops it.
 */
import type { Store } from '../engine/ports/store.js';

export const DEFAULT_SQLITE_URL = 'file:./data/studybot.db';
export const DEFAULT_EVENT_WINDOW_MS = 3 * 24 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;

export interface StoreOptions {
  readonly databaseUrl?: string;
  /** How long a store call may wait for the database before StoreUnavailableError. */
  readonly timeoutMs?: number;
  /** PostgreSQL connection pool size. */
  readonly poolSize?: number;
  /** Events are kept this long for idempotency (default 3 days). */
  readonly eventWindowMs?: number;
  readonly pruneEveryMs?: number;
  readonly onPruneError?: (error: unknown) => void;
}

export async function createStore(options: StoreOptions): Promise<Store> {
  const url = options.databaseUrl ?? DEFAULT_SQLITE_URL;
  const store = url.startsWith('memory:')
    ? (await import('./memory/memory-store.js')).createMemoryStore()
    : await (
        await import('./prisma/create-prisma-store.js')
      ).createPrismaStore({
        url,
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.poolSize !== undefined ? { poolSize: options.poolSize } : {}),
      });
  const window = options.eventWindowMs ?? DEFAULT_EVENT_WINDOW_MS;
  const timer = setInterval(() => {
    store.pruneEvents(new Date(Date.now() - window)).catch((error: unknown) => options.onPruneError?.(error));
  }, options.pruneEveryMs ?? PRUNE_EVERY_MS);
  timer.unref();
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: () => {
      clearInterval(timer);
      return close();
    },
  });
}
