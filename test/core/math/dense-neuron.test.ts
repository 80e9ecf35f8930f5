import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  l2Gradients,
  linearNeuronGradients,
  linearNeuronOutput,
} from '../../../src/core/math/dense-neuron.js';
import { centralDifference, expectGradientClose, numericGradient } from './dense-finite-diff.js';

const num = fc.double({ min: -3, max: 3, noNaN: true });
const neuronArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    x: fc.array(num, { minLength: n, maxLength: n }),
    w: fc.array(num, { minLength: n, maxLength: n }),
    b: num,
    d: num,
    beta: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
);
const runs = { seed: 11, numRuns: 300 };

describe('linear neuron y = wᵀx + b', () => {
  it('computes y and the squared-error gradients of a hand-checked instance', () => {
    // y = 0.5*1.0 + (-1.2)*2.0 + 0.3 = -1.6; d - y = 2.6; ∇y = -5.2; ∇w = -5.2 x = [-5.2, -10.4]; ∇b = -5.2
    const g = linearNeuronGradients({ x: [1.0, 2.0], w: [0.5, -1.2], b: 0.3, d: 1.0 });
    expect(g.y).toBeCloseTo(-1.6, 12);
    expect(g.gradY).toBeCloseTo(-5.2, 12);
    expect(g.gradW[1]).toBeCloseTo(-10.4, 12);
    expect(g.gradB).toBeCloseTo(-5.2, 12);
    // With β = 0.1: ∇w J₁ = ∇w J + 0.2 w = [-5.1, -10.64]; the bias gradient is unchanged.
    const r = l2Gradients({ x: [1.0, 2.0], w: [0.5, -1.2], b: 0.3, d: 1.0, beta: 0.1 });
    expect(r.gradW[0]).toBeCloseTo(-5.1, 12);
    expect(r.gradW[1]).toBeCloseTo(-10.64, 12);
    expect(r.gradB).toBeCloseTo(-5.2, 12);
  });

  it('∇y J, ∇w J, ∇b J of (d - y)² agree with finite differences', () => {
    fc.assert(
      fc.property(neuronArb, (n) => {
        const g = linearNeuronGradients(n);
        const J = (p: { w: number[]; b: number }): number => (n.d - linearNeuronOutput({ ...n, ...p })) ** 2;
        expectGradientClose(
          g.gradY,
          centralDifference((y) => (n.d - y) ** 2, g.y),
          '∇y',
        );
        expectGradientClose(
          g.gradW,
          numericGradient((w) => J({ w, b: n.b }), n.w),
          '∇w',
        );
        expectGradientClose(
          g.gradB,
          centralDifference((b) => J({ w: n.w, b }), n.b),
          '∇b',
        );
      }),
      runs,
    );
  });

  it('∇w J₁, ∇b J₁ of (d - y)² + β‖w‖² agree with finite differences', () => {
    fc.assert(
      fc.property(neuronArb, (n) => {
        const g = l2Gradients(n);
        const J1 = (w: number[], b: number): number =>
          (n.d - linearNeuronOutput({ ...n, w, b })) ** 2 + n.beta * w.reduce((a, v) => a + v * v, 0);
        expect(g.loss).toBeCloseTo(J1(n.w, n.b), 10);
        expectGradientClose(
          g.gradW,
          numericGradient((w) => J1(w, n.b), n.w),
          '∇w J₁',
        );
        expectGradientClose(
          g.gradB,
          centralDifference((b) => J1(n.w, b), n.b),
          '∇b J₁',
        );
      }),
      runs,
    );
  });
});
