/**
 * Cell-by-cell comparison shared by the vector and matrix kinds: each cell is graded by the number rule;
 * credit is the fraction of cells right; the part is 'correct' only when every cell is, 'coarse' when every cell
 * is right but some too coarse, else 'wrong' with the wrong cells (and which of them are right but for the sign).
 */
import { gradeNumber, type NumberRule } from './grade-number.js';
import type { Comparison, KindSlip } from './kind.js';
import { CORRECT } from './kind.js';
import type { Grid } from './parse-array.js';
import type { Cell } from './types.js';

export function compareGrid(rows: Grid, exact: readonly (readonly number[])[], rule: NumberRule): Comparison {
  const wrongCells: Cell[] = [];
  const signCells: Cell[] = [];
  const coarseCells: Cell[] = [];
  let correct = 0;
  let total = 0;
  let requiredDp: number | undefined;
  rows.forEach((row, i) => {
    row.forEach((cell, j) => {
      total++;
      const want = exact[i]?.[j] ?? NaN;
      const v = gradeNumber(cell, want, rule);
      if (v.status === 'correct') correct++;
      else if (v.status === 'coarse') {
        coarseCells.push([i, j]);
        requiredDp = Math.max(requiredDp ?? 0, v.requiredDp);
      } else {
        wrongCells.push([i, j]);
        if (
          want !== 0 &&
          gradeNumber({ ...cell, value: -cell.value, scaled: -cell.scaled }, want, rule).status !== 'wrong'
        )
          signCells.push([i, j]);
      }
    });
  });
  const credit = total === 0 ? 0 : correct / total;
  if (wrongCells.length > 0)
    return { status: 'wrong', credit, wrongCells, signCells, coarseCells, requiredDp };
  if (coarseCells.length > 0) return { status: 'coarse', credit, coarseCells, requiredDp };
  return CORRECT;
}

export function transpose<T>(rows: readonly (readonly T[])[]): T[][] {
  const width = rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, j) => rows.map((row) => row[j] as T));
}

export function isNumberArray(v: unknown): v is readonly number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

export function isNumberGrid(v: unknown): v is readonly (readonly number[])[] {
  return Array.isArray(v) && v.length > 0 && v.every(isNumberArray);
}

/** Rows x columns of a matrix value. */
export function dimsOf(m: readonly (readonly unknown[])[]): [number, number] {
  return [m.length, m[0]?.length ?? 0];
}

/** Every wrong cell is right but for its sign: "entries 1 and 3 have the wrong sign". */
export function signSlip(c: Comparison | undefined, where: (cell: Cell) => string): KindSlip | undefined {
  const wrong = c?.wrongCells ?? [];
  const signs = c?.signCells ?? [];
  if (c?.status !== 'wrong' || wrong.length === 0 || signs.length !== wrong.length) return undefined;
  if (c.credit === 0 || signs.length > 3) {
    return { id: 'sign-error', message: 'Every wrong entry is right but for its sign: check the signs.' };
  }
  const places = signs.map(where);
  return {
    id: 'sign-error',
    message: `${joinWords(places)} ${places.length === 1 ? 'is' : 'are'} right but for the sign.`,
  };
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}
