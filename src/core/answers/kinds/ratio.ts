/**
 * A ratio a:b of positive integers, accepted in any equivalent form: two whole numbers in the same proportion
 * (55:294 = 110:588, compared exactly with BigInt, however many digits), 1:q or p:1 graded as the number q (or
 * p) at the significant digits the part's dp gives a/b (1:5.345 for 55:294 at dp 4), other decimal pairs within
 * 1e-3 relative, and a single number or fraction graded as a/b.
 */
import { gradeNumber, placesForSignificant, sameValue, type NumberVerdict } from '../grade-number.js';
import { isNumberArray } from '../grid.js';
import type { AnswerKind, Comparison, Parsed, TypedOf } from '../kind.js';
import { parseNumber, readNumber, stripLeadIn, type TypedNumber } from '../parse-number.js';

function readSide(text: string): TypedNumber | undefined {
  const t = text.trim();
  const r = readNumber(t, 0);
  return r.ok && r.end === t.length && r.number.form !== 'fraction' ? r.number : undefined;
}

function verdict(v: NumberVerdict): Comparison {
  if (v.status === 'correct') return { status: 'correct', credit: 1 };
  if (v.status === 'coarse') return { status: 'coarse', credit: 0, requiredDp: v.requiredDp };
  return { status: 'wrong', credit: 0 };
}

function exactInteger(x: number): bigint | undefined {
  return Number.isSafeInteger(x) && x > 0 ? BigInt(x) : undefined;
}

function gradeRatio(typed: TypedOf<'ratio'>, a: number, b: number, dp: number | undefined): NumberVerdict {
  const exact = a / b;
  if (!Number.isFinite(exact) || exact <= 0) return { status: 'wrong' };
  const { left, right, wholeDigits } = typed;
  if (right === undefined) return gradeNumber(left, exact, { dp });
  if (wholeDigits) {
    const [p, q] = wholeDigits;
    const ba = exactInteger(a);
    const bb = exactInteger(b);
    if (ba === undefined || bb === undefined) return { status: 'wrong' };
    return BigInt(p) * bb === BigInt(q) * ba ? { status: 'correct' } : { status: 'wrong' };
  }
  if (!Number.isFinite(left.value) || !Number.isFinite(right.value) || right.value === 0)
    return { status: 'wrong' };
  // 1:q and p:1 are a decimal in disguise; ask for as many significant digits as dp gives a/b.
  const significant = dp === undefined ? undefined : dp - placesForSignificant(exact, 1) + 1;
  const dpFor = (x: number): number | undefined =>
    significant === undefined ? undefined : Math.max(0, placesForSignificant(x, significant));
  if (sameValue(left.value, 1)) return gradeNumber(right, b / a, { dp: dpFor(b / a) });
  if (sameValue(right.value, 1)) return gradeNumber(left, exact, { dp });
  const ratio = left.value / right.value;
  return Number.isFinite(ratio) && Math.abs(ratio - exact) <= 1e-3 * Math.abs(exact)
    ? { status: 'correct' }
    : { status: 'wrong' };
}

export const ratioKind: AnswerKind<'ratio'> = {
  kind: 'ratio',
  scalar: true,
  parse(text): Parsed<TypedOf<'ratio'>> {
    const t = stripLeadIn(text);
    const colon = t.indexOf(':');
    if (colon < 0) {
      const single = parseNumber(t);
      if (!single.ok)
        return { ok: false, code: single.code === 'division-by-zero' ? single.code : 'not-a-ratio' };
      return { ok: true, value: { kind: 'ratio', left: single.number } };
    }
    if (t.indexOf(':', colon + 1) >= 0) return { ok: false, code: 'not-a-ratio' };
    const leftText = t.slice(0, colon).trim();
    const rightText = t.slice(colon + 1).trim();
    const left = readSide(leftText);
    const right = readSide(rightText);
    if (!left || !right) return { ok: false, code: 'not-a-ratio' };
    if (right.value === 0) return { ok: false, code: 'division-by-zero' };
    const whole = left.whole && right.whole && /^\+?\d+$/.test(leftText) && /^\+?\d+$/.test(rightText);
    return {
      ok: true,
      value: {
        kind: 'ratio',
        left,
        right,
        ...(whole ? { wholeDigits: [leftText.replace('+', ''), rightText.replace('+', '')] as const } : {}),
      },
    };
  },
  compare(typed, expected, candidate) {
    if (!isNumberArray(candidate) || candidate.length !== 2) return undefined;
    return verdict(gradeRatio(typed, candidate[0] ?? NaN, candidate[1] ?? NaN, expected.dp));
  },
  diagnose(typed, expected) {
    const [a, b] = expected.value;
    const flipped = gradeRatio(typed, b, a, expected.dp);
    return flipped.status === 'correct'
      ? {
          id: 'inverted-ratio',
          message: 'That is the ratio the other way round: check which quantity comes first.',
        }
      : undefined;
  },
  sizeError: 'not-a-ratio',
  fits: () => true,
  describe: () => 'a ratio like 3:4 (or its value as a decimal)',
  format: (expected) => `${expected.value[0]}:${expected.value[1]}`,
  numeric: () => undefined,
};
