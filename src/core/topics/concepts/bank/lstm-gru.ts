/**
 * LSTM and GRU, in PyTorch's names and gate order: LSTM gates i, f, g (candidate), o; GRU gates r, z, n (candidate),
 * with h(t) = (1 − z) ⊙ n + z ⊙ h(t−1). Matrix formulas follow the course convention u = Wᵀx + b.
 */
import type { ConceptItem } from '../item.js';

export const lstmGruItems: readonly ConceptItem[] = [
  {
    id: 'lstm-pytorch-gate-order',
    tag: 'lstm',
    kind: 'choice',
    stem: 'In PyTorch, nn.LSTM stacks the weights of its four blocks in weight_ih_l0 (shape 4·hidden_size × input_size). In which order?',
    options: [
      { text: 'input i, forget f, cell g, output o', correct: true },
      {
        text: 'forget f, input i, output o, cell g',
        why: "PyTorch's order is i, f, g, o; some papers list the forget gate first.",
      },
      {
        text: 'input i, output o, forget f, cell g',
        why: 'The output gate comes last in PyTorch: i, f, g, o.',
      },
      {
        text: 'cell g, input i, forget f, output o',
        why: 'The candidate g is the third block in PyTorch: i, f, g, o.',
      },
    ],
    explanation:
      'Rows 0 to H − 1 of weight_ih_l0 belong to the input gate, then come the forget gate, the cell candidate g and the output gate; weight_hh_l0 and both bias vectors use the same order. The order matters when weights are read or set by hand, for example to give the forget gate a bias of 1.',
  },
  {
    id: 'lstm-parameter-count',
    tag: 'lstm',
    kind: 'choice',
    stem: 'A PyTorch nn.LSTM layer has input_size = 10 and hidden_size = 20. How many parameters does it have?',
    options: [
      { text: '2,560', correct: true },
      {
        text: '2,480',
        why: 'That gives each block one bias vector; PyTorch has two, bias_ih and bias_hh, 2 × 80 = 160 in all.',
      },
      { text: '640', why: 'That is one block; an LSTM has four (i, f, g, o), each with 20 units.' },
      { text: '1,920', why: 'That is a GRU, with three blocks: 3 × 20 × 30 + 2 × 60 = 1,920.' },
    ],
    explanation:
      'weight_ih_l0 is 80 × 10 and weight_hh_l0 is 80 × 20, where 80 = 4 × hidden_size, so there are 80 × 30 = 2,400 weights. The two bias vectors bias_ih_l0 and bias_hh_l0 add 2 × 80 = 160, for 2,560.',
  },
  {
    id: 'lstm-forget-bias-one',
    tag: 'lstm',
    kind: 'true-false',
    statement:
      'Initialising the forget-gate bias of an LSTM to a positive value such as 1 helps it keep information over long spans early in training.',
    answer: true,
    explanation:
      'With a zero bias the forget gate starts near σ(0) = 0.5, so the cell state halves at every step and early information fades quickly. A bias of 1 starts the gate near σ(1) ≈ 0.73 and lets gradients flow along the cell path from the start (Jozefowicz et al., 2015).',
  },
  {
    id: 'lstm-cell-unbounded',
    tag: 'lstm',
    kind: 'true-false',
    statement:
      'Because every gate of an LSTM lies between 0 and 1 and its candidate g(t) between −1 and 1, the cell state c(t) always stays between −1 and 1, just like the hidden state h(t).',
    answer: false,
    explanation:
      'c(t) = f(t) ⊙ c(t−1) + i(t) ⊙ g(t) can add a term of size up to 1 at every step, so with f near 1 the cell can grow to about t in magnitude. It is h(t) = o(t) ⊙ tanh(c(t)) that stays within (−1, 1).',
  },
  {
    id: 'lstm-cell-value',
    tag: 'lstm',
    kind: 'choice',
    stem: 'An LSTM unit has c(t−1) = 0.5, and at step t its gates are i = 0.5, f = 0.8 and o = 1.0, with candidate g = 0.6. What is c(t)?',
    options: [
      { text: '0.7', correct: true },
      { text: '0.3', why: 'That leaves out the kept part f·c(t−1) = 0.4.' },
      { text: '0.4', why: 'That leaves out the written part i·g = 0.3.' },
      { text: '0.604', why: 'That is h(t) = o·tanh(c(t)) = tanh(0.7), not the cell state.' },
    ],
    explanation:
      'c(t) = f·c(t−1) + i·g = 0.8 × 0.5 + 0.5 × 0.6 = 0.4 + 0.3 = 0.7. The output gate acts only on h(t) = o·tanh(c(t)) ≈ 0.604.',
  },
  {
    id: 'gru-no-cell-state',
    tag: 'lstm',
    kind: 'true-false',
    statement:
      'A GRU keeps a separate cell state next to its hidden state, as an LSTM does, and passes both to the next step.',
    answer: false,
    explanation:
      'The hidden state h(t) is the only state a GRU carries from step to step, so it serves both as memory and as output. The interpolation h(t) = (1 − z) ⊙ n + z ⊙ h(t−1) gives it the additive path that the cell gives an LSTM.',
  },
  {
    id: 'gru-update-gate-near-one',
    tag: 'lstm',
    kind: 'choice',
    stem: "PyTorch's GRU computes h(t) = (1 − z(t)) ⊙ n(t) + z(t) ⊙ h(t−1). What does a unit do when its update gate z(t) is close to 1?",
    options: [
      { text: 'It keeps h(t−1) and ignores the candidate n(t)', correct: true },
      {
        text: 'It replaces h(t−1) by the candidate n(t)',
        why: 'That happens when z(t) is close to 0 under this convention.',
      },
      {
        text: 'It resets, so the candidate ignores h(t−1)',
        why: 'That is what a reset gate r(t) near 0 does to the candidate.',
      },
      {
        text: 'It outputs zero, whatever h(t−1) and x(t) are',
        why: 'z interpolates between two states; neither is forced to zero.',
      },
    ],
    explanation:
      "Under PyTorch's convention z weights the old state: z = 1 copies h(t−1) and z = 0 takes the candidate n(t). Some texts swap the roles of z and 1 − z, so the convention must be stated.",
  },
  {
    id: 'gru-reset-gate-role',
    tag: 'lstm',
    kind: 'true-false',
    statement:
      'The reset gate r(t) of a GRU controls how much of the previous state enters the candidate n(t).',
    answer: true,
    explanation:
      'In the course convention PyTorch computes n(t) = tanh(W_inᵀx(t) + b_in + r(t) ⊙ (W_hnᵀh(t−1) + b_hn)), so r near 0 makes the candidate depend on the current input alone. This lets a unit drop history that does not matter for what comes next.',
  },
  {
    id: 'gru-gate-roles-swapped',
    tag: 'lstm',
    kind: 'true-false',
    statement:
      'In a GRU, the reset gate decides how much of the previous hidden state is carried over unchanged into h(t), while the update gate decides how much of the previous state is used to compute the candidate.',
    answer: false,
    explanation:
      'The roles are the other way round: the update gate z(t) interpolates between h(t−1) and the candidate n(t), and the reset gate r(t) scales the recurrent part of the candidate. PyTorch stores their weights in the order r, z, n.',
  },
  {
    id: 'lstm-state-sizes',
    tag: 'lstm',
    kind: 'true-false',
    statement:
      "In PyTorch's nn.LSTM the cell state c is four times the size of the hidden state h, one part per gate.",
    answer: false,
    explanation:
      'h and c are both vectors of hidden_size values per layer and direction, and nn.LSTM returns the pair (h_n, c_n) of the last step. The gates act element-wise on the hidden_size units, so they do not enlarge the state.',
  },
  {
    id: 'lstm-pair-cell-path',
    tag: 'lstm',
    kind: 'two-statements',
    statements: [
      {
        text: 'Along the cell path of an LSTM, the derivative ∂c(t)/∂c(t−1) is the forget gate f(t), element by element.',
        true: true,
        why: 'Statement 1 is true: c(t) = f(t) ⊙ c(t−1) + i(t) ⊙ g(t), so holding the gates fixed the derivative is f(t).',
      },
      {
        text: 'Because of its additive cell state, an LSTM cannot suffer from exploding gradients, only from vanishing ones.',
        true: false,
        why: 'Statement 2 is false: gradients also flow through h and the gates and can still explode; gradient clipping is used with LSTMs too.',
      },
    ],
  },
  {
    id: 'gru-pair-gates',
    tag: 'lstm',
    kind: 'two-statements',
    statements: [
      {
        text: 'A GRU layer can be stacked on top of an LSTM layer, since both output one hidden vector per time step.',
        true: true,
        why: 'Statement 1 is true: any recurrent layer can take that sequence of hidden vectors as its input sequence.',
      },
      {
        text: "In PyTorch's GRU, weight_hh_l0 has the shape (3·hidden_size, hidden_size).",
        true: true,
        why: 'Statement 2 is true: it stacks the recurrent weights of the reset gate, the update gate and the candidate, in the order r, z, n.',
      },
    ],
  },
  {
    id: 'lstm-pair-gate-values',
    tag: 'lstm',
    kind: 'two-statements',
    statements: [
      {
        text: 'If the output gate of an LSTM unit is 0, its cell state c(t) is reset to 0 and the stored information is lost.',
        true: false,
        why: 'Statement 1 is false: the output gate only hides the cell from h(t) = o(t) ⊙ tanh(c(t)); c(t) itself is kept.',
      },
      {
        text: 'If the input gate of an LSTM unit is 0 and its forget gate is 1, its cell state is copied unchanged to the next step.',
        true: true,
        why: 'Statement 2 is true: c(t) = 1·c(t−1) + 0·g(t) = c(t−1).',
      },
    ],
  },
  {
    id: 'lstm-bidirectional-output-size',
    tag: 'lstm',
    kind: 'true-false',
    statement:
      'A bidirectional PyTorch nn.LSTM with hidden_size = 64 outputs 64 values per time step, the average of its two directions.',
    answer: false,
    explanation:
      'The forward and the backward direction each produce a 64-value hidden state at every step, and nn.LSTM concatenates them into 128 values. Its final h_n holds one last state per direction.',
  },
];
