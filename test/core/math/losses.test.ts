import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sigmoid, softmax } from '../../../src/core/math/activations.js';
import {
  binaryCrossEntropy,
  categoricalCrossEntropy,
  loss,
  lossGradient,
  type LossName,
  sigmoidBinaryCrossEntropyGradient,
  softmaxCategoricalCrossEntropyGradient,
  squaredError,
} from '../../../src/core/math/losses.js';
import { expectGradientClose, numericGradient } from './dense-finite-diff.js';

const runs = { seed: 7, numRuns: 300 };
const prob = fc.double({ min: 0.02, max: 0.98, noNaN: true });
const pre = fc.double({ min: -5, max: 5, noNaN: true });

/** n outputs y in (0, 1) with targets d in [0, 1]. */
const pairArb = fc
  .integer({ min: 1, max: 4 })
  .chain((n) =>
    fc.tuple(
      fc.array(prob, { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    ),
  );

describe('losses', () => {
  it('have the textbook values (natural log)', () => {
    // python: (0.5-0.2)**2 + (1-0.9)**2 = 0.1
    expect(squaredError([0.2, 0.9], [0.5, 1])).toBeCloseTo(0.1, 15);
    // python: -math.log(1 - 0.8134601129) = 1.67911019 (a sigmoid output trained towards d = 0)
    expect(binaryCrossEntropy([0.8134601129], [0])).toBeCloseTo(1.67911019, 7);
    // python: -math.log(0.7) = 0.35667494
    expect(categoricalCrossEntropy([0.2, 0.7, 0.1], [0, 1, 0])).toBeCloseTo(0.35667494, 7);
    // 0 ln 0 counts as 0: a saturated output with a zero target costs nothing there.
    expect(categoricalCrossEntropy([0, 1], [0, 1])).toBe(0);
  });

  it('gradients w.r.t. the output agree with finite differences', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<LossName>('squared-error', 'binary-cross-entropy', 'categorical-cross-entropy'),
        pairArb,
        (name, [y, d]) => {
          const numeric = numericGradient((v) => loss(name, v, d), y);
          expectGradientClose(lossGradient(name, y, d), numeric, `${name} ∇y`);
        },
      ),
      runs,
    );
  });

  it('sigmoid + binary cross-entropy: ∇u J = y - d agrees with finite differences', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((n) =>
            fc.tuple(
              fc.array(pre, { minLength: n, maxLength: n }),
              fc.array(prob, { minLength: n, maxLength: n }),
            ),
          ),
        ([u, d]) => {
          const numeric = numericGradient((v) => binaryCrossEntropy(v.map(sigmoid), d), u);
          expectGradientClose(sigmoidBinaryCrossEntropyGradient(u.map(sigmoid), d), numeric, 'σ+BCE ∇u');
        },
      ),
      runs,
    );
  });

  it('softmax + categorical cross-entropy: ∇u J = yΣd - d agrees with finite differences', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) =>
            fc.tuple(
              fc.array(pre, { minLength: n, maxLength: n }),
              fc.array(prob, { minLength: n, maxLength: n }),
            ),
          ),
        ([u, d]) => {
          const numeric = numericGradient((v) => categoricalCrossEntropy(softmax(v), d), u);
          expectGradientClose(
            softmaxCategoricalCrossEntropyGradient(softmax(u), d),
            numeric,
            'softmax+CCE ∇u',
          );
        },
      ),
      runs,
    );
    // One-hot target: y - d. python: softmax([1,2,3]) - [0,0,1] = [0.09003057, 0.24472847, -0.33475904]
    const g = softmaxCategoricalCrossEntropyGradient(softmax([1, 2, 3]), [0, 0, 1]);
    expect(g[2]).toBeCloseTo(-0.33475904, 8);
  });

  it('rejects outputs and targets of different lengths', () => {
    expect(() => squaredError([1], [1, 2])).toThrow(RangeError);
    expect(() => lossGradient('binary-cross-entropy', [0.5], [])).toThrow(RangeError);
  });
});
