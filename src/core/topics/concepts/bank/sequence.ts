/** Recurrent networks, LSTM/GRU, backpropagation through time, sequence-to-sequence models and word embeddings. */
import type { ConceptItem } from '../item.js';

export const sequenceItems: readonly ConceptItem[] = [
  // ---- recurrent networks ----
  {
    id: 'rnn-vanishing-gradients',
    tag: 'rnn',
    kind: 'true-false',
    statement:
      'In a vanilla RNN, the gradient carried back over many time steps is a product of many Jacobians, so it tends to vanish or explode.',
    answer: true,
    explanation:
      'With h(t) = f(u(t)) and u(t) = Uᵀx(t) + Wᵀh(t−1) + b, the gradient from step t back to step k contains the product of the Jacobians ∂h(j)/∂h(j−1) = diag(f′(u(j)))·Wᵀ for j = k+1..t. If these factors are mostly smaller than 1 in norm the product shrinks exponentially with t − k, and if larger it grows exponentially (Bengio et al., 1994), which makes long-range dependencies hard to learn.',
  },
  {
    id: 'rnn-bptt-shared-gradient',
    tag: 'rnn',
    kind: 'true-false',
    statement:
      "Backpropagation through time unrolls the RNN over the sequence and sums each shared weight's gradient contributions from every time step.",
    answer: true,
    explanation:
      'The unrolled network uses the same weight matrices at every step, so by the chain rule the total gradient of a shared weight is the sum of the gradients it receives at each step. After that sum, the weights get a single update.',
  },
  {
    id: 'rnn-parameters-per-step',
    tag: 'rnn',
    kind: 'true-false',
    statement:
      'A vanilla RNN has separate weight matrices for each time step, so it needs more parameters to process longer sequences.',
    answer: false,
    explanation:
      'The same input, recurrent and output weights are reused at every time step (parameter sharing across time). The parameter count is independent of the sequence length, which is what lets one RNN handle sequences of any length.',
  },
  {
    id: 'rnn-lstm-forget-gate',
    tag: 'lstm',
    kind: 'choice',
    stem: 'In an LSTM, which gate decides how much of the previous cell state c(t−1) is kept?',
    options: [
      { text: 'The forget gate', correct: true },
      {
        text: 'The input gate',
        why: 'It decides how much of the new candidate g(t) is written into the cell.',
      },
      {
        text: 'The output gate',
        why: 'It decides how much of tanh(c(t)) is exposed as the hidden state h(t).',
      },
      { text: 'The reset gate', why: 'That is a gate of the GRU, not of the LSTM.' },
    ],
    explanation:
      'In PyTorch notation the LSTM cell update is c(t) = f(t) ⊙ c(t−1) + i(t) ⊙ g(t), with candidate g(t). The forget gate f(t), a sigmoid between 0 and 1 per cell, scales how much of the old cell state survives.',
  },
  {
    id: 'rnn-gradient-clipping',
    tag: 'rnn',
    kind: 'true-false',
    statement:
      'Gradient clipping, rescaling the gradient whenever its norm exceeds a threshold, fixes both exploding and vanishing gradients.',
    answer: false,
    explanation:
      'Clipping caps the size of a step, so it prevents the huge updates caused by exploding gradients. It cannot make a vanishing gradient larger; that needs architectural changes such as LSTM or GRU gating, or skip connections.',
  },
  {
    id: 'rnn-gru-vs-lstm',
    tag: 'lstm',
    kind: 'true-false',
    statement:
      'A GRU has more parameters than an LSTM with the same input and hidden sizes, because it adds a reset gate.',
    answer: false,
    explanation:
      'A GRU has two gates (update and reset) and no separate cell state, so it has three weight blocks (two gates plus the candidate) against the LSTM’s four (input, forget and output gates plus the candidate). With the same input and hidden sizes, the GRU has three quarters of the LSTM’s parameters.',
  },
  {
    id: 'rnn-output-feedback',
    tag: 'rnn',
    paperRef: '4(a)',
    kind: 'true-false',
    statement:
      'In an RNN with output feedback (a Jordan-type network), the recurrent input to the hidden layer at time t is the previous output y(t−1) rather than the previous hidden state h(t−1).',
    answer: true,
    explanation:
      'An Elman network feeds back h(t−1), while an output-feedback network computes h(t) = tanh(Uᵀx(t) + Wᵀy(t−1) + b). Question 4(a) of the 2023/24 paper uses this form, with y(0) given.',
  },
  {
    id: 'rnn-bidirectional-online',
    tag: 'rnn',
    kind: 'true-false',
    statement:
      'A bidirectional RNN can be used for online prediction, where each output must be produced as soon as its input arrives.',
    answer: false,
    explanation:
      'A bidirectional RNN combines a forward pass and a backward pass over the sequence, so the output at time t depends on inputs after t. These future inputs are not yet available online, so bidirectional RNNs suit tasks where the whole sequence is known, such as tagging a complete sentence.',
  },
  {
    id: 'rnn-pair-lstm',
    tag: 'lstm',
    kind: 'two-statements',
    statements: [
      {
        text: 'An LSTM alleviates the vanishing-gradient problem of vanilla RNNs.',
        true: true,
        why: 'Statement 1 is true: its gated, additive cell state lets gradients pass through many steps almost unchanged when the forget gate is near 1.',
      },
      {
        text: 'An LSTM has fewer parameters than a vanilla RNN with the same hidden size.',
        true: false,
        why: 'Statement 2 is false: it has four weight blocks (three gates and a candidate) where the vanilla RNN has one, so about four times as many recurrent parameters.',
      },
    ],
  },
  {
    id: 'rnn-pair-truncated-bptt',
    tag: 'rnn',
    kind: 'two-statements',
    statements: [
      {
        text: 'Truncated backpropagation through time computes the exact gradient of the loss over the entire sequence.',
        true: false,
        why: 'Statement 1 is false: it ignores the dependence of later losses on steps before the truncation window, so it gives an approximation.',
      },
      {
        text: 'Truncated backpropagation through time limits how far back the gradient flows, saving memory and computation.',
        true: true,
        why: 'Statement 2 is true: only the last k steps are kept for the backward pass, so the cost no longer grows with the full sequence length.',
      },
    ],
  },
  {
    id: 'rnn-pair-gates',
    tag: 'lstm',
    kind: 'two-statements',
    statements: [
      {
        text: 'The gates of an LSTM use the sigmoid function so that each gate value lies between 0 and 1.',
        true: true,
        why: 'Statement 1 is true: a gate multiplies a signal element-wise, so a value in (0, 1) acts as a soft switch between blocking and passing.',
      },
      {
        text: 'The hidden state h(t) that an LSTM passes to the next layer is its cell state c(t) itself, unchanged.',
        true: false,
        why: 'Statement 2 is false: h(t) = o(t) ⊙ tanh(c(t)), a squashed and gated view of the cell state.',
      },
    ],
  },

  // ---- sequence to sequence ----
  {
    id: 'seq2seq-bottleneck',
    tag: 'seq2seq',
    kind: 'true-false',
    statement:
      'In a basic RNN encoder–decoder without attention, the whole input sequence must be compressed into one fixed-length context vector, which hurts performance on long inputs.',
    answer: true,
    explanation:
      'The decoder sees the input only through the final encoder state, whose size does not grow with the input length. Translation quality of such models drops on long sentences, which motivated attention (Bahdanau et al., 2015).',
  },
  {
    id: 'seq2seq-teacher-forcing',
    tag: 'seq2seq',
    kind: 'choice',
    stem: "When a sequence-to-sequence decoder is trained with teacher forcing, what is the decoder's input at output step t?",
    options: [
      { text: 'The ground-truth target token of step t − 1.', correct: true },
      {
        text: "The decoder's own prediction from step t − 1.",
        why: 'That is free-running decoding, used at inference time when no target is available.',
      },
      {
        text: 'The input token at position t of the source sequence.',
        why: 'The source sequence is read by the encoder; source and target positions need not align.',
      },
      {
        text: 'Only the context vector, with no token input.',
        why: 'The decoder is conditioned on the context vector and also receives the previous target token.',
      },
    ],
    explanation:
      'Teacher forcing feeds the correct previous token, so every step is trained on the right prefix and early mistakes do not derail the rest of the sequence, which makes training faster and more stable. The drawback is exposure bias: at test time the decoder must consume its own, possibly wrong, predictions.',
  },
  {
    id: 'seq2seq-attention-context',
    tag: 'seq2seq',
    kind: 'true-false',
    statement:
      'With attention, an encoder–decoder model still gives the decoder the same context vector at every output step.',
    answer: false,
    explanation:
      'At every output step each encoder hidden state gets a score against the current decoder state, a softmax turns the scores into weights, and the weighted sum of encoder states is that step’s own context vector. The decoder can thus look at the relevant source positions at each step instead of relying on one fixed vector.',
  },
  {
    id: 'seq2seq-greedy-decoding',
    tag: 'seq2seq',
    kind: 'true-false',
    statement:
      'Greedy decoding, taking the most probable token at each step, always finds the most probable output sequence under the model.',
    answer: false,
    explanation:
      'A locally best token can lead to continuations with low probability, so the product of probabilities along the greedy path need not be the maximum. Beam search keeps several partial hypotheses and usually finds more probable sequences, though it is not exact either.',
  },

  // ---- word embeddings ----
  {
    id: 'embedding-one-hot-similarity',
    tag: 'embeddings',
    kind: 'true-false',
    statement:
      'One-hot word vectors encode similarity between words: the dot product of the vectors for "cat" and "dog" is larger than for "cat" and "car".',
    answer: false,
    explanation:
      'Distinct one-hot vectors are orthogonal, so every pair of different words has dot product 0 and no notion of similarity. Learned dense embeddings such as word2vec or GloVe place words used in similar contexts close together.',
  },
  {
    id: 'embedding-skip-gram',
    tag: 'embeddings',
    kind: 'choice',
    stem: 'What is the skip-gram model of word2vec trained to do?',
    options: [
      { text: 'Predict the surrounding context words from the centre word.', correct: true },
      {
        text: 'Predict the centre word from its surrounding context words.',
        why: 'That is the other word2vec model, continuous bag-of-words (CBOW).',
      },
      {
        text: 'Reconstruct the one-hot input through a bottleneck, like an autoencoder.',
        why: 'Skip-gram predicts other words, not its own input.',
      },
      {
        text: 'Factorise a matrix of global word co-occurrence counts.',
        why: 'That describes GloVe.',
      },
    ],
    explanation:
      'For each word in the corpus, skip-gram maximises the probability of the words within a window around it, usually with negative sampling. Words that appear in similar contexts end up with similar vectors.',
  },
  {
    id: 'embedding-analogy',
    tag: 'embeddings',
    kind: 'true-false',
    statement:
      "In well-trained word embeddings, vec('king') − vec('man') + vec('woman') tends to lie close to vec('queen').",
    answer: true,
    explanation:
      'Mikolov et al. (2013) showed that consistent relations such as gender or capital city correspond to roughly constant offset vectors in word2vec space. The nearest word (excluding the query words) to this sum is typically "queen".',
  },
  {
    id: 'embedding-lookup',
    tag: 'embeddings',
    kind: 'true-false',
    statement:
      'An embedding layer gives the same result as multiplying a one-hot vector by a weight matrix, and is implemented as a lookup of one row of that matrix.',
    answer: true,
    explanation:
      'Multiplying a one-hot row vector eᵢ by a V × d matrix E selects row i of E. Frameworks index the row directly, which is much cheaper than a matrix product with a vocabulary-sized vector, and the selected row is trained by backpropagation like any weight.',
  },
];
