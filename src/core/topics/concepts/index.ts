/**
 * Conceptual true/false and multiple-choice items. `concepts-all` draws from the whole bank (group 'concepts');
 * the tagged sub-topics let `/quiz mlp`, `/quiz cnn`, `/quiz rnn` and `/quiz transformer` draw conceptual items
 * too. The sub-topics sit only in their content group, so `/quiz concepts` stays uniform over all items.
 */
import type { GroupId, Topic } from '../../types.js';
import { CONCEPT_ITEMS } from './bank/index.js';
import { createConceptTopic } from './concept-topic.js';
import { type ConceptItem, TAG_GROUPS } from './item.js';

export { CONCEPT_ITEMS } from './bank/index.js';
export type { ConceptParams } from './concept-topic.js';

function itemsFor(group: GroupId): readonly ConceptItem[] {
  return CONCEPT_ITEMS.filter((item) => TAG_GROUPS[item.tag].includes(group));
}

export const conceptsTopic = createConceptTopic({
  id: 'concepts-all',
  title: 'Concepts: true/false and multiple choice',
  summary:
    'the whole course: initialisation, fitting, optimisers, regularisation, CNNs, RNNs, transformers, GANs',
  groups: ['concepts'],
  paperRef: '1(a)(iii)-(viii), 3(b)(iii), 3(c), 4(b), 4(c)(i), 4(d)',
  items: CONCEPT_ITEMS,
});

export const conceptTopics: readonly Topic<unknown>[] = [
  conceptsTopic,
  createConceptTopic({
    id: 'concepts-mlp',
    title: 'MLP and training concepts',
    summary:
      'perceptrons, initialisation, activations, losses, under/overfitting, optimisers, regularisation',
    groups: ['mlp'],
    paperRef: '1(a)(iii)-(viii)',
    items: itemsFor('mlp'),
  }),
  createConceptTopic({
    id: 'concepts-cnn',
    title: 'CNN concepts',
    summary:
      'weight sharing, padding, pooling, receptive fields, separable convolutions, ResNets, batch norm',
    groups: ['cnn'],
    paperRef: '3(b)(iii), 3(c)',
    items: itemsFor('cnn'),
  }),
  createConceptTopic({
    id: 'concepts-rnn',
    title: 'RNN and seq2seq concepts',
    summary: 'vanishing gradients, BPTT, LSTM/GRU gates, encoder-decoder models',
    groups: ['rnn'],
    paperRef: '4(b)',
    items: itemsFor('rnn'),
  }),
  createConceptTopic({
    id: 'concepts-transformer',
    title: 'Attention and transformer concepts',
    summary: 'self-attention, scaling, multi-head attention, positional encoding, masking',
    groups: ['transformer'],
    paperRef: '4(b), 4(c)(i)',
    items: itemsFor('transformer'),
  }),
];
