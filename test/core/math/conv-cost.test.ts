import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convMacs,
  convParams,
  denseParams,
  depthwiseMacs,
  depthwiseParams,
  flattenedSize,
  gcd,
  pointwiseMacs,
  pointwiseParams,
  reduceRatio,
  separableFlops,
} from '../../../src/core/math/conv-cost.js';

/** Multiply-adds of a convolution counted one by one: every output value of every output channel, every tap. */
function bruteMacs(opts: {
  inChannels: number;
  outChannels: number;
  kernel: number;
  outputSize: number;
  depthwise?: boolean;
}): number {
  let macs = 0;
  const outChannels = opts.depthwise ? opts.inChannels : opts.outChannels;
  for (let oc = 0; oc < outChannels; oc++)
    for (let y = 0; y < opts.outputSize; y++)
      for (let x = 0; x < opts.outputSize; x++)
        // a depthwise filter sees one input channel; a standard filter sees all of them
        for (let ic = 0; ic < (opts.depthwise ? 1 : opts.inChannels); ic++)
          for (let ky = 0; ky < opts.kernel; ky++) for (let kx = 0; kx < opts.kernel; kx++) macs++;
  return macs;
}

/** Parameters counted by building the weight tensors' index sets. */
function bruteParams(inChannels: number, outChannels: number, kernel: number, bias: boolean): number {
  let n = 0;
  for (let o = 0; o < outChannels; o++) {
    for (let i = 0; i < inChannels; i++) for (let a = 0; a < kernel * kernel; a++) n++;
    if (bias) n++;
  }
  return n;
}

const small = fc.record({
  inChannels: fc.integer({ min: 1, max: 6 }),
  outChannels: fc.integer({ min: 1, max: 6 }),
  kernel: fc.integer({ min: 1, max: 5 }),
  outputSize: fc.integer({ min: 1, max: 6 }),
});

describe('parameter counts', () => {
  it('reproduces the 2023/24 paper 3(a)(ii)', () => {
    // python3: 6*12*7*7 + 6 -> 3534; 4*6*3*3 + 4 -> 220; 4*25*25*128 + 128 -> 320128
    expect(convParams({ inChannels: 12, outChannels: 6, kernel: 7 })).toBe(3534);
    expect(convParams({ inChannels: 6, outChannels: 4, kernel: 3 })).toBe(220);
    expect(denseParams({ inputs: flattenedSize(25, 25, 4), units: 128 })).toBe(320128);
  });

  it('agrees with counting the weights one by one', () => {
    fc.assert(
      fc.property(small, fc.boolean(), ({ inChannels, outChannels, kernel }, bias) => {
        expect(convParams({ inChannels, outChannels, kernel, bias })).toBe(
          bruteParams(inChannels, outChannels, kernel, bias),
        );
        expect(depthwiseParams({ channels: inChannels, kernel, bias })).toBe(
          bruteParams(1, inChannels, kernel, bias),
        );
        expect(pointwiseParams({ inChannels, outChannels, bias })).toBe(
          bruteParams(inChannels, outChannels, 1, bias),
        );
      }),
    );
  });

  it('rejects non-positive sizes', () => {
    expect(() => convParams({ inChannels: 0, outChannels: 1, kernel: 1 })).toThrow(/inChannels/);
    expect(() => denseParams({ inputs: 3, units: 1.5 })).toThrow(/units/);
  });
});

describe('FLOPs', () => {
  it('agree with a brute-force loop count on small sizes', () => {
    fc.assert(
      fc.property(small, (shape) => {
        expect(convMacs(shape)).toBe(bruteMacs(shape));
        expect(depthwiseMacs(shape)).toBe(bruteMacs({ ...shape, depthwise: true }));
        expect(pointwiseMacs(shape)).toBe(bruteMacs({ ...shape, kernel: 1 }));
        const cost = separableFlops(shape, 2);
        expect(cost.standard).toBe(2 * bruteMacs(shape));
        expect(cost.separable).toBe(cost.depthwise + cost.pointwise);
        // ratio = 1/C_out + 1/k^2 exactly, as a reduced fraction
        const [a, b] = cost.ratio;
        expect(gcd(a, b)).toBe(1);
        const k2 = shape.kernel ** 2;
        expect(a * shape.outChannels * k2).toBe(b * (k2 + shape.outChannels));
      }),
      { numRuns: 300 },
    );
  });

  it('reproduces the 2023/24 paper 3(b)(ii) with 2 FLOPs per multiply-add', () => {
    const cost = separableFlops({ inChannels: 12, outChannels: 6, kernel: 7, outputSize: 49 });
    // python3: 2*7*7*12*6*49*49 -> 16941456; 2*7*7*12*49*49 -> 2823576; 2*12*6*49*49 -> 345744
    expect(cost.standard).toBe(16941456);
    expect(cost.depthwise).toBe(2823576);
    expect(cost.pointwise).toBe(345744);
    // python3: 2823576 + 345744 -> 3169320; Fraction(3169320, 16941456) -> 55/294 (= 1/6 + 1/49)
    expect(cost.separable).toBe(3169320);
    expect(cost.ratio).toEqual([55, 294]);
  });

  it('reduces ratios and refuses non-integers', () => {
    expect(reduceRatio(110, 588)).toEqual([55, 294]);
    expect(() => reduceRatio(1.5, 2)).toThrow(RangeError);
  });
});
