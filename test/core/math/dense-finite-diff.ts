/**
 * Central finite differences and a relative-error check with an absolute guard near zero, shared by the gradient
 * tests of the dense numeric core.
 */
import { expect } from 'vitest';

export const FD_STEP = 1e-5;
export const FD_TOLERANCE = 1e-6;
/** Below this magnitude the error is measured absolutely (relative error of a value near 0 is meaningless). */
export const FD_FLOOR = 1e-3;

/** (f(x + h) - f(x - h)) / 2h. */
export function centralDifference(f: (v: number) => number, v: number, h = FD_STEP): number {
  return (f(v + h) - f(v - h)) / (2 * h);
}

/** ∂f/∂v_i for every i of a vector, by central differences. */
export function numericGradient(f: (v: number[]) => number, v: readonly number[], h = FD_STEP): number[] {
  return v.map((_, i) =>
    centralDifference(
      (t) => {
        const w = [...v];
        w[i] = t;
        return f(w);
      },
      v[i]!,
      h,
    ),
  );
}

/** ∂f/∂M_ij for every entry of a matrix. */
export function numericMatrixGradient(
  f: (m: number[][]) => number,
  m: readonly (readonly number[])[],
  h = FD_STEP,
): number[][] {
  return m.map((row, i) =>
    row.map((_, j) =>
      centralDifference(
        (t) => {
          const copy = m.map((r) => [...r]);
          copy[i]![j] = t;
          return f(copy);
        },
        row[j]!,
        h,
      ),
    ),
  );
}

export function relativeError(analytic: number, numeric: number): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), FD_FLOOR);
}

/** Every entry agrees with its finite difference to a relative error below FD_TOLERANCE. */
export function expectGradientClose(analytic: unknown, numeric: unknown, label: string): void {
  const a = [analytic].flat(3) as number[];
  const n = [numeric].flat(3) as number[];
  expect(a.length, `${label}: sizes`).toBe(n.length);
  a.forEach((ai, i) => {
    const err = relativeError(ai, n[i]!);
    expect(err, `${label}[${i}]: analytic ${ai} vs numeric ${n[i]}`).toBeLessThan(FD_TOLERANCE);
  });
}
