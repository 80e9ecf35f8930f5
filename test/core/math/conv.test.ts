import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dividesEvenly,
  effectiveKernel,
  outputSize,
  solveWindowField,
  tryOutputSize,
  type WindowSpec,
} from '../../../src/core/math/conv.js';

/** Counts the window positions by sliding a dilated kernel over the padded input, one start at a time. */
function bruteForceCount({ inputSize, kernel, stride = 1, padding = 0, dilation = 1 }: WindowSpec): number {
  const padded = inputSize + 2 * padding;
  let count = 0;
  for (let start = 0; start < padded; start += stride) {
    const lastTap = start + dilation * (kernel - 1);
    if (lastTap <= padded - 1) count++;
  }
  return count;
}

const specArb = fc.record({
  inputSize: fc.integer({ min: 1, max: 64 }),
  kernel: fc.integer({ min: 1, max: 9 }),
  stride: fc.integer({ min: 1, max: 5 }),
  padding: fc.integer({ min: 0, max: 4 }),
  dilation: fc.integer({ min: 1, max: 3 }),
});

describe('outputSize', () => {
  it('matches a brute-force count of window positions (padding, stride, dilation)', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const brute = bruteForceCount(spec);
        if (brute === 0) expect(() => outputSize(spec)).toThrow(RangeError);
        else expect(outputSize(spec)).toBe(brute);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the 2023/24 paper sizes', () => {
    // python3: len(range(0, 55 - 7 + 1, 1)) -> 49 (55x55 input, 7x7 kernel, stride 1, no padding)
    expect(outputSize({ inputSize: 55, kernel: 7 })).toBe(49);
    // python3: len(range(0, 49 + 2*1 - 3 + 1, 2)) -> 25 (3x3 kernel, padding 1, stride 2)
    expect(outputSize({ inputSize: 49, kernel: 3, stride: 2, padding: 1 })).toBe(25);
    // with stride 1 the second layer would keep 49: len(range(0, 49 + 2 - 3 + 1)) -> 49
    expect(outputSize({ inputSize: 49, kernel: 3, stride: 1, padding: 1 })).toBe(49);
  });

  it('handles dilation through the effective kernel d(k-1)+1', () => {
    expect(effectiveKernel(3, 2)).toBe(5);
    // 7 input, 3x3 kernel with dilation 2 covers 5 pixels: starts 0, 1, 2 -> 3 outputs
    expect(outputSize({ inputSize: 7, kernel: 3, dilation: 2 })).toBe(3);
  });

  it('computes the ceil-instead-of-floor slip, which differs only when the stride does not divide evenly', () => {
    // (32 + 0 - 3) / 2 = 14.5 -> floor 14 + 1 = 15, ceil 15 + 1 = 16
    expect(outputSize({ inputSize: 32, kernel: 3, stride: 2 }, 'floor')).toBe(15);
    expect(outputSize({ inputSize: 32, kernel: 3, stride: 2 }, 'ceil')).toBe(16);
    expect(dividesEvenly({ inputSize: 32, kernel: 3, stride: 2 })).toBe(false);
    expect(dividesEvenly({ inputSize: 33, kernel: 3, stride: 2 })).toBe(true);
    fc.assert(
      fc.property(specArb, (spec) => {
        const floor = tryOutputSize(spec, 'floor');
        if (floor === undefined) return;
        expect(outputSize(spec, 'ceil') === floor).toBe(dividesEvenly(spec));
      }),
    );
  });

  it('rejects non-integer or non-positive arguments', () => {
    expect(() => outputSize({ inputSize: 0, kernel: 1 })).toThrow(/inputSize/);
    expect(() => outputSize({ inputSize: 5, kernel: 2.5 })).toThrow(/kernel/);
    expect(() => outputSize({ inputSize: 5, kernel: 2, padding: -1 })).toThrow(/padding/);
    expect(() => outputSize({ inputSize: 5, kernel: 2, stride: 0 })).toThrow(/stride/);
    expect(() => outputSize({ inputSize: 3, kernel: 5 })).toThrow(/larger than the padded input/);
  });
});

describe('solveWindowField', () => {
  it('recovers the paper unknowns F1 = 7 and p2 = 1', () => {
    expect(solveWindowField({ inputSize: 55, kernel: 0 }, 'kernel', 49)).toEqual([7]);
    expect(solveWindowField({ inputSize: 49, kernel: 3, stride: 2 }, 'padding', 25)).toEqual([1]);
  });

  it('returns exactly the values in the plausible range whose forward size matches (vs brute-force search)', () => {
    // python3: [len(range(0, 12 + 2*p - 3 + 1, 3)) for p in range(3)] -> [4, 4, 5]: p = 0 and p = 1 both give 4
    expect(solveWindowField({ inputSize: 12, kernel: 3, stride: 3 }, 'padding', 4)).toEqual([0, 1]);
    type Field = 'kernel' | 'padding' | 'stride' | 'inputSize';
    fc.assert(
      fc.property(
        specArb,
        fc.constantFrom<Field>('kernel', 'padding', 'stride', 'inputSize'),
        (spec, field) => {
          const out = tryOutputSize(spec);
          if (out === undefined) return;
          const padded = spec.inputSize + 2 * spec.padding;
          const range: Record<Field, [number, number]> = {
            kernel: [1, padded],
            padding: [0, effectiveKernel(spec.kernel, spec.dilation) - 1],
            stride: [1, padded],
            inputSize: [1, 1024],
          };
          const [lo, hi] = range[field];
          const brute: number[] = [];
          for (let v = lo; v <= hi; v++) {
            const s = { ...spec, [field]: v };
            if (
              s.inputSize + 2 * s.padding >= effectiveKernel(s.kernel, s.dilation) &&
              bruteForceCount(s) === out
            ) {
              brute.push(v);
            }
          }
          expect(solveWindowField(spec, field, out)).toEqual(brute);
          // The spec's own value solves its own forward size whenever it lies in the searched range
          // (a stride larger than the padded input, for example, lies outside it).
          if (spec[field] >= lo && spec[field] <= hi) expect(brute).toContain(spec[field]);
        },
      ),
      { numRuns: 400 },
    );
  });
});
