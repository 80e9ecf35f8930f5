/**
 * Students who work a multi-step question by hand, in plain arithmetic, independently of the topics' own code:
 * each model computes every part the way the worked solution shows the steps, carrying the values the student
 * already gave for earlier parts (`own`) and, when `rounded`, writing every shown intermediate to the question's
 * precision (half away from zero, as calculators round) before using it.
 */
import type { NumericValue } from '../../../src/core/types.js';

export type Own = ReadonlyMap<string, NumericValue>;
export type Answers = Record<string, NumericValue>;

export interface Student {
  /** The student's value for every part the model computes (parts it does not compute are absent). */
  readonly answers: (params: unknown, own: Own, rounded: boolean) => Answers;
  /** The first part that later parts take as an input, if any (the "(a)" an error is carried forward from). */
  readonly first?: (params: unknown) => string | undefined;
}

/** Half away from zero at dp places, reading the value as the decimal it prints as (2.675 → 2.68). */
export function round(x: number, dp: number): number {
  if (!Number.isFinite(x)) return x;
  const scaled = Number((Math.abs(x) * 10 ** dp).toPrecision(12));
  const r = Math.floor(scaled + 0.5) / 10 ** dp;
  return x < 0 ? -r : r;
}

/** The student's carried value of `id`: their own answer, else their (rounded) result. */
function carrier(own: Own, rounded: boolean) {
  const keep = (x: number, dp: number | undefined): number =>
    rounded && dp !== undefined ? round(x, dp) : x;
  return {
    number(id: string, x: number, dp?: number): number {
      const g = own.get(id);
      return typeof g === 'number' ? g : keep(x, dp);
    },
    vector(id: string, v: readonly number[], dp?: number): readonly number[] {
      const g = own.get(id);
      if (Array.isArray(g) && g.length === v.length && g.every((c) => typeof c === 'number')) {
        return g;
      }
      return v.map((x) => keep(x, dp));
    },
    step: (x: number, dp: number): number => keep(x, dp),
    steps: (v: readonly number[], dp: number): number[] => v.map((x) => keep(x, dp)),
  };
}

const sigmoid = (u: number): number => 1 / (1 + Math.exp(-u));
/** Wᵀh for W stored (inputs × outputs): output j is Σ_i W[i][j] h[i]. */
const transposedTimes = (W: readonly (readonly number[])[], h: readonly number[]): number[] =>
  (W[0] ?? []).map((_, j) => W.reduce((s, row, i) => s + (row[j] ?? NaN) * (h[i] ?? NaN), 0));
/** W δ: entry i is Σ_j W[i][j] δ[j]. */
const times = (W: readonly (readonly number[])[], d: readonly number[]): number[] =>
  W.map((row) => row.reduce((s, w, j) => s + w * (d[j] ?? NaN), 0));
const plus = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x + (b[i] ?? NaN));

// ---- dense ----

interface Network {
  x: number[];
  layers: { W: number[][]; b: number[] }[];
  d: 0 | 1;
  dp: number;
}

/** mlp-forward, backprop-deltas, backprop-weights: forward pass, loss, backward pass, every value at dp. */
const network: Student = {
  answers(params, own, rounded) {
    const p = params as Network;
    const c = carrier(own, rounded);
    const out: Answers = {};
    const L = p.layers.length;
    const inputs: (readonly number[])[] = [p.x];
    let h: readonly number[] = p.x;
    p.layers.slice(0, -1).forEach((layer, l) => {
      const u = c.steps(plus(transposedTimes(layer.W, h), layer.b), p.dp);
      const value = u.map(Math.tanh);
      out[`h${l + 1}`] = value;
      h = c.vector(`h${l + 1}`, value, p.dp);
      inputs.push(h);
    });
    const last = p.layers[L - 1]!;
    const uL = plus(transposedTimes(last.W, h), last.b)[0]!;
    out[`u${L}`] = uL;
    const y = sigmoid(c.number(`u${L}`, uL, p.dp));
    out['y'] = y;
    const yc = c.number('y', y, p.dp);
    out['loss'] = p.d === 0 ? -Math.log(1 - yc) : -Math.log(yc);
    out[`du${L}`] = yc - p.d;
    const deltas: (readonly number[])[] = [];
    deltas[L - 1] = [c.number(`du${L}`, yc - p.d, p.dp)];
    for (let l = L - 2; l >= 0; l--) {
      const back = c.steps(times(p.layers[l + 1]!.W, deltas[l + 1]!), p.dp);
      const deriv = c.steps(
        inputs[l + 1]!.map((v) => 1 - v * v),
        p.dp,
      );
      const du = back.map((v, i) => v * deriv[i]!);
      out[`du${l + 1}`] = du;
      deltas[l] = c.vector(`du${l + 1}`, du, p.dp);
    }
    deltas.forEach((d, l) => {
      const input = inputs[l]!;
      out[`dW${l + 1}`] =
        d.length === 1 ? input.map((v) => v * d[0]!) : input.map((v) => d.map((e) => v * e));
      out[`db${l + 1}`] = d.length === 1 ? d[0]! : [...d];
    });
    return out;
  },
};

