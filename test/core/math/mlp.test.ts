import { describe, expect, it } from 'vitest';
import { activate, type ActivationName } from '../../../src/core/math/activations.js';
import { addVectors, matTVec } from '../../../src/core/math/linalg.js';
import {
  loss,
  lossGradient,
  type LossName,
  sigmoidBinaryCrossEntropyGradient,
  softmaxCategoricalCrossEntropyGradient,
} from '../../../src/core/math/losses.js';
import { backward, type DenseLayer, forward } from '../../../src/core/math/mlp.js';
import { createRng, type Rng } from '../../../src/core/rng.js';
import { expectGradientClose, numericGradient, numericMatrixGradient } from './dense-finite-diff.js';

interface Instance {
  layers: DenseLayer[];
  x: number[];
  d: number[];
  lossName: LossName;
}

/** A random MLP: 1-4 layers of 1-4 units, random hidden activations, an output activation matched to its loss. */
function randomInstance(rng: Rng): Instance {
  const depth = rng.int(1, 4);
  const sizes = Array.from({ length: depth + 1 }, () => rng.int(1, 4));
  const out = rng.pick(['sigmoid', 'softmax', 'linear', 'tanh'] as const);
  const lossName: LossName =
    out === 'sigmoid'
      ? 'binary-cross-entropy'
      : out === 'softmax'
        ? 'categorical-cross-entropy'
        : 'squared-error';
  const layers: DenseLayer[] = sizes.slice(1).map((n, l) => {
    const inputs = sizes[l]!;
    const activation: ActivationName =
      l === depth - 1 ? out : rng.pick(['tanh', 'sigmoid', 'relu', 'linear'] as const);
    return {
      W: Array.from({ length: inputs }, () => Array.from({ length: n }, () => rng.next() * 3 - 1.5)),
      b: Array.from({ length: n }, () => rng.next() * 2 - 1),
      activation,
    };
  });
  const nOut = sizes[depth]!;
  const d =
    lossName === 'categorical-cross-entropy'
      ? Array.from({ length: nOut }, (_, k) => (k === rng.int(0, nOut - 1) ? 1 : 0))
      : Array.from({ length: nOut }, () =>
          lossName === 'binary-cross-entropy' ? rng.int(0, 1) : rng.next() * 2 - 1,
        );
  return { layers, x: Array.from({ length: sizes[0]! }, () => rng.next() * 4 - 2), d, lossName };
}

function lossOf(inst: Instance, layers: DenseLayer[], x = inst.x): number {
  return loss(inst.lossName, forward(layers, x).y, inst.d);
}

/** J as a function of layer l's pre-activation: continue the forward pass from u_l. */
function lossFromU(inst: Instance, l: number, u: number[]): number {
  let h = activate(inst.layers[l]!.activation, u);
  for (const layer of inst.layers.slice(l + 1))
    h = activate(layer.activation, addVectors(matTVec(layer.W, h), layer.b));
  return loss(inst.lossName, h, inst.d);
}

/** ReLU kinks make finite differences meaningless when a pre-activation sits within the step of 0. */
function nearKink(inst: Instance): boolean {
  const pass = forward(inst.layers, inst.x);
  return pass.u.some((u, l) => inst.layers[l]!.activation === 'relu' && u.some((v) => Math.abs(v) < 1e-3));
}

