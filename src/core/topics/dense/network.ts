/**
 * The paper's question-2 network, shared by mlp-forward, backprop-deltas and backprop-weights: inputs x, hidden
 * layers with tanh, one sigmoid output neuron, binary cross-entropy with target d ∈ {0, 1}. Course convention:
 * W_l has shape (inputs, outputs), u_l = W_lᵀ h_{l−1} + b_l, h₀ = x, y = σ(u_L).
 * Generated draws are 2-3-2-1 with one-decimal weights; parseParams accepts any depth 2-4 and widths 1-6.
 */
import {
  sigmoid,
  sigmoidDerivativeFromOutput,
  tanh,
  tanhDerivativeFromOutput,
} from '../../math/activations.js';
import { dot, matTVec, matVec, outer, transpose } from '../../math/linalg.js';
import { binaryCrossEntropy, sigmoidBinaryCrossEntropyGradient } from '../../math/losses.js';
import { backward, type BackwardPass, type DenseLayer, forward, type ForwardPass } from '../../math/mlp.js';
import type { Rng } from '../../rng.js';
import type { Given, Step } from '../../types.js';
import { TopicParamsError } from '../../types.js';
import { arrayField, type Fields, fields, matrixField, numberField, vectorField } from './parse.js';
import { fmt, fmtVec, nearRoundingTie, roundsToZero, sub, term } from './numbers.js';

export interface NetworkLayer {
  /** Shape (inputs, outputs). */
  readonly W: readonly (readonly number[])[];
  readonly b: readonly number[];
}

export interface NetworkParams {
  readonly x: readonly number[];
  /** Hidden layers (tanh) then the output layer (sigmoid, one neuron). */
  readonly layers: readonly NetworkLayer[];
  /** Target output for the binary cross-entropy. */
  readonly d: 0 | 1;
  /** Decimal places the question asks for. */
  readonly dp: number;
}

export interface NetworkValues {
  readonly pass: ForwardPass;
  readonly back: BackwardPass;
  /** Number of layers L (the output layer is layer L). */
  readonly L: number;
  readonly y: number;
  readonly loss: number;
}

const LIMIT = 100;

export function denseLayers(p: NetworkParams): DenseLayer[] {
  return p.layers.map((layer, l) => ({
    W: layer.W,
    b: layer.b,
    activation: l === p.layers.length - 1 ? 'sigmoid' : 'tanh',
  }));
}

const cache = new WeakMap<NetworkParams, NetworkValues>();

/**
 * Forward and backward pass of the network. Memoised per parameter object: question(), solve() and explain() of one
 * question share a single evaluation. The returned arrays must be treated as read-only.
 */
export function evaluate(p: NetworkParams): NetworkValues {
  const hit = cache.get(p);
  if (hit) return hit;
  const v = evaluateUncached(p);
  cache.set(p, v);
  return v;
}

function evaluateUncached(p: NetworkParams): NetworkValues {
  const layers = denseLayers(p);
  const pass = forward(layers, p.x);
  const back = backward(layers, pass, { gradU: sigmoidBinaryCrossEntropyGradient(pass.y, [p.d]) });
  const y = pass.y[0] as number;
  return { pass, back, L: layers.length, y, loss: binaryCrossEntropy([y], [p.d]) };
}

// ---- generation ----

function nonZeroDecimal(rng: Rng, min: number, max: number): number {
  for (;;) {
    const v = rng.decimal(min, max, 1);
    if (v !== 0) return v;
  }
}

const SIZES = [2, 3, 2, 1] as const;
const MAX_TRIES = 50;

/**
 * One unit's weight column and bias, redrawn until its pre-activation lies in [lo, hi] in magnitude (each unit of a
 * layer depends only on its own column, so units are drawn independently). `shared` fixes the bias (a layer-wide
 * value, as in the paper). Undefined when no draw fits (the caller restarts from scratch).
 */
function drawUnit(
  rng: Rng,
  input: readonly number[],
  range: { readonly lo: number; readonly hi: number },
  shared: number | undefined,
): { column: number[]; bias: number; u: number } | undefined {
  for (let t = 0; t < MAX_TRIES; t++) {
    const column = input.map(() => nonZeroDecimal(rng, -2.5, 2.5));
    const bias = shared ?? nonZeroDecimal(rng, -1, 1);
    const u = dot(column, input) + bias;
    if (Math.abs(u) >= range.lo && Math.abs(u) <= range.hi) return { column, bias, u };
  }
  return undefined;
}

