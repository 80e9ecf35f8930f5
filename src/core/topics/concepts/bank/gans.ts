/** Generative adversarial networks: the game, the optimal discriminator, losses, training practice, evaluation. */
import type { ConceptItem } from '../item.js';

export const ganItems: readonly ConceptItem[] = [
  {
    id: 'gan-optimal-discriminator-value',
    tag: 'gan',
    kind: 'choice',
    stem: 'For a fixed generator the optimal discriminator is D*(x) = p_data(x)/(p_data(x) + p_g(x)). What is D*(x) at a point where p_data(x) = 0.3 and p_g(x) = 0.1?',
    options: [
      { text: '0.75', correct: true },
      { text: '0.25', why: 'That is p_g/(p_data + p_g), the probability that x was generated.' },
      { text: '0.5', why: 'D* = 1/2 only where p_data = p_g.' },
      { text: '3', why: 'That is p_data/p_g; a discriminator outputs a probability, at most 1.' },
    ],
    explanation:
      'D*(x) = 0.3/(0.3 + 0.1) = 0.75: the point is three times as likely under the data as under the generator. As p_g approaches p_data, D* approaches 1/2 everywhere.',
  },
  {
    id: 'gan-jensen-shannon',
    tag: 'gan',
    kind: 'true-false',
    statement:
      'With the optimal discriminator, the GAN value function equals 2·JS(p_data ‖ p_g) − ln 4, so the generator minimises a Jensen–Shannon divergence.',
    answer: true,
    explanation:
      'Substituting D*(x) = p_data/(p_data + p_g) into V(D, G) gives −ln 4 + 2·JS(p_data ‖ p_g) (Goodfellow et al., 2014). The divergence is 0 only when p_g = p_data, where the value is −ln 4.',
  },
  {
    id: 'gan-perfect-discriminator',
    tag: 'gan',
    kind: 'true-false',
    statement:
      'Training the discriminator to perfection before each generator update gives the generator its most useful gradients, since the discriminator then tells it exactly how its samples differ from real data.',
    answer: false,
    explanation:
      'A perfect discriminator rejects generated samples with D(G(z)) ≈ 0, where the minimax generator loss is flat and its gradient vanishes. GANs therefore alternate a few discriminator steps with a generator step and keep the two players roughly balanced.',
  },
  {
    id: 'gan-generator-input',
    tag: 'gan',
    kind: 'choice',
    stem: 'What is the input of a GAN generator?',
    options: [
      { text: 'A random noise vector z drawn from a fixed prior, such as N(0, I)', correct: true },
      {
        text: 'A real training image, which it learns to copy as closely as it can',
        why: 'The generator never sees real data directly; copying images is not its task.',
      },
      {
        text: 'The output D(x) of the discriminator on a real sample from the data',
        why: "D's outputs enter the losses, not the generator's input.",
      },
      {
        text: 'A class label on its own, which fixes the image that it will generate',
        why: 'A conditional GAN may add a label, but the noise z is what lets it produce varied samples.',
      },
    ],
    explanation:
      'The generator maps codes z from a simple prior (Gaussian or uniform) to samples G(z). Different z give different samples, so the prior pushed through G defines the distribution p_g.',
  },
  {
    id: 'gan-generator-never-sees-data',
    tag: 'gan',
    kind: 'true-false',
    statement:
      'The generator of a GAN is trained on real images directly, with a pixel-wise loss between its outputs and real samples.',
    answer: false,
    explanation:
      "The generator never touches the data: its only training signal is the gradient of the discriminator's judgement, back-propagated through D into G. Only the discriminator sees real samples.",
  },
  {
    id: 'gan-dcgan',
    tag: 'gan',
    kind: 'true-false',
    statement:
      'The DCGAN guidelines replace pooling by strided convolutions in the discriminator and by transposed convolutions in the generator, and use batch normalisation.',
    answer: true,
    explanation:
      'Radford et al. (2015) found that these choices, with ReLU in the generator and leaky ReLU in the discriminator, made convolutional GANs train stably. Transposed convolutions let the generator learn its own upsampling from the noise vector to an image.',
  },
  {
    id: 'gan-loss-not-quality',
    tag: 'gan',
    kind: 'true-false',
    statement:
      'A steadily falling generator loss is a reliable sign that a GAN is producing better samples, just as a falling training loss signals progress in supervised learning.',
    answer: false,
    explanation:
      "The generator's loss is measured against the current discriminator, which keeps changing, so the two losses oscillate and neither measures sample quality. GANs are judged by looking at samples or by metrics such as the Fréchet Inception Distance.",
  },
  {
    id: 'gan-conditional',
    tag: 'gan',
    kind: 'true-false',
    statement:
      'A conditional GAN feeds a class label y to both of its networks, so it can generate a chosen class.',
    answer: true,
    explanation:
      'The generator learns G(z, y) and the discriminator judges pairs (x, y), so a sample must be realistic and match its label. At generation time y is fixed and z is varied.',
  },
  {
    id: 'gan-discriminator-classifier',
    tag: 'gan',
    kind: 'true-false',
    statement:
      'The discriminator of the original GAN is trained as a binary classifier, with binary cross-entropy on real samples (label 1) and generated samples (label 0).',
    answer: true,
    explanation:
      'Real samples are labelled 1 and generated ones 0, and the discriminator is fitted to these labels like any logistic classifier, with loss −ln D(x) on real and −ln(1 − D(G(z))) on generated samples. That step updates D only; G is held fixed.',
  },
  {
    id: 'gan-discriminator-loss-value',
    tag: 'gan',
    kind: 'choice',
    stem: 'A discriminator outputs D(x) = 0.9 on a real sample and D(G(z)) = 0.2 on a generated one. What is its loss −ln D(x) − ln(1 − D(G(z))) on this pair?',
    options: [
      { text: '0.329', correct: true },
      {
        text: '1.715',
        why: 'That uses −ln D(G(z)) = 1.609 for the generated sample; its target is 0, so the term is −ln(1 − 0.2).',
      },
      { text: '0.105', why: 'That counts only the real sample; the generated one adds −ln 0.8 = 0.223.' },
      { text: '0.143', why: 'That uses log₁₀; the loss uses natural logarithms.' },
    ],
    explanation:
      '−ln 0.9 = 0.105 for the real sample and −ln(1 − 0.2) = −ln 0.8 = 0.223 for the generated one, 0.329 in all. The discriminator is doing well: it rates the real sample high and the generated one low.',
  },
  {
    id: 'gan-minibatch-discrimination',
    tag: 'gan',
    kind: 'true-false',
    statement:
      'Minibatch discrimination, which lets the discriminator compare the samples of a batch with each other, is one remedy for mode collapse.',
    answer: true,
    explanation:
      'A collapsed generator produces near-identical samples, which a discriminator that sees several samples together can spot and reject. Unrolled GANs and the Wasserstein loss are other remedies (Salimans et al., 2016; Arjovsky et al., 2017).',
  },
  {
    id: 'gan-pair-training',
    tag: 'gan',
    kind: 'two-statements',
    statements: [
      {
        text: 'GAN training alternates gradient steps on the discriminator and on the generator.',
        true: true,
        why: 'Statement 1 is true: D takes one or k steps up the value function with G fixed, then G takes a step down with D fixed.',
      },
      {
        text: 'The generator and the discriminator of a GAN must have the same architecture.',
        true: false,
        why: 'Statement 2 is false: one maps noise to data and the other data to a probability, so they differ; in DCGAN they only mirror each other loosely.',
      },
    ],
  },
  {
    id: 'gan-pair-density',
    tag: 'gan',
    kind: 'two-statements',
    statements: [
      {
        text: 'A GAN gives an explicit formula for the likelihood p_g(x) of any sample x.',
        true: false,
        why: 'Statement 1 is false: a GAN defines p_g only implicitly, by sampling G(z); it has no tractable density.',
      },
      {
        text: 'A GAN discriminator outputs the probability that its input came from the data rather than from the generator.',
        true: true,
        why: 'Statement 2 is true: D(x) lies in (0, 1) through a sigmoid output.',
      },
    ],
  },
  {
    id: 'gan-pair-vae',
    tag: 'gan',
    kind: 'two-statements',
    statements: [
      {
        text: 'GANs and VAEs are both trained by maximising a lower bound on the log-likelihood of the data.',
        true: false,
        why: 'Statement 1 is false: only the VAE maximises the evidence lower bound; a GAN plays a minimax game set by its discriminator.',
      },
      {
        text: 'A VAE has an encoder that maps data to codes, whereas the original GAN has none.',
        true: true,
        why: 'Statement 2 is true: a GAN only maps codes z to samples; inferring z for a given x needs extra machinery.',
      },
    ],
  },
];
