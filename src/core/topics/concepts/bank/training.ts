/** Under- and overfitting, optimisation, regularisation and normalisation. */
import type { ConceptItem } from '../item.js';

export const trainingItems: readonly ConceptItem[] = [
  // ---- generalisation: under- and overfitting ----
  {
    id: 'fit-high-training-loss-more-data',
    tag: 'generalisation',
    paperRef: '1(a)(iv)',
    kind: 'true-false',
    statement:
      'A network has a high training loss and a similarly high test loss. Collecting more training data will substantially reduce its test loss.',
    answer: false,
    explanation:
      'A high training loss with a test loss close to it means the model underfits (high bias): it cannot fit even the data it already has. More data reduces variance, which is not the problem here, so the test loss stays about as high as the training loss, which more data does not lower. Increase the capacity, train longer or fix the optimisation instead.',
  },
  {
    id: 'fit-diagnose-overfitting',
    tag: 'generalisation',
    kind: 'choice',
    stem: 'The training loss keeps falling and is now low, but the validation loss has been rising for several epochs. What is the most likely diagnosis?',
    options: [
      { text: 'Overfitting (high variance).', correct: true },
      {
        text: 'Underfitting (high bias, low variance).',
        why: 'An underfitting model has a high training loss, but here the training loss is low.',
      },
      {
        text: 'The learning rate is far too small.',
        why: 'A tiny learning rate keeps the training loss high; it does not open a gap between training and validation loss.',
      },
      {
        text: 'The model is too simple for the task.',
        why: 'A model that is too simple could not drive the training loss this low.',
      },
    ],
    explanation:
      'A growing gap between a low training loss and a rising validation loss means the network is fitting noise and details specific to the training set. Regularisation, more data, data augmentation or early stopping at the validation minimum address it.',
  },
  {
    id: 'fit-fix-underfitting',
    tag: 'generalisation',
    paperRef: '1(a)(viii)',
    kind: 'choice',
    stem: 'A network underfits: its training loss stays high. Which change is most likely to help?',
    options: [
      {
        text: 'Increase its capacity (more hidden units or layers) and train longer.',
        correct: true,
      },
      {
        text: 'Add dropout and a stronger L2 penalty on the weights.',
        why: 'Regularisation restricts the model further and makes underfitting worse.',
      },
      {
        text: 'Stop training earlier, as soon as the validation loss stops improving for a while.',
        why: 'Early stopping limits fitting; it is a cure for overfitting.',
      },
      {
        text: 'Reduce the number of hidden units, so that the optimiser has fewer weights to fit.',
        why: 'A smaller network has even less capacity to fit the training data.',
      },
    ],
    explanation:
      'Underfitting means high bias: the model is not expressive enough, or has not been trained enough, to fit the training data. Adding parameters, training longer, weakening regularisation or tuning the learning rate all let it fit the training set better.',
  },
  {
    id: 'fit-more-data-overfitting',
    tag: 'generalisation',
    kind: 'true-false',
    statement:
      'For an overfitting model, adding more representative training data usually narrows the gap between the training and validation errors.',
    answer: true,
    explanation:
      'With more examples the model can no longer memorise every one of them, so its fit must rely on patterns that generalise. The training error tends to rise slightly and the validation error to fall, narrowing the gap.',
  },
  {
    id: 'fit-select-on-validation',
    tag: 'generalisation',
    kind: 'true-false',
    statement:
      'Hyperparameters such as the learning rate or the weight-decay coefficient should be tuned on the test set, since the test set measures what we care about.',
    answer: false,
    explanation:
      'Tuning on the test set makes the test error an optimistically biased estimate, because the test data were used to make choices. Hyperparameters are tuned on a separate validation set (or by cross-validation), and the test set is used once at the end.',
  },
  {
    id: 'fit-capacity-always-helps',
    tag: 'generalisation',
    kind: 'true-false',
    statement: 'Increasing the capacity of a model always reduces its test error.',
    answer: false,
    explanation:
      'More capacity lowers the training error, but past some point the model starts fitting noise and the test error rises again (overfitting). The test error as a function of capacity is typically U-shaped, which is why capacity is chosen on a validation set.',
  },
  {
    id: 'fit-loss-not-decreasing',
    tag: 'generalisation',
    paperRef: '1(a)(v)',
    kind: 'choice',
    stem: 'The training loss of a network barely decreases over many epochs. Which pair of causes best explains this?',
    options: [
      {
        text: 'The model is too simple, or the learning rate is badly chosen (too small, or so large that it overshoots).',
        correct: true,
      },
      {
        text: 'The training set is too large and the test set too small, so the training loss is unreliable.',
        why: 'The size of the test set has no effect on the training loss, and more training data does not stop it from decreasing.',
      },
      {
        text: 'The validation set overlaps the test set, so the loss being minimised is contaminated.',
        why: 'That biases the evaluation but does not affect the training loss.',
      },
      {
        text: 'Too many epochs were run, so the optimiser has used up the useful gradient signal.',
        why: 'Running more epochs gives the loss more chances to decrease, not fewer.',
      },
    ],
    explanation:
      'A model without enough capacity cannot represent the mapping, so its training loss stays high. A learning rate that is too small makes negligible progress per step, and one that is too large oscillates or diverges; a bad initialisation (all weights equal or zero) can also stall learning.',
  },
  {
    id: 'fit-learning-rate-too-large',
    tag: 'generalisation',
    paperRef: '1(a)(v)',
    kind: 'true-false',
    statement:
      'With a learning rate that is too large, gradient descent can overshoot the minimum so that the loss oscillates or even diverges instead of decreasing.',
    answer: true,
    explanation:
      'Each step moves the weights by η times the gradient. On a quadratic bowl with curvature λ, gradient descent converges only if η < 2/λ; beyond that each step lands further from the minimum than the last.',
  },

  // ---- optimisation ----
  {
    id: 'optim-speed-up-training',
    tag: 'optimisation',
    paperRef: '1(a)(vi)',
    kind: 'choice',
    stem: 'Full-batch gradient descent on a large training set is very slow. Which change speeds training up?',
    options: [
      {
        text: 'Use mini-batch SGD, ideally with an adaptive optimiser such as Adam or RMSProp.',
        correct: true,
      },
      {
        text: 'Lower the learning rate, so each step is more accurate.',
        why: 'Smaller steps make each update change the weights less, so convergence is slower.',
      },
      {
        text: 'Switch the classification loss from cross-entropy to squared error, whose gradient is simpler.',
        why: 'With sigmoid or softmax outputs squared error gives weaker gradients when the output saturates, so learning is slower.',
      },
      {
        text: 'Compute the full-batch gradient twice per step and average the two estimates for stability.',
        why: 'Both computations give the same gradient, so this doubles the cost for nothing.',
      },
    ],
    explanation:
      'A mini-batch gradient is a cheap, unbiased estimate of the full gradient, so the network makes many updates per pass over the data instead of one. Adaptive optimisers scale each parameter’s step by its gradient history, which often converges in far fewer epochs; momentum and batch normalisation also help.',
  },
  {
    id: 'optim-minibatch-unbiased',
    tag: 'optimisation',
    kind: 'true-false',
    statement:
      'The average gradient over a uniformly random mini-batch is an unbiased estimate of the gradient of the average loss over the whole training set.',
    answer: true,
    explanation:
      'The full gradient is the mean of the per-example gradients, and the mean of a uniform random sample has the population mean as its expectation. Its variance falls as 1/B with the batch size B, which is the noise of stochastic gradient descent.',
  },
  {
    id: 'optim-batch-size-compare',
    tag: 'optimisation',
    paperRef: '1(a)(vii)',
    kind: 'choice',
    stem: 'Compared with a large mini-batch, what does a small mini-batch give?',
    options: [
      {
        text: 'More frequent but noisier updates, and less use of the parallelism of a GPU per step.',
        correct: true,
      },
      {
        text: 'The exact gradient of the training loss at every step, so the updates are smoother.',
        why: 'Only the full batch gives the exact gradient; a small batch gives the noisiest estimate.',
      },
      {
        text: 'More memory used per step, because each example of the batch keeps its activations.',
        why: 'Memory for activations grows with the batch size, so a small batch uses less.',
      },
      {
        text: 'Fewer weight updates per epoch, each computed from a more reliable gradient estimate.',
        why: 'An epoch has about N/B updates, so a smaller B gives more updates.',
      },
    ],
    explanation:
      'With batch size B an epoch makes about N/B updates, each averaging B per-example gradients. A small B updates more often with higher variance and processes fewer examples in parallel per step; a large B gives smoother gradients but fewer updates per epoch.',
  },
  {
    id: 'optim-momentum',
    tag: 'optimisation',
    kind: 'true-false',
    statement:
      'Momentum keeps a decaying sum of past gradients, which speeds progress along directions where successive gradients agree.',
    answer: true,
    explanation:
      'The update is v ← βv − η∇J, w ← w + v. Gradient components that keep the same sign add up in v, while components that alternate in sign largely cancel, so the path through a narrow valley straightens.',
  },
  {
    id: 'optim-momentum-terminal-velocity',
    tag: 'optimisation',
    kind: 'choice',
    stem: 'Momentum updates v ← βv − ηg and w ← w + v with β = 0.9. If the gradient g stays constant, what does the step v approach?',
    options: [
      { text: '−10ηg', correct: true },
      { text: '−0.9ηg', why: 'That forgets that the velocity keeps accumulating past gradients.' },
      { text: '−ηg', why: 'That is the plain gradient-descent step, without momentum.' },
      { text: '−0.1ηg', why: 'That multiplies by 1 − β instead of dividing by it.' },
    ],
    explanation:
      'At the steady state v = βv − ηg, so v(1 − β) = −ηg and v = −ηg/(1 − β). With β = 0.9 the step is −10ηg: momentum multiplies the effective learning rate by up to 1/(1 − β) along a consistent direction.',
  },
  {
    id: 'optim-adam-moments',
    tag: 'optimisation',
    paperRef: '1(a)(vi)',
    kind: 'true-false',
    statement:
      'Adam keeps running averages of both the gradient and the squared gradient, and divides each step by the square root of the latter, giving every parameter its own effective learning rate.',
    answer: true,
    explanation:
      'Adam combines momentum (the first-moment estimate m) with RMSProp-style scaling (the second-moment estimate v), with bias corrections for their zero initialisation. The step −η m̂/(√v̂ + ε) is about η per parameter whatever the scale of its gradient, and shrinks for parameters whose gradients are noisy, since m̂ averages out while v̂ does not.',
  },
  {
    id: 'optim-adagrad-rate',
    tag: 'optimisation',
    kind: 'true-false',
    statement:
      "AdaGrad's effective learning rate for a parameter grows as training proceeds, because it accumulates that parameter's squared gradients.",
    answer: false,
    explanation:
      'AdaGrad divides the learning rate by the square root of the accumulated sum of squared gradients, which only grows, so the effective rate shrinks monotonically. It can become so small that learning stops; RMSProp replaces the sum with an exponentially decaying average to avoid this.',
  },
  {
    id: 'optim-learning-rate-decay',
    tag: 'optimisation',
    kind: 'true-false',
    statement:
      'Decaying the learning rate during training lets SGD take large steps early and settle closer to a minimum later.',
    answer: true,
    explanation:
      'With a constant learning rate the mini-batch noise keeps the weights moving in a region around the minimum whose size scales with the rate. Shrinking the rate over time reduces these fluctuations, so SGD can converge, while the large early steps still make fast initial progress.',
  },
  {
    id: 'optim-global-minimum',
    tag: 'optimisation',
    kind: 'true-false',
    statement:
      'Gradient descent on the training loss of a deep neural network is guaranteed to reach the global minimum if the learning rate is small enough.',
    answer: false,
    explanation:
      'The loss of a network with hidden layers is non-convex: it has many local minima, saddle points and flat regions. A small learning rate only guarantees (under smoothness conditions) that gradient descent approaches a stationary point, not the global minimum.',
  },
  {
    id: 'optim-updates-per-epoch',
    tag: 'optimisation',
    kind: 'choice',
    stem: 'A training set has 10,000 examples and the mini-batch size is 50. How many weight updates does one epoch make?',
    options: [
      { text: '200', correct: true },
      { text: '50', why: 'That is the batch size, not the number of batches.' },
      { text: '10,000', why: 'That would be plain SGD with a batch of one example.' },
      { text: '1', why: 'That would be full-batch gradient descent.' },
    ],
    explanation:
      'An epoch is one pass over every training example. With batches of 50 it takes 10,000 / 50 = 200 mini-batches, and each mini-batch gives one update.',
  },

  // ---- regularisation ----
  {
    id: 'reg-l2-weight-decay',
    tag: 'regularisation',
    paperRef: '1(b)(ii)',
    kind: 'true-false',
    statement:
      'Adding the penalty β‖w‖² to the loss adds 2βw to the gradient, so each gradient-descent step also shrinks the weights towards zero (weight decay).',
    answer: true,
    explanation:
      'The gradient of β Σ wᵢ² is 2βw. The update w ← w − η(∇J + 2βw) = (1 − 2ηβ)w − η∇J multiplies the weights by a factor slightly below 1 at every step, hence the name weight decay.',
  },
  {
    id: 'reg-l1-sparsity',
    tag: 'regularisation',
    kind: 'choice',
    stem: 'Which regulariser tends to drive many weights exactly to zero, giving sparse weights?',
    options: [
      { text: 'An L1 penalty β Σ|wᵢ|', correct: true },
      {
        text: 'An L2 penalty β Σ wᵢ²',
        why: 'Its pull 2βw fades as w approaches 0, so weights become small but rarely exactly zero.',
      },
      {
        text: 'Dropout on the hidden units',
        why: 'Dropout zeroes random activations during training, not weights, and uses every weight at test time.',
      },
      {
        text: 'Data augmentation',
        why: 'It changes the training data, not the weights directly.',
      },
    ],
    explanation:
      'The L1 penalty has a constant pull β·sign(w) towards zero however small the weight is, so weights whose data gradient is weaker than β are pushed to exactly 0. The L2 pull is proportional to the weight, so it only shrinks weights.',
  },
  {
    id: 'reg-inverted-dropout-scale',
    tag: 'regularisation',
    kind: 'choice',
    stem: 'With inverted dropout and keep probability p = 0.8, by what factor is a kept activation multiplied during training?',
    options: [
      { text: '1.25', correct: true },
      {
        text: '0.8',
        why: 'Multiplying by p is what standard (non-inverted) dropout does to the weights at test time.',
      },
      { text: '0.2', why: 'That is the drop probability, not a scale factor.' },
      {
        text: '1',
        why: 'Without scaling, the expected activation during training would be 0.8 times its test-time value.',
      },
    ],
    explanation:
      'A unit survives with probability 0.8, so its expected training output is 0.8 times its value. Dividing the kept activations by p = 0.8 (multiplying by 1.25) restores the expectation. At test time every unit is kept and nothing is rescaled, so predictions are deterministic.',
  },
  {
    id: 'reg-early-stopping',
    tag: 'regularisation',
    kind: 'true-false',
    statement:
      'Early stopping keeps the parameters from the epoch with the lowest validation loss, and acts as a regulariser by limiting how far the weights move from their initial values.',
    answer: true,
    explanation:
      'Training is monitored on a validation set and the best parameters seen so far are kept, stopping once the validation loss stops improving for a while. Limiting the number of steps limits how far the weights travel from their small initial values; for a linear model with squared error this is equivalent to L2 regularisation (Goodfellow et al., section 7.8).',
  },
  {
    id: 'reg-data-augmentation',
    tag: 'regularisation',
    kind: 'true-false',
    statement:
      'Data augmentation (random crops, flips, small rotations of training images) reduces overfitting by enlarging the training set with label-preserving transformations.',
    answer: true,
    explanation:
      'Each transformed image is a plausible new example with the same label, so the network must learn features that are robust to those changes instead of memorising particular pixels. The transformations must preserve the label: a horizontal flip suits photos of cats, but a 180° rotation turns a 6 into a 9.',
  },
  {
    id: 'reg-bias-decay',
    tag: 'regularisation',
    kind: 'true-false',
    statement:
      'Weight decay is usually applied to the biases as strongly as to the weights, because the biases are the parameters most prone to overfitting.',
    answer: false,
    explanation:
      'Each bias controls only one unit and needs little data to fit well, so leaving the biases unregularised adds little variance. Penalising them can cause underfitting, so weight decay is normally applied to the weights only (Goodfellow et al., section 7.1).',
  },
  {
    id: 'reg-dropout-ensemble',
    tag: 'regularisation',
    kind: 'true-false',
    statement:
      'Dropout can be seen as training an exponentially large ensemble of sub-networks that share their weights.',
    answer: true,
    explanation:
      'Each dropout mask selects a sub-network, and a network with n droppable units has 2ⁿ of them, all sharing the same parameters. Scaling the weights at test time approximates averaging the predictions of this ensemble.',
  },

  // ---- normalisation ----
  {
    id: 'norm-batchnorm-tiny-batches',
    tag: 'normalisation',
    paperRef: '3(b)(iii)',
    kind: 'choice',
    stem: 'Batch normalisation is used with a mini-batch size of 2. What is the main problem?',
    options: [
      {
        text: 'The batch mean and variance are noisy estimates, so training is unstable and the test-time running statistics fit poorly.',
        correct: true,
      },
      {
        text: 'Batch normalisation has too many learnable parameters for so few examples, so its scale and shift overfit each batch.',
        why: 'It has only a scale γ and shift β per channel, whatever the batch size.',
      },
      {
        text: 'Gradients cannot be computed through batch normalisation for batches smaller than 32, so every layer before it stops learning.',
        why: 'The operation is differentiable for any batch size; the problem is the quality of the statistics.',
      },
      {
        text: 'The learned scale γ and shift β can no longer be computed, because they are averages over the examples of the batch.',
        why: 'γ and β are ordinary parameters updated by gradient descent, not batch averages; they do not depend on the batch size.',
      },
    ],
    explanation:
      'Batch normalisation normalises each channel with the mean and variance of the current mini-batch, and two samples estimate these very poorly. The noise makes each example’s output depend strongly on its batch partner, destabilises training and creates a mismatch with the population statistics used at inference. Layer normalisation or group normalisation, which do not depend on the batch, are the usual fixes.',
  },
  {
    id: 'norm-batchnorm-batch-of-one',
    tag: 'normalisation',
    kind: 'true-false',
    statement:
      'Mathematically, in training mode with a mini-batch of size 1, a batch-normalisation layer after a fully connected layer outputs its shift β for every unit, whatever the input.',
    answer: true,
    explanation:
      'With one example, each unit’s batch mean equals its activation, so x − μ = 0 and the normalised value is 0 (ε prevents division by zero). The output γ·0 + β = β carries no information about the input, the extreme case of why tiny batches break batch normalisation; PyTorch refuses such a batch in training mode for this reason.',
  },
  {
    id: 'norm-batchnorm-inference',
    tag: 'normalisation',
    kind: 'true-false',
    statement:
      'At inference time, batch normalisation normalises with the mean and variance of the current test batch.',
    answer: false,
    explanation:
      'At inference batch normalisation uses running (moving) averages of the mean and variance collected during training. This makes a prediction deterministic and independent of which other examples happen to be in the test batch, and works for a single example.',
  },
  {
    id: 'norm-layernorm-batch-independent',
    tag: 'normalisation',
    kind: 'true-false',
    statement:
      'Layer normalisation, like batch normalisation, computes its mean and variance over the examples of a mini-batch, so it also breaks down with a batch of one.',
    answer: false,
    explanation:
      'Batch normalisation averages each feature over the batch, whereas layer normalisation averages over the features of one example. Layer normalisation therefore does not depend on the batch size, behaves identically in training and at inference, and works with a batch of one, which is one reason transformers use it.',
  },
  {
    id: 'norm-batchnorm-parameters',
    tag: 'normalisation',
    kind: 'choice',
    stem: 'How many learnable parameters does a batch-normalisation layer have after a convolution with 64 output channels?',
    options: [
      { text: '128', correct: true },
      { text: '64', why: 'Each channel has two learnable parameters, a scale γ and a shift β.' },
      {
        text: '256',
        why: 'The running mean and variance are statistics updated by averaging, not learned by gradient descent.',
      },
      { text: '0', why: 'The scale γ and shift β are learned.' },
    ],
    explanation:
      'A convolutional batch-normalisation layer normalises per channel and then applies a learnable scale γ and shift β per channel: 2 × 64 = 128 parameters. Frameworks also store a running mean and variance per channel (another 128 numbers), but these are non-trainable buffers.',
  },
];
