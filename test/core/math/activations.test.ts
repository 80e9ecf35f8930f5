import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activate,
  activationDerivative,
  activationJacobian,
  backpropActivation,
  derivativeFromOutputScalar,
  derivativeScalar,
  type ElementwiseActivation,
  relu,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
  softmax,
  softmaxJacobian,
  tanh,
  tanhDerivative,
} from '../../../src/core/math/activations.js';
import { centralDifference, expectGradientClose, numericGradient } from './dense-finite-diff.js';

const ELEMENTWISE: readonly ElementwiseActivation[] = ['linear', 'tanh', 'sigmoid', 'relu'];
const runs = { seed: 20240101, numRuns: 300 };
/** Pre-activations away from ReLU's kink at 0 (a finite difference across it is meaningless). */
const uArb = fc.double({ min: -6, max: 6, noNaN: true }).filter((u) => Math.abs(u) > 1e-3);

describe('activations', () => {
  it('have the textbook values', () => {
    // python: math.tanh(1.3) = 0.8617231593133063; 1/(1+math.exp(-1.47)) = 0.8130972..., so checks by definition:
    expect(tanh(1.3)).toBeCloseTo(0.8617231593133063, 15);
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    expect(sigmoid(-800)).toBe(0); // no overflow warning, no NaN
    expect(sigmoid(800)).toBe(1);
    expect(relu(-2)).toBe(0);
    expect(relu(1.5)).toBe(1.5);
    // python: np.exp([1,2,3]) / np.exp([1,2,3]).sum() = [0.09003057, 0.24472847, 0.66524096]
    const s = softmax([1, 2, 3]);
    expect(s[0]).toBeCloseTo(0.09003057, 8);
    expect(s[1]).toBeCloseTo(0.24472847, 8);
    expect(s[2]).toBeCloseTo(0.66524096, 8);
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
  });

  it('derivatives agree with central finite differences', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ELEMENTWISE), uArb, (name, u) => {
        const numeric = centralDifference((t) => activate(name, [t])[0]!, u);
        expectGradientClose(derivativeScalar(name, u), numeric, `${name}'(${u})`);
      }),
      runs,
    );
  });

  it('derivatives in terms of the output equal those in terms of u', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ELEMENTWISE), uArb, (name, u) => {
        const y = activate(name, [u])[0]!;
        expect(derivativeFromOutputScalar(name, y)).toBeCloseTo(derivativeScalar(name, u), 14);
      }),
      runs,
    );
    // tanh' = 1 - y², sigmoid' = y(1 - y) at a hand-checked point: tanh(0.5) = 0.46211715726
    expect(tanhDerivative(0.5)).toBeCloseTo(1 - 0.46211715726 ** 2, 10);
    expect(sigmoidDerivative(0)).toBe(0.25);
    expect(reluDerivative(0)).toBe(0);
    expect(reluDerivative(0.1)).toBe(1);
  });

  it('the softmax Jacobian agrees with finite differences', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (u) => {
          const jac = softmaxJacobian(u);
          u.forEach((_, i) => {
            const row = numericGradient((v) => softmax(v)[i]!, u);
            expectGradientClose(jac[i], row, `∂softmax_${i}/∂u`);
          });
        },
      ),
      runs,
    );
  });

  it('backpropagates ∇h through the Jacobian: ∇u = Jᵀ ∇h', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ELEMENTWISE, 'softmax' as const),
        fc.array(uArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (name, u, g) => {
          const gradH = g.slice(0, u.length);
          // J(u) = gradH · f(u) has gradient Jᵀ gradH.
          const numeric = numericGradient(
            (v) => activate(name, v).reduce((a, h, i) => a + h * gradH[i]!, 0),
            u,
          );
          expectGradientClose(backpropActivation(name, u, gradH), numeric, `${name} backprop`);
        },
      ),
      runs,
    );
  });

  it('element-wise Jacobians are diagonal with f′(u) on the diagonal', () => {
    expect(activationJacobian('tanh', [0, 1])).toEqual([
      [1, 0],
      [0, tanhDerivative(1)],
    ]);
    expect(activationDerivative('relu', [-1, 2])).toEqual([0, 1]);
  });
});
