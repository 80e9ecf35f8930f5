import { describe, expect, it } from 'vitest';
import { fixed, formatExpected, renderQuestion } from '../../../src/adapters/cli/render-question.js';
import type { QuestionInstance } from '../../../src/core/types.js';

describe('formatExpected', () => {
  it('shows a number at the places asked, and the exact value when rounding changed it', () => {
    expect(formatExpected({ kind: 'number', value: 1.4726518, dp: 2 })).toBe('1.47  (exact 1.4727)');
    expect(formatExpected({ kind: 'number', value: 0.2574468, dp: 4 })).toBe('0.2574  (exact 0.257447)');
    expect(formatExpected({ kind: 'number', value: 0.5, dp: 2 })).toBe('0.50');
    expect(formatExpected({ kind: 'number', value: 0.8135 })).toBe('0.8135');
    expect(formatExpected({ kind: 'number', value: 320128, integer: true })).toBe('320128');
  });

  it('never shows -0 for an entry that rounds to zero', () => {
    expect(fixed(-0.000002, 2)).toBe('0.00');
    expect(fixed(-0.004, 2)).toBe('0.00');
    expect(fixed(-0.005001, 2)).toBe('-0.01');
    expect(formatExpected({ kind: 'vector', value: [0.0442, -0.0000018], dp: 2 })).toBe(
      '[0.04, 0.00]  (exact [0.0442, -1.8e-6])',
    );
  });

  it('lays out a matrix in aligned rows, then the exact values on one line', () => {
    const text = formatExpected({
      kind: 'matrix',
      value: [
        [0.0381, -1.5e-6],
        [-0.0442, 12.5],
      ],
      dp: 2,
    });
    expect(text).toBe('[  0.04   0.00 ]\n[ -0.04  12.50 ]\n(exact [[0.0381, -1.5e-6], [-0.0442, 12.5]])');
  });

  it('shows shapes, ratios, booleans and options as they are typed', () => {
    expect(formatExpected({ kind: 'shape', value: [2, 1, 3] })).toBe('(2, 1, 3)');
    expect(formatExpected({ kind: 'ratio', value: [55, 294], dp: 4 })).toBe('55:294 (= 0.1871)');
    expect(formatExpected({ kind: 'boolean', value: false })).toBe('False');
    expect(formatExpected({ kind: 'choice', value: 'C', options: ['A', 'B', 'C', 'D'] })).toBe('C');
  });
});

describe('renderQuestion', () => {
  it('prints header, statement, givens, prompts, answers and numbered steps', () => {
    const q: QuestionInstance = {
      topicId: 't',
      seed: 9,
      params: {},
      title: 'A title',
      difficulty: 2,
      question: {
        text: 'Compute it.',
        givens: [
          {
            name: 'W',
            value: [
              [1, -2],
              [3, 4],
            ],
          },
          { name: 'x', value: [1, 2] },
        ],
        parts: [{ id: 'a', prompt: 'Give u.' }],
      },
      parts: [{ id: 'a', label: 'u', expected: { kind: 'vector', value: [-3, 11], integer: true } }],
      steps: [
        { title: 'Multiply', formula: 'u = Wᵀx', substitution: 'u = [1 × 1 + 3 × 2, ...]' },
        { title: 'Result', result: { name: 'u', value: [-3, 11] }, part: 'a', note: 'done' },
      ],
    };
    expect(renderQuestion(q, { seed: 9, paperRef: '2(b)' })).toBe(
      [
        'A title  (topic t, seed 9, difficulty 2, paper 2(b))',
        '',
        'Compute it.',
        '',
        'Given:',
        '  W =',
        '    [ 1  -2 ]',
        '    [ 3   4 ]',
        '  x = [1, 2]',
        '',
        'Answer:',
        '  a) Give u.',
        '',
        'Answers:',
        '  a) u (exact): [-3, 11]',
        '',
        'Worked solution:',
        '  1. Multiply',
        '     u = Wᵀx',
        '     u = [1 × 1 + 3 × 2, ...]',
        '  2. Result  [answers a)]',
        '     u = [-3, 11]',
        '     done',
        '',
      ].join('\n'),
    );
  });
});
