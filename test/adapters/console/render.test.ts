import { describe, expect, it } from 'vitest';
import type { PartGrade } from '../../../src/core/answers/index.js';
import type { QuestionView, SubmitOutcome } from '../../../src/engine/api.js';
import {
  renderAnswers,
  renderLeaderboard,
  renderOutcome,
  renderProgress,
  renderQuestion,
  renderStep,
  renderTopics,
} from '../../../src/adapters/console/render.js';
import { COLOR, PLAIN, styleFor } from '../../../src/adapters/console/style.js';

const ESC = '\u001b[';

const question: QuestionView = {
  questionId: '12',
  topicId: 'backprop-weights',
  title: 'Backpropagation',
  difficulty: 3,
  seed: 5,
  question: {
    text: 'Find the gradients.',
    givens: [
      {
        name: 'W₁',
        value: [
          [1.1, -13.25],
          [0.5, 2],
        ],
      },
      { name: 'x', value: [1, -0.5] },
      { name: 'd', value: 1 },
    ],
    parts: [
      { id: 'dW1', prompt: 'the gradient of W₁' },
      { id: 'db1', prompt: 'the gradient of b₁' },
    ],
  },
  parts: [
    { id: 'dW1', letter: 'a', name: '∇W₁ J', kind: 'matrix' },
    { id: 'db1', letter: 'b', name: 'bias gradient', kind: 'vector' },
  ],
  hintCount: 4,
  maxTries: 3,
};

