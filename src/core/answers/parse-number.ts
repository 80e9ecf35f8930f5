/**
 * One number as typed, with how it was written: the grading rule depends on the precision the student typed,
 * so the digits are kept, not only the value. Never evaluates anything: a fixed grammar read by regular expressions
 * with no nested quantifiers (linear time).
 *
 * Accepted: 45, +3, -4.7, .81, -.5, 3., 1e-3, 2.5E4, 2.5×10^4, 2.5 x 10^-3, 2.5*10^(-3), 3/4, -1/3, 1.5/2.
 */
import { normalizeAnswer } from './normalize.js';
import type { SyntaxCode } from './types.js';

export interface TypedNumber {
  readonly value: number;
  /**
   * 'decimal': plain digits (45, 0.81); 'scientific': with a power of ten (1e-3, 2.5×10^4); 'fraction': p/q.
   * Decides the comparison rule (see grade-number.ts).
   */
  readonly form: 'decimal' | 'scientific' | 'fraction';
  /**
   * Decimal places the digits stand for: 0.81 -> 2, 45 -> 0, 3534.0 -> 1, 8.1e-1 -> 2, 2.5E4 -> -3 (thousands).
   * 0 for fractions.
   */
  readonly places: number;
  /** The typed digits as an integer, signed: value = scaled / 10^places (0.81 -> 81, 2.5E4 -> 25). */
  readonly scaled: number;
  /** Written as a whole number: digits only, no point, exponent or fraction (ratios 55:294 need it). */
  readonly whole: boolean;
}

export type NumberParse =
  | { readonly ok: true; readonly number: TypedNumber; readonly end: number }
  | { readonly ok: false; readonly code: SyntaxCode };

/** sign, integer digits, fraction digits, e-exponent, or a ×10^ exponent. Sticky, so the tokenizer can reuse it. */
const NUMBER_SRC = String.raw`([+-]?)[ ]*(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+)|[ ]*[x×*·][ ]*10[ ]*\^[ ]*\(?([+-]?\d+)\)?)?`;
const NUMBER_RE = new RegExp(NUMBER_SRC, 'y');
const SLASH_RE = /[ ]*\/[ ]*/y;

interface Mantissa {
  readonly number: TypedNumber;
  readonly end: number;
}

function readMantissa(text: string, at: number): Mantissa | undefined {
  NUMBER_RE.lastIndex = at;
  const m = NUMBER_RE.exec(text);
  if (!m) return undefined;
  const sign = m[1] ?? '';
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  if (int.length === 0 && frac.length === 0) return undefined; // ".", "-", "e5": no digits
  const expText = m[4] ?? m[5];
  const exp = expText === undefined ? 0 : Number(expText);
  const digits = (int + frac).replace(/^0+(?=\d)/, '');
  const value = Number(`${sign}${int || '0'}.${frac || '0'}e${exp}`);
  const scaled = Number(`${sign}${digits}`);
  const whole = expText === undefined && m[3] === undefined && !m[0].includes('.');
  return {
    number: {
      value,
      form: expText === undefined ? 'decimal' : 'scientific',
      places: frac.length - exp,
      scaled,
      whole,
    },
    end: NUMBER_RE.lastIndex,
  };
}

/**
 * Reads one number (possibly a fraction p/q) starting at `at`. Used by the vector/matrix tokenizer and by
 * parseNumber. Fails with 'division-by-zero' for p/0 and 'not-a-number' for non-finite values (1e999).
 */
export function readNumber(text: string, at: number): NumberParse {
  const first = readMantissa(text, at);
  if (!first) return { ok: false, code: 'not-a-number' };
  SLASH_RE.lastIndex = first.end;
  if (SLASH_RE.exec(text)) {
    const den = readMantissa(text, SLASH_RE.lastIndex);
    if (!den) return { ok: false, code: 'not-a-number' };
    if (den.number.value === 0) return { ok: false, code: 'division-by-zero' };
    const value = first.number.value / den.number.value;
    if (!Number.isFinite(value)) return { ok: false, code: 'not-a-number' };
    return {
      ok: true,
      number: { value, form: 'fraction', places: 0, scaled: value, whole: false },
      end: den.end,
    };
  }
  if (!Number.isFinite(first.number.value)) return { ok: false, code: 'not-a-number' };
  return { ok: true, number: first.number, end: first.end };
}

/** Leading words and signs students put before a value: "≈ 0.81", "= 45", "ans: 3". */
const LEAD_IN_RE = /^(?:(?:answer|ans)\b[ ]*[:=]?[ ]*|[≈~=][ ]*)/i;

export function stripLeadIn(text: string): string {
  return text.replace(LEAD_IN_RE, '').trim();
}

/**
 * Integers written with thousands separators: 320,128 / 320 128 / 1,234,567 / 1_000 / 1'000 (one separator kind,
 * groups of exactly three digits). Only integer parts read these: for other parts "320,128" is a malformed answer.
 */
const GROUPED_RE = /^([+-]?)(\d{1,3})([,_ ']|\u2009|\u202F)(\d{3})((?:\3\d{3})*)$/;

export function readGroupedInteger(text: string): TypedNumber | undefined {
  const m = GROUPED_RE.exec(text);
  if (!m) return undefined;
  const digits = text.replace(/[^\d]/g, '');
  const value = Number(`${m[1] ?? ''}${digits}`);
  if (!Number.isSafeInteger(value)) return undefined;
  return { value, form: 'decimal', places: 0, scaled: value, whole: true };
}

/**
 * The text inside one pair of brackets around the whole text ("[0.81]" -> "0.81"), when the inside has no
 * brackets of its own; otherwise the text as it is. Index arithmetic, not a regular expression: a lazy group
 * between two runs of spaces backtracks cubically on long runs of spaces.
 */
export function unwrapBrackets(text: string): string {
  const first = text[0];
  const last = text[text.length - 1];
  if (text.length < 2 || (first !== '[' && first !== '(') || (last !== ']' && last !== ')')) return text;
  const inner = text.slice(1, -1);
  for (const c of inner) if (c === '[' || c === ']' || c === '(' || c === ')') return text;
  return inner.trim();
}

/**
 * A single number answer. Tolerates a lead-in ("≈", "=", "ans:"), a sentence full stop ("0.81."), and one pair of
 * brackets around it ("[0.81]"). With `grouped`, thousands separators are read (integer parts only).
 */
export function parseNumber(
  raw: string,
  options: { readonly grouped?: boolean } = {},
): { readonly ok: true; readonly number: TypedNumber } | { readonly ok: false; readonly code: SyntaxCode } {
  let text = unwrapBrackets(stripLeadIn(normalizeAnswer(raw)));
  // A sentence's full stop after a number ("0.81.", "1e-3.").
  if (text.endsWith('.') && text.length > 1) {
    const bare = text.slice(0, -1);
    const r = readNumber(bare, 0);
    if (r.ok && r.end === bare.length && /[.eE]/.test(bare)) text = bare;
  }
  if (text.length === 0) return { ok: false, code: 'not-a-number' };
  if (options.grouped) {
    const grouped = readGroupedInteger(text);
    if (grouped) return { ok: true, number: grouped };
  }
  const r = readNumber(text, 0);
  if (!r.ok) return r;
  if (r.end !== text.length) return { ok: false, code: 'not-a-number' };
  return { ok: true, number: r.number };
}
