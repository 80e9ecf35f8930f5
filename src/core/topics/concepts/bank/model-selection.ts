/** Model selection: validation sets, k-fold cross-validation, test sets. */
import type { ConceptItem } from '../item.js';

export const modelSelectionItems: readonly ConceptItem[] = [
  {
    id: 'cv-k-fold-each-once',
    tag: 'model-selection',
    kind: 'true-false',
    statement:
      'In k-fold cross-validation every example is used for validation exactly once and for training k − 1 times.',
    answer: true,
    explanation:
      'The data are split into k folds, and each of the k runs trains on k − 1 folds and validates on the remaining one. Averaging the k validation errors uses all the data for evaluation and gives a less noisy estimate than one hold-out split.',
  },
  {
    id: 'cv-fold-count',
    tag: 'model-selection',
    kind: 'choice',
    stem: 'With 5-fold cross-validation on 1,000 examples, how many examples does each model train on, and how many models are trained?',
    options: [
      { text: '800 examples, 5 models', correct: true },
      {
        text: '200 examples each, 5 models',
        why: 'Each model validates on one fold of 200 and trains on the other four.',
      },
      { text: '800 examples, just 1 model', why: 'One model is trained per fold, so 5 in all.' },
      {
        text: '1,000 examples, 5 models',
        why: 'Training on all 1,000 would leave nothing held out for validation.',
      },
    ],
    explanation:
      'The folds hold 1,000/5 = 200 examples each. Each of the 5 models trains on the other 4 folds, 800 examples, and is validated on its held-out fold.',
  },
  {
    id: 'cv-leave-one-out',
    tag: 'model-selection',
    kind: 'true-false',
    statement:
      'Leave-one-out cross-validation on N examples trains a single model and then validates it N times, once on each of the examples that was left out of its training set.',
    answer: false,
    explanation:
      'Leave-one-out is the case k = N: each of N runs holds out a single example, trains a fresh model on the other N − 1 and tests it on the one held out. It uses almost all the data in every run, but costs N trainings.',
  },
  {
    id: 'cv-final-retrain',
    tag: 'model-selection',
    kind: 'true-false',
    statement:
      'After cross-validation has chosen the hyperparameters, the final model is commonly retrained on all the training data with them.',
    answer: true,
    explanation:
      'Cross-validation estimates how well each setting generalises; its k models are not the final model. Retraining with the chosen setting on every training example uses all the data, and the untouched test set then estimates the performance of that model.',
  },
  {
    id: 'cv-why-test-set',
    tag: 'model-selection',
    kind: 'choice',
    stem: 'Why is a test set kept apart from both the training data and the validation data?',
    options: [
      { text: 'So that the final error estimate was never used to choose anything.', correct: true },
      {
        text: 'So that the model has more data to fit its weights during training.',
        why: 'Holding data out leaves the model less to train on, not more.',
      },
      {
        text: 'So that the hyperparameters can be tuned on it once validation is over.',
        why: 'Tuning on the test set biases its estimate; tuning is what the validation set is for.',
      },
      {
        text: 'So that early stopping can monitor it while the weights are trained.',
        why: 'Early stopping monitors the validation set; a test set used for stopping is no longer independent.',
      },
    ],
    explanation:
      'Every choice made on a data set (weights on the training set, hyperparameters and stopping on the validation set) makes the error on that set optimistic. A test set used once, at the end, is the only one whose error is an unbiased estimate for new data.',
  },
  {
    id: 'model-selection-best-validation-biased',
    tag: 'model-selection',
    kind: 'true-false',
    statement:
      'Choosing among many models by their validation error and then reporting the winning validation error gives an unbiased estimate of how the chosen model will perform on new data.',
    answer: false,
    explanation:
      'The minimum of many noisy validation errors is biased low: the winner was chosen partly because its validation error happened to be small. An untouched test set, or nested cross-validation, gives an unbiased estimate for the chosen model.',
  },
  {
    id: 'cv-stratified',
    tag: 'model-selection',
    kind: 'choice',
    stem: 'A classification data set has 90% class A and 10% class B. What does stratified k-fold cross-validation do?',
    options: [
      { text: 'It keeps about 90% A and 10% B in every fold.', correct: true },
      {
        text: 'It balances every fold to 50% A and 50% B.',
        why: 'Stratification preserves the class proportions; it does not rebalance them.',
      },
      {
        text: 'It puts all class-B examples in one fold.',
        why: 'That fold would validate on B alone, and the models trained without it would never see B.',
      },
      {
        text: 'It sorts the examples by class, then splits.',
        why: 'Sorted, unshuffled folds are what stratification avoids: some folds would hold one class only.',
      },
    ],
    explanation:
      'Stratified splitting samples each class separately, so every fold has the class proportions of the whole data set. With a rare class this keeps each validation fold representative and the k estimates comparable.',
  },
  {
    id: 'cv-grid-search-runs',
    tag: 'model-selection',
    kind: 'true-false',
    statement:
      'Grid search over two hyperparameters with 4 values each, scored by 5-fold cross-validation, trains 40 models.',
    answer: false,
    explanation:
      'A grid has 4 × 4 = 16 combinations, not 4 + 4 = 8, and cross-validation trains one model per fold for each of them. That gives 16 × 5 = 80 training runs, before any final retraining.',
  },
  {
    id: 'cv-pair-k',
    tag: 'model-selection',
    kind: 'two-statements',
    statements: [
      {
        text: 'The larger k is in k-fold cross-validation, the larger the share of the data each model trains on.',
        true: true,
        why: 'Statement 1 is true: each model trains on (k − 1)/k of the data.',
      },
      {
        text: 'The larger k is in k-fold cross-validation, the fewer models have to be trained.',
        true: false,
        why: 'Statement 2 is false: k-fold cross-validation trains k models, so a larger k costs more.',
      },
    ],
  },
  {
    id: 'cv-pair-leakage',
    tag: 'model-selection',
    kind: 'two-statements',
    statements: [
      {
        text: 'Shuffling a time series before splitting it into folds gives a fair estimate of forecasting error.',
        true: false,
        why: 'Statement 1 is false: random folds let the model train on the future and validate on the past; time series need chronological splits.',
      },
      {
        text: 'The mean and variance used to normalise the inputs should be computed on the training folds only.',
        true: true,
        why: 'Statement 2 is true: computing them on all the data lets information from the validation fold leak into training.',
      },
    ],
  },
  {
    id: 'model-selection-pair-holdout',
    tag: 'model-selection',
    kind: 'two-statements',
    statements: [
      {
        text: 'One hold-out split gives a noisier error estimate than k-fold cross-validation on the same data.',
        true: true,
        why: 'Statement 1 is true: it rests on one small subset, whereas cross-validation averages over k folds that cover all the data.',
      },
      {
        text: 'On a small data set the training error of a deep network is a good estimate of its test error.',
        true: false,
        why: 'Statement 2 is false: the training error of a flexible model is biased low, most of all on small data sets, which is where cross-validation matters most.',
      },
    ],
  },
  {
    id: 'model-selection-nested-cv',
    tag: 'model-selection',
    kind: 'true-false',
    statement:
      'Nested cross-validation tunes the hyperparameters in an inner loop and estimates the error of the whole tuning procedure in an outer loop.',
    answer: true,
    explanation:
      'Each outer fold is held out while an inner cross-validation on the remaining data picks the hyperparameters. The outer folds never influence that choice, so their average error estimates how well the tuned model generalises.',
  },
];
