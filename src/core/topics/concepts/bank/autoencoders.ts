/** Autoencoders: sparse (KL), tied, denoising, undercomplete, variational (course convention h = f(Wᵀx + b)). */
import type { ConceptItem } from '../item.js';

export const autoencoderItems: readonly ConceptItem[] = [
  {
    id: 'ae-sparse-kl-target',
    tag: 'autoencoders',
    kind: 'true-false',
    statement:
      'The sparse-autoencoder penalty Σⱼ KL(ρ ‖ ρ̂ⱼ) pushes the average activation ρ̂ⱼ of each hidden unit over the training set towards a small target ρ.',
    answer: true,
    explanation:
      'KL(ρ ‖ ρ̂) = ρ ln(ρ/ρ̂) + (1 − ρ) ln((1 − ρ)/(1 − ρ̂)) is 0 when ρ̂ = ρ and grows as ρ̂ moves away. With ρ = 0.05, each sigmoid hidden unit is pushed to be active for only a few inputs, which yields useful features even with an overcomplete code.',
  },
  {
    id: 'ae-sparse-kl-zero',
    tag: 'autoencoders',
    kind: 'choice',
    stem: "With target ρ = 0.05, when is a hidden unit's sparsity penalty KL(ρ ‖ ρ̂ⱼ) zero?",
    options: [
      { text: 'When its mean activation ρ̂ⱼ equals 0.05', correct: true },
      {
        text: 'When its mean activation ρ̂ⱼ is 0',
        why: 'The penalty grows without bound as ρ̂ⱼ approaches 0, because of the term ρ ln(ρ/ρ̂ⱼ).',
      },
      {
        text: 'When all its incoming weights and its bias are 0',
        why: 'Then the sigmoid unit outputs σ(0) = 0.5 for every input, far from 0.05.',
      },
      {
        text: 'When its mean activation ρ̂ⱼ is 1 − ρ = 0.95',
        why: 'The divergence is not symmetric in that way; it is zero only at ρ̂ⱼ = ρ.',
      },
    ],
    explanation:
      'A KL divergence between two Bernoulli distributions is zero exactly when they are equal, here when ρ̂ⱼ = ρ = 0.05. It is added to the reconstruction loss with a weight β, summed over the hidden units.',
  },
  {
    id: 'ae-tied-weights',
    tag: 'autoencoders',
    kind: 'true-false',
    statement:
      'An autoencoder with tied weights uses the transpose of its encoder weight matrix as its decoder weight matrix.',
    answer: true,
    explanation:
      'With the encoder h = f(Wᵀx + b), the tied decoder computes x̂ = g(Wh + c), which is the course form g(W′ᵀh + c) with W′ = Wᵀ. W is learned once and serves both ways, which roughly halves the weights; the biases b and c stay separate.',
  },
  {
    id: 'ae-denoising-test-time',
    tag: 'autoencoders',
    kind: 'true-false',
    statement:
      'A denoising autoencoder must keep corrupting its inputs after training, because its encoder only produces useful codes for inputs that carry the same amount of noise it saw in training.',
    answer: false,
    explanation:
      'The corruption is a training device: it stops the network from learning the identity and makes it capture the structure of the data. After training, clean inputs are encoded as they are, and the learned features serve them well.',
  },
  {
    id: 'ae-vae-reparameterisation',
    tag: 'autoencoders',
    kind: 'true-false',
    statement:
      'The reparameterisation trick of a VAE writes z = μ + σ ⊙ ε with ε ~ N(0, I), so that gradients flow through the sampling step to μ and σ.',
    answer: true,
    explanation:
      'Sampling z directly from N(μ, σ²) is not differentiable with respect to μ and σ. Moving the randomness into ε, which does not depend on any parameter, makes z a differentiable function of the encoder outputs.',
  },
  {
    id: 'ae-vae-encoder-output',
    tag: 'autoencoders',
    kind: 'choice',
    stem: 'What does the encoder of a variational autoencoder output for an input x?',
    options: [
      { text: 'The mean and variance of a Gaussian distribution q(z|x) over codes', correct: true },
      {
        text: 'One code vector z, exactly as the encoder of a plain autoencoder does',
        why: 'That is a deterministic autoencoder; a VAE encoder describes a distribution from which z is sampled.',
      },
      {
        text: 'A reconstruction of x, compared with x by the loss',
        why: 'The decoder reconstructs x; the encoder describes the code distribution.',
      },
      {
        text: 'The probability that x is a real example rather than a generated one',
        why: 'That is what a GAN discriminator outputs.',
      },
    ],
    explanation:
      'The encoder outputs μ(x) and log σ²(x) of a diagonal Gaussian, one pair per code dimension. A code is sampled from it and decoded, so each input occupies a small region of code space rather than a single point.',
  },
  {
    id: 'ae-vae-blurry',
    tag: 'autoencoders',
    kind: 'true-false',
    statement:
      'Samples of a VAE trained with a squared-error reconstruction loss tend to be blurrier than the samples of a GAN.',
    answer: true,
    explanation:
      'Squared error rewards predicting the average of the plausible outputs for a code, and an average of sharp images is blurred. A GAN’s discriminator instead rejects any output that does not look like a real sample.',
  },
  {
    id: 'ae-code-size',
    tag: 'autoencoders',
    kind: 'choice',
    stem: 'An autoencoder maps 784-pixel images to a 32-unit code and back, with no other constraint. What kind is it, and what stops it from learning the identity?',
    options: [
      { text: 'Undercomplete: the 32-unit bottleneck', correct: true },
      {
        text: 'Overcomplete: the code is larger than the input',
        why: '32 is far fewer than 784, so the code is smaller than the input.',
      },
      {
        text: 'Denoising: its inputs are corrupted in training',
        why: 'Nothing says the inputs are corrupted; the bottleneck is what constrains it.',
      },
      {
        text: 'Sparse: a KL penalty on the code activations',
        why: 'No sparsity penalty is used; the size of the code alone constrains it.',
      },
    ],
    explanation:
      'With 32 code units for 784 inputs, the network must compress and cannot pass the input through unchanged. Codes as large as the input or larger need another constraint, such as sparsity or denoising.',
  },
  {
    id: 'ae-binary-cross-entropy',
    tag: 'autoencoders',
    kind: 'true-false',
    statement:
      'Autoencoders for pixel intensities in [0, 1] often use sigmoid outputs with a binary cross-entropy per pixel.',
    answer: true,
    explanation:
      'Each pixel is then treated as the probability of a Bernoulli variable, and the sigmoid keeps the reconstruction in [0, 1]. Squared error is the other common choice, especially for real-valued inputs.',
  },
  {
    id: 'ae-layerwise-pretraining',
    tag: 'autoencoders',
    kind: 'true-false',
    statement: 'Stacked autoencoders were once used to pretrain deep networks greedily, one layer at a time.',
    answer: true,
    explanation:
      'Stacked autoencoders (Bengio et al., 2007) initialised deep networks this way when training them from random weights worked poorly. Better initialisation, ReLU and normalisation have since made this kind of pretraining rare.',
  },
  {
    id: 'ae-pair-sparse',
    tag: 'autoencoders',
    kind: 'two-statements',
    statements: [
      {
        text: 'Sparsity can also be imposed on the code of an autoencoder with an L1 penalty on the hidden activations.',
        true: true,
        why: 'Statement 1 is true: λ Σⱼ |hⱼ| also drives most code values to 0; the KL form suits sigmoid units with a target mean activation.',
      },
      {
        text: 'A sparse autoencoder must have fewer hidden units than inputs, or its sparsity penalty has no effect.',
        true: false,
        why: 'Statement 2 is false: the sparsity penalty is what constrains it, so its code can be overcomplete.',
      },
    ],
  },
  {
    id: 'ae-pair-vae',
    tag: 'autoencoders',
    kind: 'two-statements',
    statements: [
      {
        text: 'A VAE is trained by an adversarial game between its encoder and its decoder.',
        true: false,
        why: "Statement 1 is false: its encoder and decoder cooperate to minimise one loss; a game between two networks with opposite goals is the GAN's method.",
      },
      {
        text: 'The decoder of a VAE outputs the parameters of a distribution p(x|z) over inputs.',
        true: true,
        why: 'Statement 2 is true: for real-valued data it is usually the mean of a Gaussian, and with a fixed variance the reconstruction term becomes a squared error.',
      },
    ],
  },
  {
    id: 'ae-pair-nonlinear',
    tag: 'autoencoders',
    kind: 'two-statements',
    statements: [
      {
        text: 'A deep autoencoder with non-linear activations can learn a curved low-dimensional representation that PCA cannot.',
        true: true,
        why: 'Statement 1 is true: PCA finds only linear subspaces, while non-linear encoders and decoders can follow a curved manifold.',
      },
      {
        text: 'An autoencoder needs a class label for each of its training inputs, which serves as its reconstruction target.',
        true: false,
        why: 'Statement 2 is false: its target is its own input, so it learns without labels.',
      },
    ],
  },
];
