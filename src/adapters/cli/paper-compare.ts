/**
 * Compares an answer printed in the seed file of worked solutions with the answer computed from the paper's
 * parameters, by the grading module's own rule: the printed value, written with the digits it was printed with,
 * is graded like a student's answer (right when it correctly rounds the exact value at the printed precision).
 */
import { gradePart } from '../../core/answers/index.js';
import { formatFixed, formatNumber } from '../../core/format.js';
import type { PrintedAnswer } from '../../core/paper/types.js';
import type { Part, Expected, Value } from '../../core/types.js';

export type Agreement =
  /** The printed value correctly rounds the computed one at the printed precision. */
  | 'agrees'
  /** Same, but printed more coarsely than the grader accepts from a student (it would ask for more digits). */
  | 'agrees-coarsely'
  | 'differs'
  /** Symbolic printed answer (a formula), or a form that cannot be compared. */
  | 'not-compared'
  /** The printed answer names a part the topic does not have (a data error). */
  | 'unknown-part';

export interface Comparison {
  readonly partId: string;
  readonly label: string;
  readonly printedText: string;
  /** The printed value as graded (digits as printed), when there is one. */
  readonly printedValue?: string;
  /** The exact computed answer. */
  readonly computed?: string;
  /** The computed answer rounded like the printed one (same decimal places). */
  readonly computedAtPrintedPrecision?: string;
  readonly status: Agreement;
  /** One sentence for the reader. */
  readonly detail: string;
}

/** A printed answer that has a transcribed value. */
type NumericPrinted = PrintedAnswer & { readonly value: Value };

/** A printed number with the decimal places it was printed with. */
interface PrintedNumber {
  readonly value: number;
  readonly places: number;
}

const NUMBER_TOKEN = /[-−]?\d+(?:\.\d+)?/g;

function placesOf(token: string): number {
  const dot = token.indexOf('.');
  return dot === -1 ? 0 : token.length - dot - 1;
}

