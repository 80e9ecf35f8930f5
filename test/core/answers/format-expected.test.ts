import { describe, expect, it } from 'vitest';
import { formatExpected, gradePart } from '../../../src/core/answers/index.js';
import type { Expected } from '../../../src/core/types.js';

describe('formatExpected: the one way every platform shows an expected value', () => {
  it('shows values at the precision the question asks, in fixed notation', () => {
    expect(formatExpected({ kind: 'number', value: 0.813541, dp: 2 })).toBe('0.81');
    expect(formatExpected({ kind: 'number', value: 0.8, dp: 2 })).toBe('0.80');
    expect(formatExpected({ kind: 'number', value: -0.59, dp: 3 })).toBe('-0.590');
    expect(formatExpected({ kind: 'number', value: 2.25e-6, dp: 4 })).toBe('0.0000');
    expect(formatExpected({ kind: 'number', value: -0.000001, dp: 2 })).toBe('0.00');
    expect(formatExpected({ kind: 'vector', value: [0.86, -1], dp: 2 })).toBe('[0.86, -1.00]');
    expect(formatExpected({ kind: 'vector', value: [2.25e-6, -0.0004], dp: 4 })).toBe('[0.0000, -0.0004]');
    expect(formatExpected({ kind: 'matrix', value: [[0.038123, -1.6e-6]], dp: 2 })).toBe('[[0.04, 0.00]]');
    expect(
      formatExpected(
        {
          kind: 'matrix',
          value: [
            [1, -2],
            [30, 4],
          ],
          dp: 1,
        },
        { block: true },
      ),
    ).toBe('[  1.0  -2.0 ]\n[ 30.0   4.0 ]');
  });

  it('groups the digits of counts', () => {
    expect(formatExpected({ kind: 'number', value: 184396800, integer: true })).toBe('184,396,800');
    expect(formatExpected({ kind: 'number', value: 650, integer: true })).toBe('650');
    expect(formatExpected({ kind: 'number', value: -12345, integer: true })).toBe('-12,345');
  });

  it('with exact, every digit on one line', () => {
    expect(formatExpected({ kind: 'number', value: 0.81354, dp: 2 }, { exact: true })).toBe('0.81354');
    expect(formatExpected({ kind: 'matrix', value: [[0.038123, -1.6e-6]], dp: 2 }, { exact: true })).toBe(
      '[[0.038123, -0.0000016]]',
    );
  });

  it('shows the other kinds as students type them', () => {
    expect(formatExpected({ kind: 'ratio', value: [55, 294] })).toBe('55:294');
    expect(formatExpected({ kind: 'shape', value: [2, 1, 3] })).toBe('(2, 1, 3)');
    expect(formatExpected({ kind: 'boolean', value: true })).toBe('True');
    expect(formatExpected({ kind: 'choice', value: 'B', options: ['A', 'B'] })).toBe('B');
  });

  it('is read back as correct, for every kind, in block and inline form', () => {
    const cases: Expected[] = [
      { kind: 'number', value: 0.813541, dp: 2 },
      { kind: 'number', value: 184396800, integer: true },
      { kind: 'vector', value: [0.86, -1, 2.25e-6], dp: 4 },
      {
        kind: 'matrix',
        value: [
          [0.038123, -1.6e-6],
          [1, 2],
        ],
        dp: 2,
      },
      { kind: 'shape', value: [2, 1, 3] },
      { kind: 'ratio', value: [55, 294], dp: 4 },
      { kind: 'boolean', value: false },
      { kind: 'choice', value: 'C', options: ['A', 'B', 'C', 'D'] },
    ];
    for (const expected of cases) {
      for (const block of [false, true]) {
        const text = formatExpected(expected, { block });
        expect(gradePart({ id: 'p', name: 'p', expected }, text).status, `${expected.kind} ${text}`).toBe(
          'correct',
        );
      }
    }
  });
});
