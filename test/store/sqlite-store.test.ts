/** The store contract on SQLite (a temporary file for this test file). */
import { createPrismaStore } from '../../src/store/prisma/create-prisma-store.js';
import { describeStoreContract } from './contract/store-contract.js';
import { tempSqlite } from './support/temp-sqlite.js';

const db = tempSqlite();

describeStoreContract({
  name: 'Prisma + SQLite',
  // The contract's 200-way races queue for the connection on a busy machine: its timeouts are tested elsewhere.
  open: () => createPrismaStore({ url: db.url, timeoutMs: 30_000 }),
  cleanup: () => Promise.resolve(db.remove()),
});
