import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_LENGTH, splitAnswer } from '../../../src/core/answers/index.js';
import type { Part } from '../../../src/core/types.js';

const ab = [
  { id: 'a', label: '(a)' },
  { id: 'b', label: '(b)' },
];

const answers = (text: string, parts: readonly { id: string; label: string }[] = ab) => {
  const r = splitAnswer(text, parts);
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
    'part a: 45 part b: 220',
    '(a): 45; (b): 220;',
    'a) 45 and b) 220',
    'answer: a) 45 b) 220',
    '```\na) 45\nb) 220\n```',
    'b) 220 a) 45',
    '45 b) 220',
  ])('%j', (text) => {
    expect(answers(text)).toEqual({ a: '45', b: '220' });
  });

  it('keeps ; inside an answer as matrix rows, and brackets intact', () => {
    expect(answers('a) 1 2; 3 4 b) 5')).toEqual({ a: '1 2; 3 4', b: '5' });
    expect(answers('(a) [[1, 2]; [3, 4]]; (b) (2, 1, 3)')).toEqual({ a: '[[1, 2]; [3, 4]]', b: '(2, 1, 3)' });
    expect(answers('a: 55:294\nb: 1e-3')).toEqual({ a: '55:294', b: '1e-3' });
  });

  it('reads lines that start with a part id', () => {
    const grads = [
      { id: 'dW2', label: '∇W₂ J' },
      { id: 'db2', label: '∇b₂ J' },
    ];
    expect(answers('dW2: [[0.1, 0.2]]\ndb2: [0.3]', grads)).toEqual({ dW2: '[[0.1, 0.2]]', db2: '[0.3]' });
    expect(answers('dW2 [[0.1, 0.2]]\ndb2 [0.3]', grads)).toEqual({ dW2: '[[0.1, 0.2]]', db2: '[0.3]' });
    expect(answers('dw2 = 0.1 0.2; DB2 = 0.3', grads)).toEqual({ dW2: '0.1 0.2', db2: '0.3' });
    expect(answers('∇W₂ J: [[0.1, 0.2]]', grads)).toEqual({ dW2: '[[0.1, 0.2]]' });
  });

  it('answers only the parts that are labelled', () => {
    expect(splitAnswer('b) 220', ab)).toEqual({ ok: true, answers: [{ partId: 'b', text: '220' }] });
  });

  it('lets a later label correct an earlier one', () => {
    expect(answers('a) 45 a) 46')).toEqual({ a: '46' });
  });

  it('does not take an answer that looks like a label for one', () => {
    expect(answers('(b)')).toEqual({ a: '(b)' });
    expect(answers('b)')).toEqual({ a: 'b)' });
    expect(answers('a) (b) b) (c)')).toEqual({ a: '(b)', b: '(c)' });
    expect(answers('torch.Size([2, 1, 3])')).toEqual({ a: 'torch.Size([2, 1, 3])' });
    expect(answers('2.5 x 10^3')).toEqual({ a: '2.5 x 10^3' });
    const mc = [
      { id: 'q', label: 'Q1', expected: { kind: 'choice', value: 'B', options: ['A', 'B', 'C'] } } as const,
    ];
    expect(answers('B) because the batch is tiny', mc)).toEqual({ q: 'B) because the batch is tiny' });
    const tf = [
      { id: 'i', label: '(i)', expected: { kind: 'boolean', value: true } },
      { id: 'ii', label: '(ii)', expected: { kind: 'boolean', value: false } },
    ] as const;
    expect(answers('(i) T (ii) F', tf)).toEqual({ i: 'T', ii: 'F' });
  });

  it('refuses a label that is not an open part, naming it', () => {
    expect(splitAnswer('c) 12', ab)).toEqual({ ok: false, code: 'unknown-part', partIds: ['c'] });
    expect(splitAnswer('a) 1 c) 2 d: 3', ab)).toEqual({
      ok: false,
      code: 'unknown-part',
      partIds: ['c', 'd'],
    });
    expect(splitAnswer('x = 3', [{ id: 'a', label: '(a)' }])).toEqual({
      ok: false,
      code: 'unknown-part',
      partIds: ['x'],
    });
    // Text before the labels with every open part labelled has nowhere to go.
    expect(splitAnswer('7 a) 1 b) 2', ab)).toEqual({ ok: false, code: 'unknown-part', partIds: [] });
    expect(splitAnswer('45', [])).toEqual({ ok: false, code: 'unknown-part', partIds: [] });
  });
});

describe('splitAnswer: unlabelled text', () => {
  it('maps one line per open part in order', () => {
    expect(answers('45\n220')).toEqual({ a: '45', b: '220' });
    expect(answers('45;\n220\n\n')).toEqual({ a: '45', b: '220' });
  });

  it('otherwise gives the whole text to the first open part', () => {
    expect(answers('45 220')).toEqual({ a: '45 220' });
    expect(answers('45\n220\n7')).toEqual({ a: '45\n220\n7' });
    expect(answers('0.81', [{ id: 'b', label: '(b)' }])).toEqual({ b: '0.81' });
  });

  const typed: readonly Part[] = [
    {
      id: 'a',
      label: '(a)',
      expected: {
        kind: 'matrix',
        value: [
          [1, 2],
          [3, 4],
        ],
      },
    },
    { id: 'b', label: '(b)', expected: { kind: 'number', value: 5 } },
  ];

  it('with expected values, does not split a matrix written over lines', () => {
    expect(answers('1 2\n3 4', typed)).toEqual({ a: '1 2\n3 4' });
    expect(answers('[[1, 2], [3, 4]]\n5', typed)).toEqual({ a: '[[1, 2], [3, 4]]', b: '5' });
  });

  it('with expected values, splits on ; outside brackets and on spaces for single values', () => {
    expect(answers('[1 2; 3 4]; 5', typed)).toEqual({ a: '[1 2; 3 4]', b: '5' });
    const tf = ['i', 'ii', 'iii'].map(
      (id) => ({ id, label: id, expected: { kind: 'boolean', value: true } }) as const,
    );
    expect(answers('T F T', tf)).toEqual({ i: 'T', ii: 'F', iii: 'T' });
    expect(answers('true, false, true', tf)).toEqual({ i: 'true', ii: 'false', iii: 'true' });
    expect(answers('T F', tf)).toEqual({ i: 'T F' });
    const nums = [
      { id: 'a', label: 'a', expected: { kind: 'number', value: 45, integer: true } },
      { id: 'b', label: 'b', expected: { kind: 'number', value: 220, integer: true } },
    ] as const;
    expect(answers('45, 220', nums)).toEqual({ a: '45', b: '220' });
    expect(answers('45 220', nums)).toEqual({ a: '45', b: '220' });
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
