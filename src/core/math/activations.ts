/**
 * Activation functions and their derivatives, as functions of the pre-activation u and, where the course writes
 * them that way, of the output y = f(u) (tanh' = 1 - y², sigmoid' = y(1 - y)). Scalars and element-wise vectors;
 * softmax is a vector function whose derivative is a Jacobian matrix.
 */
import type { Matrix, Vector } from './linalg.js';

export type ActivationName = 'linear' | 'tanh' | 'sigmoid' | 'relu' | 'softmax';

/** Element-wise activations (softmax excluded: it couples the components). */
export type ElementwiseActivation = Exclude<ActivationName, 'softmax'>;

export const ACTIVATION_NAMES: readonly ActivationName[] = ['linear', 'tanh', 'sigmoid', 'relu', 'softmax'];

export function isActivationName(s: unknown): s is ActivationName {
  return typeof s === 'string' && (ACTIVATION_NAMES as readonly string[]).includes(s);
}

// ---- scalar functions ----

export function tanh(u: number): number {
  return Math.tanh(u);
}

/** Logistic sigmoid 1 / (1 + e^{-u}), computed without overflow for large |u|. */
export function sigmoid(u: number): number {
  if (u >= 0) return 1 / (1 + Math.exp(-u));
  const e = Math.exp(u);
  return e / (1 + e);
}

export function relu(u: number): number {
  return u > 0 ? u : 0;
}

/** tanh'(u) = 1 - tanh²(u). */
export function tanhDerivative(u: number): number {
  const y = Math.tanh(u);
  return 1 - y * y;
}

/** tanh' in terms of the output y = tanh(u): 1 - y². */
export function tanhDerivativeFromOutput(y: number): number {
  return 1 - y * y;
}

/** σ'(u) = σ(u)(1 - σ(u)). */
export function sigmoidDerivative(u: number): number {
  const y = sigmoid(u);
  return y * (1 - y);
}

/** σ' in terms of the output y = σ(u): y(1 - y). */
export function sigmoidDerivativeFromOutput(y: number): number {
  return y * (1 - y);
}

/** ReLU'(u) = 1 for u > 0, else 0 (the course's convention at u = 0 is 0). */
export function reluDerivative(u: number): number {
  return u > 0 ? 1 : 0;
}

/** ReLU' in terms of the output y = max(0, u): 1 when y > 0, else 0. */
export function reluDerivativeFromOutput(y: number): number {
  return y > 0 ? 1 : 0;
}

/** An element-wise activation applied to one number. */
export function activateScalar(name: ElementwiseActivation, u: number): number {
  switch (name) {
    case 'linear':
      return u;
    case 'tanh':
      return tanh(u);
    case 'sigmoid':
      return sigmoid(u);
    case 'relu':
      return relu(u);
  }
}

/** f'(u) of an element-wise activation. */
export function derivativeScalar(name: ElementwiseActivation, u: number): number {
  switch (name) {
    case 'linear':
      return 1;
    case 'tanh':
      return tanhDerivative(u);
    case 'sigmoid':
      return sigmoidDerivative(u);
    case 'relu':
      return reluDerivative(u);
  }
}

/** f'(u) of an element-wise activation written in terms of its output y = f(u). */
export function derivativeFromOutputScalar(name: ElementwiseActivation, y: number): number {
  switch (name) {
    case 'linear':
      return 1;
    case 'tanh':
      return tanhDerivativeFromOutput(y);
    case 'sigmoid':
      return sigmoidDerivativeFromOutput(y);
    case 'relu':
      return reluDerivativeFromOutput(y);
  }
}

// ---- softmax ----

/** softmax(u)_k = e^{u_k} / Σ_j e^{u_j}, shifted by max(u) for numerical stability. */
export function softmax(u: Vector): number[] {
  if (u.length === 0) throw new RangeError('softmax of an empty vector');
  const max = Math.max(...u);
  const e = u.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Jacobian of softmax in terms of its output y: ∂y_i/∂u_j = y_i (δ_ij - y_j), i.e. diag(y) - y yᵀ. */
export function softmaxJacobianFromOutput(y: Vector): number[][] {
  return y.map((yi, i) => y.map((yj, j) => (i === j ? yi * (1 - yj) : -yi * yj)));
}

/** Jacobian ∂softmax(u)_i/∂u_j. */
export function softmaxJacobian(u: Vector): number[][] {
  return softmaxJacobianFromOutput(softmax(u));
}

// ---- vector forms ----

/** f(u) for a layer's pre-activation vector (softmax included). */
export function activate(name: ActivationName, u: Vector): number[] {
  if (name === 'softmax') return softmax(u);
  return u.map((v) => activateScalar(name, v));
}

/** f'(u) component-wise for an element-wise activation (the diagonal of its Jacobian). */
export function activationDerivative(name: ElementwiseActivation, u: Vector): number[] {
  return u.map((v) => derivativeScalar(name, v));
}

/** Jacobian ∂f(u)/∂u (rows: outputs, columns: inputs); diagonal for element-wise activations. */
export function activationJacobian(name: ActivationName, u: Vector): number[][] {
  if (name === 'softmax') return softmaxJacobian(u);
  const d = activationDerivative(name, u);
  return d.map((di, i) => d.map((_, j) => (i === j ? di : 0)));
}

/** Back through an activation: ∇u J = J_f(u)ᵀ ∇h J (element-wise: f'(u) ⊙ ∇h J). */
export function backpropActivation(name: ActivationName, u: Vector, gradH: Vector): number[] {
  if (u.length !== gradH.length) throw new RangeError('backpropActivation: lengths differ');
  if (name === 'softmax') {
    const jac: Matrix = softmaxJacobian(u);
    return u.map((_, j) => jac.reduce((acc, row, i) => acc + (row[j] ?? 0) * (gradH[i] ?? 0), 0));
  }
  return u.map((v, i) => derivativeScalar(name, v) * (gradH[i] ?? 0));
}
