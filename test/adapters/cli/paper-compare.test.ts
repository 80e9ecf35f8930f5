import { describe, expect, it } from 'vitest';
import { comparePrinted } from '../../../src/adapters/cli/paper-compare.js';
import type { Part, Expected } from '../../../src/core/types.js';

const part = (expected: Expected, id = 'a'): Part => ({ id, name: `part ${id}`, expected });

// Exact values below are inputs chosen for the test, not taken from the seed file.
describe('comparePrinted', () => {
  it('agrees when the printed value correctly rounds the exact value at the printed precision', () => {
    const c = comparePrinted([part({ kind: 'number', value: 0.81354 })], {
      partId: 'a',
      text: '$y = 0.81$',
      value: 0.81,
    });
    expect(c).toMatchObject({ status: 'agrees', printedValue: '0.81', computedAtPrintedPrecision: '0.81' });
  });

  it('reads the printed precision from the text, so a dropped trailing zero still counts', () => {
    // 0.8135 is 0.81 at 2 dp, so a printed "0.80" is wrong although 0.8 would be right at 1 dp.
    const c = comparePrinted([part({ kind: 'number', value: 0.8135 })], {
      partId: 'a',
      text: '0.80',
      value: 0.8,
    });
    expect(c.status).toBe('differs');
    expect(c.printedValue).toBe('0.80');
    expect(c.detail).toBe('DIFFERS: printed 0.80, computed 0.81 at the printed precision (exact 0.8135).');
    // When the text does not end in the value's numbers, the value's own digits are used.
    const loose = comparePrinted([part({ kind: 'number', value: 0.8135 })], {
      partId: 'a',
      text: 'see above',
      value: 0.8,
    });
    // 0.8 is 0.8135 at 1 dp, but the grader wants 2 significant digits from a student: right, yet coarse.
    expect(loose).toMatchObject({ status: 'agrees-coarsely', printedValue: '0.8' });
  });

  it('uses the printed precision the transcription gives (dp) over the digits of the value', () => {
    // [0.04, 0] printed "to 2 dp" means 0.04 and 0.00: both round [0.0442, -0.000002] at 2 dp.
    const p = part({ kind: 'vector', value: [0.0442, -0.000002], dp: 2 });
    const c = comparePrinted([p], { partId: 'a', text: '[0.04, 0]', value: [0.04, 0], dp: 2 });
    expect(c).toMatchObject({
      status: 'agrees',
      printedValue: '[0.04, 0.00]',
      computedAtPrintedPrecision: '[0.04, 0.00]',
    });
    // 1.00 for 0.99999: right at 2 dp although the value 1 alone would have no decimals.
    const h = comparePrinted([part({ kind: 'number', value: 0.99999, dp: 2 })], {
      partId: 'a',
      text: '1.00',
      value: 1,
      dp: 2,
    });
    expect(h).toMatchObject({ status: 'agrees', printedValue: '1.00' });
  });

  it('names the differing entries of a vector, and accepts a printed column for a vector', () => {
    const p = part({ kind: 'vector', value: [0.0249, 0.0001] });
    const c = comparePrinted([p], {
      partId: 'a',
      text: String.raw`\begin{bmatrix} 0.04 \\ 0 \end{bmatrix}`,
      value: [0.04, 0],
    });
    expect(c.status).toBe('differs');
    expect(c.detail).toMatch(
      /^DIFFERS \(entries 1\): printed \[0\.04, 0\], computed \[0\.02, 0\] at the printed precision/,
    );
    const column = comparePrinted([part({ kind: 'vector', value: [1.3, -4.7, 3.6] })], {
      partId: 'a',
      text: String.raw`\begin{bmatrix} 1.3 \\ −4.7 \\ 3.6 \end{bmatrix}`,
      value: [[1.3], [-4.7], [3.6]],
    });
    expect(column).toMatchObject({ status: 'agrees', printedValue: '[1.3, -4.7, 3.6]' });
  });

  it('compares matrices cell by cell with their printed digits', () => {
    const p = part({
      kind: 'matrix',
      value: [
        [0.0301, 0.0002],
        [0.0703, -0.0001],
      ],
    });
    const text = String.raw`\begin{bmatrix} 0.03 & 0 \\ 0.07 & 0 \end{bmatrix}`;
    // Every printed cell rounds its exact value; the 0s for 0.0002 and -0.0001 are coarser than a student may give.
    expect(
      comparePrinted([p], {
        partId: 'a',
        text,
        value: [
          [0.03, 0],
          [0.07, 0],
        ],
      }),
    ).toMatchObject({
      status: 'agrees-coarsely',
      printedValue: '[[0.03, 0], [0.07, 0]]',
    });
    const wrong = comparePrinted([p], {
      partId: 'a',
      text: '0.03 & 0 \\\\ 0.04 & 0',
      value: [
        [0.03, 0],
        [0.04, 0],
      ],
    });
    expect(wrong.status).toBe('differs');
    expect(wrong.detail).toMatch(/^DIFFERS \(entries \(2,1\)\)/);
    // The computed matrix keeps its rows, and −0.0001 at 0 dp is shown as 0, not -0.
    expect(wrong.detail).toContain('computed [[0.03, 0], [0.07, 0]] at the printed precision');
  });

  it('compares counts exactly', () => {
    const p = part({ kind: 'number', value: 320128, integer: true });
    expect(comparePrinted([p], { partId: 'a', text: '= 320128', value: 320128 }).status).toBe('agrees');
    const c = comparePrinted([p], { partId: 'a', text: '= 320000', value: 320000 });
    expect(c.status).toBe('differs');
    expect(c.detail).toBe('DIFFERS: printed 320000, computed 320128.');
  });

  it('says when a printed value is right but coarser than the question asks', () => {
    const c = comparePrinted([part({ kind: 'number', value: 0.8135, dp: 4 })], {
      partId: 'a',
      text: '0.81',
      value: 0.81,
    });
    expect(c).toMatchObject({ status: 'agrees-coarsely' });
    expect(c.detail).toBe('agrees at the printed precision (a student would be asked for 4 decimal places)');
  });

  it('compares ratios and shapes in the forms they are printed', () => {
    const ratio = part({ kind: 'ratio', value: [55, 294] });
    expect(comparePrinted([ratio], { partId: 'a', text: 'Ratio is 55:294', value: '55:294' }).status).toBe(
      'agrees',
    );
    expect(comparePrinted([ratio], { partId: 'a', text: '55:294', value: [55, 294] }).status).toBe('agrees');
    expect(comparePrinted([ratio], { partId: 'a', text: '1:5', value: [1, 5] }).status).toBe('differs');
    const shape = part({ kind: 'shape', value: [2, 1, 3] });
    expect(comparePrinted([shape], { partId: 'a', text: '(2, 1, 3)', value: [2, 1, 3] }).status).toBe(
      'agrees',
    );
    expect(comparePrinted([shape], { partId: 'a', text: '(2, 3)', value: [2, 3] }).status).toBe('differs');
  });

  it('reports a printed vector of another size as a difference', () => {
    const c = comparePrinted([part({ kind: 'vector', value: [1, 2, 3] })], {
      partId: 'a',
      text: '[1, 2]',
      value: [1, 2],
    });
    expect(c.status).toBe('differs');
    expect(c.detail).toMatch(/different size/);
  });

  it('does not compare symbolic answers, and flags a printed answer for a part the topic lacks', () => {
    const p = part({ kind: 'number', value: 1 });
    expect(comparePrinted([p], { partId: 'a', text: String.raw`$\nabla_y J = -2(d - y)$` })).toMatchObject({
      status: 'not-compared',
      computed: '1',
    });
    expect(comparePrinted([p], { partId: 'zz', text: '3', value: 3 })).toMatchObject({
      status: 'unknown-part',
      detail: 'the topic has no part "zz" (parts: a)',
    });
  });
});
