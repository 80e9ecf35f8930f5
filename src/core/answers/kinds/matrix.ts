/**
 * A matrix: graded cell by cell (partial credit). A matrix that is a single row or column may be typed in either
 * orientation, or as a flat list. The transpose of the answer is named even when the topic did not list it (for a
 * non-square matrix this is also what tells a transposition from a size error).
 */
import { alignRows, DEFAULT_DP, formatFixed, formatMatrix, formatMatrixInline } from '../../format.js';
import { compareGrid, dimsOf, isNumberGrid, signSlip, transpose } from '../grid.js';
import type { AnswerKind, Parsed, TypedOf } from '../kind.js';
import { asFlat, asRows, parseNested, type Grid } from '../parse-array.js';
import { stripLeadIn } from '../parse-number.js';
import { withDecimalCommas } from './vector.js';

export const TRANSPOSED_SLIP = {
  id: 'transposed',
  message:
    'That is the transpose of the right matrix: check which index runs over rows and which over columns.',
} as const;

function readRows(text: string, dims: readonly [number, number]): Parsed<Grid> {
  const r = parseNested(stripLeadIn(text));
  if (!r.ok) return { ok: false, code: r.code === 'division-by-zero' ? r.code : 'not-a-matrix' };
  const rows = asRows(r.items);
  if (rows) {
    const width = rows[0]?.length ?? 0;
    if (width === 0) return { ok: false, code: 'not-a-matrix' };
    if (rows.some((row) => row.length !== width)) return { ok: false, code: 'ragged-matrix' };
    return { ok: true, value: rows };
  }
  const flat = asFlat(r.items);
  if (flat && flat.length > 0) {
    const [m, n] = dims;
    if (m === 1 && flat.length === n) return { ok: true, value: [flat] };
    if (n === 1 && flat.length === m) return { ok: true, value: flat.map((x) => [x]) };
  }
  return { ok: false, code: 'not-a-matrix' };
}

/** A single row or column may be typed in either orientation: turn it to match `target`. */
function orient(rows: Grid, target: readonly (readonly number[])[]): Grid {
  const [m, n] = dimsOf(target);
  const [r, c] = dimsOf(rows);
  if ((m === 1 || n === 1) && m !== n && r === n && c === m) return transpose(rows);
  return rows;
}

/** The expected size, in either orientation (a transpose is graded, and named, rather than refused). */
function sameSize(rows: Grid, [m, n]: readonly [number, number]): boolean {
  const [r, c] = dimsOf(rows);
  return (r === m && c === n) || (r === n && c === m);
}

export const matrixKind: AnswerKind<'matrix'> = {
  kind: 'matrix',
  scalar: false,
  parse(text, expected): Parsed<TypedOf<'matrix'>> {
    const dims = dimsOf(expected.value);
    const plain = readRows(text, dims);
    if (plain.ok && sameSize(plain.value, dims))
      return { ok: true, value: { kind: 'matrix', rows: plain.value } };
    const comma = withDecimalCommas(text);
    if (comma !== undefined) {
      const again = readRows(comma, dims);
      if (again.ok && sameSize(again.value, dims))
        return { ok: true, value: { kind: 'matrix', rows: again.value } };
    }
    return plain.ok ? { ok: true, value: { kind: 'matrix', rows: plain.value } } : plain;
  },
  compare(typed, expected, candidate) {
    if (!isNumberGrid(candidate)) return undefined;
    const rows = orient(typed.rows, candidate);
    const [m, n] = dimsOf(candidate);
    if (rows.length !== m || (rows[0]?.length ?? 0) !== n) return undefined;
    return compareGrid(rows, candidate, expected);
  },
  diagnose(typed, expected, comparison) {
    const t = matrixKind.compare(typed, expected, transpose(expected.value));
    if (t && t.status !== 'wrong') return TRANSPOSED_SLIP;
    return signSlip(comparison, ([i, j]) => `row ${i + 1}, column ${j + 1}`);
  },
  sizeError: 'wrong-dimensions',
  fits: (typed, expected) => sameSize(typed.rows, dimsOf(expected.value)),
  describe: (expected) => `a ${expected.value.length}×${expected.value[0]?.length ?? 0} matrix`,
  format(expected, { exact, block }) {
    if (exact) return JSON.stringify(expected.value).replace(/,/g, ', ');
    const dp = expected.dp;
    if (expected.integer || dp === undefined) {
      return block
        ? formatMatrix(expected.value, DEFAULT_DP)
        : formatMatrixInline(expected.value, DEFAULT_DP);
    }
    const cells = expected.value.map((row) => row.map((x) => formatFixed(x, dp)));
    return block ? alignRows(cells) : `[${cells.map((r) => `[${r.join(', ')}]`).join(', ')}]`;
  },
  numeric: (typed) => typed.rows.map((row) => row.map((c) => c.value)),
};
