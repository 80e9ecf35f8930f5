/**
 * Plain-text formatting of values, shared by every renderer (terminal, Telegram <pre>, Discord code blocks, CLI).
 * Pure: no colours, no markup.
 */
import type { Expected, Value } from './types.js';

/** Default decimal places shown in worked solutions: enough that rounding does not propagate. */
export const DEFAULT_DP = 4;

/** 0.813541 -> "0.8135"; 3 -> "3"; -0.00001 -> "0"; 1e-7 -> "1e-7"; 16941456 -> "16941456". */
export function formatNumber(x: number, dp: number = DEFAULT_DP): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return Math.abs(x) >= 1e21 ? x.toExponential() : String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && abs < 10 ** -dp) {
    // Tiny but non-zero: show significant digits rather than a misleading 0.
    return trimExponent(x.toExponential(Math.max(1, Math.min(dp, 3) - 1)));
  }
  const fixed = x.toFixed(dp);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

function trimExponent(s: string): string {
  // "1.0e-7" -> "1e-7", "2.50e-6" -> "2.5e-6"
  return s.replace(/\.?0+e/, 'e').replace('e+', 'e');
}

export function isMatrix(v: Value): v is readonly (readonly number[])[] {
  return Array.isArray(v) && v.length > 0 && Array.isArray(v[0]);
}

export function isVector(v: Value): v is readonly number[] {
  return Array.isArray(v) && (v.length === 0 || typeof v[0] === 'number');
}

export function formatVector(v: readonly number[], dp: number = DEFAULT_DP): string {
  return `[${v.map((x) => formatNumber(x, dp)).join(', ')}]`;
}

/** A matrix as aligned monospace rows: one line per row, columns right-aligned. */
export function formatMatrix(m: readonly (readonly number[])[], dp: number = DEFAULT_DP): string {
  const cells = m.map((row) => row.map((x) => formatNumber(x, dp)));
  const cols = Math.max(0, ...cells.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, j) => Math.max(...cells.map((r) => (r[j] ?? '').length)));
  return cells.map((r) => `[ ${r.map((c, j) => c.padStart(widths[j] ?? 0)).join('  ')} ]`).join('\n');
}

/** A matrix on one line, in the syntax students can type back: [[1, 2], [3, 4]]. */
export function formatMatrixInline(m: readonly (readonly number[])[], dp: number = DEFAULT_DP): string {
  return `[${m.map((r) => formatVector(r, dp)).join(', ')}]`;
}

/** Any value on one line (matrices inline). */
export function formatValueInline(v: Value, dp: number = DEFAULT_DP): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v, dp);
  if (isMatrix(v)) return formatMatrixInline(v, dp);
  return formatVector(v, dp);
}

/** Any value, matrices as multi-line aligned blocks. */
export function formatValue(v: Value, dp: number = DEFAULT_DP): string {
  if (isMatrix(v)) return formatMatrix(v, dp);
  return formatValueInline(v, dp);
}

/** True when the value needs a monospace block to read well (a matrix, or a long vector). */
export function isBlockValue(v: Value): boolean {
  return isMatrix(v);
}

/**
 * A part's exact answer written in a syntax the grader reads back (so students can copy it).
 * Display precision (default): numbers at max(DEFAULT_DP, the part's dp), matrices as aligned blocks.
 * `exact: true`: every digit of the exact value, on one line: typing it back is always graded correct.
 */
export function formatExpected(expected: Expected, options: { readonly exact?: boolean } = {}): string {
  const exact = options.exact === true;
  switch (expected.kind) {
    case 'number':
      return exact
        ? String(expected.value)
        : formatNumber(expected.value, Math.max(DEFAULT_DP, expected.dp ?? 0));
    case 'vector':
    case 'matrix':
      return exact
        ? JSON.stringify(expected.value).replace(/,/g, ', ')
        : formatValue(expected.value, Math.max(DEFAULT_DP, expected.dp ?? 0));
    case 'shape':
      return `(${expected.value.join(', ')})`;
    case 'ratio':
      return `${expected.value[0]}:${expected.value[1]}`;
    case 'boolean':
      return expected.value ? 'True' : 'False';
    case 'choice':
      return expected.value;
  }
}