/** Decimal places of a number's shortest representation: 0.8 -> 1, 45 -> 0, 1e-7 -> 7. */
function shortestPlaces(x: number): number {
  const s = String(Math.abs(x));
  const exp = /e-(\d+)$/.exec(s);
  if (exp !== null) return Number(exp[1]) + placesOf(s.replace(/e-\d+$/, ''));
  return placesOf(s);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The printed cells with their printed precision. The value loses trailing zeros (0.80 is 0.8), so the places are
 * the printed answer's `dp` when the transcription gives it, else read from the printed text when its last numbers
 * are the value's cells in order, else the digits of the value itself.
 */
function printedCells(cells: readonly number[], text: string, dp: number | undefined): PrintedNumber[] {
  if (dp !== undefined) return cells.map((value) => ({ value, places: dp }));
  const tokens = (text.match(NUMBER_TOKEN) ?? []).map((t) => t.replace('−', '-'));
  const tail = tokens.slice(-cells.length);
  const fromText =
    tail.length === cells.length && tail.every((t, i) => close(Number(t), cells[i] ?? Number.NaN));
  return cells.map((value, i) => ({
    value,
    places: fromText ? placesOf(tail[i] ?? '') : shortestPlaces(value),
  }));
}

function digits(n: PrintedNumber): string {
  return n.value.toFixed(Math.min(20, n.places));
}

function flatten(value: Value): number[] | undefined {
  if (typeof value === 'number') return [value];
  if (typeof value === 'string') return undefined;
  return (value as readonly (number | readonly number[])[]).flatMap((x) =>
    typeof x === 'number' ? [x] : [...x],
  );
}

/** The exact answer's numbers in row order, for numeric kinds. */
function expectedCells(expected: Expected): number[] | undefined {
  switch (expected.kind) {
    case 'number':
      return [expected.value];
    case 'vector':
    case 'shape':
    case 'ratio':
      return [...expected.value];
    case 'matrix':
      return expected.value.flatMap((r) => [...r]);
    case 'boolean':
    case 'choice':
      return undefined;
  }
}

/** The printed value written out as a student would type it, keeping the printed digits. */
function typedFromPrinted(printed: NumericPrinted, expected: Expected): string {
  const { value, text, dp } = printed;
  if (typeof value === 'string') return value;
  const cells = printedCells(flatten(value) ?? [], text, dp);
  const typed = cells.map(digits);
  if (typeof value === 'number') return typed[0] ?? '';
  switch (expected.kind) {
    case 'shape':
      return `(${typed.join(', ')})`;
    case 'ratio':
      return typed.join(':');
    case 'vector':
      // A printed column or row vector ([[a], [b]]) is just a vector.
      return `[${typed.join(', ')}]`;
    default:
      break;
  }
  if (Array.isArray(value[0])) {
    const rows = value as readonly (readonly number[])[];
    let k = 0;
    return `[${rows.map((r) => `[${r.map(() => typed[k++] ?? '').join(', ')}]`).join(', ')}]`;
  }
  return `[${typed.join(', ')}]`;
}

/** The computed answer written with the printed answer's decimal places, cell by cell. */
function roundedLike(expected: Expected, printed: NumericPrinted): string | undefined {
  if (typeof printed.value === 'string') return undefined;
  const exact = expectedCells(expected);
  const cells = printedCells(flatten(printed.value) ?? [], printed.text, printed.dp);
  if (exact === undefined || exact.length !== cells.length) return undefined;
  const out = exact.map((x, i) => formatFixed(x, cells[i]?.places ?? 4));
  if (expected.kind === 'number') return out[0] ?? '';
  if (expected.kind === 'matrix') {
    let k = 0;
    return `[${expected.value.map((r) => `[${r.map(() => out[k++] ?? '').join(', ')}]`).join(', ')}]`;
  }
  if (expected.kind === 'shape') return `(${out.join(', ')})`;
  if (expected.kind === 'ratio') return out.join(':');
  return `[${out.join(', ')}]`;
}

/** The computed answer to 6 significant decimals, to judge a printed answer (an instructor view, not a student one). */
function computedText(expected: Expected): string {
  switch (expected.kind) {
    case 'number':
      return expected.integer ? String(expected.value) : formatNumber(expected.value, 6);
    case 'vector':
      return `[${expected.value.map((x) => formatNumber(x, 6)).join(', ')}]`;
    case 'shape':
      return `(${expected.value.join(', ')})`;
    case 'matrix':
      return `[${expected.value.map((r) => `[${r.map((x) => formatNumber(x, 6)).join(', ')}]`).join(', ')}]`;
    case 'ratio':
      return `${expected.value[0]}:${expected.value[1]}`;
    case 'boolean':
      return expected.value ? 'True' : 'False';
    case 'choice':
      return expected.value;
  }
}

function cellList(cells: readonly (readonly [number, number])[], expected: Expected): string {
  const matrix = expected.kind === 'matrix';
  return cells.map(([r, c]) => (matrix ? `(${r + 1},${c + 1})` : `${c + 1}`)).join(', ');
}

export function comparePrinted(parts: readonly Part[], printed: PrintedAnswer): Comparison {
  const part = parts.find((p) => p.id === printed.partId);
  const base = { partId: printed.partId, printedText: printed.text };
  if (part === undefined) {
    return {
      ...base,
      label: printed.partId,
      status: 'unknown-part',
      detail: `the topic has no part "${printed.partId}" (parts: ${parts.map((p) => p.id).join(', ')})`,
    };
  }
  const computed = computedText(part.expected);
  const common = { ...base, label: part.name, computed };
  const { value } = printed;
  if (value === undefined) {
    return {
      ...common,
      status: 'not-compared',
      detail: 'symbolic answer: compare it with the worked solution',
    };
  }
  const typed = typedFromPrinted({ ...printed, value }, part.expected);
  const rounded = roundedLike(part.expected, { ...printed, value });
  const withValues = {
    ...common,
    printedValue: typed,
    ...(rounded === undefined ? {} : { computedAtPrintedPrecision: rounded }),
  };
  const grade = gradePart(part, typed);
  switch (grade.status) {
    case 'correct':
      return { ...withValues, status: 'agrees', detail: 'agrees' };
    case 'coarse':
      return {
        ...withValues,
        status: 'agrees-coarsely',
        detail: `agrees at the printed precision (a student would be asked for ${grade.requiredDp ?? 'more'} decimal places${part.expected.kind === 'number' ? '' : ' in every entry'})`,
      };
    case 'wrong': {
      const where =
        grade.wrongCells && grade.wrongCells.length > 0 && part.expected.kind !== 'number'
          ? ` (entries ${cellList(grade.wrongCells, part.expected)})`
          : '';
      const slip = grade.slip ? ` Likely slip: ${grade.slip.message}` : '';
      const shown =
        rounded === undefined || rounded === computed
          ? computed
          : `${rounded} at the printed precision (exact ${computed})`;
      return {
        ...withValues,
        status: 'differs',
        detail: `DIFFERS${where}: printed ${typed}, computed ${shown}.${slip}`,
      };
    }
    case 'invalid': {
      const code = grade.syntax?.code ?? 'unreadable';
      if (code === 'wrong-length' || code === 'wrong-dimensions') {
        return {
          ...withValues,
          status: 'differs',
          detail: `DIFFERS: the printed answer has a different size (${grade.syntax?.expected ?? ''} expected)`,
        };
      }
      return { ...withValues, status: 'not-compared', detail: `could not compare (${code})` };
    }
  }
}
