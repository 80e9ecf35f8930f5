/**
 * The paper's convolution, sequence and tensor-shape questions (1(a)(ii), 3(a), 3(b), 4(a), 4(c)(ii)) with the
 * paper's parameters as reconstructed from the seed file, and the answers the seed file printed, verbatim (they
 * contain mistakes; the topic tests recompute every value independently). `value` transcribes each printed number
 * into the form of the topic's answer part.
 */
import { PAPER_RNN } from '../topics/sequence/rnn-forward.js';
import type { PaperQuestion } from './types.js';

/** Question 3's network: the input size is not in the seed file; 55×55×12 is the size for which a 7×7,
 * stride-1, unpadded convolution gives the printed 49×49 output. */
const CONV_INPUT = { inputSize: 55, inputChannels: 12 } as const;
const CONV_LAYERS = [
  { type: 'conv', filters: 6, kernel: 7, stride: 1, padding: 0 },
  { type: 'conv', filters: 4, kernel: 3, stride: 2, padding: 1 },
] as const;

export const convSeqPaperQuestions: readonly PaperQuestion[] = [
  {
    ref: '1(a)(ii)',
    topicId: 'tensor-shapes',
    params: { shape: [2, 3], ops: [{ op: 'unsqueeze', dim: 1 }], showValues: true, slice: 1 },
    printed: [
      { partId: 's1', text: '$[[[1, 2, 3]], [[4, 5, 6]]]$', value: [2, 1, 3] },
      { partId: 'values', text: '$[[[1, 2, 3]], [[4, 5, 6]]]$', value: [[4, 5, 6]] },
    ],
    note:
      'The seed file prints only the result, a (2, 1, 3) tensor, for x = [[1, 2, 3], [4, 5, 6]]: x.unsqueeze(1) ' +
      '(equivalently x.view(2, 1, 3) or x[:, None, :]) is the operation that produces it. The topic asks for the ' +
      'shape and for the slice y[1]; the printed tensor is transcribed into both.',
  },
  {
    ref: '3(a)(i)',
    topicId: 'conv-output-size',
    params: {
      ...CONV_INPUT,
      layers: CONV_LAYERS,
      unknowns: [
        { layer: 1, field: 'filters' },
        { layer: 1, field: 'depth' },
        { layer: 1, field: 'kernel' },
        { layer: 2, field: 'padding' },
      ],
    },
    printed: [
      { partId: 'n1', text: 'n_1 = 6', value: 6 },
      { partId: 'd1', text: 'd_1 = 12', value: 12 },
      { partId: 'f1', text: 'F_1 = 7', value: 7 },
      { partId: 'p2', text: 'p_2 = 1', value: 1 },
    ],
    note:
      'The seed file gives only the four unknowns. Reconstructed table: input 55×55×12; layer 1 has n₁ filters ' +
      'of F₁×F₁×d₁, stride 1, no padding, output 49×49×6; layer 2 has 4 filters of 3×3×6, stride 2, padding p₂, ' +
      'output 25×25×4. Stride 2 is forced: with stride 1 no padding gives 25 from 49.',
  },
  {
    ref: '3(a)(ii)',
    topicId: 'conv-params',
    params: { ...CONV_INPUT, layers: CONV_LAYERS, fcUnits: 128 },
    printed: [
      {
        partId: 'conv1',
        text: 'Convolutional Layer 1 =  $6 \\times 12 \\times 7 \\times 7 + 6 = 3534$',
        value: 3534,
      },
      {
        partId: 'conv2',
        text: 'Convolutional Layer 2 =  $4 \\times 6 \\times 3 \\times 3 + 4 = 220$',
        value: 220,
      },
      {
        partId: 'fc',
        text: 'Fully Connected Layer =  $4 \\times 25 \\times 25 \\times 128 \\times 1 + 128 = 320128$',
        value: 320128,
      },
    ],
  },
  {
    ref: '3(b)(i), 3(b)(ii)',
    topicId: 'depthwise-separable',
    params: { inChannels: 12, outChannels: 6, kernel: 7, outputSize: 49 },
    printed: [
      {
        partId: 'dwCount',
        text: 'Depthwise convolution has 12 independent  $1 \\times 7 \\times 7$  filters',
        value: 12,
      },
      {
        partId: 'dwShape',
        text: 'Depthwise convolution has 12 independent  $1 \\times 7 \\times 7$  filters',
        value: [1, 7, 7],
      },
      {
        partId: 'pwCount',
        text: 'Pointwise convolution has 4 independent  $12 \\times 1 \\times 1$  filters',
        value: 4,
      },
      {
        partId: 'pwShape',
        text: 'Pointwise convolution has 4 independent  $12 \\times 1 \\times 1$  filters',
        value: [12, 1, 1],
      },
      {
        partId: 'std',
        text: 'FLOPS in original Convolution Layer 1 =  $(2 \\times 12 \\times 7^2) \\times 6 \\times 49 \\times 49 = 16941456$',
        value: 16941456,
      },
      {
        partId: 'dw',
        text: 'FLOPS in Depthwise =  $2 \\times 7^2 \\times 12 \\times 49 \\times 49 = 2823576$',
        value: 2823576,
      },
      {
        partId: 'pw',
        text: 'FLOPS in Pointwise =  $2 \\times 12 \\times 6 \\times 49 \\times 49 = 345744$',
        value: 345744,
      },
      {
        partId: 'sep',
        text: 'FLOPS in Depthwise Separable Convolution =  $2823576 + 345744 = 3169320$',
        value: 3169320,
      },
      { partId: 'ratio', text: 'Ratio is 55:294', value: [55, 294] },
    ],
    note:
      'Conv layer 1 of 3(a) (6 filters of 7×7×12, 49×49 output) made depthwise-separable. The printed "4 ' +
      'independent 12×1×1" pointwise filters should be 6 (one per output channel of layer 1; 4 is layer 2\'s ' +
      'filter count); the printed pointwise FLOPs already use 6. FLOPs count 2 per multiply-add.',
  },
  {
    ref: '4(a)',
    topicId: 'rnn-forward',
    // The same network the rnn-forward topic asks about when it reproduces the paper.
    params: PAPER_RNN,
    printed: [
      {
        partId: 'h1',
        text: '$$h(1) = \\tanh\\left(\\begin{pmatrix} 3.3 \\\\ 2.55 \\end{pmatrix}\\right) = \\begin{pmatrix} 0.9973 \\\\ 0.9879 \\end{pmatrix}$$',
        value: [0.9973, 0.9879],
        dp: 4,
      },
      { partId: 'y1', text: '$$y(1) = \\sigma(V^T h(1) + 0.2) = 0.5503$$', value: 0.5503, dp: 4 },
      {
        partId: 'h2',
        text: '$$h(2) = \\tanh\\left(\\begin{pmatrix} 2.300 \\\\ 1.650 \\end{pmatrix}\\right) = \\begin{pmatrix} 0.9801 \\\\ 0.9289 \\end{pmatrix}$$',
        value: [0.9801, 0.9289],
        dp: 4,
      },
      {
        partId: 'y2',
        text: '$$y(2) = \\sigma(V^T h(2) + 0.2) = 0.5524 \\text{ (4dp)}$$',
        value: 0.5524,
        dp: 4,
      },
    ],
    note:
      'W = (2.0 1.0) is a 1×2 row: the scalar output y(t−1) is fed back to both hidden units. The printed ' +
      'pre-activation of h(2), (2.300, 1.650), is (2.30060, 1.65030) exactly: 2.300 is not correctly rounded ' +
      '(2.301 at 3 dp), but the printed h(2) and y(2) are right.',
  },
  {
    ref: '4(c)(ii)',
    topicId: 'positional-encoding',
    params: { pos: 5, dModel: 512, dims: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
    printed: [
      { partId: 'pe0', text: 'Dimension 0: -0.9589', value: -0.9589, dp: 4 },
      { partId: 'pe1', text: 'Dimension 1: 0.2837', value: 0.2837, dp: 4 },
      { partId: 'pe2', text: 'Dimension 2: -0.9939', value: -0.9939, dp: 4 },
      { partId: 'pe3', text: 'Dimension 3: -0.1107', value: -0.1107, dp: 4 },
      { partId: 'pe4', text: 'Dimension 4: -0.9982', value: -0.9982, dp: 4 },
      { partId: 'pe5', text: 'Dimension 5: -0.0595', value: -0.0595, dp: 4 },
      { partId: 'pe6', text: 'Dimension 6: -0.9750', value: -0.975, dp: 4 },
      { partId: 'pe7', text: 'Dimension 7: -0.2221', value: -0.2221, dp: 4 },
      { partId: 'pe8', text: 'Dimension 8: -0.9277', value: -0.9277, dp: 4 },
      { partId: 'pe9', text: 'Dimension 9: -0.3733', value: -0.3733, dp: 4 },
      { partId: 'pe10', text: 'Dimension 10: -0.8600', value: -0.86, dp: 4 },
    ],
    note:
      'pos = 5 and d_model = 512 are reconstructed from the printed values (dimension 0 is sin 5; dimensions ' +
      '4 to 10 fit d_model = 512). The printed dimension 3 has the wrong sign: cos(5/10000^(2/512)) = +0.1107. ' +
      "The seed file's formula conditions on the parity of pos; it is the parity of the dimension index.",
  },
];
