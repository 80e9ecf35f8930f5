/**
 * Number helpers shared by the dense topics: exact values on a decimal grid, rounding-tie detection for rejecting
 * draws, and the small formatting pieces of worked solutions.
 */
import { formatNumber, formatVector } from '../../format.js';

/**
 * Removes binary floating-point noise from a value that is exactly representable in decimal with few places
 * (1.2400000000000002 -> 1.24) and turns -0 into 0. Only for answers computed from one-decimal inputs by + - ×.
 */
export function tidy(x: number): number {
  const v = Number(x.toFixed(10));
  return v === 0 ? 0 : v;
}

export function tidyVector(v: readonly number[]): number[] {
  return v.map(tidy);
}

/** Decimal places needed to write x exactly (for tidy values), e.g. 0.125 -> 3, 2 -> 0. */
export function decimalsOf(x: number): number {
  const s = String(tidy(x));
  if (s.includes('e')) return 10;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * True when x sits so close to a rounding midpoint at `dp` places (…5 in the next digit) that a student who carried
 * slightly rounded intermediates could honestly round it the other way. `band` is in units of the last place: 0.02
 * covers a student who carries 4 significant digits through a few multiplications.
 */
export function nearRoundingTie(x: number, dp: number, band = 0.02): boolean {
  const scaled = Math.abs(x) * 10 ** dp;
  const frac = scaled - Math.floor(scaled);
  return Math.abs(frac - 0.5) < band;
}

/** True when x rounds to 0 at `dp` places. */
export function roundsToZero(x: number, dp: number): boolean {
  return Math.abs(x) < 0.5 * 10 ** -dp;
}

/** A number for a substitution: negatives in parentheses so "2 × (−1.2)" reads unambiguously. */
export function term(x: number, dp?: number): string {
  const s = formatNumber(x, dp);
  return x < 0 && s !== '0' ? `(${s})` : s;
}

export function fmt(x: number, dp?: number): string {
  return formatNumber(x, dp);
}

export function fmtVec(v: readonly number[], dp?: number): string {
  return formatVector(v, dp);
}

/** "1 decimal place" / "3 decimal places". */
export function places(dp: number): string {
  return dp === 1 ? '1 decimal place' : `${dp} decimal places`;
}

/** Unicode subscript digits for labels: 12 -> "₁₂". */
export function sub(n: number): string {
  return String(n).replace(/\d/g, (c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)] ?? c);
}

/** Largest absolute difference between two values of the same shape (Infinity when the shapes differ). */
export function maxDifference(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b);
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.reduce((m: number, x: unknown, i) => Math.max(m, maxDifference(x, b[i])), 0);
  }
  return Infinity;
}

/**
 * Keeps only the slips whose value a student could tell apart from the correct answer and from every earlier slip
 * at `dp` decimal places (differing by at least one unit in the last place asked).
 */
export function distinctSlips<T extends { readonly value: unknown }>(
  correct: unknown,
  slips: readonly T[],
  dp: number,
): T[] {
  const kept: T[] = [];
  const unit = 10 ** -dp;
  for (const s of slips) {
    if (maxDifference(s.value, correct) < unit) continue;
    if (kept.some((k) => maxDifference(k.value, s.value) < unit)) continue;
    kept.push(s);
  }
  return kept;
}
