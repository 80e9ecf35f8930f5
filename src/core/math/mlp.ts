/**
 * Forward and backward passes of a multilayer perceptron in the course's convention: layer l has weights W_l of
 * shape (inputs, outputs) and bias b_l, u_l = W_lᵀ h_{l-1} + b_l, h_l = f_l(u_l), with h_0 = x and y = h_L.
 * Backward: ∇u_L J = J_f(u_L)ᵀ ∇y J (or given directly, e.g. y - d for sigmoid + cross-entropy),
 * ∇W_l J = h_{l-1} (∇u_l J)ᵀ, ∇b_l J = ∇u_l J, ∇u_{l-1} J = f'_{l-1}(u_{l-1}) ⊙ (W_l ∇u_l J).
 */
import { backpropActivation, type ActivationName, activate } from './activations.js';
import { addVectors, matTVec, matVec, type Matrix, outer, shapeOf, type Vector } from './linalg.js';

export interface DenseLayer {
  /** Shape (inputs, outputs). */
  readonly W: Matrix;
  /** Length outputs. */
  readonly b: Vector;
  readonly activation: ActivationName;
}

export interface ForwardPass {
  readonly x: number[];
  /** u[l] is layer l's pre-activation (index 0 = first layer, the course's u₁). */
  readonly u: number[][];
  /** h[l] = f(u[l]); the last one is the output y. */
  readonly h: number[][];
  readonly y: number[];
}

export interface BackwardPass {
  /** gradU[l] = ∇u J of layer l (the local gradient, δ). */
  readonly gradU: number[][];
  /** gradW[l] = ∇W J of layer l, shape (inputs, outputs) like W. */
  readonly gradW: number[][][];
  /** gradB[l] = ∇b J of layer l. */
  readonly gradB: number[][];
  /** ∇x J (the gradient passed below the first layer). */
  readonly gradX: number[];
}

/** Throws a RangeError unless the layers chain: each layer's W has as many rows as the previous one has outputs. */
export function checkLayers(layers: readonly DenseLayer[], inputSize: number): void {
  if (layers.length === 0) throw new RangeError('an MLP needs at least one layer');
  let width = inputSize;
  layers.forEach((layer, l) => {
    const [rows, cols] = shapeOf(layer.W);
    if (rows !== width) throw new RangeError(`layer ${l + 1}: W has ${rows} rows, expected ${width}`);
    if (layer.b.length !== cols)
      throw new RangeError(`layer ${l + 1}: b has ${layer.b.length} entries, expected ${cols}`);
    width = cols;
  });
}

export function forward(layers: readonly DenseLayer[], x: Vector): ForwardPass {
  checkLayers(layers, x.length);
  const u: number[][] = [];
  const h: number[][] = [];
  let input: Vector = x;
  for (const layer of layers) {
    const ul = addVectors(matTVec(layer.W, input), layer.b);
    const hl = activate(layer.activation, ul);
    u.push(ul);
    h.push(hl);
    input = hl;
  }
  return { x: [...x], u, h, y: h[h.length - 1] ?? [] };
}

/**
 * Backward pass from the gradient of the loss. Give `gradY` (∇y J; chained through the output activation) or
 * `gradU` (∇u J of the output layer directly, e.g. the combined sigmoid + cross-entropy gradient y - d).
 */
export function backward(
  layers: readonly DenseLayer[],
  pass: ForwardPass,
  seed: { readonly gradY: Vector } | { readonly gradU: Vector },
): BackwardPass {
  const L = layers.length;
  const last = layers[L - 1];
  const uLast = pass.u[L - 1];
  if (!last || !uLast) throw new RangeError('backward: empty network');
  let delta: number[] =
    'gradU' in seed ? [...seed.gradU] : backpropActivation(last.activation, uLast, seed.gradY);
  if (delta.length !== uLast.length) throw new RangeError('backward: output gradient has the wrong length');
  const gradU: number[][] = new Array<number[]>(L);
  const gradW: number[][][] = new Array<number[][]>(L);
  const gradB: number[][] = new Array<number[]>(L);
  let gradX: number[] = [];
  for (let l = L - 1; l >= 0; l--) {
    const layer = layers[l] as DenseLayer;
    const input = l === 0 ? pass.x : (pass.h[l - 1] as number[]);
    gradU[l] = delta;
    gradW[l] = outer(input, delta);
    gradB[l] = [...delta];
    const gradInput = matVec(layer.W, delta);
    if (l === 0) {
      gradX = gradInput;
    } else {
      const below = layers[l - 1] as DenseLayer;
      delta = backpropActivation(below.activation, pass.u[l - 1] as number[], gradInput);
    }
  }
  return { gradU, gradW, gradB, gradX };
}
