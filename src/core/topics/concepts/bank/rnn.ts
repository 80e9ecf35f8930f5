/** Recurrent networks: Elman and output-feedback forms, unrolling, architectures (course convention u = Wᵀx + b). */
import type { ConceptItem } from '../item.js';

export const rnnItems: readonly ConceptItem[] = [
  {
    id: 'rnn-output-feedback-teacher-forcing',
    tag: 'rnn',
    kind: 'true-false',
    statement:
      'When an output-feedback RNN is trained with teacher forcing, the target d(t−1) replaces y(t−1) as the recurrent input, so its time steps can be trained in parallel.',
    answer: true,
    explanation:
      'With the target fed back, h(t) depends only on x(t) and the known d(t−1), so no step waits for the output of the previous one. An Elman network cannot be decoupled this way, because its recurrent input h(t−1) is never given as data.',
  },
  {
    id: 'rnn-output-feedback-memory',
    tag: 'rnn',
    kind: 'true-false',
    statement:
      'An RNN whose only recurrence runs from its output y(t−1) back to its hidden layer can remember as much about the past as an Elman network with the same hidden size, since h(t) still depends on every earlier input.',
    answer: false,
    explanation:
      'Everything such a network carries forward must pass through y(t−1), which has the size and meaning of the output, often a few units trained to match a target. An Elman network carries its whole hidden state, so it can keep information that never appears in the output; output feedback is less powerful (Goodfellow et al., section 10.2).',
  },
  {
    id: 'rnn-parameter-count',
    tag: 'rnn',
    kind: 'choice',
    stem: 'An Elman RNN has 3 inputs, 4 hidden units and 2 outputs, with a bias on every hidden and output unit. How many parameters does it have?',
    options: [
      { text: '42', correct: true },
      { text: '26', why: 'That leaves out the recurrent weights W, 4 × 4 = 16.' },
      { text: '36', why: 'That leaves out the biases, 4 + 2 = 6.' },
      { text: '58', why: 'That counts the 4 × 4 recurrent weights twice.' },
    ],
    explanation:
      'U has 3 × 4 = 12 weights, W has 4 × 4 = 16, V has 4 × 2 = 8, and the biases add 4 + 2 = 6, so 42 in all. The count does not depend on the length of the sequence.',
  },
  {
    id: 'rnn-many-to-one',
    tag: 'rnn',
    kind: 'true-false',
    statement:
      'To classify a whole sentence, an RNN can read every word and predict from its final hidden state alone.',
    answer: true,
    explanation:
      'This is a many-to-one architecture: the final hidden state summarises the sequence and a dense layer maps it to the classes. Only the last step has a loss, and backpropagation through time carries its gradient back through every step.',
  },
  {
    id: 'seq2seq-translation-architecture',
    tag: 'seq2seq',
    kind: 'choice',
    stem: 'Which RNN architecture suits translating a sentence into another language?',
    options: [
      { text: 'An encoder–decoder: one RNN reads the source, another writes the target', correct: true },
      {
        text: 'Many-to-one: read the source and output one class for the sentence',
        why: 'A translation is a whole sequence, not one label.',
      },
      {
        text: 'One-to-many: read one word and generate the whole translated sentence from it',
        why: 'The whole source sentence must be read, not one word.',
      },
      {
        text: 'Synced many-to-many: emit one target word at every source step',
        why: 'Source and target differ in length and word order, so the outputs cannot be tied to input steps.',
      },
    ],
    explanation:
      'The encoder reads the whole source and the decoder generates the target one token at a time, conditioned on the encoder (its final state or, with attention, all its states). The two sequences can have different lengths and word orders.',
  },
  {
    id: 'rnn-stacked-layers',
    tag: 'rnn',
    kind: 'true-false',
    statement:
      'In a stacked (deep) RNN, the hidden sequence of one recurrent layer is the input sequence of the next.',
    answer: true,
    explanation:
      'Layer l computes its state at step t from the state of layer l − 1 at step t and from its own previous state. Each layer can then work at a higher level of abstraction, as in a deep feedforward network; two to four layers are common.',
  },
  {
    id: 'rnn-bptt-memory',
    tag: 'rnn',
    kind: 'true-false',
    statement:
      'The memory that backpropagation through time needs does not depend on the length of the sequence, because the weights are shared across all of its time steps.',
    answer: false,
    explanation:
      'Sharing fixes the number of parameters, but the backward pass needs the hidden state and the other forward values of every step, so they are all stored. Memory grows linearly with the sequence length, which is one reason for truncating BPTT.',
  },
  {
    id: 'rnn-pair-elman-start',
    tag: 'rnn',
    kind: 'two-statements',
    statements: [
      {
        text: 'In an Elman network the output y(t) depends on the input x(t) only through the hidden state h(t).',
        true: true,
        why: 'Statement 1 is true: y(t) = g(Vᵀh(t) + c), and x(t) enters only through h(t).',
      },
      {
        text: 'An Elman network started from h(0) = 0 gives the same output at t = 1 whatever its recurrent weights W are.',
        true: true,
        why: 'Statement 2 is true: at t = 1 the recurrent term Wᵀh(0) is 0, so only U, b and the output layer matter.',
      },
    ],
  },
  {
    id: 'rnn-pair-long-range',
    tag: 'rnn',
    kind: 'two-statements',
    statements: [
      {
        text: 'Vanishing gradients hurt dependencies between distant time steps more than between neighbouring ones.',
        true: true,
        why: 'Statement 1 is true: the gradient shrinks with each step it travels back, so nearby dependencies still get a usable signal.',
      },
      {
        text: 'Exploding gradients can be cured by initialising the recurrent weights to zero.',
        true: false,
        why: 'Statement 2 is false: zero recurrent weights cut the recurrence, and training soon makes them non-zero; clipping and gating are the remedies.',
      },
    ],
  },
  {
    id: 'rnn-pair-state',
    tag: 'rnn',
    kind: 'two-statements',
    statements: [
      {
        text: 'A unidirectional RNN reading a sentence from left to right uses the words after position t when it computes h(t).',
        true: false,
        why: 'Statement 1 is false: h(t) depends only on the inputs up to x(t); later words need a bidirectional RNN.',
      },
      {
        text: 'Every component of the hidden state of a tanh RNN stays between −1 and 1.',
        true: true,
        why: 'Statement 2 is true: each is an output of tanh, whatever the inputs and the sequence length.',
      },
    ],
  },
];
