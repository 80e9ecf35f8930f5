/**
 * A single linear neuron y = wᵀx + b trained on the squared error J = (d - y)², with and without an L2 penalty
 * on the weights, J₁ = (d - y)² + β‖w‖² (the bias is not regularised):
 *   ∇y J = -2(d - y),  ∇w J = -2(d - y) x,  ∇b J = -2(d - y)
 *   ∇w J₁ = -2(d - y) x + 2βw,  ∇b J₁ = -2(d - y)
 */
import { addVectors, dot, scaleVector, squaredNorm, type Vector } from './linalg.js';

export interface LinearNeuron {
  readonly x: Vector;
  readonly w: Vector;
  readonly b: number;
  readonly d: number;
}

export interface LinearNeuronGradients {
  readonly y: number;
  readonly loss: number;
  readonly gradY: number;
  readonly gradW: number[];
  readonly gradB: number;
}

export function linearNeuronOutput(n: LinearNeuron): number {
  return dot(n.w, n.x) + n.b;
}

export function linearNeuronGradients(n: LinearNeuron): LinearNeuronGradients {
  const y = linearNeuronOutput(n);
  const gradY = -2 * (n.d - y);
  return { y, loss: (n.d - y) ** 2, gradY, gradW: scaleVector(gradY, n.x), gradB: gradY };
}

export interface L2Gradients {
  readonly y: number;
  /** J₁ = (d - y)² + β‖w‖². */
  readonly loss: number;
  readonly gradW: number[];
  readonly gradB: number;
}

export function l2Gradients(n: LinearNeuron & { readonly beta: number }): L2Gradients {
  const plain = linearNeuronGradients(n);
  return {
    y: plain.y,
    loss: plain.loss + n.beta * squaredNorm(n.w),
    gradW: addVectors(plain.gradW, scaleVector(2 * n.beta, n.w)),
    gradB: plain.gradB,
  };
}
