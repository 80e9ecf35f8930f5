/** Every conceptual item, in one list. Ids are stable: questions store them, so never rename one. */
import type { ConceptItem } from '../item.js';
import { cnnItems } from './cnn.js';
import { foundationItems } from './foundations.js';
import { generativeItems } from './generative.js';
import { sequenceItems } from './sequence.js';
import { trainingItems } from './training.js';
import { transformerItems } from './transformer.js';

export const CONCEPT_ITEMS: readonly ConceptItem[] = [
  ...foundationItems,
  ...trainingItems,
  ...cnnItems,
  ...sequenceItems,
  ...transformerItems,
  ...generativeItems,
];