/**
 * A 2-3-2-1 draw with one-decimal x, W and b and target 0 or 1, built layer by layer so that no tanh saturates
 * (|u| ≤ 2.5, else every gradient is ≈ 0), no hidden u is ≈ 0 (h trivially 0), and the output is neither certain
 * nor already at its target (0.05 < y < 0.95, |y − d| > 0.1).
 */
function drawNetwork(rng: Rng, dp: number): NetworkParams {
  for (;;) {
    // |x_i| >= 0.5 so that no weight gradient x (∇u₁ J)ᵀ is trivially small.
    const x = Array.from({ length: SIZES[0] }, () => (rng.chance(0.5) ? 1 : -1) * rng.decimal(0.5, 2, 1));
    const d: 0 | 1 = rng.chance(0.5) ? 1 : 0;
    const layers: NetworkLayer[] = [];
    let input: readonly number[] = x;
    for (let l = 1; l < SIZES.length; l++) {
      const isOutput = l === SIZES.length - 1;
      const shared = rng.chance(0.3) ? nonZeroDecimal(rng, -1, 1) : undefined;
      // Output: |u| in [0.2, 2.9] keeps y in (0.05, 0.95); its sign is checked against d below.
      const range = isOutput ? { lo: 0.2, hi: 2.9 } : { lo: 0.1, hi: 2.5 };
      const units = Array.from({ length: SIZES[l] as number }, () => drawUnit(rng, input, range, shared));
      if (!units.every((u) => u !== undefined)) break;
      const W = input.map((_, i) => units.map((unit) => unit.column[i] as number));
      layers.push({ W, b: units.map((unit) => unit.bias) });
      input = units.map((unit) => (isOutput ? sigmoid(unit.u) : tanh(unit.u)));
    }
    if (layers.length !== SIZES.length - 1) continue;
    const y = input[0] as number;
    if (Math.abs(y - d) <= 0.1) continue;
    return { x, layers, d, dp };
  }
}

/** Draws until `accept` (topic-specific: no rounding ties, no answers that round to 0) holds. */
export function generateNetwork(
  rng: Rng,
  dp: number,
  accept: (p: NetworkParams, v: NetworkValues) => boolean,
): NetworkParams {
  for (;;) {
    const p = drawNetwork(rng, dp);
    if (accept(p, evaluate(p))) return p;
  }
}

/** True when no entry of the values is within a rounding tie at dp places. */
export function noTies(values: readonly unknown[], dp: number): boolean {
  return values.every((value) => ([value].flat(2) as number[]).every((x) => !nearRoundingTie(x, dp)));
}

/** True when no entry rounds to 0 at dp places. */
export function noZeros(values: readonly unknown[], dp: number): boolean {
  return values.every((value) => ([value].flat(2) as number[]).every((x) => !roundsToZero(x, dp)));
}

// ---- parsing ----

export function parseNetwork(input: unknown, topicId: string): NetworkParams {
  const f: Fields = fields(input, topicId);
  const x = vectorField(f, 'x', { min: -LIMIT, max: LIMIT });
  if (x.length > 6) throw new TopicParamsError('"x" may have at most 6 entries');
  const raw = arrayField(f, 'layers', { min: 2, max: 4 });
  let width = x.length;
  const layers = raw.map((entry, l) => {
    const lf = fields(entry, `${topicId} layers[${l}]`);
    const W = matrixField(lf, 'W');
    if (W.length !== width) {
      throw new TopicParamsError(`layers[${l}].W must have ${width} rows (one per input of the layer)`);
    }
    const cols = (W[0] as number[]).length;
    if (cols > 6) throw new TopicParamsError(`layers[${l}].W may have at most 6 columns`);
    if (W.flat().some((w) => Math.abs(w) > LIMIT)) {
      throw new TopicParamsError(`layers[${l}].W entries must be between -${LIMIT} and ${LIMIT}`);
    }
    let b: number[];
    try {
      b = vectorField(lf, 'b', { length: cols, min: -LIMIT, max: LIMIT });
    } catch (e) {
      if (e instanceof TopicParamsError) throw new TopicParamsError(`layers[${l}]: ${e.message}`);
      throw e;
    }
    width = cols;
    return { W, b };
  });
  if (width !== 1) throw new TopicParamsError('the last layer must have exactly 1 output (a sigmoid neuron)');
  const d = numberField(f, 'd', { integer: true, min: 0, max: 1 }) === 1 ? 1 : 0;
  const dp = f['dp'] === undefined ? 2 : numberField(f, 'dp', { integer: true, min: 1, max: 6 });
  return { x, layers, d, dp };
}

