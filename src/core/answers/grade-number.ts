/**
 * The grading rule for one number (a number part, or one cell of a vector or matrix).
 *
 * 1. Exactly right: a typed value equal to the exact value (relative 1e-9, or absolute 1e-12 near 0) is correct
 *    whatever its precision: "0" for an exact 0, "0.5" for an exact 0.5 at dp 4.
 * 2. Integer parts (`integer: true`: counts, sizes) must be typed exactly: 3534 and 3534.0 pass, 3534.4 does not;
 *    fractions and scientific notation are fine when they are exact (2.5e4 for 25000).
 * 3. Decimals (0.81, .81, 45): a value typed with k decimal places is right when it is the exact value rounded
 *    to k places. At an exact tie both neighbours are right, whichever tie-breaking rule the student's tool uses
 *    (0.8125 to 3 places: 0.812 and 0.813; 0.8135: 0.813 and 0.814). A tie is detected with a relative float
 *    guard of 1e-9 on the scaled value, because the exact value is a double and tools disagree about it: 2.675 is
 *    stored as 2.67499999..., so Python's round(2.675, 2) gives 2.67 while a calculator gives 2.68; both pass.
 *    Anything further away is wrong: for 0.8135, 0.81, 0.813, 0.814 and 0.8135 are right; 0.8134, 0.815 and
 *    0.82 are wrong.
 *    If k is smaller than the part's `dp`, a correctly rounded value is 'coarse' (right but too few digits;
 *    requiredDp = dp), unless the missing digits are zeros: "0" for -0.0000016 at dp 2 reads 0.00 and is right,
 *    as is "0.8" for 0.7999 (0.80); "0.8" for 0.8135 is coarse. Without `dp`, any correctly rounded value with at least 2 significant digits is right
 *    (0.81 or 0.8135 for 0.8135; 0.8 is 'coarse' with requiredDp 2).
 * 4. Scientific notation (8.1e-1, 2.5E4): treated as the decimal it stands for (8.1e-1 has 2 decimal places, 2.5E4
 *    is rounded to thousands) under rule 3, and also accepted when within 1e-3 relative error of the exact value.
 * 5. Fractions (3/4, -1/3): compared exactly (rule 1): 1/3 passes for 0.3333..., 81/100 does not for 0.8135.
 */
import type { TypedNumber } from './parse-number.js';

export type NumberVerdict =
  | { readonly status: 'correct' }
  | { readonly status: 'coarse'; readonly requiredDp: number }
  | { readonly status: 'wrong' };

export interface NumberRule {
  readonly dp?: number | undefined;
  readonly integer?: boolean | undefined;
}

const CORRECT: NumberVerdict = { status: 'correct' };
const WRONG: NumberVerdict = { status: 'wrong' };

/** Relative error accepted for numbers typed in scientific notation (in addition to the rounding rule). */
export const SCIENTIFIC_RELATIVE_TOLERANCE = 1e-3;

/** Equal within a float guard. Non-finite values never equal anything (an overflow must not pass for a match). */
export function sameValue(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  if (a === b) return true;
  const diff = Math.abs(a - b);
  return diff <= 1e-12 || diff <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Does `scaled / 10^places` equal `exact` rounded to `places` decimal places (negative places: to tens,
 * hundreds...)? Both neighbours are accepted at an exact tie (within a relative float guard).
 */
export function roundsTo(scaled: number, places: number, exact: number): boolean {
  const s = places >= 0 ? exact * 10 ** places : exact / 10 ** -places;
  if (!Number.isFinite(s)) return false;
  if (!Number.isSafeInteger(scaled) || Math.abs(s) >= 2 ** 52) {
    // Beyond exact integer arithmetic: half a unit in the last place, with a relative float guard.
    return Math.abs(scaled - s) <= 0.5 + 1e-9 * Math.abs(s);
  }
  const lo = Math.floor(s);
  const frac = s - lo;
  const tol = Math.min(0.25, 1e-9 + 1e-9 * Math.abs(s));
  if (Math.abs(frac - 0.5) <= tol) return scaled === lo || scaled === lo + 1;
  return scaled === (frac < 0.5 ? lo : lo + 1);
}

/** Decimal places giving 2 significant digits of x (0.8135 -> 2, 5.345 -> 1, 123.4 -> -1). */
export function placesForSignificant(x: number, significant: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  return significant - 1 - Math.floor(Math.log10(Math.abs(x)));
}

export function gradeNumber(typed: TypedNumber, exact: number, rule: NumberRule = {}): NumberVerdict {
  if (!Number.isFinite(typed.value) || !Number.isFinite(exact)) return WRONG;
  if (rule.integer) return Math.abs(typed.value - exact) <= 1e-6 ? CORRECT : WRONG;
  if (sameValue(typed.value, exact)) return CORRECT;
  if (typed.form === 'fraction') return WRONG;
  if (
    typed.form === 'scientific' &&
    Math.abs(typed.value - exact) <= SCIENTIFIC_RELATIVE_TOLERANCE * Math.abs(exact)
  ) {
    return CORRECT;
  }
  if (!roundsTo(typed.scaled, typed.places, exact)) return WRONG;
  const minPlaces = rule.dp ?? placesForSignificant(exact, 2);
  if (typed.places >= minPlaces) return CORRECT;
  // Omitted trailing zeros: "0" for -0.0000016 at 2 places, "0.8" for 0.7999 at 2 places (they read 0.00 and 0.80).
  const padded = typed.scaled * 10 ** (minPlaces - typed.places);
  if (rule.dp !== undefined && Number.isSafeInteger(padded) && roundsTo(padded, minPlaces, exact))
    return CORRECT;
  return { status: 'coarse', requiredDp: Math.max(0, minPlaces) };
}
