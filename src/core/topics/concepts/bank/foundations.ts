/** Perceptrons, initialisation, activation functions and losses. */
import type { ConceptItem } from '../item.js';

export const foundationItems: readonly ConceptItem[] = [
  // ---- perceptron and linear separability ----
  {
    id: 'perceptron-xor',
    tag: 'perceptron',
    kind: 'true-false',
    statement:
      'A single-layer perceptron with a step activation can learn the XOR function of two binary inputs.',
    answer: false,
    explanation:
      'A single perceptron outputs 1 on one side of the hyperplane w·x + b = 0, so it can only separate classes that are linearly separable. XOR is not: no straight line separates (0,1) and (1,0) from (0,0) and (1,1). A network with one hidden layer of two units can represent XOR.',
  },
  {
    id: 'perceptron-convergence',
    tag: 'perceptron',
    kind: 'true-false',
    statement:
      'If the training data are linearly separable, the perceptron learning rule finds a separating hyperplane after a finite number of weight updates.',
    answer: true,
    explanation:
      'This is the perceptron convergence theorem (Novikoff): the number of mistakes is bounded by (R/γ)², where R bounds the input norms and γ is the margin of some separating hyperplane. The hyperplane found need not be the maximum-margin one; it is just one that separates the data.',
  },
  {
    id: 'perceptron-non-separable',
    tag: 'perceptron',
    kind: 'choice',
    stem: 'The perceptron learning rule (fixed learning rate) is run on training data that are NOT linearly separable. What happens?',
    options: [
      {
        text: 'The weights never settle: some example is always misclassified, so updates go on for ever.',
        correct: true,
      },
      {
        text: 'It converges to the hyperplane that misclassifies the fewest examples, then stops.',
        why: 'The plain perceptron rule has no such guarantee; the pocket algorithm was invented to keep the best weights seen.',
      },
      {
        text: 'It converges to the maximum-margin hyperplane, like a hard-margin support vector machine.',
        why: 'A hard-margin support vector machine optimises the margin, and only on separable data; the perceptron rule does not.',
      },
      {
        text: 'It stops after one epoch, because the error then cannot be reduced any further.',
        why: 'The rule has no such stopping criterion; it updates on every misclassified example.',
      },
    ],
    explanation:
      'The perceptron rule changes the weights whenever an example is misclassified. If no hyperplane separates the data, every weight vector misclassifies at least one example, so the updates never stop and the weights keep cycling.',
  },
  {
    id: 'perceptron-linear-stack',
    tag: 'perceptron',
    kind: 'true-false',
    statement:
      'Stacking several linear layers with no activation function gives a network that can represent functions a single linear layer cannot.',
    answer: false,
    explanation:
      'A composition of affine maps is again affine: with u = Wᵀx + b, W₂ᵀ(W₁ᵀx + b₁) + b₂ = (W₁W₂)ᵀx + (W₂ᵀb₁ + b₂). Without non-linear activations a deep network collapses to a single linear layer, which is why hidden layers need a non-linearity.',
  },
  {
    id: 'perceptron-universal-approximation',
    tag: 'perceptron',
    kind: 'true-false',
    statement:
      'A feedforward network with a single hidden layer of sufficiently many sigmoid units can approximate any continuous function on a closed and bounded input region to any desired accuracy.',
    answer: true,
    explanation:
      'This is the universal approximation theorem (Cybenko 1989, Hornik 1991). It guarantees that such a network exists, not that it is small or that gradient descent will find its weights; deeper networks are often far more parameter-efficient.',
  },
  {
    id: 'perceptron-bias-origin',
    tag: 'perceptron',
    kind: 'true-false',
    statement: "Without a bias term, a perceptron's decision boundary must pass through the origin.",
    answer: true,
    explanation:
      'Without a bias the boundary is the set w·x = 0, and x = 0 always satisfies it. The bias b shifts the boundary to w·x + b = 0, which can lie anywhere.',
  },

  // ---- initialisation ----
  {
    id: 'init-constant-symmetry',
    tag: 'initialisation',
    paperRef: '1(a)(iii)',
    kind: 'true-false',
    statement:
      'Initialising every weight of a multilayer network to the same constant (for example 0.5) is a good idea, because every neuron then starts from an equally good point.',
    answer: false,
    explanation:
      'With identical weights, all hidden units of a layer compute the same output and receive the same gradient, so they remain identical after every update: the symmetry is never broken and the layer behaves like a single unit. Weights should be drawn at random with a scale matched to the layer, such as Xavier (Glorot) for tanh or He for ReLU.',
  },
  {
    id: 'init-all-zero-tanh',
    tag: 'initialisation',
    paperRef: '1(a)(v)',
    kind: 'choice',
    stem: 'Every weight and bias of an MLP with tanh hidden layers and a linear output is initialised to 0, and it is trained with gradient descent. What happens?',
    options: [
      {
        text: 'Only the output bias ever changes; every weight stays at 0, so the network can only learn a constant output.',
        correct: true,
      },
      {
        text: 'Training proceeds normally, because the biases receive different gradients and so break the symmetry between units.',
        why: 'The hidden biases get zero gradient too, since the error reaching them is multiplied by the zero output weights.',
      },
      {
        text: 'The hidden units become different after the first update, because each of them receives its own gradient.',
        why: 'All hidden units are identical (output tanh(0) = 0) and all receive exactly zero gradient.',
      },
      {
        text: 'The loss cannot be computed at the first step, because every hidden unit then outputs exactly 0.',
        why: 'The forward pass is well defined: every hidden unit outputs tanh(0) = 0 and the output equals its bias.',
      },
    ],
    explanation:
      'Every hidden unit outputs tanh(0) = 0, so the output weights get gradient δ·h = 0. The error sent back to the hidden layer is multiplied by the output weights, which are 0, so the hidden weights and biases get zero gradient as well. Only the output bias learns, and this repeats at every step.',
  },
  {
    id: 'init-xavier',
    tag: 'initialisation',
    kind: 'true-false',
    statement:
      'Xavier (Glorot) initialisation sets Var(w) = 2/(n_in + n_out) to keep activation and gradient variances roughly constant across layers.',
    answer: true,
    explanation:
      'Keeping the forward variance constant needs Var(w) = 1/n_in and keeping the backward variance constant needs 1/n_out; Glorot and Bengio (2010) compromise with 2/(n_in + n_out). It was derived for symmetric activations such as tanh that are roughly linear near 0.',
  },
  {
    id: 'init-he-factor-two',
    tag: 'initialisation',
    kind: 'choice',
    stem: 'He (Kaiming) initialisation for ReLU layers draws weights with variance 2/n_in rather than 1/n_in. Why the factor 2?',
    options: [
      {
        text: 'ReLU zeroes about half of its inputs, halving the second moment of the activations; the 2 compensates.',
        correct: true,
      },
      {
        text: "It compensates for the bias term that is added to each unit's weighted sum before the activation function.",
        why: 'Biases are initialised to 0 and play no part in the derivation.',
      },
      {
        text: 'Because the slope of ReLU is 2 for positive inputs, so the variance doubles at every layer.',
        why: 'The slope of ReLU for positive inputs is 1.',
      },
      {
        text: 'It averages the fan-in and the fan-out, so that forward and backward variances both stay constant.',
        why: 'That is Xavier initialisation, Var(w) = 2/(n_in + n_out).',
      },
    ],
    explanation:
      'For a ReLU layer with zero-mean symmetric pre-activations, E[relu(u)²] = Var(u)/2. To keep the activation variance constant across layers, n_in · Var(w) · 1/2 = 1, so Var(w) = 2/n_in.',
  },
  {
    id: 'init-large-weights-saturate',
    tag: 'initialisation',
    kind: 'true-false',
    statement:
      'Initialising a tanh network with very large random weights tends to saturate its hidden units, so gradients become tiny and training is slow.',
    answer: true,
    explanation:
      'Large weights give pre-activations of large magnitude, where tanh is flat and its derivative 1 − tanh² is close to 0. Back-propagated gradients are multiplied by these small derivatives layer after layer, so learning stalls.',
  },
  {
    id: 'init-bias-zero',
    tag: 'initialisation',
    kind: 'true-false',
    statement:
      'Initialising all biases to zero causes the same symmetry problem as initialising all weights to zero, even when the weights are random.',
    answer: false,
    explanation:
      'Symmetry between units is broken as soon as their incoming weights differ, so zero biases do no harm and are the usual choice. The symmetry problem arises only when units share identical incoming weights.',
  },

  // ---- activation functions ----
  {
    id: 'activation-sigmoid-derivative-bound',
    tag: 'activations',
    kind: 'true-false',
    statement:
      'The derivative of the logistic sigmoid is at most 0.25, so in a deep stack of sigmoid layers the back-propagated gradient tends to shrink layer by layer.',
    answer: true,
    explanation:
      "σ'(u) = σ(u)(1 − σ(u)) reaches its maximum 0.5 × 0.5 = 0.25 at u = 0 and is much smaller when the unit saturates. Each layer multiplies the gradient by such a factor, which is one cause of vanishing gradients in deep sigmoid networks.",
  },
  {
    id: 'activation-tanh-derivative',
    tag: 'activations',
    paperRef: '2(d)',
    kind: 'choice',
    stem: 'What is the derivative of y = tanh(u) with respect to u, written in terms of the output y?',
    options: [
      { text: '1 − y²', correct: true },
      { text: 'y(1 − y)', why: 'That is the derivative of the logistic sigmoid in terms of its output.' },
      { text: '1 − y', why: 'This is not the derivative of any of the standard activations.' },
      { text: '1 + y²', why: 'The derivative of tanh is at most 1, but 1 + y² is at least 1.' },
    ],
    explanation:
      "tanh'(u) = sech²(u) = 1 − tanh²(u) = 1 − y². Writing it in terms of the output lets backpropagation reuse the values stored during the forward pass.",
  },
  {
    id: 'activation-dead-relu',
    tag: 'activations',
    kind: 'true-false',
    statement:
      "A ReLU unit whose pre-activation is negative for every training input receives zero gradient for its incoming weights, so it can stay 'dead' for the rest of training.",
    answer: true,
    explanation:
      'For negative inputs ReLU outputs 0 with slope 0, so no gradient flows to the weights and bias feeding the unit and they never change. This often follows a large update (a high learning rate). Leaky ReLU, with a small slope such as 0.01 for negative inputs, keeps a non-zero gradient.',
  },
  {
    id: 'activation-softmax-shift',
    tag: 'activations',
    kind: 'true-false',
    statement: 'Adding the same constant c to every input of a softmax leaves its output unchanged.',
    answer: true,
    explanation:
      'softmax(z + c)ᵢ = e^(zᵢ+c) / Σⱼ e^(zⱼ+c) = e^c e^(zᵢ) / (e^c Σⱼ e^(zⱼ)) = softmax(z)ᵢ. Implementations use this to subtract max(z) before exponentiating, which avoids overflow.',
  },
  {
    id: 'activation-multilabel-output',
    tag: 'activations',
    kind: 'choice',
    stem: 'Each image may contain any subset of 5 object types (multi-label classification). Which output layer and loss are the standard choice?',
    options: [
      { text: '5 sigmoid units, each with binary cross-entropy.', correct: true },
      {
        text: 'A 5-way softmax output with a categorical cross-entropy loss.',
        why: 'A softmax makes the 5 probabilities compete and sum to 1, which suits exactly one class per image.',
      },
      {
        text: 'A single sigmoid unit with a binary cross-entropy loss.',
        why: 'One unit can only say yes or no to one question, not which of 5 objects are present.',
      },
      {
        text: '5 ReLU units with a categorical cross-entropy loss.',
        why: 'ReLU outputs are not probabilities, and categorical cross-entropy assumes one correct class.',
      },
    ],
    explanation:
      'The 5 labels are not mutually exclusive, so each is an independent yes/no decision. A sigmoid per label gives an independent probability and binary cross-entropy is its likelihood loss.',
  },
  {
    id: 'activation-tanh-zero-centred',
    tag: 'activations',
    kind: 'true-false',
    statement:
      'The sigmoid is zero-centred (outputs between −1 and 1), while tanh outputs are always positive (between 0 and 1).',
    answer: false,
    explanation:
      'It is the other way round: tanh is zero-centred with range (−1, 1), and the sigmoid has range (0, 1). The two are related by tanh(u) = 2σ(2u) − 1.',
  },

  // ---- losses ----
  {
    id: 'loss-sigmoid-cross-entropy-gradient',
    tag: 'losses',
    paperRef: '2(e)',
    kind: 'true-false',
    statement:
      'For a sigmoid output y = σ(u) with binary cross-entropy loss J = −d ln y − (1 − d) ln(1 − y), the gradient with respect to u is y − d.',
    answer: true,
    explanation:
      "dJ/dy = −d/y + (1 − d)/(1 − y) and dy/du = y(1 − y). Their product simplifies to −d(1 − y) + (1 − d)y = y − d, so the sigmoid's derivative cancels and the gradient is the plain error.",
  },
  {
    id: 'loss-squared-error-saturation',
    tag: 'losses',
    kind: 'true-false',
    statement:
      'With a sigmoid output, squared error gives only a weak gradient when the output is confidently wrong; cross-entropy does not.',
    answer: true,
    explanation:
      'For J = (d − y)², the gradient with respect to u is −2(d − y)·y(1 − y), and y(1 − y) ≈ 0 when the unit saturates, even if the error is large. With cross-entropy the gradient is y − d, which stays large while the output is wrong.',
  },
  {
    id: 'loss-binary-cross-entropy-value',
    tag: 'losses',
    paperRef: '2(c)',
    kind: 'choice',
    stem: 'A sigmoid output is y = 0.8 for a training example whose target is d = 0. What is its binary cross-entropy loss, using the natural logarithm?',
    options: [
      { text: '1.609', correct: true },
      { text: '0.223', why: 'That is −ln 0.8 = −ln y, the loss if the target were d = 1.' },
      { text: '0.699', why: 'That is −log₁₀ 0.2: cross-entropy uses the natural logarithm.' },
      { text: '0.640', why: 'That is the squared error (d − y)², not the cross-entropy.' },
    ],
    explanation:
      'For d = 0 the loss −d ln y − (1 − d) ln(1 − y) reduces to −ln(1 − y). Here −ln(1 − 0.8) = −ln 0.2 = ln 5 ≈ 1.609.',
  },
  {
    id: 'loss-categorical-one-hot',
    tag: 'losses',
    kind: 'true-false',
    statement:
      'For a one-hot target, the categorical cross-entropy loss equals minus the log of the probability the model assigns to the correct class.',
    answer: true,
    explanation:
      'The loss is −Σₖ dₖ ln yₖ, and a one-hot target has dₖ = 1 only for the correct class c. Every other term is multiplied by 0, leaving −ln y_c.',
  },
  {
    id: 'loss-mse-gaussian',
    tag: 'losses',
    kind: 'true-false',
    statement:
      'Minimising mean squared error is equivalent to maximum-likelihood estimation when the targets are assumed to be the model output plus Gaussian noise of fixed variance.',
    answer: true,
    explanation:
      'Under d = y + ε with ε ~ N(0, σ²), the negative log-likelihood of a dataset is Σ(d − y)²/(2σ²) plus a constant. Maximising the likelihood therefore minimises the sum of squared errors.',
  },
  {
    id: 'loss-cross-entropy-log-base',
    tag: 'losses',
    kind: 'true-false',
    statement:
      'Computing cross-entropy with log base 10 instead of the natural log changes which weights minimise the loss.',
    answer: false,
    explanation:
      'log₁₀ x = ln x / ln 10, so changing the base multiplies the loss by a positive constant. The minimiser is unchanged; only the loss values (and the gradient scale) change, which is why exam answers must state the base they use.',
  },
];
