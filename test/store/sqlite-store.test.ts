/** The store contract on SQLite (a temporary file for this test file). */
import { createPrismaStore } from '../../src/store/prisma/create-prisma-store.js';
import { describeStoreContract } from './contract/store-contract.js';
import { tempSqlite } from './support/temp-sqlite.js';

const db = tempSqlite();

describeStoreContract({
  name: 'Prisma + SQLite',
  open: () => createPrismaStore({ url: db.url }),
  cleanup: () => Promise.resolve(db.remove()),
});
