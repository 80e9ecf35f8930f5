/**
 * The paper's dense-network questions (1(a)(i), 1(b), 2(b)-(f)) with the paper's own parameters, and the answers
 * printed in the seed file of student solutions, verbatim (they contain mistakes; see the topic tests for the
 * independently computed values). `value` transcribes each printed number so it can be compared automatically.
 */
import type { PaperQuestion } from './types.js';

/** Question 2's network: 2 inputs, 3 tanh, 2 tanh, 1 sigmoid; W of shape (inputs, outputs), u = Wᵀh + b. */
const PAPER_NETWORK = {
  x: [1.0, 2.0],
  layers: [
    {
      W: [
        [3.2, -2.4, -2.1],
        [-1.2, -1.4, 2.6],
      ],
      b: [0.5, 0.5, 0.5],
    },
    {
      W: [
        [3.0, 0],
        [-2.4, -4.2],
        [-3.0, 2.5],
      ],
      b: [0.5, 0.5],
    },
    { W: [[2.0], [-1.0]], b: [0.5] },
  ],
  // The printed loss is −log(1 − y) = 1.68 with y = 0.81: the (1 − d) ln(1 − y) term alone, so d = 0
  // (with d = 1 it would be −ln y ≈ 0.21), and the natural log (−log10(1 − y) ≈ 0.73).
  d: 0,
  // The paper's answers are given to 2 decimal places.
  dp: 2,
} as const;

/** Representative numbers for the symbolic question 1(b) (the paper asks for the formulas only). */
const NEURON = { x: [1.0, 2.0], w: [0.5, -1.2], b: 0.3, d: 1.0 } as const;

