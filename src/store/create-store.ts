/**
 * Picks the store for a database URL: nothing -> SQLite at ./data/studybot.db (the embedded default),
 * `memory:` -> the in-memory store (nothing survives a restart), anything else -> Prisma (`file:` SQLite,
 * `postgresql://` PostgreSQL). Implementations load lazily, so the memory store never loads Prisma.
 */
import type { Store } from '../engine/ports/store.js';

export const DEFAULT_SQLITE_URL = 'file:./data/studybot.db';

export async function createStore(options: { databaseUrl?: string }): Promise<Store> {
  const url = options.databaseUrl ?? DEFAULT_SQLITE_URL;
  if (url === 'memory:' || url.startsWith('memory:')) {
    const { createMemoryStore } = await import('./memory/memory-store.js');
    return createMemoryStore();
  }
  const { createPrismaStore } = await import('./prisma/create-prisma-store.js');
  return createPrismaStore({ url });
}