/** mlp-forward: h₁ feeds everything after it. */
const mlpForward: Student = { answers: network.answers, first: () => 'h1' };
/** backprop-deltas: ∇u_L J feeds the hidden layers' local gradients. */
const backpropDeltas: Student = {
  answers: network.answers,
  first: (params) => `du${(params as Network).layers.length}`,
};
/** backprop-weights: every part reads intermediates only (the local gradients are not asked). */
const backpropWeights: Student = { answers: network.answers };

interface Neuron {
  x: number[];
  w: number[];
  b: number;
  d: number;
  beta?: number;
}

const output = (p: Neuron): number => p.w.reduce((s, w, i) => s + w * p.x[i]!, p.b);

/** linear-neuron-gradients: y, d − y (at 3 dp, the finest asked), ∇y J = −2(d − y), then ∇w J = ∇y J · x and ∇b J = ∇y J. */
const linearNeuron: Student = {
  answers(params, own, rounded) {
    const p = params as Neuron;
    const c = carrier(own, rounded);
    const y = c.step(output(p), 3);
    const err = c.step(p.d - y, 3);
    const dy = -2 * err;
    const carried = c.number('dy', dy, 2);
    return { dy, dw: p.x.map((x) => carried * x), db: carried };
  },
  first: () => 'dy',
};

/** l2-gradients: y, d − y, the data term, the penalty 2βw (each at 3 dp, the finest asked), their sum; ∇b from d − y. */
const l2: Student = {
  answers(params, own, rounded) {
    const p = params as Neuron;
    const c = carrier(own, rounded);
    const y = c.step(output(p), 3);
    const err = c.step(p.d - y, 3);
    const data = c.steps(
      p.x.map((x) => -2 * err * x),
      3,
    );
    const penalty = c.steps(
      p.w.map((w) => 2 * (p.beta ?? NaN) * w),
      3,
    );
    return { dw: plus(data, penalty), db: -2 * err };
  },
};

/** dense-params: each layer n_in·n_out (+ n_out), the total as the sum of the student's layer counts. */
const denseParams: Student = {
  answers(params, own) {
    const p = params as { layers: { inputs: number; outputs: number; bias: boolean }[] };
    const c = carrier(own, false);
    const out: Answers = {};
    let total = 0;
    p.layers.forEach((l, i) => {
      const count = l.inputs * l.outputs + (l.bias ? l.outputs : 0);
      out[`layer${i + 1}`] = count;
      total += c.number(`layer${i + 1}`, count);
    });
    out['total'] = total;
    return out;
  },
  first: () => 'layer1',
};

/** activation-derivatives: y = f(u) written to 4 dp, then 1 − y² or y(1 − y). */
const activationDerivatives: Student = {
  answers(params, own, rounded) {
    const p = params as { points: { fn: 'tanh' | 'sigmoid' | 'relu'; u: number }[] };
    const c = carrier(own, rounded);
    const out: Answers = {};
    p.points.forEach((pt, i) => {
      if (pt.fn === 'relu') out[`p${i + 1}`] = pt.u > 0 ? 1 : 0;
      else if (pt.fn === 'tanh') out[`p${i + 1}`] = 1 - c.step(Math.tanh(pt.u), 4) ** 2;
      else {
        const y = c.step(sigmoid(pt.u), 4);
        out[`p${i + 1}`] = y * (1 - y);
      }
    });
    return out;
  },
};

// ---- conv ----

