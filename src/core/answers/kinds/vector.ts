/**
 * A vector: graded cell by cell (partial credit), typed as a flat list or as a single row or column.
 * A decimal comma ("0,86 -1") is read when only that reading gives the expected length.
 */
import { DEFAULT_DP, formatFixed, formatVector } from '../../format.js';
import { compareGrid, isNumberArray, signSlip } from '../grid.js';
import type { AnswerKind, Parsed, TypedOf } from '../kind.js';
import { asFlat, asRows, parseNested } from '../parse-array.js';
import { stripLeadIn, type TypedNumber } from '../parse-number.js';

function readCells(text: string): Parsed<readonly TypedNumber[]> {
  const r = parseNested(stripLeadIn(text));
  if (!r.ok) return { ok: false, code: r.code === 'division-by-zero' ? r.code : 'not-a-vector' };
  let cells = asFlat(r.items);
  if (!cells) {
    const rows = asRows(r.items);
    if (rows && rows.every((row) => row.length === 1)) cells = rows.map((row) => row[0] as TypedNumber);
    else if (rows && rows.length === 1) cells = rows[0];
  }
  if (!cells || cells.length === 0) return { ok: false, code: 'not-a-vector' };
  return { ok: true, value: cells };
}

/** "0,86 -1" read with decimal commas, when the text has no decimal point. */
export function withDecimalCommas(text: string): string | undefined {
  if (text.includes('.') || !/\d,\d/.test(text)) return undefined;
  return text.replace(/(\d),(?=\d)/g, '$1.');
}

export const vectorKind: AnswerKind<'vector'> = {
  kind: 'vector',
  scalar: false,
  parse(text, expected): Parsed<TypedOf<'vector'>> {
    const plain = readCells(text);
    if (plain.ok && plain.value.length === expected.value.length) {
      return { ok: true, value: { kind: 'vector', cells: plain.value } };
    }
    const comma = withDecimalCommas(text);
    if (comma !== undefined) {
      const again = readCells(comma);
      if (again.ok && again.value.length === expected.value.length)
        return { ok: true, value: { kind: 'vector', cells: again.value } };
    }
    return plain.ok ? { ok: true, value: { kind: 'vector', cells: plain.value } } : plain;
  },
  compare(typed, expected, candidate) {
    if (!isNumberArray(candidate) || candidate.length !== typed.cells.length) return undefined;
    return compareGrid([typed.cells], [candidate], expected);
  },
  diagnose(typed, expected, comparison) {
    const n = typed.cells.length;
    if (n === expected.value.length && n > 1) {
      const reversed = compareGrid([[...typed.cells].reverse()], [expected.value], expected);
      if (reversed.status !== 'wrong')
        return { id: 'reversed-order', message: 'Those are the right entries in reverse order.' };
    }
    return signSlip(comparison, ([, j]) => `entry ${j + 1}`);
  },
  sizeError: 'wrong-length',
  fits: (typed, expected) => typed.cells.length === expected.value.length,
  describe(expected) {
    const n = expected.value.length;
    const what = expected.integer ? 'whole number' : 'number';
    return `a vector of ${n} ${n === 1 ? what : `${what}s`}`;
  },
  format(expected, { exact }) {
    if (exact) return JSON.stringify(expected.value).replace(/,/g, ', ');
    const dp = expected.dp;
    if (expected.integer || dp === undefined) return formatVector(expected.value, DEFAULT_DP);
    return `[${expected.value.map((x) => formatFixed(x, dp)).join(', ')}]`;
  },
  numeric: (typed) => typed.cells.map((c) => c.value),
};
