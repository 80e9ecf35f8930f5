/** The store contract on PostgreSQL (a fresh database for this test file, dropped afterwards). */
import { describe } from 'vitest';
import { createPrismaStore } from '../../src/store/prisma/create-prisma-store.js';
import { describeStoreContract } from './contract/store-contract.js';
import {
  TEST_POSTGRES_URL,
  createTempDatabase,
  noticeIfNoPostgres,
  type TempPostgres,
} from './support/temp-postgres.js';

noticeIfNoPostgres('postgres-store');

describe.skipIf(TEST_POSTGRES_URL === undefined)('PostgreSQL', () => {
  let db: TempPostgres | undefined;
  describeStoreContract({
    name: 'Prisma + PostgreSQL',
    async open() {
      db = await createTempDatabase('contract');
      // The contract's 200-way races queue for the pool on a busy machine: its timeouts are tested elsewhere.
      return createPrismaStore({ url: db.url, timeoutMs: 30_000 });
    },
    cleanup: async () => db?.drop(),
  });
});