interface ChainStage {
  type: 'conv' | 'maxpool' | 'avgpool';
  kernel: number;
  stride: number;
  padding: number;
  dilation?: number;
}

/** conv-output-size, forward form: out = ⌊(W + 2p − r(F − 1) − 1)/s⌋ + 1 from the student's previous size. */
const convOutputSize: Student = {
  answers(params, own) {
    const p = params as { inputSize: number; layers: ChainStage[]; unknowns?: unknown[] };
    const out: Answers = {};
    if (p.unknowns !== undefined) return out;
    const c = carrier(own, false);
    let size = p.inputSize;
    for (const [i, s] of p.layers.entries()) {
      const span = (s.type === 'conv' ? (s.dilation ?? 1) : 1) * (s.kernel - 1) + 1;
      const room = size + 2 * s.padding - span;
      if (room < 0) break;
      const next = Math.floor(room / s.stride) + 1;
      out[`out${i + 1}`] = next;
      size = c.number(`out${i + 1}`, next);
      if (!Number.isInteger(size) || size < 1) break;
    }
    return out;
  },
  first: (params) => ((params as { unknowns?: unknown[] }).unknowns === undefined ? 'out1' : undefined),
};

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** depthwise-separable: FLOPs 2·F²·C_in·C_out·H², 2·F²·C_in·H², 2·C_in·C_out·H²; sum and ratio from them. */
const depthwiseSeparable: Student = {
  answers(params, own) {
    const p = params as { inChannels: number; outChannels: number; kernel: number; outputSize: number };
    const c = carrier(own, false);
    const area = p.outputSize * p.outputSize;
    const k2 = p.kernel * p.kernel;
    const std = 2 * k2 * p.inChannels * p.outChannels * area;
    const dw = 2 * k2 * p.inChannels * area;
    const pw = 2 * p.inChannels * p.outChannels * area;
    const sep = c.number('dw', dw) + c.number('pw', pw);
    const a = c.number('sep', sep);
    const b = c.number('std', std);
    const out: Answers = { std, dw, pw, sep };
    if ([a, b].every((n) => Number.isSafeInteger(n) && n >= 1)) out['ratio'] = [a / gcd(a, b), b / gcd(a, b)];
    return out;
  },
  first: () => 'dw',
};

// ---- sequence ----

interface Rnn {
  form: 'elman' | 'output-feedback';
  U: number[][];
  W: number[][];
  V: number[][];
  b: number[];
  c: number[];
  xs: number[][];
  initial: number[];
}

/** rnn-forward: Uᵀx(t), Wᵀ·(t−1), u(t), h(t), Vᵀh(t) + c, y(t), each at 4 dp, step after step. */
const rnnForward: Student = {
  answers(params, own, rounded) {
    const p = params as Rnn;
    const c = carrier(own, rounded);
    const out: Answers = {};
    let previous: readonly number[] = p.initial;
    p.xs.forEach((x, i) => {
      const t = i + 1;
      const input = c.steps(transposedTimes(p.U, x), 4);
      const recurrent = c.steps(transposedTimes(p.W, previous), 4);
      const u = c.steps(plus(plus(input, recurrent), p.b), 4);
      const h = u.map(Math.tanh);
      out[`h${t}`] = h;
      const hc = c.vector(`h${t}`, h, 4);
      const y = c.steps(plus(transposedTimes(p.V, hc), p.c), 4).map(sigmoid);
      let yc: readonly number[];
      if (y.length === 1) {
        out[`y${t}`] = y[0]!;
        yc = [c.number(`y${t}`, y[0]!, 4)];
      } else {
        out[`y${t}`] = y;
        yc = c.vector(`y${t}`, y, 4);
      }
      previous = p.form === 'elman' ? hc : yc;
    });
    return out;
  },
  first: () => 'h1',
};

/** positional-encoding: θ = pos / 10000^(2i/d_model) written to 4 dp, then sin θ or cos θ. */
const positionalEncoding: Student = {
  answers(params, own, rounded) {
    const p = params as { pos: number; dModel: number; dims: number[] };
    const c = carrier(own, rounded);
    const out: Answers = {};
    for (const j of p.dims) {
      const theta = c.step(p.pos / 10000 ** ((2 * Math.floor(j / 2)) / p.dModel), 4);
      out[`pe${j}`] = j % 2 === 0 ? Math.sin(theta) : Math.cos(theta);
    }
    return out;
  },
};