export const densePaperQuestions: readonly PaperQuestion[] = [
  {
    ref: '1(a)(i)',
    topicId: 'dense-params',
    params: {
      layers: [
        { inputs: 2, outputs: 5, bias: true, activation: 'ReLU' },
        { inputs: 5, outputs: 5, bias: true, activation: 'none' },
      ],
    },
    printed: [{ partId: 'total', text: '$(2 \\times 5) + 5 + (5 \\times 5) + 5 = 45$', value: 45, dp: 0 }],
    note:
      'Two Linear layers, Linear(2, 5) then Linear(5, 5), as the printed working implies; the activation between ' +
      'them is not in the seed file and has no parameters.',
  },
  {
    ref: '1(b)(i)',
    topicId: 'linear-neuron-gradients',
    params: NEURON,
    printed: [
      { partId: 'dy', text: '$\\nabla_y J = -2(d - y)$' },
      { partId: 'dw', text: '$\\nabla_w J = -2(d - y)x^T$' },
      { partId: 'db', text: '$\\nabla_b J = -2(d - y)$' },
    ],
    note: 'Symbolic in the paper; the numbers are representative. ∇w J has the shape of w: −2(d − y)x.',
  },
  {
    ref: '1(b)(ii)',
    topicId: 'l2-gradients',
    params: { ...NEURON, beta: 0.1 },
    printed: [
      { partId: 'dw', text: '$\\nabla_W J_1 = -2(d - y)x^T + 2\\beta W$' },
      { partId: 'db', text: '$\\nabla_b J_1 = -2(d - y)x^T$' },
    ],
    note:
      'Symbolic in the paper; the numbers are representative. The printed bias gradient is wrong: the bias is ' +
      'not regularised and ∂y/∂b = 1, so ∇b J₁ = −2(d − y), without xᵀ.',
  },
  {
    ref: '2(b), 2(c)',
    topicId: 'mlp-forward',
    params: PAPER_NETWORK,
    printed: [
      {
        partId: 'h1',
        text:
          '$$h_1 = g(u_1) = \\tanh(u_1) = \\begin{bmatrix} 0.86172 & 0.86 \\\\ -0.99983 & -1.00 \\\\ ' +
          '0.99850 & 1.00 \\end{bmatrix}$$',
        value: [0.86172, -0.99983, 0.9985],
        dp: 5,
      },
      {
        partId: 'h2',
        text: '$$h_2 = g(u_2) = \\tanh(u_2) = \\begin{bmatrix} 0.99 \\\\ 1.00 \\end{bmatrix}$$',
        value: [0.99, 1.0],
        dp: 2,
      },
      { partId: 'u3', text: '$u_3 = W_3^T \\times h_2 + b_3 = 1.48$', value: 1.48, dp: 2 },
      { partId: 'y', text: '$y = f(u_3) = \\text{sigmoid}(u_3) = 0.81$', value: 0.81, dp: 2 },
      { partId: 'loss', text: 'Cross Entropy =  $-\\log(1-y) = 1.68$', value: 1.68, dp: 2 },
    ],
  },
  {
    ref: '2(d)',
    topicId: 'activation-derivatives',
    params: {
      points: [
        { fn: 'tanh', u: 1.3 },
        { fn: 'sigmoid', u: 1.5 },
        { fn: 'relu', u: -4.7 },
      ],
      formula: { fn: 'tanh', options: ['y(1 − y)', '1 − y²', '1 − y', '1 + y²'] },
    },
    printed: [{ partId: 'formula', text: "$y = f(u) = \\tanh(u)$   \n $f'(u) = 1 - y^2$", value: 'B' }],
    note: 'The paper asks for the formula; the numeric points are representative (tanh at the paper\u2019s u₁ = 1.3).',
  },
  {
    ref: '2(e)',
    topicId: 'backprop-deltas',
    params: PAPER_NETWORK,
    printed: [
      { partId: 'du3', text: '$\\nabla_{u_3} J = -(d - f(u)) = 0.81$', value: 0.81, dp: 2 },
      {
        partId: 'du2',
        text:
          "$\\nabla_{u_2} J = W_3 \\nabla_{u_3} J \\cdot h_2'(u) = \\begin{bmatrix} 2.0 \\\\ -1.0 \\end{bmatrix} " +
          '\\times 0.81 \\cdot (1 - h_2^2) = \\begin{bmatrix} 1.62 \\\\ -0.81 \\end{bmatrix} \\cdot ' +
          '\\begin{bmatrix} 0.03 \\\\ 0 \\end{bmatrix} = \\begin{bmatrix} 0.04 \\\\ 0 \\end{bmatrix}$',
        value: [0.04, 0],
        dp: 2,
      },
      {
        partId: 'du1',
        text:
          "$\\nabla_{u_1} J = W_2 \\nabla_{u_2} J \\cdot h_1'(u) = \\begin{bmatrix} 3.0 & 0 \\\\ -2.4 & -4.2 \\\\ " +
          '-3.0 & 2.5 \\end{bmatrix} \\times \\begin{bmatrix} 0.04 \\\\ 0 \\end{bmatrix} \\cdot (1 - h_1^2) = ' +
          '\\begin{bmatrix} 0.03 \\\\ 0 \\\\ 0 \\end{bmatrix}$',
        value: [0.03, 0, 0],
        dp: 2,
      },
    ],
  },
  {
    ref: '2(f)',
    topicId: 'backprop-weights',
    params: PAPER_NETWORK,
    printed: [
      {
        partId: 'dW3',
        text: '$\\nabla_{W_3} J = h_2 \\nabla_{u_3} J^T = \\begin{bmatrix} 0.80 \\\\ 0.81 \\end{bmatrix}$',
        value: [0.8, 0.81],
        dp: 2,
      },
      { partId: 'db3', text: '$\\nabla_{b_3} J = \\nabla_{u_3} J = 0.81$', value: 0.81, dp: 2 },
      {
        partId: 'dW2',
        text:
          '$\\nabla_{W_2} J = h_1 \\nabla_{u_2} J^T = \\begin{bmatrix} 0.86172 & 0.04 & 0 \\\\ -0.99983 & 0.04 & 0 ' +
          '\\\\ 0.99850 & 0.04 & 0 \\end{bmatrix} \\times \\begin{bmatrix} 0.03 \\\\ 0 \\\\ 0 \\end{bmatrix} = ' +
          '\\begin{bmatrix} -0.04 & 0 \\\\ -0.04 & 0 \\\\ 0.04 & 0 \\end{bmatrix}$',
        value: [
          [-0.04, 0],
          [-0.04, 0],
          [0.04, 0],
        ],
        dp: 2,
      },
      {
        partId: 'db2',
        text: '$\\nabla_{b_2} J = \\nabla_{u_2} J = \\begin{bmatrix} 0.04 \\\\ 0 \\end{bmatrix}$',
        value: [0.04, 0],
        dp: 2,
      },
      {
        partId: 'dW1',
        text:
          '$\\nabla_{W_1} J = x \\nabla_{u_1} J^T = \\begin{bmatrix} 1.0 & 0.03 & 0 & 0 \\\\ 2.0 & 0.03 & 0 & 0 ' +
          '\\end{bmatrix} \\times \\begin{bmatrix} 0.03 \\\\ 0 \\\\ 0 \\\\ 0 \\end{bmatrix} = \\begin{bmatrix} 0.03 & ' +
          '0 & 0 \\\\ 0.07 & 0 & 0 \\end{bmatrix}$',
        value: [
          [0.03, 0, 0],
          [0.07, 0, 0],
        ],
        dp: 2,
      },
      {
        partId: 'db1',
        text: '$\\nabla_{b_1} J = \\nabla_{u_1} J = \\begin{bmatrix} 0.03 \\\\ 0 \\\\ 0 \\end{bmatrix}$',
        value: [0.03, 0, 0],
        dp: 2,
      },
    ],
  },
];
