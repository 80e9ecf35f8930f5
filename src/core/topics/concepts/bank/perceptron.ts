/** Neurons and the perceptron learning rule (course convention: u = wᵀx + b, y = f(u)). */
import type { ConceptItem } from '../item.js';

export const perceptronItems: readonly ConceptItem[] = [
  {
    id: 'perceptron-update-only-on-error',
    tag: 'perceptron',
    kind: 'true-false',
    statement: 'The perceptron rule w ← w + η(d − y)x changes the weights only for misclassified patterns.',
    answer: true,
    explanation:
      'When the output is right, d − y = 0 and the update vanishes. When it is wrong, d − y = ±1 for binary outputs, so the weights move by ±ηx, towards the correct side of the boundary for that pattern.',
  },
  {
    id: 'perceptron-learning-rate-zero-start',
    tag: 'perceptron',
    kind: 'true-false',
    statement:
      'For a perceptron started from zero weights and zero bias, doubling the learning rate changes which patterns are misclassified during training, and so changes the number of updates it needs to converge.',
    answer: false,
    explanation:
      'From w = 0 and b = 0, every update adds ±ηx (and ±η to b), so each weight vector reached with rate 2η is exactly twice the one reached with rate η. Scaling w and b by a positive number never changes the sign of u = wᵀx + b, so the same patterns are misclassified and the same number of updates is made.',
  },
  {
    id: 'perceptron-update-direction',
    tag: 'perceptron',
    kind: 'choice',
    stem: 'A perceptron with a unit-step output (y = 1 if u = wᵀx + b ≥ 0, else y = 0) outputs y = 0 for a pattern x whose target is d = 1. What does the perceptron rule with learning rate η do?',
    options: [
      { text: 'It adds ηx to w and η to b, which raises u for this pattern.', correct: true },
      {
        text: 'It subtracts ηx from w and η from b, which lowers u for this pattern.',
        why: 'That is the update for a pattern with d = 0 and y = 1; here d − y = +1.',
      },
      {
        text: 'It adds ηx to w and leaves b alone, since the bias is not learned.',
        why: 'The bias is learned like a weight on a constant input 1: b ← b + η(d − y).',
      },
      {
        text: 'It multiplies w by 1 + η, which raises u for every pattern.',
        why: 'The rule adds η(d − y)x to w; it never rescales the whole weight vector.',
      },
    ],
    explanation:
      'The rule is w ← w + η(d − y)x and b ← b + η(d − y). Here d − y = 1, so w gains ηx and b gains η, and u for this pattern grows by η(‖x‖² + 1) > 0, moving it towards the positive side.',
  },
  {
    id: 'perceptron-stopping',
    tag: 'perceptron',
    kind: 'choice',
    stem: 'When does the perceptron learning algorithm stop on linearly separable training data?',
    options: [
      { text: 'After an epoch in which no pattern is misclassified', correct: true },
      {
        text: 'After a fixed number of epochs, whatever the errors',
        why: 'A fixed budget can stop it before it separates the data; the natural criterion is an error-free epoch.',
      },
      {
        text: 'When the sum of squared errors reaches its minimum',
        why: 'That is the stopping rule of gradient descent on a linear neuron; the perceptron counts misclassifications.',
      },
      {
        text: 'When its learning rate has decayed to zero',
        why: 'The perceptron rule uses a fixed learning rate; it stops because no update is needed.',
      },
    ],
    explanation:
      'Updates happen only on misclassified patterns, so once a whole epoch passes without an error the weights no longer change. On separable data the convergence theorem guarantees that such an epoch comes after finitely many updates.',
  },
  {
    id: 'perceptron-neuron-output',
    tag: 'perceptron',
    kind: 'choice',
    stem: 'A neuron has weights w = (0.5, −1.0), bias b = 0.2 and a unit-step activation (y = 1 if u ≥ 0, else y = 0). What are its synaptic input u and its output y for x = (1.0, 0.4)?',
    options: [
      { text: 'u = 0.3, y = 1', correct: true },
      {
        text: 'u = 0.1, y = 1',
        why: 'That drops the bias: 0.5 − 0.4 = 0.1, and adding b = 0.2 gives u = 0.3.',
      },
      {
        text: 'u = 1.1, y = 1',
        why: 'That adds the second product instead of subtracting it: w₂x₂ = −1.0 × 0.4 = −0.4.',
      },
      { text: 'u = −0.3, y = 0', why: 'That flips the sign of u: u = 0.5 − 0.4 + 0.2 = 0.3.' },
    ],
    explanation:
      'The synaptic input is u = wᵀx + b = 0.5 × 1.0 + (−1.0) × 0.4 + 0.2 = 0.3. Since u ≥ 0, the unit step gives y = 1.',
  },
  {
    id: 'perceptron-pair-boundary',
    tag: 'perceptron',
    kind: 'two-statements',
    statements: [
      {
        text: 'The decision boundary of a perceptron with two inputs is the straight line w₁x₁ + w₂x₂ + b = 0.',
        true: true,
        why: 'Statement 1 is true: the output switches where u = wᵀx + b changes sign, which for two inputs is a line.',
      },
      {
        text: 'The weight vector w of a perceptron is parallel to its decision boundary.',
        true: false,
        why: 'Statement 2 is false: w is normal (perpendicular) to the boundary wᵀx + b = 0 and points to the side where u > 0.',
      },
    ],
  },
  {
    id: 'perceptron-pair-convergence',
    tag: 'perceptron',
    kind: 'two-statements',
    statements: [
      {
        text: 'Presenting the training patterns in a different order can change the hyperplane that the perceptron rule ends with.',
        true: true,
        why: 'Statement 1 is true: each update depends on which pattern is misclassified next, so the order changes the path and usually its end point.',
      },
      {
        text: 'The perceptron rule only works on binary inputs, since its output is binary.',
        true: false,
        why: 'Statement 2 is false: the inputs x can be any real vectors; only the output is thresholded.',
      },
    ],
  },
  {
    id: 'perceptron-pair-neuron',
    tag: 'perceptron',
    kind: 'two-statements',
    statements: [
      {
        text: 'A neuron with a sigmoid activation and one input can only output values strictly between 0 and 1.',
        true: true,
        why: 'Statement 1 is true: σ(u) = 1/(1 + e^(−u)) lies in (0, 1) for every finite u.',
      },
      {
        text: 'A linear neuron y = wᵀx + b with a bias can represent XOR when its output is thresholded at 0.5.',
        true: false,
        why: 'Statement 2 is false: thresholding a linear function gives a linear boundary, and XOR is not linearly separable.',
      },
    ],
  },
];
