/**
 * Ids of items merged into another item because both tested the same fact. Questions and past-paper references
 * may name an old id, so each stays resolvable: it stands for the item that was kept.
 */
export const ITEM_ALIASES: Readonly<Record<string, string>> = {
  'optim-small-batch-tradeoff': 'optim-batch-size-compare',
  'cnn-pooling-parameters': 'cnn-pair-pooling-parameters',
  'cnn-depthwise-filters': 'cnn-pair-depthwise',
  'cnn-stride-parameters': 'cnn-weight-sharing',
  'cnn-pair-stacked-three-by-three': 'cnn-receptive-field',
  'gan-mode-collapse-symptom': 'gan-mode-collapse',
  'rnn-lstm-additive-cell': 'rnn-pair-lstm',
  'reg-dropout-test-time': 'reg-inverted-dropout-scale',
  'activation-relu-vanishing': 'activation-sigmoid-derivative-bound',
};
