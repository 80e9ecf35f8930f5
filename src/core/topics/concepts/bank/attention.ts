/** Attention and transformers: shapes, masks, encoder-only and decoder-only models, cross-attention. */
import type { ConceptItem } from '../item.js';

export const attentionItems: readonly ConceptItem[] = [
  {
    id: 'transformer-encoder-only',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'Encoder-only transformers such as BERT use unmasked self-attention and are pretrained to predict masked-out tokens from both sides.',
    answer: true,
    explanation:
      'Every token attends to the whole sentence, so its representation uses left and right context. That suits classification, tagging and extractive question answering, but not left-to-right generation.',
  },
  {
    id: 'transformer-decoder-only',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'Decoder-only transformers such as GPT use causal self-attention and are trained to predict the next token.',
    answer: true,
    explanation:
      'Each position attends to itself and earlier positions only, so the model is a left-to-right language model. It generates text by sampling a token, appending it to its input and repeating.',
  },
  {
    id: 'transformer-decoder-only-no-cross-attention',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'A decoder-only language model such as GPT keeps the cross-attention sub-layer of the original transformer decoder, which attends to an encoded copy of the prompt that is stored separately.',
    answer: false,
    explanation:
      'With no encoder there is nothing to cross-attend to, so each block has only masked self-attention and a feed-forward network. The prompt is simply the first part of the token sequence the model reads.',
  },
  {
    id: 'transformer-which-for-classification',
    tag: 'transformer',
    kind: 'choice',
    stem: 'Which model is the natural choice for classifying the sentiment of whole reviews, using the context on both sides of each word?',
    options: [
      { text: 'An encoder-only transformer such as BERT', correct: true },
      {
        text: 'A decoder-only, causal transformer such as GPT',
        why: 'A causal decoder sees only earlier tokens at each position, so it does not use both sides of each word.',
      },
      {
        text: 'A transformer decoder with no attention at all',
        why: 'Without attention the tokens could not exchange any information.',
      },
      {
        text: 'A GAN whose discriminator reads the reviews',
        why: 'A GAN learns to generate data; it is not a sentiment classifier.',
      },
    ],
    explanation:
      'An encoder-only model attends in both directions, and a classifier on its output for a summary token (or on the mean of its outputs) labels the review. Fine-tuning a pretrained encoder such as BERT is the standard recipe.',
  },
  {
    id: 'transformer-attention-shapes',
    tag: 'transformer',
    kind: 'choice',
    stem: 'One self-attention head runs on n = 10 tokens with d_k = 64 and d_v = 32. What are the shapes of the score matrix QKᵀ and of the output?',
    options: [
      { text: '10×10 and 10×32', correct: true },
      { text: '10×10 and 10×64', why: 'The output is a weighted sum of values, so it has d_v = 32 columns.' },
      { text: '64×64 and 10×32', why: 'QKᵀ compares tokens with tokens: it is n × n, not d_k × d_k.' },
      {
        text: '10×64 and 10×10',
        why: 'Those are the shapes of Q and of the score matrix; the output is n × d_v.',
      },
    ],
    explanation:
      'Q and K are 10 × 64, so QKᵀ is 10 × 10: one score for every pair of tokens. The softmax weights (10 × 10) multiply V (10 × 32), giving a 10 × 32 output.',
  },
  {
    id: 'transformer-multi-head-parameters',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'With h heads of dimension d_model/h, multi-head attention has as many projection parameters as a single head of dimension d_model.',
    answer: true,
    explanation:
      'The h query projections of size d_model × d_model/h together form one d_model × d_model matrix, and likewise for the keys and the values; the output projection W_O is d_model × d_model either way. Splitting into heads changes what the attention can express, not the parameter count.',
  },
  {
    id: 'transformer-attention-weights-value',
    tag: 'transformer',
    kind: 'choice',
    stem: 'A query q = (1, 0) attends to the keys k₁ = (1, 0) and k₂ = (0, 1), with d_k = 2. What are its attention weights softmax(q·kⱼ/√d_k), to 3 decimal places?',
    options: [
      { text: '(0.670, 0.330)', correct: true },
      {
        text: '(0.731, 0.269)',
        why: 'That skips the scaling: it is the softmax of (1, 0), not of (1/√2, 0).',
      },
      { text: '(0.707, 0.000)', why: 'Those are the scaled scores, before the softmax.' },
      {
        text: '(0.500, 0.500)',
        why: 'The scores differ, so the weights differ; equal weights need equal scores.',
      },
    ],
    explanation:
      'The scores are q·k₁/√2 = 0.707 and q·k₂/√2 = 0. The softmax gives e^0.707/(e^0.707 + 1) = 2.028/3.028 = 0.670 and 1/3.028 = 0.330.',
  },
  {
    id: 'transformer-ffn-width',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'In the original transformer, the position-wise feed-forward network widens each token vector from d_model = 512 to d_ff = 2048 and projects it back.',
    answer: true,
    explanation:
      'It computes max(0, xW₁ + b₁)W₂ + b₂ with W₁ of size 512 × 2048 and W₂ of size 2048 × 512, for each position separately. These two matrices hold about two thirds of the weights of an encoder block, against 4 × 512² for the attention projections.',
  },
  {
    id: 'attention-additive-vs-dot',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'Bahdanau (additive) attention scores each encoder state with a small feedforward network, while transformers use dot products.',
    answer: true,
    explanation:
      'Additive attention computes score(s, h) = vᵀtanh(W₁ᵀs + W₂ᵀh + b) for a decoder state s and an encoder state h; dot-product attention computes s·h, scaled by 1/√d_k in transformers. Dot products are cheaper, since all the scores come from one matrix product.',
  },
  {
    id: 'transformer-first-position-causal',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'Under a causal mask, the first position of a sequence spreads its attention evenly over all positions.',
    answer: false,
    explanation:
      'Every score to a later position is set to −∞, so the first row of the softmax has one finite entry, which gets weight 1. The first position attends only to itself, and its output is the first value vector.',
  },
  {
    id: 'transformer-cross-attention-lengths',
    tag: 'transformer',
    kind: 'true-false',
    statement:
      'In cross-attention the number of keys must equal the number of queries, so the score matrix is always square.',
    answer: false,
    explanation:
      'Queries come from the n target positions and keys and values from the m source positions, so QKᵀ is n × m, square only when n = m. Each target position gets a weighted sum over the m source values.',
  },
  {
    id: 'transformer-mask-how',
    tag: 'transformer',
    kind: 'choice',
    stem: 'How is a causal mask applied in scaled dot-product attention?',
    options: [
      { text: 'The scores of later positions are set to −∞ before the softmax', correct: true },
      {
        text: 'The weights of later positions are zeroed after the softmax, and the rest kept',
        why: 'The kept weights would then sum to less than 1; masking before the softmax renormalises them.',
      },
      {
        text: 'The value vectors of later positions are multiplied by −1',
        why: 'Negated values would still contribute to the output.',
      },
      {
        text: 'The queries of all later positions are replaced by zero vectors',
        why: 'Zero queries give equal scores, not zero weights, and the mask acts on the keys each query may see.',
      },
    ],
    explanation:
      'Adding −∞ (in practice a large negative number) to the score of every key after the query position makes its exponential 0. The softmax then spreads the weight over the allowed positions only, and the weights still sum to 1.',
  },
  {
    id: 'transformer-pair-generation',
    tag: 'transformer',
    kind: 'two-statements',
    statements: [
      {
        text: 'An encoder-only transformer is the natural choice for generating text token by token.',
        true: false,
        why: 'Statement 1 is false: its bidirectional attention needs the whole sequence, so causal, decoder-only models are used for generation.',
      },
      {
        text: 'A decoder-only transformer is trained on all positions of a sequence in parallel.',
        true: true,
        why: 'Statement 2 is true: the causal mask lets every position predict its next token in the same forward pass.',
      },
    ],
  },
  {
    id: 'transformer-pair-scores',
    tag: 'transformer',
    kind: 'two-statements',
    statements: [
      {
        text: 'Scaled dot-product attention divides every score q·k by the key dimension d_k before applying the softmax.',
        true: false,
        why: 'Statement 1 is false: it divides by √d_k, the standard deviation of a dot product of d_k unit-variance components.',
      },
      {
        text: "A query whose attention weight is nearly 1 on one key mostly copies that key's value into its output.",
        true: true,
        why: 'Statement 2 is true: the output Σⱼ αⱼvⱼ is then dominated by that one value.',
      },
    ],
  },
  {
    id: 'transformer-pair-head-sizes',
    tag: 'transformer',
    kind: 'two-statements',
    statements: [
      {
        text: 'Multi-head attention with 8 heads computes 8 separate n × n matrices of attention weights.',
        true: true,
        why: 'Statement 1 is true: each head has its own scores and softmax, so each can attend to different positions.',
      },
      {
        text: 'The outputs of the heads are averaged to form the output of multi-head attention.',
        true: false,
        why: 'Statement 2 is false: they are concatenated, back to d_model dimensions, and projected by W_O.',
      },
    ],
  },
];