// ---- tensor ----

type Op =
  | { op: 'reshape' | 'view'; shape: number[] }
  | { op: 'unsqueeze'; dim: number }
  | { op: 'squeeze'; dim?: number }
  | { op: 'flatten'; startDim?: number; endDim?: number }
  | { op: 'transpose'; dim0: number; dim1: number }
  | { op: 'permute'; dims: number[] }
  | { op: 'expand'; sizes: number[] };

const product = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);
/** PyTorch's dim wrapping; undefined when out of range. */
const wrap = (d: number, rank: number): number | undefined => {
  const r = Math.max(rank, 1);
  return d < -r || d >= r ? undefined : d < 0 ? d + r : d;
};

/** One PyTorch shape rule; undefined where PyTorch raises. */
function shapeAfter(s: readonly number[], op: Op): number[] | undefined {
  switch (op.op) {
    case 'reshape':
    case 'view': {
      const known = product(op.shape.filter((d) => d !== -1));
      if (!op.shape.includes(-1)) return known === product(s) ? [...op.shape] : undefined;
      return product(s) % known === 0 ? op.shape.map((d) => (d === -1 ? product(s) / known : d)) : undefined;
    }
    case 'unsqueeze': {
      const d = wrap(op.dim, s.length + 1);
      return d === undefined ? undefined : [...s.slice(0, d), 1, ...s.slice(d)];
    }
    case 'squeeze': {
      if (op.dim === undefined) return s.filter((d) => d !== 1);
      const d = wrap(op.dim, s.length);
      if (d === undefined) return undefined;
      return s[d] === 1 ? [...s.slice(0, d), ...s.slice(d + 1)] : [...s];
    }
    case 'flatten': {
      const a = wrap(op.startDim ?? 0, s.length);
      const b = wrap(op.endDim ?? -1, s.length);
      if (a === undefined || b === undefined || a > b) return undefined;
      return [...s.slice(0, a), product(s.slice(a, b + 1)), ...s.slice(b + 1)];
    }
    case 'transpose': {
      const a = wrap(op.dim0, s.length);
      const b = wrap(op.dim1, s.length);
      if (a === undefined || b === undefined) return undefined;
      const t = [...s];
      t[a] = s[b]!;
      t[b] = s[a]!;
      return t;
    }
    case 'permute': {
      const dims = op.dims.map((d) => wrap(d, s.length));
      if (dims.length !== s.length || new Set(dims).size !== s.length || dims.includes(undefined))
        return undefined;
      return dims.map((d) => s[d!]!);
    }
    case 'expand': {
      const lead = op.sizes.length - s.length;
      if (lead < 0) return undefined;
      const t = op.sizes.map((size, k) => {
        if (k < lead) return size >= 1 ? size : undefined;
        const old = s[k - lead]!;
        if (size === -1) return old;
        return old === 1 || old === size ? size : undefined;
      });
      return t.every((d) => d !== undefined) ? t : undefined;
    }
  }
}

/** tensor-shapes: each shape from the student's previous shape. */
const tensorShapes: Student = {
  answers(params, own) {
    const p = params as { shape: number[]; ops: Op[] };
    const out: Answers = {};
    let current: readonly number[] = p.shape;
    for (const [k, op] of p.ops.entries()) {
      const next = shapeAfter(current, op);
      if (next === undefined) break;
      out[`s${k + 1}`] = next;
      const g = own.get(`s${k + 1}`);
      current = Array.isArray(g) && g.length === next.length ? (g as number[]) : next;
    }
    return out;
  },
  first: (params) => ((params as { ops: Op[] }).ops.length > 1 ? 's1' : undefined),
};

export const STUDENTS: Readonly<Record<string, Student>> = {
  'mlp-forward': mlpForward,
  'backprop-deltas': backpropDeltas,
  'backprop-weights': backpropWeights,
  'linear-neuron-gradients': linearNeuron,
  'l2-gradients': l2,
  'dense-params': denseParams,
  'activation-derivatives': activationDerivatives,
  'conv-output-size': convOutputSize,
  'depthwise-separable': depthwiseSeparable,
  'rnn-forward': rnnForward,
  'positional-encoding': positionalEncoding,
  'tensor-shapes': tensorShapes,
};
