/**
 * Reads a typed answer as the kind of value a part expects. Pure and total: every input gives a value or a
 * syntax code, nothing is evaluated, nothing throws.
 */
import type { Expected } from '../types.js';
import { normalizeAnswer } from './normalize.js';
import { asFlat, asRows, parseNested, stripWrappers, type Grid } from './parse-array.js';
import { parseNumber, readNumber, stripLeadIn, type TypedNumber } from './parse-number.js';
import type { SyntaxCode } from './types.js';

export type TypedValue =
  | { readonly kind: 'number'; readonly number: TypedNumber }
  | { readonly kind: 'vector'; readonly cells: readonly TypedNumber[] }
  /** Rows of equal length (ragged input is refused while parsing). */
  | { readonly kind: 'matrix'; readonly rows: Grid }
  | { readonly kind: 'shape'; readonly dims: readonly number[] }
  /** p:q as typed, or a single number (a decimal or fraction standing for p/q). */
  | { readonly kind: 'ratio'; readonly left: TypedNumber; readonly right?: TypedNumber }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** The option as listed in the part (its own spelling). */
  | { readonly kind: 'choice'; readonly option: string };

export type ValueParse =
  { readonly ok: true; readonly value: TypedValue } | { readonly ok: false; readonly code: SyntaxCode };

function fail(code: SyntaxCode): ValueParse {
  return { ok: false, code };
}

/** A number answer; integer parts also read thousands separators (320,128 or 320 128). */
export function parseNumberAnswer(text: string, integer = false): ValueParse {
  const r = parseNumber(text, { grouped: integer });
  return r.ok ? { ok: true, value: { kind: 'number', number: r.number } } : fail(r.code);
}

/**
 * A vector. Accepts a flat list, and a single row or column written as a matrix ([[1.3], [-4.7]] or
 * [[1.3, -4.7]]). Its length is not checked here: the grader tells a slip from a 'wrong-length'.
 */
export function parseVector(text: string): ValueParse {
  const r = parseNested(stripLeadIn(text));
  if (!r.ok) return fail(r.code === 'division-by-zero' ? r.code : 'not-a-vector');
  let cells = asFlat(r.items);
  if (!cells) {
    const rows = asRows(r.items);
    if (rows && rows.every((row) => row.length === 1)) cells = rows.map((row) => row[0] as TypedNumber);
    else if (rows && rows.length === 1) cells = rows[0];
  }
  if (!cells || cells.length === 0) return fail('not-a-vector');
  return { ok: true, value: { kind: 'vector', cells } };
}

/**
 * A matrix. Rows must have equal lengths ('ragged-matrix'). A flat list is accepted as a matrix only when the
 * expected matrix is a single row or column of that length (then orientation does not matter).
 */
export function parseMatrix(text: string, dims?: readonly [number, number]): ValueParse {
  const r = parseNested(stripLeadIn(text));
  if (!r.ok) return fail(r.code === 'division-by-zero' ? r.code : 'not-a-matrix');
  const rows = asRows(r.items);
  if (rows) {
    const width = rows[0]?.length ?? 0;
    if (width === 0) return fail('not-a-matrix');
    if (rows.some((row) => row.length !== width)) return fail('ragged-matrix');
    return { ok: true, value: { kind: 'matrix', rows } };
  }
  const flat = asFlat(r.items);
  if (flat && flat.length > 0 && dims) {
    const [m, n] = dims;
    if (m === 1 && flat.length === n) return { ok: true, value: { kind: 'matrix', rows: [flat] } };
    if (n === 1 && flat.length === m)
      return { ok: true, value: { kind: 'matrix', rows: flat.map((x) => [x]) } };
  }
  return fail('not-a-matrix');
}

const SHAPE_TIMES_RE = /^\d+(?:\s*[x×X*]\s*\d+)+$/;