// ---- question text ----

export function architecture(p: NetworkParams): string {
  const widths = p.layers.slice(0, -1).map((l) => l.b.length);
  const neurons = (n: number): string => (n === 1 ? '1 neuron' : `${n} neurons`);
  const hiddenText =
    widths.length === 1
      ? `one hidden layer of ${neurons(widths[0] as number)}`
      : `${widths.length} hidden layers (${widths.map(neurons).join(', then ')})`;
  const L = sub(p.layers.length);
  return (
    `A feedforward network has ${p.x.length} inputs, ${hiddenText} with the tanh activation, and one output ` +
    `neuron with the sigmoid activation. Layer l computes u_l = W_lᵀ h_(l−1) + b_l and h_l = f(u_l), with ` +
    `h₀ = x and output y = σ(u${L}); each W_l has one row per input and one column per neuron. It is trained on ` +
    'the binary cross-entropy J = −[d ln y + (1 − d) ln(1 − y)] with target d.'
  );
}

export function networkGivens(p: NetworkParams): Given[] {
  return [
    ...p.layers.flatMap((layer, l): Given[] => [
      { name: `W${sub(l + 1)}`, value: layer.W },
      { name: `b${sub(l + 1)}`, value: layer.b.length === 1 ? (layer.b[0] as number) : layer.b },
    ]),
    { name: 'x', value: p.x },
    { name: 'd', value: p.d },
  ];
}

/** Plain number for a single-output layer, vector otherwise. */
export function scalarIfSingle(v: readonly number[]): number | number[] {
  return v.length === 1 ? (v[0] as number) : [...v];
}

// ---- worked-solution steps ----

/** "3.2 × 1 + (−1.2) × 2 + 0.5" for each output j of u = Wᵀh + b. */
function affineTerms(W: NetworkLayer['W'], h: readonly number[], b: readonly number[]): string[] {
  return b.map(
    (bj, j) => `${h.map((hi, i) => `${term(W[i]?.[j] ?? 0)} × ${term(hi)}`).join(' + ')} + ${term(bj)}`,
  );
}

/** Forward-pass steps: u_l, h_l per layer, then y and the loss. `parts` marks which results answer a part. */
export function forwardSteps(
  p: NetworkParams,
  v: NetworkValues,
  parts: { readonly h?: boolean; readonly uL?: boolean; readonly y?: boolean; readonly loss?: boolean } = {},
): Step[] {
  const steps: Step[] = [];
  const L = v.L;
  p.layers.forEach((layer, l) => {
    const n = sub(l + 1);
    const input = l === 0 ? p.x : (v.pass.h[l - 1] as number[]);
    const inputName = l === 0 ? 'x' : `h${sub(l)}`;
    const u = v.pass.u[l] as number[];
    const terms = affineTerms(layer.W, input, layer.b);
    const isOutput = l === L - 1;
    steps.push({
      title: `Layer ${l + 1}: pre-activation`,
      formula: `u${n} = W${n}ᵀ ${inputName} + b${n}`,
      substitution: `u${n} = ${terms.length === 1 ? (terms[0] as string) : `[${terms.join(', ')}]`}`,
      result: { name: `u${n}`, value: scalarIfSingle(u) },
      ...(isOutput && parts.uL ? { part: `u${L}` } : {}),
    });
    if (!isOutput) {
      steps.push({
        title: `Layer ${l + 1}: tanh activation`,
        formula: `h${n} = tanh(u${n})`,
        substitution: `h${n} = tanh(${fmtVec(u)})`,
        result: { name: `h${n}`, value: v.pass.h[l] as number[] },
        ...(parts.h ? { part: `h${l + 1}` } : {}),
      });
    }
  });
  const uL = v.pass.u[L - 1]?.[0] as number;
  steps.push({
    title: 'Output: sigmoid',
    formula: `y = σ(u${sub(L)}) = 1 / (1 + e^(−u${sub(L)}))`,
    substitution: `y = 1 / (1 + e^(−${term(uL)}))`,
    result: { name: 'y', value: v.y },
    ...(parts.y ? { part: 'y' } : {}),
  });
  steps.push({
    title: 'Binary cross-entropy',
    formula: `J = −[d ln y + (1 − d) ln(1 − y)] = ${p.d === 0 ? '−ln(1 − y) since d = 0' : '−ln y since d = 1'}`,
    substitution: p.d === 0 ? `J = −ln(1 − ${fmt(v.y)})` : `J = −ln(${fmt(v.y)})`,
    result: { name: 'J', value: v.loss },
    ...(parts.loss ? { part: 'loss' } : {}),
  });
  return steps;
}