describe('terminal rendering', () => {
  it('shows a question with matrices as aligned monospace rows and typeable part handles', () => {
    const text = renderQuestion(question, PLAIN);
    expect(text).toContain('Backpropagation  ★★★ · question #12 · backprop-weights');
    // Columns right-aligned: "1.1" under "0.5", "-13.25" above "2".
    expect(text).toContain('    W₁ =\n        [ 1.1  -13.25 ]\n        [ 0.5       2 ]');
    expect(text).toContain('    x = [1, -0.5]');
    expect(text).toContain('a) the gradient of W₁');
    expect(text).toContain('b) the gradient of b₁');
    expect(text).not.toContain('db1');
    expect(text).not.toContain(ESC);
  });

  it('renders a worked-solution step as title, formula, substitution and result', () => {
    const text = renderStep(
      {
        title: 'Layer 1',
        formula: 'params = n_in × n_out + n_out',
        substitution: '5 × 16 + 16',
        result: { name: 'parameters', value: 96 },
        note: 'one bias per unit',
      },
      PLAIN,
      1,
    );
    expect(text).toBe(
      [
        'Step 1. Layer 1',
        '    params = n_in × n_out + n_out',
        '    5 × 16 + 16',
        '    → parameters = 96',
        '    one bias per unit',
      ].join('\n'),
    );
  });

  it('gives per-part feedback with tries left, points, and the solution when finished', () => {
    const grades: PartGrade[] = [
      { partId: 'dW1', kind: 'matrix', status: 'wrong', credit: 0.5, typed: '...', wrongCells: [[0, 1]] },
      {
        partId: 'db1',
        kind: 'vector',
        status: 'invalid',
        credit: 0,
        typed: 'x',
        syntax: { code: 'not-a-vector', expected: 'a vector of 2 numbers' },
      },
    ];
    const outcome: SubmitOutcome = {
      question,
      grades,
      parts: [
        { ...question.parts[0]!, status: 'open', triesUsed: 1, triesLeft: 2 },
        { ...question.parts[1]!, status: 'open', triesUsed: 0, triesLeft: 3 },
      ],
      settled: [],
      solved: false,
      finished: false,
      pointsAwarded: 0,
      duplicate: false,
      nextPart: { ...question.parts[0]!, prompt: 'the gradient of W₁' },
    };
    const text = renderOutcome(outcome, PLAIN);
    expect(text).toContain(
      'a) ∇W₁ J: ✗ Not quite. 50% of the entries are right. Wrong: row 1 column 2. 2 tries left.',
    );
    expect(text).toContain('b) bias gradient: • I could not read a vector.');
    expect(text).toContain('This try is free.');

    const done = renderOutcome(
      {
        ...outcome,
        grades: [{ partId: 'db1', kind: 'vector', status: 'correct', credit: 1, typed: '[1, 2]' }],
        parts: outcome.parts.map((p) => ({ ...p, status: 'solved' as const, triesLeft: 0 })),
        solved: true,
        finished: true,
        pointsAwarded: 6,
        solution: {
          steps: [{ title: 'Only step', result: { name: 'b', value: [1, 2] }, part: 'db1' }],
          answers: [{ id: 'db1', name: 'bias gradient', expected: { kind: 'vector', value: [1, 2] } }],
          roundedRoute: [],
        },
      },
      PLAIN,
    );
    expect(done).toContain('b) bias gradient: ✓ Correct.');
    expect(done).toContain('+6 points');
    expect(done).toContain('Solved!');
    expect(done).toContain('Step 1. Only step');
    expect(done).toContain('b) bias gradient: [1, 2]');
    const shapes = [
      { id: 's1', name: 'shape of a', expected: { kind: 'shape', value: [4, 7] } },
      { id: 's2', name: 'shape of b', expected: { kind: 'shape', value: [28] } },
    ] as const;
    const views = [
      { id: 's1', letter: 'a', name: 'shape of a', kind: 'shape' },
      { id: 's2', letter: 'b', name: 'shape of b', kind: 'shape' },
    ] as const;
    expect(renderAnswers({ answers: shapes, roundedRoute: [] }, views, PLAIN)).toBe(
      'a) shape of a: (4, 7)\nb) shape of b: (28)',
    );
  });

  it('writes expected answers the way every platform shows them, at the precision asked', () => {
    const answers = [
      { id: 'r', name: 'ratio', expected: { kind: 'ratio', value: [55, 294] } },
      { id: 's', name: 'shape', expected: { kind: 'shape', value: [2, 1, 3] } },
      { id: 't', name: 'claim', expected: { kind: 'boolean', value: false } },
      { id: 'n', name: 'value', expected: { kind: 'number', value: 0.81354, dp: 2 } },
      { id: 'c', name: 'count', expected: { kind: 'number', value: 184396800, integer: true } },
    ] as const;
    const views = answers.map((a, i) => ({
      id: a.id,
      letter: 'abcde'[i] ?? '',
      name: a.name,
      kind: a.expected.kind,
    }));
    expect(renderAnswers({ answers, roundedRoute: [] }, views, PLAIN)).toBe(
      [
        'a) ratio: 55:294',
        'b) shape: (2, 1, 3)',
        'c) claim: False',
        'd) value: 0.81',
        'e) count: 184,396,800',
      ].join('\n'),
    );
  });

  it('tabulates progress and shows the caller below the top 10 on leaderboards', () => {
    const progress = renderProgress(
      {
        displayName: 'Ann',
        totalPoints: 19,
        topics: [
          {
            topicId: 'third',
            title: 'A third',
            questions: 2,
            attempts: 4,
            correct: 2,
            accuracy: 0.5,
            firstTryAccuracy: 0.5,
            lastSeen: new Date(0),
          },
        ],
        weakest: ['third'],
        streak: { current: 2, best: 3 },
        timeZone: 'Asia/Singapore',
        optedOut: false,
      },
      PLAIN,
    );
    expect(progress).toContain('Ann: 19 points · streak 2 days (best 3 days) · Asia/Singapore');
    expect(progress).toMatch(/A third\s+2\s+4\s+50%\s+50%/);
    expect(progress).toContain('Weakest: third. Practise with /quiz third');

    const entries = Array.from({ length: 10 }, (_, i) => ({
      rank: i + 1,
      displayName: `S${i + 1}`,
      userId: `u${i + 1}`,
      points: 100 - i,
      solved: 10,
    }));
    const board = renderLeaderboard(
      { period: 'week', entries, me: { rank: 14, displayName: 'Me', userId: 'me', points: 3, solved: 1 } },
      PLAIN,
    );
    expect(board.split('\n')[0]).toBe('Leaderboard: this week');
    expect(board).toContain(' 10. S10');
    expect(board.split('\n').at(-1)).toMatch(/^ 14\. Me\s+3 pts {2}1 solved$/);
    expect(renderLeaderboard({ period: 'all', entries: [] }, PLAIN)).toContain('No points yet');
  });

  it('lists topics by group', () => {
    const text = renderTopics(
      {
        groups: [
          {
            id: 'cnn',
            title: 'Convolutional networks',
            summary: 'sizes',
            topics: [{ id: 'conv-output-size', title: 'Output sizes', summary: '', difficulty: 2 }],
          },
        ],
      },
      PLAIN,
    );
    expect(text).toContain('cnn  Convolutional networks: sizes');
    expect(text).toContain('  conv-output-size  ★★☆  Output sizes');
  });

  it('colours only when allowed and writing to a terminal', () => {
    expect(styleFor({ color: true, isTTY: true })).toBe(COLOR);
    expect(styleFor({ color: true, isTTY: false })).toBe(PLAIN);
    expect(styleFor({ color: false, isTTY: true })).toBe(PLAIN);
    expect(renderQuestion(question, COLOR)).toContain(ESC);
  });
});
