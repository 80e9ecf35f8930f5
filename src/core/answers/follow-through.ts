/**
 * Follow-through marking: a later part is right when it follows correctly from the student's own route, as
 * examiners mark it. Three routes besides the exact one, each a Carry handed to the topic's route():
 *
 * - rounded: every value carried forward (the parts' values and the intermediates) rounded to the asked
 *   precision, as a student who rounds each step to the decimals asked would compute;
 * - the student's: the values the student gave for other parts carried forward as they gave them, the rest exact;
 * - the student's, rounded: the same, every other value rounded to the asked precision.
 *
 * When a student's route credits an answer, `from` names the other parts whose values were wrong and that the
 * answer depends on ("follows from your (a)"); it is empty when only rounding differs.
 */
import type { Carry, NumericValue, Part } from '../types.js';
import type { Alternative } from './grade.js';
import { sameValue } from './grade-number.js';

/** Round half away from zero, as calculators do (with a guard for decimals stored just below a tie). */
export function roundTo(x: number, dp: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** dp;
  const r = Math.round(Math.abs(x) * f * (1 + 1e-12)) / f;
  return x < 0 ? -r : r;
}

export function roundVector(v: readonly number[], dp: number): readonly number[] {
  return v.map((x) => roundTo(x, dp));
}

export function roundMatrix(m: readonly (readonly number[])[], dp: number): readonly (readonly number[])[] {
  return m.map((row) => roundVector(row, dp));
}

export function sameNumeric(a: NumericValue | undefined, b: NumericValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === 'number' || typeof b === 'number') {
    return typeof a === 'number' && typeof b === 'number' && sameValue(a, b);
  }
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    if (typeof x === 'number') return typeof y === 'number' && sameValue(x, y);
    return Array.isArray(y) && sameNumeric(x, y as readonly number[]);
  });
}

/** The precision a part is asked to: its dp, or none for counts and non-numeric parts. */
function dpOf(part: Part | undefined): number | undefined {
  const e = part?.expected;
  if (e === undefined || !('dp' in e) || e.dp === undefined) return undefined;
  if ((e.kind === 'number' || e.kind === 'vector' || e.kind === 'matrix') && e.integer === true)
    return undefined;
  return e.dp;
}

/** The finest precision the question asks for (undefined when it asks for none: counts only). */
export function askedPrecision(parts: readonly Part[]): number | undefined {
  const dps = parts.flatMap((p) => {
    const d = dpOf(p);
    return d === undefined ? [] : [d];
  });
  return dps.length === 0 ? undefined : Math.max(...dps);
}

export const EXACT_CARRY: Carry = {
  number: (_id, x) => x,
  vector: (_id, v) => v,
  matrix: (_id, m) => m,
  step: (x) => x,
  steps: (v) => v,
};

export function carryOf(options: {
  readonly parts: readonly Part[];
  readonly given?: ReadonlyMap<string, NumericValue>;
  readonly rounded: boolean;
}): Carry {
  const byId = new Map(options.parts.map((p) => [p.id, p]));
  const given = (partId: string): NumericValue | undefined => options.given?.get(partId);
  // A value the route names that is not a part of this question is an intermediate: asked precision.
  const asked = askedPrecision(options.parts);
  const dp = (partId: string): number | undefined => {
    if (!options.rounded) return undefined;
    const part = byId.get(partId);
    return part === undefined ? asked : dpOf(part);
  };
  return {
    number(partId, x) {
      const g = given(partId);
      if (typeof g === 'number') return g;
      const d = dp(partId);
      return d === undefined ? x : roundTo(x, d);
    },
    vector(partId, v) {
      const g = given(partId);
      // A shape of another rank is still the student's shape; a vector must have the computed length.
      if (isVector(g) && (g.length === v.length || byId.get(partId)?.expected.kind === 'shape')) return g;
      const d = dp(partId);
      return d === undefined ? v : roundVector(v, d);
    },
    matrix(partId, m) {
      const g = given(partId);
      if (isMatrix(g) && g.length === m.length && g.every((row, i) => row.length === (m[i]?.length ?? -1)))
        return g;
      const d = dp(partId);
      return d === undefined ? m : roundMatrix(m, d);
    },
    step: (x, d) => (options.rounded ? roundTo(x, d) : x),
    steps: (v, d) => (options.rounded ? roundVector(v, d) : v),
  };
}

function isVector(v: NumericValue | undefined): v is readonly number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

function isMatrix(v: NumericValue | undefined): v is readonly (readonly number[])[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => Array.isArray(x));
}

export type Route = (carry: Carry) => Readonly<Record<string, NumericValue>>;

/**
 * The follow-through alternatives for `partId`: its value on each route where that differs from the exact value.
 * `given`: the student's values for the other parts; `wrong`: those of them that were graded wrong.
 */
export function followThroughAlternatives(input: {
  readonly route: Route;
  readonly parts: readonly Part[];
  readonly partId: string;
  readonly given: ReadonlyMap<string, NumericValue>;
  readonly wrong: ReadonlySet<string>;
}): Alternative[] {
  const { route, parts, partId } = input;
  const given = new Map([...input.given].filter(([id]) => id !== partId));
  const exact = route(EXACT_CARRY)[partId];
  if (exact === undefined) return [];
  const alternatives: Alternative[] = [];
  const add = (value: NumericValue | undefined, from: readonly string[]): void => {
    if (value === undefined || sameNumeric(value, exact)) return;
    if (alternatives.some((a) => sameNumeric(a.value as NumericValue, value))) return;
    alternatives.push({ value, from });
  };
  add(route(carryOf({ parts, rounded: true }))[partId], []);
  if (given.size > 0) {
    const from = [...given.keys()].filter((id) => {
      if (!input.wrong.has(id)) return false;
      const one = new Map([[id, given.get(id) as NumericValue]]);
      return !sameNumeric(route(carryOf({ parts, given: one, rounded: false }))[partId], exact);
    });
    add(route(carryOf({ parts, given, rounded: false }))[partId], from);
    add(route(carryOf({ parts, given, rounded: true }))[partId], from);
  }
  return alternatives;
}
