import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_LENGTH, splitAnswer, type SplitPart } from '../../../src/core/answers/index.js';
import type { Part } from '../../../src/core/types.js';

// Internal ids that are not letters: students only ever see and type the letters.
const ab: readonly SplitPart[] = [
  { id: 'conv1', name: 'parameters of layer 1' },
  { id: 'fc', name: 'parameters of the fully connected layer' },
];

const answers = (text: string, parts: readonly SplitPart[] = ab, open?: ReadonlySet<string>) => {
  const r = splitAnswer(text, parts, open);
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`);
  return Object.fromEntries(r.answers.map((x) => [x.partId, x.text]));
};

describe('splitAnswer: labelled segments', () => {
  it.each([
    'a) 45 b) 220',
    '(a) 45 (b) 220',
    '(a) 45; (b) 220',
    'a: 45, b: 220',
    'a = 45\nb = 220',
    'a=45 b=220',
    'A) 45 B) 220',
    'a. 45 b. 220',
    'part a: 45 part b: 220',
    '(a): 45; (b): 220;',
    'a) 45 and b) 220',
    'answer: a) 45 b) 220',
    '```\na) 45\nb) 220\n```',
    'b) 220 a) 45',
    '45 b) 220',
  ])('%j', (text) => {
    expect(answers(text)).toEqual({ conv1: '45', fc: '220' });
  });

  it('keeps ; inside an answer as matrix rows, and brackets intact', () => {
    expect(answers('a) 1 2; 3 4 b) 5')).toEqual({ conv1: '1 2; 3 4', fc: '5' });
    expect(answers('(a) [[1, 2]; [3, 4]]; (b) (2, 1, 3)')).toEqual({
      conv1: '[[1, 2]; [3, 4]]',
      fc: '(2, 1, 3)',
    });
    expect(answers('a: 55:294\nb: 1e-3')).toEqual({ conv1: '55:294', fc: '1e-3' });
    expect(answers('a) 0.5 b) 1.5')).toEqual({ conv1: '0.5', fc: '1.5' });
  });

  it('reads a one-word part name as its label too (letters win)', () => {
    const grads: SplitPart[] = [
      { id: 'h1', name: 'h₁' },
      { id: 'y', name: 'y' },
    ];
    expect(answers('h1) [0.1, 0.2]\ny: 0.3', grads)).toEqual({ h1: '[0.1, 0.2]', y: '0.3' });
    expect(answers('h₁ = 0.1 0.2; Y = 0.3', grads)).toEqual({ h1: '0.1 0.2', y: '0.3' });
  });

  it('names solved parts too, so the caller reports them instead of grading them as another part', () => {
    const open = new Set(['fc']);
    expect(answers('a) 45', ab, open)).toEqual({ conv1: '45' });
    expect(answers('a) 45 b) 220', ab, open)).toEqual({ conv1: '45', fc: '220' });
    // Unlabelled text goes to the open part.
    expect(answers('220', ab, open)).toEqual({ fc: '220' });
  });

  it('lets a later label correct an earlier one', () => {
    expect(answers('a) 45 a) 46')).toEqual({ conv1: '46' });
  });

  it('does not take an answer that looks like a label for one', () => {
    expect(answers('(b)')).toEqual({ conv1: '(b)' });
    expect(answers('b)')).toEqual({ conv1: 'b)' });
    expect(answers('a) (b) b) (c)')).toEqual({ conv1: '(b)', fc: '(c)' });
    expect(answers('torch.Size([2, 1, 3])')).toEqual({ conv1: 'torch.Size([2, 1, 3])' });
    expect(answers('2.5 x 10^3')).toEqual({ conv1: '2.5 x 10^3' });
    const mc: SplitPart[] = [
      { id: 'q', name: 'Option', expected: { kind: 'choice', value: 'B', options: ['A', 'B', 'C'] } },
    ];
    expect(answers('B) because the batch is tiny', mc)).toEqual({ q: 'B) because the batch is tiny' });
    const tf: SplitPart[] = [
      { id: 's1', name: 'statement 1', expected: { kind: 'boolean', value: true } },
      { id: 's2', name: 'statement 2', expected: { kind: 'boolean', value: false } },
    ];
    expect(answers('(a) T (b) F', tf)).toEqual({ s1: 'T', s2: 'F' });
  });

  it('refuses a letter past the last part, naming it', () => {
    expect(splitAnswer('c) 12', ab)).toEqual({ ok: false, code: 'unknown-part', labels: ['c'] });
    expect(splitAnswer('a) 1 c) 2 d: 3', ab)).toEqual({
      ok: false,
      code: 'unknown-part',
      labels: ['c', 'd'],
    });
    // Text before the labels with every open part labelled has nowhere to go.
    expect(splitAnswer('7 a) 1 b) 2', ab)).toEqual({ ok: false, code: 'needs-labels' });
    expect(splitAnswer('45', [])).toEqual({ ok: true, answers: [] });
  });
});

describe('splitAnswer: unlabelled text', () => {
  it('maps one line per open part in order', () => {
    expect(answers('45\n220')).toEqual({ conv1: '45', fc: '220' });
    expect(answers('45;\n220\n\n')).toEqual({ conv1: '45', fc: '220' });
  });

  it('gives one line to the first open part; asks for labels when lines do not match the parts', () => {
    expect(answers('45 220')).toEqual({ conv1: '45 220' });
    expect(splitAnswer('45\n220\n7', ab)).toEqual({ ok: false, code: 'needs-labels' });
    expect(answers('0.81', [{ id: 'b', name: 'y' }])).toEqual({ b: '0.81' });
  });

  const typed: readonly Part[] = [
    {
      id: 'W',
      name: 'W',
      expected: {
        kind: 'matrix',
        value: [
          [1, 2],
          [3, 4],
        ],
      },
    },
    { id: 'n', name: 'n', expected: { kind: 'number', value: 5 } },
  ];

  it('with expected values, does not split a matrix written over lines', () => {
    expect(answers('1 2\n3 4', typed)).toEqual({ W: '1 2\n3 4' });
    expect(answers('[[1, 2], [3, 4]]\n5', typed)).toEqual({ W: '[[1, 2], [3, 4]]', n: '5' });
  });

  it('with expected values, splits on ; outside brackets and on spaces for single values', () => {
    expect(answers('[1 2; 3 4]; 5', typed)).toEqual({ W: '[1 2; 3 4]', n: '5' });
    const tf: SplitPart[] = ['s1', 's2', 's3'].map((id) => ({
      id,
      name: `statement ${id}`,
      expected: { kind: 'boolean', value: true },
    }));
    expect(answers('T F T', tf)).toEqual({ s1: 'T', s2: 'F', s3: 'T' });
    expect(answers('true, false, true', tf)).toEqual({ s1: 'true', s2: 'false', s3: 'true' });
    expect(answers('T F', tf)).toEqual({ s1: 'T F' });
    const nums: SplitPart[] = [
      { id: 'p', name: 'p', expected: { kind: 'number', value: 45, integer: true } },
      { id: 'q', name: 'q', expected: { kind: 'number', value: 220, integer: true } },
    ];
    expect(answers('45, 220', nums)).toEqual({ p: '45', q: '220' });
    expect(answers('45 220', nums)).toEqual({ p: '45', q: '220' });
  });

  it('maps unlabelled lines in order only when each fits its part', () => {
    const vectors: SplitPart[] = [
      { id: 'u', name: 'u', expected: { kind: 'vector', value: [1, 2] } },
      { id: 'v', name: 'v', expected: { kind: 'number', value: 3 } },
      { id: 'w', name: 'w', expected: { kind: 'number', value: 3 } },
    ];
    // Neither a 2-vector for u nor one piece per part: the whole text goes to u, whose syntax message explains.
    expect(answers('1; 2; 3', vectors)).toEqual({ u: '1; 2; 3' });
    const two: SplitPart[] = [
      { id: 'm', name: 'm', expected: { kind: 'vector', value: [1, 2] } },
      { id: 'k', name: 'k', expected: { kind: 'vector', value: [1, 2] } },
    ];
    expect(answers('1 2\n3 4', two)).toEqual({ m: '1 2', k: '3 4' });
    const column: SplitPart[] = [
      { id: 'm', name: 'm', expected: { kind: 'matrix', value: [[1], [2]] } },
      { id: 'k', name: 'k', expected: { kind: 'number', value: 1 } },
    ];
    expect(answers('1\n2', column)).toEqual({ m: '1\n2' });
  });
});

describe('splitAnswer: refusals', () => {
  it('refuses empty and over-long text', () => {
    expect(splitAnswer('', ab)).toEqual({ ok: false, code: 'empty' });
    expect(splitAnswer(' \n\t', ab)).toEqual({ ok: false, code: 'empty' });
    expect(splitAnswer('answer:', ab)).toEqual({ ok: false, code: 'empty' });
    expect(splitAnswer('1'.repeat(MAX_ANSWER_LENGTH + 1), ab)).toEqual({ ok: false, code: 'too-long' });
    expect(splitAnswer('1'.repeat(MAX_ANSWER_LENGTH), ab).ok).toBe(true);
  });
});
