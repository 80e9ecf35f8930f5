/**
 * Grades one answer part. Total: any string gives a PartGrade (never throws), invalid input is reported with a
 * syntax code and is not counted as wrong. The number rule is in grade-number.ts; here: how each kind of value is
 * compared, partial credit, and slip recognition.
 *
 * - Vectors and matrices: each cell is graded by the number rule. credit = fraction of cells correct; the part is
 *   'correct' only when every cell is, 'coarse' when every cell is right but some too coarse, else 'wrong' with
 *   `wrongCells` (and `coarseCells`). A vector or matrix of the wrong size is 'invalid' ('wrong-length',
 *   'wrong-dimensions') unless its size and values match a listed slip or the transpose.
 *   A matrix that is a single row or column may be typed in either orientation, or as a flat list.
 * - Ratios a:b: two whole numbers must give the same ratio (55:294 = 110:588); 1:q and p:1 grade q (or p) as a
 *   number against b/a (or a/b) at the precision the part asks, converted to significant digits (1:5.345 for
 *   55:294 at dp 4); other decimal pairs within 1e-3 relative; a single number or fraction is graded as a/b.
 * - Shapes: the exact tuple (a different rank is wrong, not invalid). Booleans and options: equality.
 * - Slips: when the answer is wrong, it is compared with each listed slip's value by the same rule; the first that
 *   matches is named. A matrix equal to the transpose of the answer is named 'transposed' even when the topic did
 *   not list it (for a non-square matrix this is also what tells a transposition from a size error).
 */
import type { AnswerPart, Expected, Slip } from '../types.js';
import { describeExpected } from './describe.js';
import {
  gradeNumber,
  placesForSignificant,
  sameValue,
  type NumberRule,
  type NumberVerdict,
} from './grade-number.js';
import { MAX_ANSWER_LENGTH } from './limits.js';
import { normalizeAnswer } from './normalize.js';
import type { Grid } from './parse-array.js';
import { dimsOf, parseValue, type TypedValue } from './parse-value.js';
import type { PartGrade, PartStatus, SyntaxCode } from './types.js';

/** The slip named automatically when a matrix answer is the transpose of the right one. */
export const TRANSPOSED_SLIP: Omit<Slip, 'value'> = {
  id: 'transposed',
  message:
    'That is the transpose of the right matrix: check which index runs over rows and which over columns.',
};

type Cell = readonly [number, number];

interface Outcome {
  readonly status: Exclude<PartStatus, 'invalid'>;
  readonly credit: number;
  readonly requiredDp?: number | undefined;
  readonly wrongCells?: readonly Cell[] | undefined;
  readonly coarseCells?: readonly Cell[] | undefined;
  readonly slip?: { readonly id: string; readonly message: string } | undefined;
}

type Verdict = Outcome | { readonly status: 'invalid'; readonly code: SyntaxCode };

const WRONG: Outcome = { status: 'wrong', credit: 0 };
const CORRECT: Outcome = { status: 'correct', credit: 1 };

export function gradePart(part: AnswerPart, typed: string): PartGrade {
  const shown = typed.trim();
  if (shown.length > MAX_ANSWER_LENGTH) {
    return invalid(part, shown.slice(0, MAX_ANSWER_LENGTH), 'too-long');
  }
  const text = stripOwnLabel(normalizeAnswer(shown), part.id);
  if (text.length === 0) return invalid(part, shown, 'empty');
  const parsed = parseValue(text, part.expected);
  if (!parsed.ok) return invalid(part, shown, parsed.code);
  const verdict = gradeValue(parsed.value, part.expected, part.slips ?? []);
  if (verdict.status === 'invalid') return invalid(part, shown, verdict.code);
  return {
    partId: part.id,
    status: verdict.status,
    credit: verdict.credit,
    typed: shown,
    ...(verdict.requiredDp !== undefined ? { requiredDp: verdict.requiredDp } : {}),
    ...(verdict.wrongCells && verdict.wrongCells.length > 0 ? { wrongCells: verdict.wrongCells } : {}),
    ...(verdict.coarseCells && verdict.coarseCells.length > 0 ? { coarseCells: verdict.coarseCells } : {}),
    ...(verdict.slip ? { slip: verdict.slip } : {}),
  };
}