describe('MLP forward and backward passes', () => {
  it('reproduce the 2023/24 paper network (2-3-2-1, tanh, tanh, sigmoid; x = [1, 2], d = 0)', () => {
    const layers: DenseLayer[] = [
      {
        W: [
          [3.2, -2.4, -2.1],
          [-1.2, -1.4, 2.6],
        ],
        b: [0.5, 0.5, 0.5],
        activation: 'tanh',
      },
      {
        W: [
          [3.0, 0],
          [-2.4, -4.2],
          [-3.0, 2.5],
        ],
        b: [0.5, 0.5],
        activation: 'tanh',
      },
      { W: [[2.0], [-1.0]], b: [0.5], activation: 'sigmoid' },
    ];
    const pass = forward(layers, [1, 2]);
    // numpy: u1 = W1.T@x+b1 = [1.3, -4.7, 3.6]; u2 = W2.T@tanh(u1)+b2 = [2.48924861, 7.19557503]
    // u3 = W3.T@tanh(u2)+b3 = 1.47265181; y = 1/(1+exp(-u3)) = 0.81346011
    expect(pass.u[0]![0]).toBeCloseTo(1.3, 12);
    expect(pass.u[0]![1]).toBeCloseTo(-4.7, 12);
    expect(pass.u[1]![0]).toBeCloseTo(2.48924861, 8);
    expect(pass.u[1]![1]).toBeCloseTo(7.19557503, 8);
    expect(pass.u[2]![0]).toBeCloseTo(1.47265181, 8);
    expect(pass.y[0]).toBeCloseTo(0.81346011, 8);
    const back = backward(layers, pass, { gradU: sigmoidBinaryCrossEntropyGradient(pass.y, [0]) });
    // numpy: du3 = y - 0; du2 = (W3@du3)*(1-h2**2) = [0.04419093, -1.83e-06]
    // du1 = (W2@du2)*(1-h1**2) = [0.03412864, -3.509e-05, -3.9533e-04]
    expect(back.gradU[1]![0]).toBeCloseTo(0.04419093, 8);
    expect(back.gradU[1]![1]).toBeCloseTo(-1.82978e-6, 10);
    expect(back.gradU[0]![0]).toBeCloseTo(0.03412864, 8);
    expect(back.gradU[0]![2]).toBeCloseTo(-3.9533101e-4, 10);
    // numpy: np.outer(h1, du2)[0] = [0.03808035, -1.58e-06] (positive: the seed file prints -0.04)
    expect(back.gradW[1]![0]![0]).toBeCloseTo(0.03808035, 8);
    // numpy: np.outer(x, du1)[1][0] = 0.06825728
    expect(back.gradW[0]![1]![0]).toBeCloseTo(0.06825728, 8);
    expect(back.gradW[2]).toEqual([
      [2 * 0 + pass.h[1]![0]! * back.gradU[2]![0]!],
      [pass.h[1]![1]! * back.gradU[2]![0]!],
    ]);
  });

  it('every ∇u, ∇W, ∇b and ∇x agrees with central finite differences on 200 random networks', () => {
    const rng = createRng(424242);
    let checked = 0;
    while (checked < 200) {
      const inst = randomInstance(rng);
      if (nearKink(inst)) continue;
      checked++;
      const pass = forward(inst.layers, inst.x);
      const back = backward(inst.layers, pass, { gradY: lossGradient(inst.lossName, pass.y, inst.d) });
      inst.layers.forEach((layer, l) => {
        const withLayer = (patch: Partial<DenseLayer>): DenseLayer[] =>
          inst.layers.map((ly, k) => (k === l ? { ...ly, ...patch } : ly));
        expectGradientClose(
          back.gradW[l],
          numericMatrixGradient((W) => lossOf(inst, withLayer({ W })), layer.W),
          `∇W${l + 1}`,
        );
        expectGradientClose(
          back.gradB[l],
          numericGradient((b) => lossOf(inst, withLayer({ b })), layer.b),
          `∇b${l + 1}`,
        );
        expectGradientClose(
          back.gradU[l],
          numericGradient((u) => lossFromU(inst, l, u), pass.u[l]!),
          `∇u${l + 1}`,
        );
        expect(back.gradW[l]!.length).toBe(layer.W.length);
        expect(back.gradW[l]![0]!.length).toBe(layer.W[0]!.length);
      });
      expectGradientClose(
        back.gradX,
        numericGradient((x) => lossOf(inst, inst.layers, x), inst.x),
        '∇x',
      );
    }
  });

  it('the combined output gradients equal the chained ones (sigmoid + BCE, softmax + CCE)', () => {
    const rng = createRng(99);
    for (let i = 0; i < 200; i++) {
      const inst = randomInstance(rng);
      const out = inst.layers.at(-1)!.activation;
      if (out !== 'sigmoid' && out !== 'softmax') continue;
      const pass = forward(inst.layers, inst.x);
      const chained = backward(inst.layers, pass, { gradY: lossGradient(inst.lossName, pass.y, inst.d) });
      const gradU =
        out === 'sigmoid'
          ? sigmoidBinaryCrossEntropyGradient(pass.y, inst.d)
          : softmaxCategoricalCrossEntropyGradient(pass.y, inst.d);
      const combined = backward(inst.layers, pass, { gradU });
      expectGradientClose(combined.gradW, chained.gradW, 'combined vs chained ∇W');
    }
  });

  it('rejects layers that do not chain', () => {
    const bad: DenseLayer[] = [
      { W: [[1, 2]], b: [0, 0], activation: 'tanh' },
      { W: [[1], [2], [3]], b: [0], activation: 'tanh' },
    ];
    expect(() => forward(bad, [1])).toThrow(/layer 2/);
    expect(() => forward([{ W: [[1, 2]], b: [0], activation: 'tanh' }], [1])).toThrow(/b has 1/);
    expect(() => forward(bad.slice(0, 1), [1, 2])).toThrow(/layer 1/);
  });
});
