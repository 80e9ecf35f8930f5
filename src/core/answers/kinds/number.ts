/**
 * A real number or a count. Decimals are graded by the rounding rule (grade-number.ts); counts (`integer`) must be
 * exact and may be typed with thousands separators; a decimal comma is read where it cannot be a separator.
 */
import { DEFAULT_DP, formatCount, formatFixed, formatNumber } from '../../format.js';
import { gradeNumber } from '../grade-number.js';
import type { AnswerKind, Parsed, TypedOf } from '../kind.js';
import { parseNumber, unwrapBrackets } from '../parse-number.js';
import { normalizeAnswer } from '../normalize.js';

/** "0,86" or "-1,5": a comma followed by anything but exactly three digits cannot be a thousands separator. */
function decimalComma(text: string): string | undefined {
  const t = unwrapBrackets(normalizeAnswer(text));
  const comma = t.indexOf(',');
  if (comma < 0 || t.indexOf(',', comma + 1) >= 0 || t.includes('.')) return undefined;
  const head = t.slice(0, comma);
  const tail = t.slice(comma + 1);
  if (!/^[+-]?\d+$/.test(head) || !/^\d+$/.test(tail)) return undefined;
  return tail.length === 3 ? 'ambiguous' : `${head}.${tail}`;
}

export const numberKind: AnswerKind<'number'> = {
  kind: 'number',
  scalar: true,
  parse(text, expected): Parsed<TypedOf<'number'>> {
    const integer = expected.integer === true;
    const r = parseNumber(text, { grouped: integer });
    if (r.ok) return { ok: true, value: { kind: 'number', number: r.number } };
    if (!integer) {
      const comma = decimalComma(text);
      if (comma === 'ambiguous') return { ok: false, code: 'ambiguous-comma' };
      if (comma !== undefined) {
        const again = parseNumber(comma);
        if (again.ok) return { ok: true, value: { kind: 'number', number: again.number } };
      }
    }
    return { ok: false, code: r.code };
  },
  compare(typed, expected, candidate) {
    if (typeof candidate !== 'number') return undefined;
    const v = gradeNumber(typed.number, candidate, expected);
    if (v.status === 'correct') return { status: 'correct', credit: 1 };
    if (v.status === 'coarse') return { status: 'coarse', credit: 0, requiredDp: v.requiredDp };
    return { status: 'wrong', credit: 0 };
  },
  diagnose(typed, expected) {
    if (expected.value === 0) return undefined;
    const flipped = gradeNumber(
      { ...typed.number, value: -typed.number.value, scaled: -typed.number.scaled },
      expected.value,
      expected,
    );
    return flipped.status === 'wrong'
      ? undefined
      : { id: 'sign-error', message: 'Right but for the sign: check the sign.' };
  },
  sizeError: 'not-a-number',
  fits: () => true,
  describe: (expected) => (expected.integer ? 'a whole number' : 'a number'),
  format(expected, { exact }) {
    if (exact) return String(expected.value);
    if (expected.integer && Number.isInteger(expected.value)) return formatCount(expected.value);
    if (expected.dp !== undefined) return formatFixed(expected.value, expected.dp);
    return formatNumber(expected.value, DEFAULT_DP);
  },
  numeric: (typed) => typed.number.value,
};
