/** Linear and logistic regression trained by gradient descent (course convention: y = wᵀx + b, J = ½(d − y)²). */
import type { ConceptItem } from '../item.js';

export const regressionItems: readonly ConceptItem[] = [
  {
    id: 'regression-lms-rule',
    tag: 'regression',
    kind: 'true-false',
    statement:
      'For a linear neuron with squared error J = ½(d − y)², one stochastic gradient step is w ← w + η(d − y)x.',
    answer: true,
    explanation:
      'With y = wᵀx + b, ∂J/∂w = −(d − y)x, and gradient descent moves against the gradient. This is the LMS (Widrow–Hoff) rule; it looks like the perceptron rule, but y here is the real-valued output, not a thresholded one.',
  },
  {
    id: 'regression-logistic-linear-boundary',
    tag: 'regression',
    kind: 'true-false',
    statement:
      'Logistic regression has a curved decision boundary, because the sigmoid it applies to u = wᵀx + b is non-linear.',
    answer: false,
    explanation:
      'The predicted class is 1 when σ(u) ≥ 0.5, which is exactly when u = wᵀx + b ≥ 0. The sigmoid is monotonic, so the boundary is the hyperplane wᵀx + b = 0 and logistic regression is a linear classifier.',
  },
  {
    id: 'regression-convex-any-rate',
    tag: 'regression',
    kind: 'true-false',
    statement:
      'Because the squared-error cost of linear regression is convex, gradient descent on it converges to the minimum for every learning rate, however large, and a larger rate only makes it converge faster.',
    answer: false,
    explanation:
      'Convexity guarantees one minimum, not convergence with any step size. On this quadratic cost, batch gradient descent converges only if η is below 2 divided by the largest eigenvalue of the Hessian (XᵀX for J = ½Σ(d − y)²); with a larger η the weights oscillate with growing amplitude.',
  },
  {
    id: 'regression-gradient-value',
    tag: 'regression',
    kind: 'choice',
    stem: 'A linear neuron y = wx + b has w = 0.5, b = 0 and the cost J = ½(d − y)². For the example x = 2, d = 3, what is ∂J/∂w?',
    options: [
      { text: '−4', correct: true },
      { text: '4', why: 'That is −∂J/∂w, the direction of the update, not the gradient: ∂J/∂w = −(d − y)x.' },
      { text: '−2', why: 'That is ∂J/∂b = −(d − y); the weight gradient also multiplies by x = 2.' },
      { text: '−8', why: 'That drops the ½ of the cost: with J = ½(d − y)² the 2 of the square cancels.' },
    ],
    explanation:
      'The output is y = 0.5 × 2 + 0 = 1, so the error is d − y = 2. Then ∂J/∂w = −(d − y)x = −2 × 2 = −4, and gradient descent increases w.',
  },
  {
    id: 'regression-update-value',
    tag: 'regression',
    kind: 'choice',
    stem: 'Gradient descent with learning rate η = 0.1 is at w = 1.0, where ∂J/∂w = 2.5. What is w after one step?',
    options: [
      { text: '0.75', correct: true },
      { text: '1.25', why: 'That adds the scaled gradient; gradient descent subtracts it, w ← w − η ∂J/∂w.' },
      { text: '−1.5', why: 'That subtracts the gradient without the learning rate: 1.0 − 2.5.' },
      { text: '0.9', why: 'That subtracts the learning rate alone, without the gradient.' },
    ],
    explanation:
      'The update is w ← w − η ∂J/∂w = 1.0 − 0.1 × 2.5 = 0.75. The step is the gradient scaled by the learning rate, taken downhill.',
  },
  {
    id: 'regression-normal-equations',
    tag: 'regression',
    kind: 'true-false',
    statement:
      'Least-squares linear regression also has a closed-form solution, w = (XᵀX)⁻¹Xᵀd, when XᵀX is invertible.',
    answer: true,
    explanation:
      'With the patterns as the rows of X (and a column of ones for the bias), the gradient of ½‖d − Xw‖² is −Xᵀ(d − Xw); setting it to zero gives XᵀXw = Xᵀd. Gradient descent reaches the same minimum iteratively, which is preferable when there are many inputs and inverting XᵀX is costly.',
  },
  {
    id: 'regression-standardised-inputs',
    tag: 'regression',
    kind: 'true-false',
    statement:
      'Standardising the inputs to zero mean and unit variance changes the predictions that the least-squares linear regression model makes on its training data.',
    answer: false,
    explanation:
      'Standardisation is an invertible affine change of the inputs, and the weights and bias absorb it exactly, so the best fit makes the same predictions. What changes is the cost surface: with inputs on similar scales it is rounder, so gradient descent converges faster and one learning rate suits every weight.',
  },
  {
    id: 'regression-stochastic-vs-batch',
    tag: 'regression',
    kind: 'choice',
    stem: 'What distinguishes stochastic (online) gradient descent from batch gradient descent for a linear neuron?',
    options: [
      { text: "It updates the weights after every example, using that example's gradient.", correct: true },
      {
        text: 'It updates the weights once per epoch, after summing the gradients of all examples.',
        why: 'That describes batch gradient descent.',
      },
      {
        text: 'It draws a random learning rate at every step, to escape from local minima.',
        why: 'The randomness is in which example is used, not in the learning rate.',
      },
      {
        text: 'It adds random noise to the weights after every epoch, to avoid overfitting.',
        why: "Its noise comes from following one example's gradient, not from perturbing the weights.",
      },
    ],
    explanation:
      'Batch gradient descent sums the gradient over the whole training set before each update. Stochastic gradient descent updates after each example (in a random order), so it makes many cheap, noisy steps per epoch.',
  },
  {
    id: 'regression-logistic-probability',
    tag: 'regression',
    kind: 'true-false',
    statement:
      'The output σ(wᵀx + b) of logistic regression can be read as the estimated probability that x belongs to class 1.',
    answer: true,
    explanation:
      'Minimising the cross-entropy is maximum-likelihood estimation of the model P(d = 1 | x) = σ(wᵀx + b). The output lies in (0, 1), and thresholding it at 0.5 gives the predicted class.',
  },
  {
    id: 'regression-pair-cost',
    tag: 'regression',
    kind: 'two-statements',
    statements: [
      {
        text: 'The mean squared error of a linear neuron is a quadratic function of its weights.',
        true: true,
        why: 'Statement 1 is true: y is linear in w, so (d − y)² is quadratic in w, a convex bowl.',
      },
      {
        text: 'Gradient descent on the mean squared error of a linear neuron can get stuck in a poor local minimum.',
        true: false,
        why: 'Statement 2 is false: a convex quadratic has no local minimum other than the global one.',
      },
    ],
  },
  {
    id: 'regression-pair-logistic',
    tag: 'regression',
    kind: 'two-statements',
    statements: [
      {
        text: 'Logistic regression is trained by minimising the cross-entropy, its negative log-likelihood.',
        true: true,
        why: 'Statement 1 is true: −d ln y − (1 − d) ln(1 − y) is the negative log of the Bernoulli likelihood of the target.',
      },
      {
        text: 'Like least-squares regression, logistic regression has a closed-form solution for its weights.',
        true: false,
        why: 'Statement 2 is false: setting the cross-entropy gradient to zero gives equations that are non-linear in w, so it is minimised iteratively.',
      },
    ],
  },
  {
    id: 'regression-pair-step-size',
    tag: 'regression',
    kind: 'two-statements',
    statements: [
      {
        text: 'Stochastic gradient descent with a constant learning rate settles exactly at the minimum of the training cost.',
        true: false,
        why: "Statement 1 is false: each step follows one example's gradient, which is not zero at the minimum, so the weights keep fluctuating around it.",
      },
      {
        text: 'A learning rate that is too small makes gradient descent on a linear neuron converge slowly rather than diverge.',
        true: true,
        why: 'Statement 2 is true: small steps still go downhill on the convex cost; they just need many more epochs.',
      },
    ],
  },
];
