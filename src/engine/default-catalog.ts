/** The real topic registry as the engine's catalog. */
import { GROUPS, TOPICS, findTopic, resolveSelection, suggestSelectors } from '../core/topics/index.js';
import type { Catalog } from './catalog.js';

export const registryCatalog: Catalog = {
  topics: TOPICS,
  groups: GROUPS,
  resolveSelection,
  findTopic,
  suggestSelectors,
};
