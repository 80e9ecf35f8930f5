import { describe, expect, it } from 'vitest';
import { gradePart } from '../../../src/core/answers/index.js';
import { num } from './helpers.js';

const status = (value: number, typed: string, extra: { dp?: number; integer?: boolean } = {}) =>
  gradePart(num(value, extra), typed).status;

describe('number rule: a value right at the precision typed', () => {
  // 0.8135 to 2 and 4 places is 0.81 and 0.8135; to 3 places it is exactly halfway between 0.813 and 0.814
  // (python3 -c 'from decimal import *; x=Decimal("0.8135"); print(x.quantize(Decimal("0.01")), x - Decimal("0.813"), Decimal("0.814") - x)')
  it.each([
    ['0.81', 'correct'],
    ['.81', 'correct'],
    ['0.814', 'correct'],
    ['0.813', 'correct'], // the tie at 3 places: both neighbours are right
    ['0.8135', 'correct'],
    ['0.81350', 'correct'],
    ['0.8', 'coarse'],
    ['1', 'coarse'],
    ['0.82', 'wrong'],
    ['0.8134', 'wrong'],
    ['0.8136', 'wrong'],
    ['0.815', 'wrong'],
    ['0.812', 'wrong'],
    ['-0.81', 'wrong'],
  ])('0.8135 at dp 2: %s is %s', (typed, expected) => {
    expect(status(0.8135, typed, { dp: 2 })).toBe(expected);
  });

  it('reports the decimal places asked for when too coarse', () => {
    expect(gradePart(num(0.8135, { dp: 2 }), '0.8')).toMatchObject({
      status: 'coarse',
      requiredDp: 2,
      credit: 0,
    });
    expect(gradePart(num(0.8135, { dp: 3 }), '0.81')).toMatchObject({ status: 'coarse', requiredDp: 3 });
    expect(gradePart(num(0.8135, { dp: 3 }), '0.814')).toMatchObject({ status: 'correct', credit: 1 });
  });

  it('accepts both neighbours at an exact tie, and nothing further', () => {
    // 0.8125 to 3 places: half up 0.813, half even 0.812 (python3 decimal ROUND_HALF_UP / ROUND_HALF_EVEN).
    expect(status(0.8125, '0.813', { dp: 2 })).toBe('correct');
    expect(status(0.8125, '0.812', { dp: 2 })).toBe('correct');
    expect(status(0.8125, '0.811', { dp: 2 })).toBe('wrong');
    expect(status(0.8125, '0.814', { dp: 2 })).toBe('wrong');
    expect(status(-0.8125, '-0.813', { dp: 2 })).toBe('correct');
    expect(status(-0.8125, '-0.812', { dp: 2 })).toBe('correct');
    expect(status(-0.8125, '-0.814', { dp: 2 })).toBe('wrong');
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875: python3 -c 'print(round(2.675, 2))'
    // prints 2.67, a calculator shows 2.68. Both are accepted.
    expect(status(2.675, '2.67', { dp: 2 })).toBe('correct');
    expect(status(2.675, '2.68', { dp: 2 })).toBe('correct');
    expect(status(2.675, '2.66', { dp: 2 })).toBe('wrong');
    // Not a tie: 0.81351 to 3 places is 0.814 only.
    expect(status(0.81351, '0.814', { dp: 2 })).toBe('correct');
    expect(status(0.81351, '0.813', { dp: 2 })).toBe('wrong');
  });

  it('takes an exactly right value at any precision, and float noise in the exact value', () => {
    expect(status(0.5, '0.5', { dp: 4 })).toBe('correct');
    expect(status(0, '0', { dp: 3 })).toBe('correct');
    expect(status(0.1 + 0.2, '0.3', { dp: 2 })).toBe('correct');
    expect(status(2, '2', { dp: 2 })).toBe('correct');
    expect(status(-0.001, '-0.00', { dp: 2 })).toBe('correct');
    expect(status(-0.001, '0.00', { dp: 2 })).toBe('correct');
  });

  it('accepts omitted trailing zeros when the value is the exact one rounded at dp', () => {
    // -1.6e-6 at 2 places is 0.00, so "0" is right; 0.7999 at 2 places is 0.80, so "0.8" is right.
    expect(status(-1.6e-6, '0', { dp: 2 })).toBe('correct');
    expect(status(0.7999, '0.8', { dp: 2 })).toBe('correct');
    expect(status(0.9996, '1', { dp: 3 })).toBe('correct');
    // ... but not when the dropped digits are not zeros.
    expect(status(0.8135, '0.8', { dp: 2 })).toBe('coarse');
    expect(status(0.004, '0', { dp: 2 })).toBe('correct'); // 0.00 at 2 places
    expect(status(0.006, '0', { dp: 2 })).toBe('coarse'); // 0.01 at 2 places: "0" is right only at 0 places
    expect(status(0.8135, '1', { dp: 2 })).toBe('coarse');
    expect(status(0.8135, '0.9', { dp: 2 })).toBe('wrong');
  });

  it('without dp, wants at least 2 significant digits', () => {
    expect(status(0.8135, '0.81')).toBe('correct');
    expect(status(0.8135, '0.8')).toBe('coarse');
    expect(gradePart(num(0.8135), '0.8')).toMatchObject({ requiredDp: 2 });
    expect(status(0.0123, '0.012')).toBe('correct');
    expect(status(0.0123, '0.01')).toBe('coarse');
    expect(status(123.4, '123')).toBe('correct');
    expect(status(123.4, '1.2e2')).toBe('correct');
    expect(status(123.4, '124')).toBe('wrong');
  });

  it('integer parts must be typed exactly (3534.0 and exact fractions or powers of ten are fine)', () => {
    for (const t of [
      '3534',
      '3534.0',
      '3534.00',
      '+3534',
      '3.534e3',
      '3.534E3',
      '7068/2',
      '3,534',
      '3 534',
    ]) {
      expect(status(3534, t, { integer: true }), t).toBe('correct');
    }
    for (const t of ['3535', '3534.4', '3533.9', '3.53e3', '3.5e3', '3534.5']) {
      expect(status(3534, t, { integer: true }), t).toBe('wrong');
    }
  });

  it('reads thousands separators only for integer parts', () => {
    // 320128 = 320,128: an integer count written with a separator.
    expect(status(320128, '320,128', { integer: true })).toBe('correct');
    expect(status(320128, '320 128', { integer: true })).toBe('correct');
    expect(status(320128, "320'128", { integer: true })).toBe('correct');
    expect(status(1234567, '1,234,567', { integer: true })).toBe('correct');
    expect(status(1234567, '1_234_567', { integer: true })).toBe('correct');
    expect(status(320128, '320,129', { integer: true })).toBe('wrong');
    // Mixed or misplaced separators are not a number.
    expect(gradePart(num(1234567, { integer: true }), '1,234 567').syntax?.code).toBe('not-a-number');
    expect(gradePart(num(320128, { integer: true }), '32,0128').syntax?.code).toBe('not-a-number');
    // For a real-valued part "320,128" could be 320.128 or 320128: a syntax message, not a wrong answer.
    expect(gradePart(num(320128), '320,128')).toMatchObject({
      status: 'invalid',
      syntax: { code: 'ambiguous-comma' },
    });
    // A decimal comma that cannot be a thousands separator is read as a decimal point.
    expect(status(0.8135, '0,81', { dp: 2 })).toBe('correct');
    expect(status(-1.5, '-1,5', { dp: 1 })).toBe('correct');
  });

  it('grades scientific notation as the decimal it stands for, or within 1e-3 relative', () => {
    // exact 0.00123456 (dp 4 asks for 0.0012):
    expect(status(0.00123456, '1.2e-3', { dp: 4 })).toBe('correct'); // = 0.0012, 4 places, rounds right
    expect(status(0.00123456, '1.235e-3', { dp: 4 })).toBe('correct'); // 0.001235: rounds right at 6 places
    expect(status(0.00123456, '1.2345e-3', { dp: 4 })).toBe('correct'); // truncated, but 4e-5 relative error
    expect(status(0.00123456, '1e-3', { dp: 4 })).toBe('coarse'); // 0.001 rounds right at 3 places < 4
    expect(status(0.00123456, '1.3e-3', { dp: 4 })).toBe('wrong');
    expect(status(0.8135, '8.1e-1', { dp: 2 })).toBe('correct');
    expect(status(0.8135, '8e-1', { dp: 2 })).toBe('coarse');
    expect(status(0.8135, '8.2e-1', { dp: 2 })).toBe('wrong');
    expect(status(25000, '2.5E4', { integer: true })).toBe('correct');
    expect(status(0.00123456, '1.2×10^-3', { dp: 4 })).toBe('correct');
    expect(status(0.00123456, '1.2 x 10^(-3)', { dp: 4 })).toBe('correct');
    expect(status(0.00123456, '1.2*10^-3', { dp: 4 })).toBe('correct');
  });

  it('compares fractions exactly', () => {
    expect(status(1 / 3, '1/3', { dp: 4 })).toBe('correct');
    expect(status(-1 / 3, '-1/3', { dp: 4 })).toBe('correct');
    expect(status(-1 / 3, '1/-3', { dp: 4 })).toBe('correct');
    expect(status(0.75, '3/4', { dp: 2 })).toBe('correct');
    expect(status(0.8125, '13/16', { dp: 2 })).toBe('correct');
    expect(status(0.8135, '81/100', { dp: 2 })).toBe('wrong');
    expect(status(0.75, '1.5/2', { dp: 2 })).toBe('correct');
  });

  it('reads signs, Unicode minus and decorations', () => {
    expect(status(-0.5, '−0.5')).toBe('correct');
    expect(status(-0.5, '-.5')).toBe('correct');
    expect(status(-0.5, '- 0.5')).toBe('correct');
    expect(status(3, '+3')).toBe('correct');
    expect(status(0.8135, '≈ 0.81', { dp: 2 })).toBe('correct');
    expect(status(0.8135, '= 0.81', { dp: 2 })).toBe('correct');
    expect(status(0.8135, 'ans: 0.81', { dp: 2 })).toBe('correct');
    expect(status(0.8135, '0.81.', { dp: 2 })).toBe('correct');
    expect(status(0.8135, '`0.81`', { dp: 2 })).toBe('correct');
    expect(status(0.8135, '[0.81]', { dp: 2 })).toBe('correct');
    expect(status(0.8135, 'a) 0.81', { dp: 2 })).toBe('correct');
    expect(status(0.8135, '(a) 0.81', { dp: 2 })).toBe('correct');
  });

  it('refuses non-finite and malformed numbers with a syntax code', () => {
    for (const t of [
      '1e999',
      '-1e400',
      'NaN',
      'Infinity',
      'abc',
      '0.8.1',
      '1e',
      '.',
      '-',
      '2 3',
      '0.81 0.82',
      '1,5,2',
    ]) {
      expect(gradePart(num(0.8135, { dp: 2 }), t).syntax?.code, t).toBe('not-a-number');
    }
    expect(gradePart(num(0.75), '3/0').syntax?.code).toBe('division-by-zero');
    expect(gradePart(num(0.75), '3/0.0').syntax?.code).toBe('division-by-zero');
  });
});
