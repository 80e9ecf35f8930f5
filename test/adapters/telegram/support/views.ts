/** Hand-built engine views for renderer unit tests (the end-to-end tests use the real engine). */
import type { QuestionView, SubmitOutcome } from '../../../../src/engine/api.js';

export const multiPartQuestion: QuestionView = {
  questionId: '42',
  topicId: 'mlp-forward',
  title: 'MLP forward pass <tanh & sigmoid>',
  difficulty: 2,
  seed: 7,
  question: {
    text: 'A network has weights W and input x. Compute the outputs.',
    givens: [
      {
        name: 'W',
        value: [
          [0.1, -2.5],
          [10, 0.25],
        ],
      },
      { name: 'x', value: [1, -1] },
      { name: 'b', value: 0.5 },
    ],
    parts: [
      { id: 'a', prompt: 'What is u = Wx + b?' },
      { id: 'b', prompt: 'What is y = σ(u₁)?' },
    ],
  },
  parts: [
    { id: 'a', letter: 'a', name: 'u', kind: 'vector' },
    { id: 'b', letter: 'b', name: 'y', kind: 'number' },
  ],
  hintCount: 3,
  maxTries: 3,
};

export const singlePartQuestion: QuestionView = {
  ...multiPartQuestion,
  questionId: '43',
  title: 'Conv output size',
  difficulty: 1,
  question: {
    text: 'Input 32x32, kernel 5, stride 1, no padding.',
    givens: [],
    parts: [{ id: 'a', prompt: 'Output width?' }],
  },
  parts: [{ id: 'a', letter: 'a', name: 'width', kind: 'number' }],
};

export function outcome(overrides: Partial<SubmitOutcome>): SubmitOutcome {
  return {
    question: multiPartQuestion,
    grades: [],
    parts: [
      { id: 'a', letter: 'a', name: 'u', kind: 'vector', status: 'open', triesUsed: 0, triesLeft: 3 },
      { id: 'b', letter: 'b', name: 'y', kind: 'number', status: 'open', triesUsed: 0, triesLeft: 3 },
    ],
    settled: [],
    solved: false,
    finished: false,
    pointsAwarded: 0,
    duplicate: false,
    ...overrides,
  };
}
