/**
 * What every use case receives: the store port, a clock, an entropy source, the topic catalog and the cache of
 * built questions. Passed explicitly (no globals), so tests inject a fixed clock, a seeded random and a small
 * catalog without module mocks.
 */
import type { Store } from './ports/store.js';
import type { Catalog } from './catalog.js';
import type { QuestionSource } from './question-source.js';

export type { Catalog } from './catalog.js';

export interface EngineDeps {
  readonly store: Store;
  readonly clock: () => Date;
  /** Uniform in [0, 1): picks topics and seeds. */
  readonly random: () => number;
  readonly catalog: Catalog;
  readonly questions: QuestionSource;
}
