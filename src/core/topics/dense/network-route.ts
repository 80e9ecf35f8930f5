/**
 * The question-2 network's answers on a follow-through route (Topic.route): the forward pass, the loss and the
 * backward pass computed the way the worked solution shows them, each value carried forward through `carry`.
 * One function serves mlp-forward, backprop-deltas and backprop-weights: each reads the parts it asks.
 * Ids: h1.. (hidden outputs), u<L>, y, loss, du<l> (local gradients), dW<l>, db<l>.
 */
import { sigmoid, tanh, tanhDerivativeFromOutput } from '../../math/activations.js';
import { addVectors, hadamard, matTVec, matVec, outer } from '../../math/linalg.js';
import type { Carry, NumericValue } from '../../types.js';
import type { NetworkParams } from './network.js';

export function networkRoute(p: NetworkParams, carry: Carry): Record<string, NumericValue> {
  const out: Record<string, NumericValue> = {};
  const L = p.layers.length;
  const inputs: (readonly number[])[] = [p.x];
  let h: readonly number[] = p.x;
  for (let l = 0; l < L - 1; l++) {
    const layer = p.layers[l];
    if (layer === undefined) break;
    const u = carry.steps(addVectors(matTVec(layer.W, h), layer.b), p.dp);
    const value = u.map(tanh);
    out[`h${l + 1}`] = value;
    h = carry.vector(`h${l + 1}`, value);
    inputs.push(h);
  }
  const last = p.layers[L - 1];
  const uL = last === undefined ? NaN : (addVectors(matTVec(last.W, h), last.b)[0] ?? NaN);
  out[`u${L}`] = uL;
  const y = sigmoid(carry.number(`u${L}`, uL));
  out['y'] = y;
  const yc = carry.number('y', y);
  out['loss'] = p.d === 0 ? -Math.log(1 - yc) : -Math.log(yc);

  const deltas: (readonly number[])[] = new Array<readonly number[]>(L);
  out[`du${L}`] = yc - p.d;
  let delta: readonly number[] = [carry.number(`du${L}`, yc - p.d)];
  deltas[L - 1] = delta;
  for (let l = L - 2; l >= 0; l--) {
    const next = p.layers[l + 1];
    const hl = inputs[l + 1];
    if (next === undefined || hl === undefined) break;
    const back = carry.steps(matVec(next.W, delta), p.dp);
    const deriv = carry.steps(hl.map(tanhDerivativeFromOutput), p.dp);
    const du = hadamard(back, deriv);
    out[`du${l + 1}`] = du;
    delta = carry.vector(`du${l + 1}`, du);
    deltas[l] = delta;
  }
  deltas.forEach((d, l) => {
    const g = outer(inputs[l] ?? [], d);
    out[`dW${l + 1}`] = d.length === 1 ? g.map((row) => row[0] ?? NaN) : g;
    out[`db${l + 1}`] = d.length === 1 ? (d[0] ?? NaN) : d;
  });
  return out;
}
