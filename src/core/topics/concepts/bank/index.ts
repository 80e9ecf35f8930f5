/** Every conceptual item, in one list. Ids are stable: questions store them, so never rename one (see aliases.ts). */
import type { ConceptItem } from '../item.js';
import { attentionItems } from './attention.js';
import { autoencoderItems } from './autoencoders.js';
import { cnnArchitectureItems } from './cnn-architectures.js';
import { cnnItems } from './cnn.js';
import { feedforwardItems } from './feedforward.js';
import { foundationItems } from './foundations.js';
import { ganItems } from './gans.js';
import { generativeItems } from './generative.js';
import { lstmGruItems } from './lstm-gru.js';
import { modelSelectionItems } from './model-selection.js';
import { perceptronItems } from './perceptron.js';
import { regressionItems } from './regression.js';
import { rnnItems } from './rnn.js';
import { sequenceItems } from './sequence.js';
import { softmaxItems } from './softmax.js';
import { trainingItems } from './training.js';
import { transformerItems } from './transformer.js';

export const CONCEPT_ITEMS: readonly ConceptItem[] = [
  ...foundationItems,
  ...perceptronItems,
  ...regressionItems,
  ...softmaxItems,
  ...feedforwardItems,
  ...trainingItems,
  ...modelSelectionItems,
  ...cnnItems,
  ...cnnArchitectureItems,
  ...sequenceItems,
  ...rnnItems,
  ...lstmGruItems,
  ...transformerItems,
  ...attentionItems,
  ...generativeItems,
  ...autoencoderItems,
  ...ganItems,
];
