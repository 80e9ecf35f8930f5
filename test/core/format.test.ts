import { describe, expect, it } from 'vitest';
import {
  formatMatrix,
  formatMatrixInline,
  formatNumber,
  formatValue,
  formatVector,
} from '../../src/core/format.js';

describe('formatNumber', () => {
  it('keeps integers exact and trims trailing zeros', () => {
    expect(formatNumber(16941456)).toBe('16941456');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(0.81354)).toBe('0.8135');
    expect(formatNumber(0.81354, 2)).toBe('0.81');
    expect(formatNumber(-0.00001)).toBe('-1e-5');
    expect(formatNumber(-0.00004, 2)).toBe('-4e-5');
    expect(formatNumber(2.5e-7)).toBe('2.5e-7');
  });

  it('never prints -0', () => {
    expect(formatNumber(-0.00004, 4)).not.toBe('-0');
    expect(formatNumber(-0)).toBe('0');
  });
});

describe('vectors and matrices', () => {
  it('prints vectors in the syntax students can type back', () => {
    expect(formatVector([1.3, -4.7, 3.6])).toBe('[1.3, -4.7, 3.6]');
  });

  it('aligns matrix columns', () => {
    expect(
      formatMatrix([
        [3.2, -2.4],
        [-1.2, 10],
      ]),
    ).toBe('[  3.2  -2.4 ]\n[ -1.2    10 ]');
    expect(
      formatMatrixInline([
        [1, 2],
        [3, 4],
      ]),
    ).toBe('[[1, 2], [3, 4]]');
    expect(formatValue('(2, 1, 3)')).toBe('(2, 1, 3)');
  });
});