/** A tensor shape: (2, 1, 3), 2x1x3, 2×1×3, [2,1,3], torch.Size([2, 1, 3]), (5,), () for a scalar. */
export function parseShape(text: string): ValueParse {
  let t = stripWrappers(stripLeadIn(normalizeAnswer(text)).replace(/^(?:shape|size)(?:\s*[:=]\s*|\s+)/i, ''));
  if (SHAPE_TIMES_RE.test(t)) t = t.replace(/\s*[x×X*]\s*/g, ',');
  if (/^[[(]\s*[\])]$/.test(t)) return { ok: true, value: { kind: 'shape', dims: [] } };
  const r = parseNested(t);
  if (!r.ok) return fail('not-a-shape');
  const cells = asFlat(r.items);
  if (!cells || cells.length === 0) return fail('not-a-shape');
  if (!cells.every((c) => c.whole && c.value >= 0 && Number.isSafeInteger(c.value)))
    return fail('not-a-shape');
  return { ok: true, value: { kind: 'shape', dims: cells.map((c) => c.value) } };
}

const RATIO_RE = /^([^:]+):([^:]+)$/;

/** A ratio: 55:294, 55 : 294, 1:5.345, or one number standing for p/q (0.1871, 55/294). */
export function parseRatio(text: string): ValueParse {
  const t = stripLeadIn(text);
  const m = RATIO_RE.exec(t);
  if (!m) {
    const single = parseNumber(t);
    if (!single.ok) return fail(single.code === 'division-by-zero' ? single.code : 'not-a-ratio');
    return { ok: true, value: { kind: 'ratio', left: single.number } };
  }
  const left = readWhole(m[1] ?? '');
  const right = readWhole(m[2] ?? '');
  if (!left || !right) return fail('not-a-ratio');
  if (right.value === 0) return fail('division-by-zero');
  return { ok: true, value: { kind: 'ratio', left, right } };
}

function readWhole(text: string): TypedNumber | undefined {
  const t = text.trim();
  const r = readNumber(t, 0);
  return r.ok && r.end === t.length && r.number.form !== 'fraction' ? r.number : undefined;
}

const TRUE_WORDS = new Set(['t', 'true', 'yes', 'y', 'correct', 'right']);
const FALSE_WORDS = new Set(['f', 'false', 'no', 'n', 'incorrect', 'wrong']);

/** T, F, true, false, yes, no (any case), optionally in brackets or with a full stop. */
export function parseBoolean(text: string): ValueParse {
  const t = bareWord(text);
  if (TRUE_WORDS.has(t)) return { ok: true, value: { kind: 'boolean', value: true } };
  if (FALSE_WORDS.has(t)) return { ok: true, value: { kind: 'boolean', value: false } };
  return fail('not-true-false');
}

/** An option letter: B, b, (b), b), b., [b], option B, answer: B. Matched case-insensitively against `options`. */
export function parseChoice(text: string, options: readonly string[]): ValueParse {
  const t = bareWord(text.replace(/^\s*(?:option|opt|choice|answer|ans)\b\s*[:=]?\s*/i, ''));
  const option = options.find((o) => o.trim().toLowerCase() === t);
  return option === undefined ? fail('not-an-option') : { ok: true, value: { kind: 'choice', option } };
}

/** Lower-cased single word without surrounding brackets, trailing ")", "." or "!" (for booleans and options). */
function bareWord(text: string): string {
  let t = normalizeAnswer(text).toLowerCase();
  t = t.replace(/[.!]+$/, '').trim();
  const wrapped = /^[[(]\s*([^\])]*?)\s*[\])]$/.exec(t);
  if (wrapped) t = wrapped[1] ?? '';
  else t = t.replace(/\)$/, '').trim();
  return t;
}

/** Rows x columns of a matrix value. */
export function dimsOf(m: readonly (readonly unknown[])[]): [number, number] {
  return [m.length, m[0]?.length ?? 0];
}

/**
 * Reads `text` as the kind of value `expected` describes. Text is normalised first (Unicode minus, code fences...).
 * Sizes are not checked here (the grader compares them with the exact value and with known slips).
 */
export function parseValue(text: string, expected: Expected): ValueParse {
  const t = normalizeAnswer(text);
  if (t.length === 0) return fail('empty');
  switch (expected.kind) {
    case 'number':
      return parseNumberAnswer(t, expected.integer === true);
    case 'vector':
      return parseVector(t);
    case 'matrix':
      return parseMatrix(t, dimsOf(expected.value));
    case 'shape':
      return parseShape(t);
    case 'ratio':
      return parseRatio(t);
    case 'boolean':
      return parseBoolean(t);
    case 'choice':
      return parseChoice(t, expected.options);
  }
}
