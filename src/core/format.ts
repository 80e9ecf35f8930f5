/**
 * Plain-text formatting of values, shared by every renderer (terminal, Telegram <pre>, Discord code blocks, CLI).
 * Pure: no colours, no markup.
 */
import type { Value } from './types.js';

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

/**
 * A value the question asks for to `dp` decimal places, as the exam writes it: fixed notation with exactly `dp`
 * places (0.8135 at 2 -> "0.81", 0.8 at 2 -> "0.80", 2.25e-6 at 4 -> "0.0000"), never scientific notation.
 */
export function formatFixed(x: number, dp: number): string {
  if (!Number.isFinite(x)) return String(x);
  const fixed = x.toFixed(Math.max(0, Math.min(20, dp)));
  return /^-0(?:\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
}

/** A count with thousands grouped, as students read it: 184396800 -> "184,396,800" (typed back either way). */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return formatNumber(n);
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i] ?? '';
  }
  return n < 0 ? `-${out}` : out;
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
  return `[${cellTexts(v, dp).join(', ')}]`;
}

/**
 * Cells of one vector or matrix in one notation: scientific only when every non-zero cell is too small for `dp`
 * places, so a tiny entry is not written 2.25e-6 beside -0.0004.
 */
function cellTexts(cells: readonly number[], dp: number): string[] {
  const tinyOnly = cells.every((x) => x === 0 || Math.abs(x) < 10 ** -dp);
  return cells.map((x) => (tinyOnly ? formatNumber(x, dp) : trimmedFixed(x, dp)));
}

function trimmedFixed(x: number, dp: number): string {
  if (Number.isInteger(x) || !Number.isFinite(x)) return formatNumber(x, dp);
  const fixed = x.toFixed(dp);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A matrix as aligned monospace rows: one line per row, columns right-aligned. */
export function formatMatrix(m: readonly (readonly number[])[], dp: number = DEFAULT_DP): string {
  const tinyOnly = m.every((row) => row.every((x) => x === 0 || Math.abs(x) < 10 ** -dp));
  return alignRows(m.map((row) => row.map((x) => (tinyOnly ? formatNumber(x, dp) : trimmedFixed(x, dp)))));
}

/** Cell texts as aligned monospace rows: `[ 1  -2 ]`, columns right-aligned. */
export function alignRows(cells: readonly (readonly string[])[]): string {
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