function invalid(part: AnswerPart, typed: string, code: SyntaxCode): PartGrade {
  return {
    partId: part.id,
    status: 'invalid',
    credit: 0,
    typed,
    syntax: { code, expected: describeExpected(part.expected) },
  };
}

const ownLabelCache = new Map<string, RegExp>();

/** "a) 45", "(a) 45", "a: 45", "a = 45" given to the part "a" itself: the label is dropped (not when alone). */
function stripOwnLabel(text: string, id: string): string {
  let re = ownLabelCache.get(id);
  if (re === undefined) {
    const e = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`^(?:part\\s*)?(?:\\(\\s*${e}\\s*\\)|${e}\\s*\\)|${e}\\s*[:=])\\s*`, 'i');
    if (ownLabelCache.size > 500) ownLabelCache.clear();
    ownLabelCache.set(id, re);
  }
  const m = re.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length).trim();
  return rest.length > 0 ? rest : text;
}

function fromNumberVerdict(v: NumberVerdict): Outcome {
  if (v.status === 'correct') return CORRECT;
  if (v.status === 'coarse') return { status: 'coarse', credit: 0, requiredDp: v.requiredDp };
  return WRONG;
}

function gradeValue(typed: TypedValue, expected: Expected, slips: readonly Slip[]): Verdict {
  const outcome = gradeAgainst(typed, expected, expected.value);
  if (outcome === undefined) return sizeMismatch(typed, expected, slips);
  if (outcome.status !== 'wrong') return outcome;
  const slip = findSlip(typed, expected, slips);
  return slip ? { ...outcome, slip } : outcome;
}

/**
 * Grades `typed` against `value` (the exact answer or a slip's value) under the rules of `expected`.
 * undefined when the sizes differ or `value` is not of the expected kind (a malformed slip).
 */
function gradeAgainst(typed: TypedValue, expected: Expected, value: unknown): Outcome | undefined {
  switch (expected.kind) {
    case 'number':
      if (typed.kind !== 'number' || typeof value !== 'number') return undefined;
      return fromNumberVerdict(gradeNumber(typed.number, value, expected));
    case 'vector': {
      if (typed.kind !== 'vector' || !isNumberArray(value) || value.length !== typed.cells.length)
        return undefined;
      return gradeGrid([typed.cells], [value], expected);
    }
    case 'matrix': {
      if (typed.kind !== 'matrix' || !isNumberGrid(value)) return undefined;
      const rows = orient(typed.rows, value);
      const [m, n] = dimsOf(value);
      if (rows.length !== m || (rows[0]?.length ?? 0) !== n) return undefined;
      return gradeGrid(rows, value, expected);
    }
    case 'shape':
      if (typed.kind !== 'shape' || !isNumberArray(value)) return undefined;
      return typed.dims.length === value.length && typed.dims.every((d, i) => d === value[i])
        ? CORRECT
        : WRONG;
    case 'ratio':
      if (typed.kind !== 'ratio' || !isNumberArray(value) || value.length !== 2) return undefined;
      return fromNumberVerdict(gradeRatio(typed, value[0] ?? NaN, value[1] ?? NaN, expected.dp));
    case 'boolean':
      if (typed.kind !== 'boolean' || typeof value !== 'boolean') return undefined;
      return typed.value === value ? CORRECT : WRONG;
    case 'choice':
      if (typed.kind !== 'choice' || typeof value !== 'string') return undefined;
      return typed.option.trim().toLowerCase() === value.trim().toLowerCase() ? CORRECT : WRONG;
  }
}

function isNumberArray(v: unknown): v is readonly number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

function isNumberGrid(v: unknown): v is readonly (readonly number[])[] {
  return Array.isArray(v) && v.length > 0 && v.every(isNumberArray);
}

