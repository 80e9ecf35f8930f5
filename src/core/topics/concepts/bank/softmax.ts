/** The softmax layer and softmax regression (course convention: u = Wᵀx + b, y = softmax(u)). */
import type { ConceptItem } from '../item.js';

export const softmaxItems: readonly ConceptItem[] = [
  {
    id: 'softmax-gradient-y-minus-d',
    tag: 'softmax',
    kind: 'true-false',
    statement:
      'For a softmax output with cross-entropy J = −Σₖ dₖ ln yₖ and a one-hot target d, the gradient with respect to the synaptic inputs is ∇u J = y − d.',
    answer: true,
    explanation:
      '∂yⱼ/∂uₖ = yⱼ(δⱼₖ − yₖ), so ∂J/∂uₖ = −Σⱼ dⱼ(δⱼₖ − yₖ) = yₖ Σⱼ dⱼ − dₖ = yₖ − dₖ, because the target sums to 1. The softmax Jacobian cancels just as the sigmoid derivative does for binary cross-entropy.',
  },
  {
    id: 'softmax-argmax-order',
    tag: 'softmax',
    kind: 'true-false',
    statement:
      'Because the softmax is non-linear, the class with the largest output probability can differ from the class with the largest synaptic input uₖ.',
    answer: false,
    explanation:
      'yₖ = e^(uₖ) / Σⱼ e^(uⱼ) and the exponential is strictly increasing, so the outputs are in the same order as the inputs. The predicted class argmaxₖ yₖ is argmaxₖ uₖ, so the softmax can be skipped when only the class is needed.',
  },
  {
    id: 'softmax-two-class-sigmoid',
    tag: 'softmax',
    kind: 'choice',
    stem: 'A 2-class softmax layer has synaptic inputs u₁ and u₂. Which function of them is its output y₁?',
    options: [
      { text: 'σ(u₁ − u₂), a sigmoid of the difference', correct: true },
      {
        text: 'σ(u₁), a sigmoid of the first input alone',
        why: 'y₁ also depends on u₂: y₁ = e^(u₁)/(e^(u₁) + e^(u₂)).',
      },
      {
        text: 'u₁/(u₁ + u₂), a ratio of the inputs',
        why: 'The softmax exponentiates before normalising; a ratio of raw inputs can be negative or have a zero denominator.',
      },
      {
        text: 'tanh(u₁ − u₂), a tanh of the difference',
        why: 'tanh ranges over (−1, 1), so it is not a probability.',
      },
    ],
    explanation:
      'Dividing the numerator and the denominator of e^(u₁)/(e^(u₁) + e^(u₂)) by e^(u₁) gives 1/(1 + e^(−(u₁ − u₂))) = σ(u₁ − u₂). A 2-class softmax is logistic regression on the difference of the two inputs.',
  },
  {
    id: 'softmax-values',
    tag: 'softmax',
    kind: 'choice',
    stem: 'A softmax layer has synaptic inputs u = (2, 1, 0). What are its outputs, to 3 decimal places?',
    options: [
      { text: '(0.665, 0.245, 0.090)', correct: true },
      {
        text: '(0.667, 0.333, 0.000)',
        why: 'That divides each input by their sum; the softmax exponentiates first.',
      },
      {
        text: '(0.881, 0.731, 0.500)',
        why: 'That applies a sigmoid to each input separately; softmax outputs sum to 1.',
      },
      {
        text: '(0.090, 0.245, 0.665)',
        why: 'That reverses the order: the largest input gets the largest probability.',
      },
    ],
    explanation:
      'e² = 7.389, e¹ = 2.718 and e⁰ = 1 sum to 11.107. Dividing each by the sum gives 0.665, 0.245 and 0.090, which add up to 1.',
  },
  {
    id: 'softmax-temperature',
    tag: 'softmax',
    kind: 'true-false',
    statement:
      'Dividing every synaptic input of a softmax by a temperature T > 1 makes its output distribution sharper, closer to one-hot.',
    answer: false,
    explanation:
      'softmax(u/T) shrinks the differences between the inputs, so the probabilities move towards uniform as T grows; it is T < 1 that sharpens them towards one-hot. Dividing by a positive T keeps the order of the inputs, so the predicted class is unchanged either way.',
  },
  {
    id: 'softmax-coupled-outputs',
    tag: 'softmax',
    kind: 'true-false',
    statement: 'Raising one synaptic input uₖ of a softmax layer leaves its other outputs unchanged.',
    answer: false,
    explanation:
      'All outputs share the normaliser Σⱼ e^(uⱼ), so raising uₖ raises yₖ and lowers every other yⱼ, keeping the sum at 1. Formally ∂yⱼ/∂uₖ = −yⱼyₖ < 0 for j ≠ k.',
  },
  {
    id: 'softmax-pair-gradient-signs',
    tag: 'softmax',
    kind: 'two-statements',
    statements: [
      {
        text: 'A softmax layer needs its synaptic inputs to be positive, because it takes their exponentials.',
        true: false,
        why: 'Statement 1 is false: e^u is positive for every real u, so the inputs may have any sign.',
      },
      {
        text: 'The cross-entropy gradients with respect to the synaptic inputs of a softmax layer sum to 1 over the classes.',
        true: false,
        why: 'Statement 2 is false: they sum to Σₖ(yₖ − dₖ) = 1 − 1 = 0.',
      },
    ],
  },
  {
    id: 'softmax-pair-parameter-gradients',
    tag: 'softmax',
    kind: 'two-statements',
    statements: [
      {
        text: 'For a softmax layer u = Wᵀx + b, the gradient of the cross-entropy with respect to the bias b equals the target d.',
        true: false,
        why: 'Statement 1 is false: ∇b J = ∇u J = y − d, the output error.',
      },
      {
        text: 'For the same layer, the gradient with respect to W is the outer product x(y − d)ᵀ, with the shape of W.',
        true: true,
        why: 'Statement 2 is true: ∂J/∂Wᵢₖ = xᵢ(yₖ − dₖ), since uₖ = Σᵢ Wᵢₖxᵢ + bₖ.',
      },
    ],
  },
  {
    id: 'softmax-pair-boundaries',
    tag: 'softmax',
    kind: 'two-statements',
    statements: [
      {
        text: 'Softmax regression with K classes draws curved decision boundaries between pairs of classes.',
        true: false,
        why: 'Statement 1 is false: classes j and k tie where uⱼ = uₖ, that is (wⱼ − wₖ)ᵀx + bⱼ − bₖ = 0, a hyperplane.',
      },
      {
        text: 'The K outputs of a softmax layer are positive and sum to 1, so any K − 1 of them determine the last.',
        true: true,
        why: 'Statement 2 is true: the last output is 1 minus the sum of the others.',
      },
    ],
  },
];
