/** Convolutional networks: weight sharing, pooling, padding, receptive fields, 1×1 and separable convolutions, ResNets. */
import type { ConceptItem } from '../item.js';

export const cnnItems: readonly ConceptItem[] = [
  {
    id: 'cnn-weight-sharing',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      "The number of parameters of a convolutional layer grows with the height and width of the layer's input.",
    answer: false,
    explanation:
      'The same kernel weights are applied at every spatial position (weight sharing), so a layer has K × K × C_in × C_out weights plus C_out biases whatever the image size. A larger input, like a different stride, changes the output size and the computation, but not the number of parameters.',
  },
  {
    id: 'cnn-translation-invariance',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      'A convolutional layer is translation invariant: shifting its input leaves its output unchanged.',
    answer: false,
    explanation:
      'Convolution is translation equivariant, not invariant: shifting the input shifts the output feature map by the same amount (Goodfellow et al., section 9.2). Pooling over a neighbourhood adds some invariance to small shifts.',
  },
  {
    id: 'cnn-same-padding',
    tag: 'cnn',
    kind: 'choice',
    stem: 'A 3×3 convolution with stride 1 must keep a 32×32 input at 32×32. How many rows and columns of zero padding are needed on each side?',
    options: [
      { text: '1', correct: true },
      { text: '0', why: 'Without padding the output is 32 − 3 + 1 = 30.' },
      { text: '2', why: 'Padding 2 gives 32 + 4 − 3 + 1 = 34.' },
      { text: '3', why: 'Padding 3 gives 32 + 6 − 3 + 1 = 36.' },
    ],
    explanation:
      'The output size is ⌊(n + 2p − k)/s⌋ + 1 = 32 + 2p − 3 + 1 = 30 + 2p. Setting it to 32 gives p = 1; in general ‘same’ padding with stride 1 is p = (k − 1)/2 for odd k.',
  },
  {
    id: 'cnn-receptive-field',
    tag: 'cnn',
    kind: 'choice',
    stem: 'Three 3×3 convolutions with stride 1 are stacked, with no pooling. How large is the receptive field of one unit of the third layer on the input?',
    options: [
      { text: '7×7', correct: true },
      {
        text: '9×9',
        why: 'Receptive fields add (k − 1) per layer; they do not multiply or add the full kernel size.',
      },
      { text: '5×5', why: 'That is the receptive field after two such layers.' },
      { text: '27×27', why: 'That is 3 × 9, the number of kernel entries, not a spatial extent.' },
    ],
    explanation:
      'With stride 1 each 3×3 layer widens the receptive field by 3 − 1 = 2, so it grows 3 → 5 → 7 (two layers already match one 5×5). This is why VGG stacks 3×3 convolutions: three of them see a 7×7 region with 27C² weights instead of 49C² for one 7×7 layer, and add two more non-linearities.',
  },
  {
    id: 'cnn-one-by-one',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      'A 1×1 convolution is useless, because it cannot combine information from different positions or channels.',
    answer: false,
    explanation:
      'A 1×1 convolution is a small fully connected layer applied at every position: each output channel is a weighted sum of all input channels. It is used to change the number of channels cheaply, for example to reduce channels before a 3×3 or 5×5 convolution (Inception, ResNet bottlenecks) and as the pointwise part of a depthwise-separable convolution.',
  },
  {
    id: 'cnn-separable-cost-ratio',
    tag: 'cnn',
    paperRef: '3(b)(ii)',
    kind: 'choice',
    stem: 'A standard K×K convolution from M input channels to N output channels (same output size) is replaced by a depthwise-separable one: a K×K depthwise convolution followed by a 1×1 pointwise convolution. What is the ratio of their multiplications, separable / standard?',
    options: [
      { text: '1/N + 1/K²', correct: true },
      {
        text: '1/N · 1/K²',
        why: 'The two parts are added, not multiplied: depthwise/standard = 1/N and pointwise/standard = 1/K², and the separable cost is their sum.',
      },
      {
        text: '1/M + 1/K²',
        why: 'The input channels M cancel in both ratios: depthwise/standard = 1/N and pointwise/standard = 1/K².',
      },
      {
        text: '1/N + 1/K² + 1/M',
        why: 'There are only two parts: depthwise/standard = 1/N and pointwise/standard = 1/K²; M cancels in both.',
      },
    ],
    explanation:
      'On an H×W output, the standard convolution costs K²·M·N·H·W multiplications, the depthwise part K²·M·H·W and the pointwise part M·N·H·W. Dividing, (K²MHW + MNHW)/(K²MNHW) = 1/N + 1/K²; for K = 7 and N = 6 that is 1/6 + 1/49 = 55/294.',
  },
  {
    id: 'cnn-residual-gradient',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      'A residual block computes y = F(x) + x, so the gradient reaching x has an identity path that does not shrink through the block.',
    answer: true,
    explanation:
      '∂y/∂x = ∂F/∂x + I, so the upstream gradient passes to x unchanged through the skip connection, however small ∂F/∂x is. Each block only has to learn a residual F(x) = H(x) − x, and the identity is easy to learn (F = 0), so adding layers need not make training harder.',
  },
  {
    id: 'cnn-max-pool-output',
    tag: 'cnn',
    kind: 'choice',
    stem: 'A 28×28×16 feature map goes through 2×2 max pooling with stride 2. What is the output shape?',
    options: [
      { text: '14×14×16', correct: true },
      { text: '14×14×4', why: 'Pooling acts on each channel separately, so the 16 channels are kept.' },
      { text: '27×27×16', why: 'That would be stride 1: (28 − 2)/1 + 1 = 27.' },
      { text: '7×7×16', why: 'That would be two pooling layers, or a 4×4 window with stride 4.' },
    ],
    explanation:
      'Each spatial dimension becomes ⌊(28 − 2)/2⌋ + 1 = 14. Pooling works channel by channel, so the depth stays 16.',
  },
  {
    id: 'cnn-valid-shrinks',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      "Without padding ('valid' convolution), a stride-1 convolution with a kernel larger than 1×1 makes the feature map smaller, and border pixels contribute to fewer outputs than central pixels.",
    answer: true,
    explanation:
      'The output size is n − k + 1 < n when k > 1, so deep stacks of valid convolutions shrink quickly. A corner pixel lies in only one k×k window while a central pixel lies in k², which is one reason zero padding is used.',
  },
  {
    id: 'cnn-dilation',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      'A 3×3 kernel with dilation 2 covers a 5×5 region of its input while still having only 9 weights.',
    answer: true,
    explanation:
      'Dilation d spaces the kernel taps d positions apart, giving an effective size d(k − 1) + 1 = 2 × 2 + 1 = 5. Dilated convolutions grow the receptive field quickly without extra parameters or pooling.',
  },
  {
    id: 'cnn-pair-pooling-parameters',
    tag: 'cnn',
    kind: 'two-statements',
    statements: [
      {
        text: 'A max-pooling layer has no learnable parameters.',
        true: true,
        why: 'Statement 1 is true: max pooling is a fixed operation that outputs the largest value of each window.',
      },
      {
        text: '2×2 max pooling with stride 2 halves the number of channels of a feature map.',
        true: false,
        why: 'Statement 2 is false: pooling acts on each channel separately, so it halves the height and width and keeps every channel.',
      },
    ],
  },
  {
    id: 'cnn-pair-depthwise',
    tag: 'cnn',
    paperRef: '3(b)(i)',
    kind: 'two-statements',
    statements: [
      {
        text: 'Like a standard convolution, a depthwise convolution mixes information across all of its input channels.',
        true: false,
        why: 'Statement 1 is false: each depthwise filter sees a single channel, so channels are never combined.',
      },
      {
        text: 'In a depthwise-separable convolution, the 1×1 pointwise convolution is the part that combines the channels.',
        true: true,
        why: 'Statement 2 is true: each output channel of the pointwise convolution is a weighted sum of all depthwise outputs at that position.',
      },
    ],
  },
  {
    id: 'cnn-pair-padding-stride',
    tag: 'cnn',
    kind: 'two-statements',
    statements: [
      {
        text: 'Zero padding increases the number of parameters of a convolutional layer.',
        true: false,
        why: 'Statement 1 is false: padding adds zeros around the input, which changes the output size but not the kernel.',
      },
      {
        text: 'For a 7×7 input, a 3×3 kernel with stride 2 and no padding gives a 2×2 output.',
        true: false,
        why: 'Statement 2 is false: ⌊(7 − 3)/2⌋ + 1 = 3, so the output is 3×3.',
      },
    ],
  },
];