/** A single row or column may be typed in either orientation: turn it to match `target`. */
function orient(rows: Grid, target: readonly (readonly number[])[]): Grid {
  const [m, n] = dimsOf(target);
  const [r, c] = dimsOf(rows);
  if ((m === 1 || n === 1) && m !== n && r === n && c === m) return transpose(rows);
  return rows;
}

export function transpose<T>(rows: readonly (readonly T[])[]): T[][] {
  const width = rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, j) => rows.map((row) => row[j] as T));
}

function gradeGrid(rows: Grid, exact: readonly (readonly number[])[], rule: NumberRule): Outcome {
  const wrongCells: Cell[] = [];
  const coarseCells: Cell[] = [];
  let correct = 0;
  let total = 0;
  let requiredDp: number | undefined;
  rows.forEach((row, i) => {
    row.forEach((cell, j) => {
      total++;
      const v = gradeNumber(cell, exact[i]?.[j] ?? NaN, rule);
      if (v.status === 'correct') correct++;
      else if (v.status === 'coarse') {
        coarseCells.push([i, j]);
        requiredDp = Math.max(requiredDp ?? 0, v.requiredDp);
      } else wrongCells.push([i, j]);
    });
  });
  const credit = total === 0 ? 0 : correct / total;
  if (wrongCells.length > 0) return { status: 'wrong', credit, wrongCells, coarseCells, requiredDp };
  if (coarseCells.length > 0) return { status: 'coarse', credit, coarseCells, requiredDp };
  return CORRECT;
}

function gradeRatio(
  typed: Extract<TypedValue, { kind: 'ratio' }>,
  a: number,
  b: number,
  dp: number | undefined,
): NumberVerdict {
  const exact = a / b;
  const { left, right } = typed;
  if (right === undefined) return gradeNumber(left, exact, { dp });
  if (left.whole && right.whole)
    return sameValue(left.value * b, right.value * a) ? { status: 'correct' } : { status: 'wrong' };
  // 1:q and p:1 are a decimal in disguise; ask for as many significant digits as dp gives a/b.
  const significant = dp === undefined ? undefined : dp - placesForSignificant(exact, 1) + 1;
  const dpFor = (x: number): number | undefined =>
    significant === undefined ? undefined : Math.max(0, placesForSignificant(x, significant));
  if (sameValue(left.value, 1)) return gradeNumber(right, b / a, { dp: dpFor(b / a) });
  if (sameValue(right.value, 1)) return gradeNumber(left, exact, { dp });
  const ratio = left.value / right.value;
  return Math.abs(ratio - exact) <= 1e-3 * Math.abs(exact) ? { status: 'correct' } : { status: 'wrong' };
}

function findSlip(
  typed: TypedValue,
  expected: Expected,
  slips: readonly Slip[],
): { readonly id: string; readonly message: string } | undefined {
  for (const slip of slips) {
    const o = gradeAgainst(typed, expected, slip.value);
    if (o && o.status !== 'wrong') return { id: slip.id, message: slip.message };
  }
  if (expected.kind === 'matrix' && typed.kind === 'matrix') {
    const t = transpose(expected.value);
    const o = gradeAgainst(typed, expected, t);
    if (o && o.status !== 'wrong') return { id: TRANSPOSED_SLIP.id, message: TRANSPOSED_SLIP.message };
  }
  return undefined;
}

/** Sizes differ from the answer: a listed slip or a transposition of that size is wrong; anything else invalid. */
function sizeMismatch(typed: TypedValue, expected: Expected, slips: readonly Slip[]): Verdict {
  const slip = findSlip(typed, expected, slips);
  if (slip) return { ...WRONG, slip };
  if (expected.kind === 'vector') return { status: 'invalid', code: 'wrong-length' };
  if (expected.kind === 'matrix') return { status: 'invalid', code: 'wrong-dimensions' };
  // Other kinds cannot differ in size; a kind mismatch means the part itself is malformed.
  throw new Error(`gradePart: expected value of part does not match its kind '${expected.kind}'`);
}
