/**
 * Conceptual true/false and multiple-choice items. `concepts-all` draws from the whole bank (group 'concepts');
 * the tagged sub-topics let the content groups (`/quiz mlp`, `/quiz cnn`, `/quiz lstm`, `/quiz generative`, ...)
 * draw conceptual items too. The sub-topics sit only in their content groups, so `/quiz concepts` stays uniform
 * over all items.
 */
import type { GroupId, Topic } from '../../types.js';
import { ITEM_ALIASES } from './bank/aliases.js';
import { CONCEPT_ITEMS } from './bank/index.js';
import { createConceptTopic } from './concept-topic.js';
import { type ConceptItem, TAG_GROUPS } from './item.js';

export { CONCEPT_ITEMS } from './bank/index.js';
export { ITEM_ALIASES } from './bank/aliases.js';
export type { ConceptParams } from './concept-topic.js';

/** The items a quiz on any of these content groups may draw. */
export function conceptItemsFor(groups: readonly GroupId[]): readonly ConceptItem[] {
  return CONCEPT_ITEMS.filter((item) => TAG_GROUPS[item.tag].some((g) => groups.includes(g)));
}

interface SubTopicSpec {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly groups: readonly GroupId[];
  readonly paperRef?: string;
}

function subTopic(spec: SubTopicSpec): Topic<unknown> {
  return createConceptTopic({ ...spec, items: conceptItemsFor(spec.groups), aliases: ITEM_ALIASES });
}

export const conceptsTopic = createConceptTopic({
  id: 'concepts-all',
  title: 'Concepts: true/false and multiple choice',
  summary:
    'the whole course: perceptrons, regression, softmax, training, CNNs, RNNs, LSTM/GRU, transformers, autoencoders, GANs',
  groups: ['concepts'],
  paperRef: '1(a)(iii)-(viii), 3(b)(iii), 3(c), 4(b), 4(c)(i), 4(d)',
  items: CONCEPT_ITEMS,
  aliases: ITEM_ALIASES,
});

export const conceptTopics: readonly Topic<unknown>[] = [
  conceptsTopic,
  subTopic({
    id: 'concepts-mlp',
    title: 'MLP and training concepts',
    summary:
      'perceptrons, regression, softmax, initialisation, activations, losses, model selection, optimisers, regularisation',
    groups: ['mlp'],
    paperRef: '1(a)(iii)-(viii)',
  }),
  subTopic({
    id: 'concepts-optim',
    title: 'Optimisation concepts',
    summary: 'gradient descent, mini-batches, momentum, AdaGrad, RMSProp, Adam, learning-rate schedules',
    groups: ['optim'],
    paperRef: '1(a)(vi), 1(a)(vii)',
  }),
  subTopic({
    id: 'concepts-cnn',
    title: 'CNN concepts',
    summary:
      'weight sharing, padding, pooling, receptive fields, separable convolutions, classic architectures, transfer learning',
    groups: ['cnn'],
    paperRef: '3(b)(iii), 3(c)',
  }),
  subTopic({
    id: 'concepts-rnn',
    title: 'RNN and seq2seq concepts',
    summary:
      'Elman and output-feedback RNNs, vanishing gradients, BPTT, LSTM/GRU gates, encoder-decoder models',
    groups: ['rnn'],
    paperRef: '4(a), 4(b)',
  }),
  subTopic({
    id: 'concepts-lstm',
    title: 'LSTM and GRU concepts',
    summary: 'forget, input and output gates, the cell state, GRU reset and update gates',
    groups: ['lstm'],
    paperRef: '4(b)',
  }),
  subTopic({
    id: 'concepts-transformer',
    title: 'Attention and transformer concepts',
    summary:
      'self-attention, scaling, multi-head attention, positional encoding, masking, encoder-only and decoder-only models',
    groups: ['transformer', 'attention'],
    paperRef: '4(b), 4(c)(i)',
  }),
  subTopic({
    id: 'concepts-generative',
    title: 'Autoencoder and GAN concepts',
    summary:
      'undercomplete, sparse, denoising and variational autoencoders; GAN losses, optimum and mode collapse',
    groups: ['generative'],
    paperRef: '4(d)',
  }),
];
