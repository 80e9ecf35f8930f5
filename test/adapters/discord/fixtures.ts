/** Hand-built engine views for rendering tests (the end-to-end tests use the real engine). */
import type { Part, Step } from '../../../src/core/types.js';
import type { QuestionView, SubmitOutcome } from '../../../src/engine/api.js';

export function questionView(overrides: Partial<QuestionView> & { partCount?: number } = {}): QuestionView {
  const n = overrides.partCount ?? 2;
  const parts = Array.from({ length: n }, (_, i) => ({
    id: String.fromCharCode(97 + i),
    letter: String.fromCharCode(97 + i),
    name: `value ${i + 1}`,
    kind: i === 1 ? ('matrix' as const) : ('number' as const),
  }));
  return {
    questionId: '42',
    topicId: 'dense-forward',
    title: 'Dense layer forward pass',
    difficulty: 2,
    seed: 7,
    question: {
      text: 'A dense layer with weights W and bias b receives input x. Compute the pre-activation u = W_1 x + b.',
      givens: [
        {
          name: 'W',
          value: [
            [0.5, -1.25],
            [2, 0.125],
          ],
        },
        { name: 'x', value: [1, -2] },
        { name: 'b', value: 0.1 },
      ],
      parts: parts.map((p) => ({ id: p.id, prompt: `Give part ${p.id} to 4 decimal places.` })),
    },
    parts,
    hintCount: 3,
    maxTries: 3,
    ...overrides,
  };
}

export const steps: readonly Step[] = [
  {
    title: 'Pre-activation',
    formula: 'u = W x + b',
    substitution: 'u = [0.5·1 + (-1.25)(-2) + 0.1, ...]',
    result: { name: 'u', value: [3.1, 2.35] },
  },
  {
    title: 'Weights',
    result: {
      name: 'W',
      value: [
        [0.5, -1.25],
        [2, 0.125],
      ],
    },
    note: 'rows are output units',
  },
];

export const answers: readonly Part[] = [
  { id: 'a', name: 'value 1', expected: { kind: 'number', value: 3.1, dp: 2 } },
  {
    id: 'b',
    name: 'value 2',
    expected: {
      kind: 'matrix',
      value: [
        [1, 0],
        [0, 1],
      ],
    },
  },
];

export function outcome(overrides: Partial<SubmitOutcome> = {}): SubmitOutcome {
  const question = overrides.question ?? questionView();
  return {
    question,
    grades: [{ partId: 'a', kind: 'number', status: 'wrong', credit: 0, typed: '@everyone **3**' }],
    parts: question.parts.map((p, i) => ({
      ...p,
      status: 'open' as const,
      triesUsed: i === 0 ? 1 : 0,
      triesLeft: i === 0 ? 2 : 3,
    })),
    settled: [],
    solved: false,
    finished: false,
    pointsAwarded: 0,
    duplicate: false,
    ...overrides,
  };
}
