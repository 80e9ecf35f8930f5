/** Attention and transformers: self-attention, scaling, multi-head attention, positional encoding, masking. */
import type { ConceptItem } from '../item.js';

export const transformerItems: readonly ConceptItem[] = [
  {
    id: 'transformer-scaling-factor',
    tag: 'transformer',
    kind: 'choice',
    stem: 'Why does scaled dot-product attention divide QKᵀ by √d_k before the softmax?',
    options: [
      {
        text: 'To keep the scores at unit variance: unscaled, their variance is about d_k, which saturates the softmax.',
        correct: true,
      },
      {
        text: 'To make the attention weights of each query sum to 1, as a probability distribution over the keys must.',
        why: 'The softmax already makes them sum to 1, whatever the scale.',
      },
      {
        text: 'To reduce the computational cost of attention, which would otherwise grow with the square of the key dimension d_k.',
        why: 'Dividing by a constant costs extra work; it does not change the cost, which is linear in d_k and quadratic in the length.',
      },
      {
        text: 'To stop each position from attending to the positions after it, which would otherwise leak the target during training.',
        why: 'That is the job of the causal mask, which sets those scores to −∞.',
      },
    ],
    explanation:
      'If the components of q and k are independent with mean 0 and variance 1, q·k is a sum of d_k such products and has variance d_k. Large logits make the softmax nearly one-hot, where its gradient is close to zero; scaling by 1/√d_k keeps the logits at unit variance (Vaswani et al., 2017).',
  },
  {
    id: 'transformer-self-attention-qkv',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'In self-attention, the queries, the keys and the values are all linear projections of the same input sequence.',
    answer: true,
    explanation:
      'Self-attention computes Q = XW_Q, K = XW_K and V = XW_V from the same token representations X, so each position attends to every position of its own sequence. In cross-attention, by contrast, the queries come from one sequence and the keys and values from another.',
  },
  {
    id: 'transformer-order-blind',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'Without positional encodings, shuffling the input tokens of a transformer encoder just shuffles its outputs the same way.',
    answer: true,
    explanation:
      'Attention weights depend only on the content of the queries and keys, and the weighted sum over values does not depend on their order. Permuting the rows of X therefore permutes the rows of the output the same way, so positional information must be added to the inputs.',
  },
  {
    id: 'transformer-sinusoidal-property',
    tag: 'transformer',
    paperRef: '4(c)(i)',
    kind: 'choice',
    stem: "Which is a property of the sinusoidal positional encoding of 'Attention Is All You Need'?",
    options: [
      {
        text: 'PE(pos + k) is a linear function of PE(pos) for any fixed k, and any position has a code, even beyond training lengths.',
        correct: true,
      },
      {
        text: 'Its values are learned by backpropagation with the word embeddings, so each position gets the code that best fits the data.',
        why: 'The sinusoidal encoding is a fixed formula; learned position embeddings are an alternative.',
      },
      {
        text: 'All dimensions use the same frequency, so the code of a position is one sine wave sampled at d_model points.',
        why: 'Each pair of dimensions has its own wavelength, growing geometrically from 2π to 10000·2π.',
      },
      {
        text: 'It is concatenated to the word embedding, doubling the model dimension so that content and position stay apart.',
        why: 'It has dimension d_model and is added to the embedding, not concatenated.',
      },
    ],
    explanation:
      'PE(pos, 2i) = sin(pos/10000^(2i/d_model)) and PE(pos, 2i+1) = cos(pos/10000^(2i/d_model)). Each sine–cosine pair at a fixed frequency is rotated by a fixed angle when pos increases by k, so relative offsets are linear maps, and every position gets a distinct, bounded code with no length limit.',
  },
  {
    id: 'transformer-sinusoid-even-odd',
    tag: 'transformer',
    paperRef: '4(c)',
    kind: 'true-false',
    statement:
      'In the sinusoidal positional encoding, even positions (pos = 0, 2, 4, …) use sine and odd positions use cosine.',
    answer: false,
    explanation:
      'The alternation is over the dimension index, not the position: dimension 2i uses sin(pos/10000^(2i/d_model)) and dimension 2i+1 uses cos of the same angle. Every position gets a full vector with both sines and cosines.',
  },
  {
    id: 'transformer-sinusoid-frequencies',
    tag: 'transformer',
    paperRef: '4(c)',
    kind: 'true-false',
    statement:
      'In the sinusoidal positional encoding, the low dimensions oscillate faster with position than the high dimensions.',
    answer: true,
    explanation:
      'Dimension pair i uses the angle pos/10000^(2i/d_model), whose wavelength 2π·10000^(2i/d_model) grows with i. Dimensions 0 and 1 change fastest (wavelength 2π) and the last dimensions change very slowly, like the digits of a counter.',
  },
  {
    id: 'transformer-multi-head',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'Multi-head attention runs h attention functions on d_model/h-dimensional projections, at a cost close to one full-width head.',
    answer: true,
    explanation:
      'Each head has its own projections W_Q, W_K, W_V into a d_model/h-dimensional subspace, and the h outputs are concatenated and projected by W_O. Because each head is h times narrower, the total cost is close to single-head attention of dimension d_model.',
  },
  {
    id: 'transformer-causal-mask',
    tag: 'transformer',
    kind: 'choice',
    stem: "Why does a transformer decoder's self-attention use a causal (look-ahead) mask during training?",
    options: [
      {
        text: 'To stop position t from attending to later positions, which hold the very tokens it is trained to predict.',
        correct: true,
      },
      {
        text: 'To ignore the padding tokens that are added to make the shorter sequences of a batch equally long.',
        why: 'That is the padding mask, a different mask that hides padded positions.',
      },
      {
        text: 'To reduce the quadratic cost of attention, as only the lower triangle of scores is computed.',
        why: 'The full score matrix is still computed; masked entries are just set to −∞ before the softmax.',
      },
      {
        text: 'To make the attention weights of each query sum to 1, which they would not do without the mask.',
        why: 'The softmax makes them sum to 1 with or without a mask.',
      },
    ],
    explanation:
      'During training the whole shifted target sequence is fed at once, so without a mask position t could attend to later positions, and later positions leak the target: the input at t + 1 is the very token position t must predict. Setting the scores of later positions to −∞ before the softmax gives them zero weight, matching generation, where only earlier tokens exist.',
  },
  {
    id: 'transformer-quadratic-cost',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'The cost of self-attention grows linearly with the sequence length n, because each position is processed once.',
    answer: false,
    explanation:
      'Every position attends to every other, so the score matrix QKᵀ has n × n entries and time and memory grow as O(n²·d). This quadratic cost is the main limit on the context length of standard transformers.',
  },
  {
    id: 'transformer-parallel-training',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'Like an RNN, a transformer encoder must process the positions of a sequence one after another during training.',
    answer: false,
    explanation:
      'An RNN must compute h(t−1) before h(t), a sequential chain of length n, but no position of a transformer encoder waits for another. Self-attention and the position-wise feed-forward layers are matrix operations over all positions at once, which suits GPUs.',
  },
  {
    id: 'transformer-pair-weights',
    tag: 'transformer',
    kind: 'two-statements',
    statements: [
      {
        text: 'In scaled dot-product attention, the attention weights of each query sum to 1.',
        true: true,
        why: 'Statement 1 is true: they are a softmax over the scaled scores of all keys.',
      },
      {
        text: 'In scaled dot-product attention, the output for a query is the weighted sum of the queries of all positions.',
        true: false,
        why: 'Statement 2 is false: the output is the weighted sum of the values, softmax(QKᵀ/√d_k)V.',
      },
    ],
  },
  {
    id: 'transformer-pair-heads-positions',
    tag: 'transformer',
    kind: 'two-statements',
    statements: [
      {
        text: 'A transformer encoder layer has more parameters when it processes longer sequences.',
        true: false,
        why: 'Statement 1 is false: its projections, feed-forward weights and layer norms do not depend on the sequence length n; only the n × n attention scores grow with n.',
      },
      {
        text: "Layer normalisation in a transformer normalises each token's vector over its d_model features.",
        true: true,
        why: 'Statement 2 is true: the mean and variance are taken over the features of one position, so they depend neither on the batch nor on the other positions.',
      },
    ],
  },
  {
    id: 'transformer-pair-block',
    tag: 'transformer',
    kind: 'two-statements',
    statements: [
      {
        text: 'In the original transformer, every sub-layer is wrapped as LayerNorm(x + Sublayer(x)).',
        true: true,
        why: 'Statement 1 is true: the original transformer computes LayerNorm(x + Sublayer(x)) around every sub-layer.',
      },
      {
        text: 'The feed-forward network in a transformer block applies the same two-layer MLP to every position independently.',
        true: true,
        why: 'Statement 2 is true: it is position-wise, FFN(x) = max(0, xW₁ + b₁)W₂ + b₂ with weights shared across positions.',
      },
    ],
  },
  {
    id: 'transformer-pair-cross-attention',
    tag: 'transformer',
    kind: 'two-statements',
    statements: [
      {
        text: "In an encoder–decoder transformer, the encoder's self-attention uses a causal mask, so each source token sees only earlier source tokens.",
        true: false,
        why: 'Statement 1 is false: the whole source sentence is known, so encoder self-attention is unmasked and every source token attends to every other.',
      },
      {
        text: 'In encoder–decoder (cross) attention, the queries come from the encoder output and the keys and values from the decoder.',
        true: false,
        why: 'Statement 2 is false: it is the other way round; the decoder supplies the queries and the encoder output supplies the keys and values.',
      },
    ],
  },
];
