/** Autoencoders and generative adversarial networks. */
import type { ConceptItem } from '../item.js';

export const generativeItems: readonly ConceptItem[] = [
  // ---- autoencoders ----
  {
    id: 'autoencoder-undercomplete',
    tag: 'autoencoders',
    kind: 'true-false',
    statement:
      'An undercomplete autoencoder (code smaller than its input) whose encoder and decoder have limited capacity is forced to learn a code that keeps the most salient features of the data.',
    answer: true,
    explanation:
      'The input must be reconstructed from a code of lower dimension, so the network cannot copy it and must keep what matters most for reconstruction. The capacity condition matters: an encoder and decoder powerful enough could map each training example to an arbitrary one-number code and back, reconstructing well while learning nothing useful about the data (Goodfellow et al., section 14.1).',
  },
  {
    id: 'autoencoder-linear-pca',
    tag: 'autoencoders',
    kind: 'true-false',
    statement:
      'A linear autoencoder with one hidden layer of k units, trained with squared error, learns codes spanning the same subspace as the first k principal components (PCA).',
    answer: true,
    explanation:
      'With linear encoder and decoder the best rank-k reconstruction under squared error is the projection onto the top-k principal subspace (Baldi and Hornik, 1989). The learned weights span that subspace, though they need not be the orthonormal principal directions themselves.',
  },
  {
    id: 'autoencoder-denoising',
    tag: 'autoencoders',
    kind: 'choice',
    stem: 'What is a denoising autoencoder trained to do?',
    options: [
      { text: 'Reconstruct the clean input from a corrupted version of it.', correct: true },
      {
        text: 'Reconstruct the corrupted input from the clean input.',
        why: 'That would teach it to add noise, which is the reverse of the goal.',
      },
      {
        text: 'Classify whether an input is noisy or clean.',
        why: 'It is trained to reconstruct, not to classify.',
      },
      {
        text: 'Reconstruct its input exactly, with noise added only to the weights.',
        why: 'The noise is added to the input, and the target is the clean input.',
      },
    ],
    explanation:
      'The input is corrupted (Gaussian noise, masked pixels) and the loss compares the output with the original clean input. Because copying the input no longer works, the network must learn the structure of the data to undo the corruption, even when the code is not smaller than the input.',
  },
  {
    id: 'autoencoder-overcomplete',
    tag: 'autoencoders',
    kind: 'true-false',
    statement:
      'An overcomplete autoencoder (code larger than the input) trained only to minimise reconstruction error is guaranteed to learn useful features.',
    answer: false,
    explanation:
      'With a code at least as large as the input the network can learn the identity mapping and reconstruct perfectly without capturing any structure. Overcomplete autoencoders need regularisation, such as a sparsity penalty, input corruption (denoising) or a contractive penalty.',
  },
  {
    id: 'autoencoder-vae-loss',
    tag: 'autoencoders',
    kind: 'true-false',
    statement:
      "A variational autoencoder's loss is a reconstruction term plus a KL divergence that pulls the encoder's distribution q(z|x) towards the prior p(z).",
    answer: true,
    explanation:
      'The VAE maximises the evidence lower bound: E_q[log p(x|z)] − KL(q(z|x) ‖ p(z)). The KL term keeps the codes close to the prior (usually N(0, I)), so sampling z from the prior and decoding it generates new data.',
  },

  // ---- generative adversarial networks ----
  {
    id: 'gan-mode-collapse',
    tag: 'gan',
    paperRef: '4(d)',
    kind: 'choice',
    stem: 'What is mode collapse in a generative adversarial network?',
    options: [
      {
        text: 'The generator produces only a few kinds of samples, whatever noise z it gets, since those fool the discriminator.',
        correct: true,
      },
      {
        text: "The discriminator's accuracy falls to 50%, so it no longer gives the generator any useful training signal at all.",
        why: 'A discriminator at chance is the ideal end point of training, not a failure.',
      },
      {
        text: "The generator's loss overflows and stops being a number, which breaks every later update.",
        why: 'That is a numerical failure, not mode collapse.',
      },
      {
        text: 'The discriminator memorises the training set and rejects every generated sample.',
        why: 'That is discriminator overfitting, a different problem.',
      },
    ],
    explanation:
      'The generator finds one or a few outputs that the current discriminator rates as real and maps many different z to them. The discriminator then learns to reject those and the generator jumps to another mode. The symptom is a lack of diversity, not poor quality: each collapsed sample can look realistic.',
  },
  {
    id: 'gan-minimax',
    tag: 'gan',
    kind: 'true-false',
    statement:
      'In the original GAN, the discriminator maximises and the generator minimises the same value function, making training a two-player minimax game.',
    answer: true,
    explanation:
      'The value function is V(D, G) = E_x[log D(x)] + E_z[log(1 − D(G(z)))], and training solves min_G max_D V. The discriminator learns to tell real from generated samples while the generator learns to make the discriminator wrong.',
  },
  {
    id: 'gan-optimum',
    tag: 'gan',
    kind: 'true-false',
    statement:
      'At the theoretical optimum of the GAN game, the discriminator outputs 1 for every real sample and 0 for every generated one.',
    answer: false,
    explanation:
      'For a fixed generator the optimal discriminator is D*(x) = p_data(x) / (p_data(x) + p_g(x)). At the global optimum the generator reproduces the data, p_g = p_data, so D*(x) = 1/2 everywhere: the discriminator can no longer tell real from generated (Goodfellow et al., 2014).',
  },
  {
    id: 'gan-non-saturating-loss',
    tag: 'gan',
    kind: 'true-false',
    statement:
      'Training the generator to maximise log D(G(z)) instead of minimising log(1 − D(G(z))) gives it stronger gradients early in training.',
    answer: true,
    explanation:
      'When D(G(z)) is close to 0, log(1 − D(G(z))) is flat, so the generator receives almost no gradient. The non-saturating loss −log D(G(z)) has the same fixed point but a steep gradient exactly where the generator is doing badly.',
  },
];
