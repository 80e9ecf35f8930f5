/** Deep feedforward networks trained by gradient descent: backpropagation, optimisers, regularisation, scaling. */
import type { ConceptItem } from '../item.js';

export const feedforwardItems: readonly ConceptItem[] = [
  {
    id: 'backprop-hidden-delta',
    tag: 'activations',
    kind: 'true-false',
    statement:
      'Under the convention u = Wᵀx + b, the error term of a hidden layer is δ = f′(u) ⊙ (W_next δ_next), where W_next is the weight matrix of the layer above.',
    answer: true,
    explanation:
      'The layer above computes u_next = W_nextᵀh + b_next, so ∂J/∂h = W_next δ_next, and h = f(u) multiplies each component by f′(u). The weight gradient of the hidden layer is then ∇W J = x δᵀ, with the shape of W.',
  },
  {
    id: 'backprop-cost',
    tag: 'activations',
    kind: 'true-false',
    statement:
      'Computing all the gradients of a network by backpropagation costs many times more than a forward pass, because every weight needs a separate pass through the network of its own.',
    answer: false,
    explanation:
      'Backpropagation reuses the error terms δ of each layer for every weight of the layer below, so one backward pass yields all the gradients at roughly the cost of two forward passes. Estimating each derivative separately, by finite differences, is what would need a forward pass per weight.',
  },
  {
    id: 'activation-relu-derivative',
    tag: 'activations',
    kind: 'choice',
    stem: 'What is the derivative of the ReLU f(u) = max(0, u) for u ≠ 0?',
    options: [
      { text: '1 for u > 0 and 0 for u < 0', correct: true },
      { text: 'u for u > 0 and 0 for u < 0, ReLU itself', why: 'That is ReLU itself, not its derivative.' },
      { text: '1 for every u, like a linear unit', why: 'ReLU is flat for u < 0, so its slope there is 0.' },
      {
        text: 'At most 0.25, like the sigmoid',
        why: "ReLU's slope is exactly 1 where it is active; 0.25 is the sigmoid's maximum slope.",
      },
    ],
    explanation:
      'ReLU is the identity for u > 0 (slope 1) and constant 0 for u < 0 (slope 0); at u = 0 frameworks use 0. Active units therefore pass gradients back unchanged, and inactive ones block them.',
  },
  {
    id: 'loss-linear-output-regression',
    tag: 'losses',
    kind: 'true-false',
    statement:
      'For a regression target that can take any real value, a linear output unit trained with squared error is the standard choice, since a sigmoid output cannot exceed 1.',
    answer: true,
    explanation:
      'The output layer must be able to produce every value the target can take, so an unbounded target needs an unbounded output. With a linear output the gradient of ½(d − y)² with respect to u is simply −(d − y).',
  },
  {
    id: 'optim-adam-bias-correction',
    tag: 'optimisation',
    kind: 'choice',
    stem: 'Adam starts its moment estimates at m₀ = 0 and v₀ = 0 and divides them by 1 − β₁ᵗ and 1 − β₂ᵗ at step t. Why?',
    options: [
      {
        text: 'To remove the bias towards 0 that the zero start gives the early moment averages.',
        correct: true,
      },
      {
        text: 'To make the step size decay as training goes on, as a learning-rate schedule would do.',
        why: 'The correction factors tend to 1 within a few thousand steps; they do not act as a schedule.',
      },
      {
        text: 'To keep the second-moment estimate v positive, so that its square root is always defined.',
        why: 'v is an average of squares and never negative; ε guards the division.',
      },
      {
        text: "To scale every parameter's gradient to unit length before it is used in the update.",
        why: "Adam divides by √v̂, a running root mean square, not by the current gradient's length.",
      },
    ],
    explanation:
      'With m₀ = 0, m₁ = (1 − β₁)g₁, which is only a tenth of g₁ for β₁ = 0.9. Dividing by 1 − β₁ᵗ gives m̂₁ = g₁, and in general makes m̂ and v̂ unbiased while the averages are still warming up.',
  },
  {
    id: 'optim-cosine-schedule',
    tag: 'optimisation',
    kind: 'choice',
    stem: 'A cosine schedule sets η(t) = η_min + ½(η_max − η_min)(1 + cos(πt/T)). What is η halfway through, at t = T/2?',
    options: [
      { text: '(η_max + η_min)/2', correct: true },
      { text: 'η_max/2 + η_min', why: 'At t = T/2 the cosine is 0, so η = η_min + (η_max − η_min)/2.' },
      { text: 'η_min, the final value', why: 'η_min is reached at the end, t = T, where cos π = −1.' },
      { text: 'η_max, the initial value', why: 'η_max is the value at the start, t = 0, where cos 0 = 1.' },
    ],
    explanation:
      'At t = T/2, cos(π/2) = 0, so η = η_min + ½(η_max − η_min) = (η_max + η_min)/2. The rate falls slowly at first, fastest in the middle and slowly again near η_min.',
  },
  {
    id: 'optim-warmup',
    tag: 'optimisation',
    kind: 'true-false',
    statement:
      'A learning-rate warm-up raises the rate gradually over the first steps of training, which avoids unstable early updates, notably with Adam and in transformers.',
    answer: true,
    explanation:
      "At the start the weights are random and Adam's second-moment estimates rest on few gradients, so full-size steps can be erratic. Warm-up increases η linearly over the first few thousand steps; the original transformer used it before an inverse-square-root decay.",
  },
  {
    id: 'optim-nesterov',
    tag: 'optimisation',
    kind: 'true-false',
    statement:
      'Nesterov momentum evaluates the gradient at the current weights w, while classical momentum evaluates it at the look-ahead point w + βv.',
    answer: false,
    explanation:
      'It is the other way round: classical momentum uses ∇J(w), and Nesterov momentum uses ∇J(w + βv), the point the velocity is about to carry the weights to. Looking ahead lets it correct a step before it overshoots.',
  },
  {
    id: 'optim-saddle-points',
    tag: 'optimisation',
    kind: 'choice',
    stem: 'On the high-dimensional loss surface of a deep network, which critical points are far more common than poor local minima?',
    options: [
      {
        text: 'Saddle points, where the surface curves up in some directions and down in others.',
        correct: true,
      },
      {
        text: 'Local maxima, where the loss is higher than at every nearby point.',
        why: 'A maximum needs every direction to curve down, which is even rarer than a minimum in many dimensions.',
      },
      {
        text: 'Plateaus of exactly zero loss, where every example is fitted.',
        why: 'Zero loss is a global minimum, reached late if at all; it is not the common critical point.',
      },
      {
        text: 'Points where the gradient is infinite, such as the kink at zero of every ReLU unit in the network.',
        why: 'Critical points have zero gradient; the kink of a ReLU has finite one-sided slopes.',
      },
    ],
    explanation:
      'At a critical point each of millions of curvature directions can go up or down, and a minimum needs all of them to go up, so at high loss most critical points are saddles (Dauphin et al., 2014). Gradient descent slows near them, and momentum or noise helps it move on.',
  },
  {
    id: 'reg-l2-gaussian-prior',
    tag: 'regularisation',
    kind: 'true-false',
    statement:
      'L2 weight decay corresponds to a zero-mean Gaussian prior on the weights: the MAP estimate minimises the loss plus β‖w‖².',
    answer: true,
    explanation:
      'With p(w) ∝ exp(−β‖w‖²), the negative log posterior is the negative log-likelihood plus β‖w‖² plus a constant. A Laplace prior gives the L1 penalty instead.',
  },
  {
    id: 'reg-dropout-training-speed',
    tag: 'regularisation',
    kind: 'true-false',
    statement:
      'Dropout with keep probability 0.5 on a hidden layer makes training converge faster, because each update only has to compute and store gradients for half the units of that layer.',
    answer: false,
    explanation:
      'Dropout usually makes training take longer: each update trains a random thinned network, so the gradients are noisier and more epochs are needed. Frameworks still compute the whole layer and multiply it by the mask; the benefit is regularisation, not speed.',
  },
  {
    id: 'reg-not-a-regulariser',
    tag: 'regularisation',
    kind: 'choice',
    stem: 'Which of these does NOT reduce overfitting?',
    options: [
      { text: 'Adding more hidden layers and units', correct: true },
      {
        text: 'An L2 weight-decay penalty on the weights',
        why: 'It keeps the weights small, which limits the effective capacity.',
      },
      {
        text: 'Early stopping on the validation loss',
        why: 'It limits how far training moves the weights from their small initial values.',
      },
      {
        text: 'Data augmentation with label-preserving transforms',
        why: 'It enlarges the training set with plausible new examples.',
      },
    ],
    explanation:
      'Overfitting comes from more capacity than the data can pin down, so adding layers and units makes it worse. Weight decay, early stopping and augmentation each limit the effective capacity or add data.',
  },
  {
    id: 'norm-batchnorm-can-undo',
    tag: 'normalisation',
    kind: 'true-false',
    statement:
      'For a given batch, the values γ = √(σ² + ε) and β = μ make a batch-normalisation layer output its input unchanged.',
    answer: true,
    explanation:
      'The layer computes y = γ(x − μ)/√(σ² + ε) + β, and these values give y = x. The learnable scale and shift therefore let the network keep any activation scale it needs, so normalising does not reduce what it can represent.',
  },
  {
    id: 'ffn-pair-backprop',
    tag: 'activations',
    kind: 'two-statements',
    statements: [
      {
        text: 'Backpropagation needs the values of the forward pass, so they are stored until the backward pass has used them.',
        true: true,
        why: "Statement 1 is true: the weight gradient x δᵀ uses each layer's input x, and f′(u) uses its synaptic input u, both from the forward pass.",
      },
      {
        text: 'A network with tanh hidden units and a tanh output can be trained by backpropagation only if its loss is a cross-entropy.',
        true: false,
        why: 'Statement 2 is false: backpropagation applies the chain rule to any differentiable loss; squared error is the usual one with a tanh output.',
      },
    ],
  },
  {
    id: 'optim-pair-adaptive',
    tag: 'optimisation',
    kind: 'two-statements',
    statements: [
      {
        text: 'Adam needs no learning rate, because its step size is set entirely by the gradient moments.',
        true: false,
        why: "Statement 1 is false: Adam's step is −η m̂/(√v̂ + ε), so η (0.001 by default) still sets its scale.",
      },
      {
        text: 'AdaGrad gives rarely updated parameters larger effective learning rates than often updated ones.',
        true: true,
        why: "Statement 2 is true: it divides η by the root of each parameter's accumulated squared gradients, which stays small for rare features.",
      },
    ],
  },
  {
    id: 'reg-pair-penalties',
    tag: 'regularisation',
    kind: 'two-statements',
    statements: [
      {
        text: 'A larger weight-decay coefficient β tends to make the fitted function smoother.',
        true: true,
        why: 'Statement 1 is true: small weights keep units near their linear range and limit how sharply the output can change with the input.',
      },
      {
        text: 'Dropout is applied to the output units of a classifier as routinely as to its hidden units.',
        true: false,
        why: 'Statement 2 is false: dropping output units would drop whole classes from the prediction; dropout is applied to inputs and hidden units.',
      },
    ],
  },
  {
    id: 'init-pair-scale',
    tag: 'initialisation',
    kind: 'two-statements',
    statements: [
      {
        text: 'With weights drawn too small, the activations of a deep tanh network shrink towards 0 layer by layer.',
        true: true,
        why: 'Statement 1 is true: each layer multiplies the activation variance by about n_in·Var(w), which is below 1 when the weights are too small.',
      },
      {
        text: 'With batch normalisation after every layer, initialising all the weights to zero works as well as random initialisation.',
        true: false,
        why: 'Statement 2 is false: with zero weights every unit of a layer still computes the same output and gets the same gradient; normalising does not break the symmetry.',
      },
    ],
  },
  {
    id: 'optim-step-decay-value',
    tag: 'optimisation',
    kind: 'true-false',
    statement:
      'The step schedule η = η₀ · 0.5^⌊e/10⌋ with η₀ = 0.1 gives the learning rate η = 0.0125 at epoch e = 25.',
    answer: false,
    explanation:
      '⌊25/10⌋ = 2, so η = 0.1 × 0.5² = 0.025. The value 0.0125 = 0.1 × 0.5³ is reached only from epoch 30.',
  },
  {
    id: 'optim-exponential-decay-half-life',
    tag: 'optimisation',
    kind: 'true-false',
    statement: 'Exponential decay η = η₀e^(−kt) halves the learning rate every ln 2 / k steps.',
    answer: true,
    explanation:
      'η(t + Δ)/η(t) = e^(−kΔ), which equals 1/2 when Δ = ln 2 / k. With k = 0.01 per epoch the rate halves about every 69 epochs.',
  },
  {
    id: 'loss-absolute-error-outliers',
    tag: 'losses',
    kind: 'true-false',
    statement:
      'The mean absolute error is less sensitive to outliers than the mean squared error, because its gradient does not grow with the size of the error.',
    answer: true,
    explanation:
      'The gradient of |d − y| with respect to y is ±1 whatever the error, while that of ½(d − y)² is −(d − y), so one large outlier dominates the squared-error gradient. The price is a loss that is not differentiable at d = y.',
  },
  {
    id: 'activation-sigmoid-derivative-value',
    tag: 'activations',
    kind: 'choice',
    stem: 'A sigmoid unit y = σ(u) outputs y = 0.8. What is dy/du?',
    options: [
      { text: '0.16', correct: true },
      { text: '0.64', why: 'That is y², not y(1 − y).' },
      { text: '0.36', why: 'That is 1 − y², the derivative of tanh in terms of its output.' },
      { text: '0.2', why: 'That is 1 − y; the derivative is y(1 − y).' },
    ],
    explanation:
      'The derivative of the sigmoid in terms of its output is σ′(u) = y(1 − y) = 0.8 × 0.2 = 0.16. Backpropagation multiplies the gradient arriving at y by this factor.',
  },
];
