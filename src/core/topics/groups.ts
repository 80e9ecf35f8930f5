import type { GroupId } from '../types.js';

export interface GroupInfo {
  readonly id: GroupId;
  readonly title: string;
  readonly summary: string;
}

export const GROUPS: readonly GroupInfo[] = [
  { id: 'mlp', title: 'Multilayer perceptrons', summary: 'dense layers, forward passes, backpropagation' },
  {
    id: 'gradients',
    title: 'Gradients',
    summary: 'derivatives of losses and activations, L2 regularisation',
  },
  {
    id: 'cnn',
    title: 'Convolutional networks',
    summary: 'output sizes, parameter counts, depthwise-separable FLOPs',
  },
  { id: 'rnn', title: 'Recurrent networks', summary: 'RNN forward passes over short sequences' },
  { id: 'lstm', title: 'LSTM and GRU', summary: 'gates, cell state, gated recurrent units' },
  { id: 'transformer', title: 'Transformers', summary: 'positional encoding, attention' },
  { id: 'attention', title: 'Attention', summary: 'scaled dot-product, multi-head and masked attention' },
  { id: 'generative', title: 'Generative models', summary: 'autoencoders, VAEs, GANs' },
  {
    id: 'optim',
    title: 'Optimisation',
    summary: 'gradient descent, momentum, adaptive optimisers, schedules',
  },
  { id: 'shapes', title: 'Tensor shapes', summary: 'reshape, expand, parameter shapes' },
  { id: 'concepts', title: 'Concepts', summary: 'true/false and multiple choice on the whole course' },
];

export function isGroupId(s: string): s is GroupId {
  return GROUPS.some((g) => g.id === s);
}
