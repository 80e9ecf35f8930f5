/** The store contract on the in-memory store. */
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { describeStoreContract } from './contract/store-contract.js';

describeStoreContract({ name: 'memory', open: () => Promise.resolve(createMemoryStore()) });