/** The hidden-layer backprop ingredients: W_{l+1} ∇u_{l+1} and f′(u_l) = 1 − h_l² (0-based l). */
export function hiddenDeltaParts(
  p: NetworkParams,
  v: NetworkValues,
  l: number,
): { back: number[]; deriv: number[] } {
  const next = p.layers[l + 1] as NetworkLayer;
  return {
    back: matVec(next.W, v.back.gradU[l + 1] as number[]),
    deriv: (v.pass.h[l] as number[]).map(tanhDerivativeFromOutput),
  };
}

/** Local-gradient steps ∇u_L, ..., ∇u₁ (output first, as backpropagation runs). */
export function deltaSteps(p: NetworkParams, v: NetworkValues, withParts: boolean): Step[] {
  const L = v.L;
  const steps: Step[] = [
    {
      title: `Output layer local gradient ∇u${sub(L)} J`,
      formula: `∇u${sub(L)} J = ∂J/∂y · σ′(u${sub(L)}) = (y − d)/(y(1 − y)) · y(1 − y) = y − d`,
      substitution: `∇u${sub(L)} J = ${fmt(v.y)} − ${p.d}`,
      result: { name: `∇u${sub(L)} J`, value: v.back.gradU[L - 1]?.[0] as number },
      ...(withParts ? { part: `du${L}` } : {}),
      note: `σ′(u) = y(1 − y) = ${fmt(sigmoidDerivativeFromOutput(v.y))} cancels the denominator of ∂J/∂y.`,
    },
  ];
  for (let l = L - 2; l >= 0; l--) {
    const n = sub(l + 1);
    const m = sub(l + 2);
    const { back, deriv } = hiddenDeltaParts(p, v, l);
    steps.push({
      title: `Layer ${l + 1} local gradient ∇u${n} J`,
      formula: `∇u${n} J = (W${m} ∇u${m} J) ⊙ f′(u${n}), with tanh′(u) = 1 − h²`,
      substitution: `W${m} ∇u${m} J = ${fmtVec(back)};  1 − h${n}² = ${fmtVec(deriv)};  product element by element`,
      result: { name: `∇u${n} J`, value: v.back.gradU[l] as number[] },
      ...(withParts ? { part: `du${l + 1}` } : {}),
    });
  }
  return steps;
}

/** ∇W_l J = h_{l−1} (∇u_l J)ᵀ as the answer value: a vector for a single-output layer, else a matrix. */
export function weightGradientValue(v: NetworkValues, l: number): number[] | number[][] {
  const g = v.back.gradW[l] as number[][];
  return g[0]?.length === 1 ? g.map((row) => row[0] as number) : g;
}

export function transposedWeightGradient(v: NetworkValues, l: number): number[][] {
  return transpose(v.back.gradW[l] as number[][]);
}

/** ∇W computed with u_{l−1} in place of h_{l−1} (a classic slip); undefined for the first layer. */
export function weightGradientFromU(v: NetworkValues, l: number): number[] | number[][] | undefined {
  if (l === 0) return undefined;
  const g = outer(v.pass.u[l - 1] as number[], v.back.gradU[l] as number[]);
  return g[0]?.length === 1 ? g.map((row) => row[0] as number) : g;
}

/** u_l without its bias (W_lᵀ h_{l−1}), for the forgot-bias slip. */
export function preActivationWithoutBias(p: NetworkParams, v: NetworkValues, l: number): number[] {
  const input = l === 0 ? p.x : (v.pass.h[l - 1] as number[]);
  return matTVec((p.layers[l] as NetworkLayer).W, input);
}
