/**
 * Every conceptual item, in one list, one file per chapter. Ids are stable: questions and past-paper references name
 * them, so never rename or delete one; an item merged into another keeps its old id in aliases.ts.
 *
 * When adding items, the tests in test/core/topics/concepts/ hold the bank to an examiner's standard: the key of a
 * multiple-choice item must not be the longest (or shortest) option more often than chance, so write distractors as
 * long and as detailed as the key; true and false statements must not differ in length; an item that tests the same
 * fact as another is flagged; formulas use u = Wᵀx + b and LSTM/GRU items PyTorch's gate names.
 */
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
