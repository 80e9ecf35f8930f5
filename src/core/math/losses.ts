/**
 * Losses in the course's notation, with y the network output and d the target (desired output), summed over the
 * output components:
 *   squared error              J = Σ (d_k - y_k)²                       ∇y J = -2(d - y)
 *   binary cross-entropy       J = -Σ [d_k ln y_k + (1 - d_k) ln(1 - y_k)]  ∇y J = (y - d) / (y(1 - y))
 *   categorical cross-entropy  J = -Σ d_k ln y_k                        ∇y J = -d / y
 * and the combined gradients with respect to the output layer's pre-activation u:
 *   sigmoid + binary cross-entropy:     ∇u J = y - d
 *   softmax + categorical cross-entropy: ∇u J = y Σd - d  (= y - d for a one-hot or probability target)
 * Natural logarithms throughout.
 */
import type { Vector } from './linalg.js';

export type LossName = 'squared-error' | 'binary-cross-entropy' | 'categorical-cross-entropy';

export function squaredError(y: Vector, d: Vector): number {
  sameLength(y, d);
  return y.reduce((acc, yk, k) => acc + ((d[k] ?? 0) - yk) ** 2, 0);
}

/** ∇y of Σ (d - y)²: -2(d - y). */
export function squaredErrorGradient(y: Vector, d: Vector): number[] {
  sameLength(y, d);
  return y.map((yk, k) => -2 * ((d[k] ?? 0) - yk));
}

export function binaryCrossEntropy(y: Vector, d: Vector): number {
  sameLength(y, d);
  return (
    0 -
    y.reduce((acc, yk, k) => {
      const dk = d[k] ?? 0;
      return acc + xlogy(dk, yk) + xlogy(1 - dk, 1 - yk);
    }, 0)
  );
}

/** ∇y of binary cross-entropy: -d/y + (1 - d)/(1 - y) = (y - d) / (y(1 - y)). */
export function binaryCrossEntropyGradient(y: Vector, d: Vector): number[] {
  sameLength(y, d);
  return y.map((yk, k) => {
    const dk = d[k] ?? 0;
    return -dk / yk + (1 - dk) / (1 - yk);
  });
}

/** ∇u J for a sigmoid output layer trained with binary cross-entropy: y - d (σ' cancels the denominator). */
export function sigmoidBinaryCrossEntropyGradient(y: Vector, d: Vector): number[] {
  sameLength(y, d);
  return y.map((yk, k) => yk - (d[k] ?? 0));
}

export function categoricalCrossEntropy(y: Vector, d: Vector): number {
  sameLength(y, d);
  return 0 - y.reduce((acc, yk, k) => acc + xlogy(d[k] ?? 0, yk), 0);
}

/** ∇y of categorical cross-entropy: -d_k / y_k. */
export function categoricalCrossEntropyGradient(y: Vector, d: Vector): number[] {
  sameLength(y, d);
  return y.map((yk, k) => -(d[k] ?? 0) / yk);
}

/** ∇u J for a softmax output layer trained with categorical cross-entropy: y Σd - d (y - d for one-hot d). */
export function softmaxCategoricalCrossEntropyGradient(y: Vector, d: Vector): number[] {
  sameLength(y, d);
  const total = d.reduce((a, b) => a + b, 0);
  return y.map((yk, k) => yk * total - (d[k] ?? 0));
}

export function loss(name: LossName, y: Vector, d: Vector): number {
  switch (name) {
    case 'squared-error':
      return squaredError(y, d);
    case 'binary-cross-entropy':
      return binaryCrossEntropy(y, d);
    case 'categorical-cross-entropy':
      return categoricalCrossEntropy(y, d);
  }
}

/** ∇y J of the named loss. */
export function lossGradient(name: LossName, y: Vector, d: Vector): number[] {
  switch (name) {
    case 'squared-error':
      return squaredErrorGradient(y, d);
    case 'binary-cross-entropy':
      return binaryCrossEntropyGradient(y, d);
    case 'categorical-cross-entropy':
      return categoricalCrossEntropyGradient(y, d);
  }
}

/** a ln b with the convention 0 ln 0 = 0 (a zero target contributes nothing, even when b is 0). */
function xlogy(a: number, b: number): number {
  return a === 0 ? 0 : a * Math.log(b);
}

function sameLength(y: Vector, d: Vector): void {
  if (y.length !== d.length)
    throw new RangeError(`output and target lengths differ (${y.length} vs ${d.length})`);
}
