/**
 * Forward pass of a small recurrent network over a short sequence (paper 4(a)): the output-feedback form
 * h(t) = tanh(Uᵀx(t) + Wᵀy(t−1) + b), y(t) = σ(Vᵀh(t) + c), or the Elman form with Wᵀh(t−1).
 */
import { activate } from '../../math/activations.js';
import { addVectors, matTVec, transpose, type Matrix } from '../../math/linalg.js';
import { runRnn, type RnnForm, type RnnStep, type RnnWeights } from '../../math/rnn.js';
import { formatNumber, formatVector } from '../../format.js';
import type { Rng } from '../../rng.js';
import type {
  Carry,
  Expected,
  Given,
  NumericValue,
  Part,
  QuestionText,
  Slip,
  Step,
  Topic,
} from '../../types.js';
import { nearRoundingTie } from './rounding.js';
import {
  checkVector,
  fail,
  matrixSize,
  readArray,
  readEnum,
  readMatrix,
  readObject,
  readVector,
  type Obj,
} from '../conv/read-params.js';

export interface RnnForwardParams {
  readonly form: RnnForm;
  /** (inputs × hidden). */
  readonly U: readonly (readonly number[])[];
  /** (outputs × hidden) for output feedback, (hidden × hidden) for Elman. */
  readonly W: readonly (readonly number[])[];
  /** (hidden × outputs). */
  readonly V: readonly (readonly number[])[];
  readonly b: readonly number[];
  readonly c: readonly number[];
  /** x(1), x(2), ... */
  readonly xs: readonly (readonly number[])[];
  /** y(0) for output feedback, h(0) for Elman. */
  readonly initial: readonly number[];
}

const DP = 4;
const MAX_ABS = 100;
const MAX_UNITS = 4;

function weights(p: RnnForwardParams): RnnWeights {
  return { U: p.U, W: p.W, V: p.V, b: p.b, c: p.c };
}

function run(p: RnnForwardParams, w: RnnWeights = weights(p)): RnnStep[] {
  return runRnn(p.form, w, p.xs, p.initial);
}

function prev(p: RnnForwardParams): string {
  return p.form === 'elman' ? 'h' : 'y';
}

// ---- parameters ----

export function parseRnnForwardParams(input: unknown): RnnForwardParams {
  const o: Obj = readObject(input, '', ['form', 'U', 'W', 'V', 'b', 'c', 'xs', 'initial']);
  const form = readEnum(o, 'form', '', ['output-feedback', 'elman'] as const);
  const [inputs, hidden] = matrixSize(o, 'U', '', MAX_UNITS);
  const U = readMatrix(o, 'U', '', inputs, hidden, MAX_ABS);
  const [vRows, outputs] = matrixSize(o, 'V', '', MAX_UNITS);
  if (vRows !== hidden) fail(`V must have ${hidden} rows (one per hidden unit, as U has ${hidden} columns)`);
  const V = readMatrix(o, 'V', '', hidden, outputs, MAX_ABS);
  const fed = form === 'elman' ? hidden : outputs;
  const W = readMatrix(o, 'W', '', fed, hidden, MAX_ABS);
  const b = readVector(o, 'b', '', hidden, MAX_ABS);
  const c = readVector(o, 'c', '', outputs, MAX_ABS);
  const xs = readArray(o, 'xs', '', 1, 4).map((x, t) => checkVector(x, `xs[${t}]`, inputs, MAX_ABS));
  const initial = readVector(o, 'initial', '', fed, MAX_ABS);
  return { form, U, W, V, b, c, xs, initial };
}

function drawMatrix(rng: Rng, rows: number, cols: number, max: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.decimal(-max, max, 1)));
}

function acceptable(p: RnnForwardParams): boolean {
  const steps = run(p);
  const allU = steps.flatMap((s) => s.u);
  const allV = steps.flatMap((s) => s.v);
  // Not saturated (tanh' not ~0), not trivially 0, outputs not exactly 1/2, hidden units distinguishable.
  if (allU.some((u) => Math.abs(u) > 3 || Math.abs(u) < 0.1)) return false;
  if (allV.some((v) => Math.abs(v) < 0.05)) return false;
  if (steps.some((s) => new Set(s.h.map((h) => h.toFixed(DP))).size < s.h.length)) return false;
  if (p.V.flat().some((v) => v === 0) || p.W.flat().every((w) => w === 0)) return false;
  // No answer on a rounding tie at 4 dp (a student's 4-dp rounding would depend on how they carried digits).
  return steps.every((s) => [...s.h, ...s.y].every((v) => !nearRoundingTie(v, DP)));
}

export const PAPER_RNN: RnnForwardParams = {
  form: 'output-feedback',
  U: [
    [0.2, 0.3],
    [0.8, 0.9],
  ],
  W: [[2.0, 1.0]],
  V: [[0.2], [-0.2]],
  b: [0.2, 0.2],
  c: [0.2],
  xs: [
    [1.5, 1],
    [-3.0, 2.0],
  ],
  initial: [1],
};

export function generateRnnForward(rng: Rng): RnnForwardParams {
  const form: RnnForm = rng.chance(0.7) ? 'output-feedback' : 'elman';
  for (let attempt = 0; attempt < 200; attempt++) {
    const shared = rng.chance(0.5) ? rng.decimal(-0.5, 0.5, 1) : undefined;
    const p: RnnForwardParams = {
      form,
      U: drawMatrix(rng, 2, 2, 1),
      W: form === 'elman' ? drawMatrix(rng, 2, 2, 1) : drawMatrix(rng, 1, 2, 2),
      V: drawMatrix(rng, 2, 1, 1),
      b: shared === undefined ? [rng.decimal(-0.5, 0.5, 1), rng.decimal(-0.5, 0.5, 1)] : [shared, shared],
      c: [rng.decimal(-0.5, 0.5, 1)],
      xs: drawMatrix(rng, 2, 2, 3),
      initial: form === 'elman' ? [0, 0] : [rng.pick([0, 1])],
    };
    if (acceptable(p)) return p;
  }
  return form === 'elman'
    ? {
        ...PAPER_RNN,
        form,
        W: [
          [0.5, -0.4],
          [0.3, 0.2],
        ],
        initial: [0, 0],
      }
    : PAPER_RNN;
}

// ---- question ----

export function rnnForwardQuestion(p: RnnForwardParams): QuestionText {
  const r = prev(p);
  const givens: Given[] = [
    { name: 'U', value: p.U },
    { name: 'W', value: p.W },
    { name: 'V', value: p.V },
    { name: 'b', value: p.b },
    { name: 'c', value: p.c.length === 1 ? (p.c[0] as number) : p.c },
    ...p.xs.map((x, t) => ({ name: `x(${t + 1})`, value: x })),
    {
      name: `${r}(0)`,
      value: p.initial.length === 1 ? (p.initial[0] as number) : p.initial,
    },
  ];
  const kind = p.form === 'elman' ? 'An Elman recurrent network' : 'A recurrent network with output feedback';
  return {
    text: [
      `${kind} computes, at each time step t,`,
      `  h(t) = tanh(Uᵀx(t) + Wᵀ${r}(t−1) + b)`,
      '  y(t) = σ(Vᵀh(t) + c)',
      `where σ is the logistic sigmoid. With the weights, biases and initial ${r}(0) below, the input sequence x(1), ..., x(${p.xs.length}) is fed in. Work to 4 decimal places.`,
    ].join('\n'),
    givens,
    parts: p.xs.flatMap((_, i) => {
      const t = i + 1;
      return [
        { id: `h${t}`, prompt: `Compute the hidden state h(${t}), to 4 dp.` },
        { id: `y${t}`, prompt: `Compute the output y(${t}), to 4 dp.` },
      ];
    }),
  };
}

// ---- answers ----

function yValue(y: readonly number[]): number | number[] {
  return y.length === 1 ? (y[0] as number) : [...y];
}

function expectedOf(v: number | readonly number[]): Expected {
  return typeof v === 'number'
    ? { kind: 'number', value: v, dp: DP }
    : { kind: 'vector', value: [...v], dp: DP };
}

function rounded(v: number | readonly number[]): string {
  return typeof v === 'number' ? v.toFixed(DP) : v.map((x) => x.toFixed(DP)).join(',');
}

function isSymmetric(m: Matrix): boolean {
  return m.every((row, i) => row.every((v, j) => v === m[j]?.[i]));
}

/** Alternative weights that classic slips amount to, each with its message. */
function slipRuns(p: RnnForwardParams): { id: string; message: string; steps: RnnStep[] }[] {
  const w = weights(p);
  const out: { id: string; message: string; steps: RnnStep[] }[] = [];
  const squareU = p.U.length === p.U[0]?.length && !isSymmetric(p.U);
  const squareW = p.form === 'elman' && !isSymmetric(p.W);
  if (squareU || squareW) {
    out.push({
      id: 'transposed',
      message: `It looks like a weight matrix was not transposed: the pre-activation is Uᵀx(t) + Wᵀ${prev(p)}(t−1) + b, not Ux(t) + ...`,
      steps: run(p, { ...w, U: squareU ? transpose(p.U) : p.U, W: squareW ? transpose(p.W) : p.W }),
    });
  }
  if (p.b.some((v) => v !== 0) || p.c.some((v) => v !== 0)) {
    out.push({
      id: 'forgot-bias',
      message: 'It looks like you forgot the biases b and c.',
      steps: run(p, { ...w, b: p.b.map(() => 0), c: p.c.map(() => 0) }),
    });
  }
  out.push({
    id: 'forgot-recurrence',
    message: `It looks like you left out the recurrent term Wᵀ${prev(p)}(t−1).`,
    steps: run(p, { ...w, W: p.W.map((row) => row.map(() => 0)) }),
  });
  return out;
}

function slipsFor(
  correct: number | readonly number[],
  candidates: { id: string; message: string; value: number | number[] }[],
): Slip[] {
  const out: Slip[] = [];
  const seen = new Set([rounded(correct)]);
  for (const s of candidates) {
    const key = rounded(s.value);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

export function solveRnnForward(p: RnnForwardParams): Part[] {
  const steps = run(p);
  const alternatives = slipRuns(p);
  return steps.flatMap((s, i): Part[] => {
    const t = i + 1;
    const y = yValue(s.y);
    const alt = alternatives.flatMap((a) => {
      const step = a.steps[i];
      return step === undefined ? [] : [{ ...a, step }];
    });
    return [
      {
        id: `h${t}`,
        name: `h(${t})`,
        expected: expectedOf(s.h),
        slips: slipsFor(
          s.h,
          alt.map((a) => ({ id: a.id, message: a.message, value: a.step.h })),
        ),
      },
      {
        id: `y${t}`,
        name: `y(${t})`,
        expected: expectedOf(y),
        slips: slipsFor(
          y,
          alt.map((a) => ({ id: a.id, message: a.message, value: yValue(a.step.y) })),
        ),
      },
    ];
  });
}

// ---- explanation ----

const f = (x: number): string => formatNumber(x, DP);
const signed = (x: number): string => (x < 0 ? `(${f(x)})` : f(x));

/** "0.2×0.9973 + (−0.2)×0.9879 + 0.2" for column j of a (rows × cols) matrix against a vector. */
function columnSum(m: Matrix, j: number, v: readonly number[]): string {
  return m.map((row, i) => `${signed(row[j] ?? 0)}×${signed(v[i] ?? 0)}`).join(' + ');
}

export function explainRnnForward(p: RnnForwardParams): Step[] {
  const steps = run(p);
  const r = prev(p);
  const out: Step[] = [];
  steps.forEach((s, i) => {
    const t = i + 1;
    const x = p.xs[i] as readonly number[];
    const previous =
      i === 0 ? p.initial : p.form === 'elman' ? (steps[i - 1]?.h ?? []) : (steps[i - 1]?.y ?? []);
    const hidden = s.u.length;
    const units = Array.from({ length: hidden }, (_, j) => j);
    out.push({
      title: `t = ${t}: hidden pre-activation`,
      formula: `u(${t}) = Uᵀx(${t}) + Wᵀ${r}(${t - 1}) + b`,
      substitution: [
        `Uᵀx(${t}) = [${units.map((j) => columnSum(p.U, j, x)).join(', ')}] = ${formatVector(s.inputTerm, DP)}`,
        `Wᵀ${r}(${t - 1}) = [${units.map((j) => columnSum(p.W, j, previous)).join(', ')}] = ${formatVector(s.recurrentTerm, DP)}`,
        `u(${t}) = ${formatVector(s.inputTerm, DP)} + ${formatVector(s.recurrentTerm, DP)} + ${formatVector(p.b, DP)}`,
      ].join('\n'),
      result: { name: `u(${t})`, value: s.u },
    });
    out.push({
      title: `t = ${t}: hidden state`,
      formula: `h(${t}) = tanh(u(${t}))`,
      substitution: `tanh(${formatVector(s.u, DP)})`,
      result: { name: `h(${t})`, value: s.h },
      part: `h${t}`,
    });
    const outputs = s.v.length;
    const outUnits = Array.from({ length: outputs }, (_, k) => k);
    out.push({
      title: `t = ${t}: output`,
      formula: `y(${t}) = σ(Vᵀh(${t}) + c) = 1/(1 + e^(−(Vᵀh(${t}) + c)))`,
      substitution: [
        `Vᵀh(${t}) + c = ${outUnits.map((k) => `${columnSum(p.V, k, s.h)} + ${signed(p.c[k] ?? 0)}`).join('; ')} = ${
          outputs === 1 ? f(s.v[0] ?? 0) : formatVector(s.v, DP)
        }`,
        `σ(${outputs === 1 ? f(s.v[0] ?? 0) : formatVector(s.v, DP)})`,
      ].join('\n'),
      result: { name: `y(${t})`, value: yValue(s.y) },
      part: `y${t}`,
      ...(i + 1 < steps.length && p.form === 'output-feedback'
        ? {
            note: `y(${t}) is fed back into the hidden layer at t = ${t + 1}. This solution carries its unrounded value; carrying your own y(${t}) to 4 dp is marked by follow-through.`,
          }
        : {}),
    });
  });
  return out;
}

// ---- follow-through route ----

/**
 * The answers on a follow-through route (Topic.route), step by step as the worked solution shows them: Uᵀx(t),
 * Wᵀ·(t−1), u(t), h(t), Vᵀh(t) + c, y(t). Every shown intermediate is carried at 4 dp on a rounded route; h(t)
 * and y(t) are carried as the student gave them, so an error in h(1) carries into y(1), h(2), y(2).
 */
export function rnnForwardRoute(p: RnnForwardParams, carry: Carry): Record<string, NumericValue> {
  const out: Record<string, NumericValue> = {};
  let previous: readonly number[] = p.initial;
  p.xs.forEach((x, i) => {
    const t = i + 1;
    const inputTerm = carry.steps(matTVec(p.U, x), DP);
    const recurrentTerm = carry.steps(matTVec(p.W, previous), DP);
    const u = carry.steps(addVectors(addVectors(inputTerm, recurrentTerm), p.b), DP);
    const h = activate('tanh', u);
    out[`h${t}`] = h;
    const hCarried = carry.vector(`h${t}`, h);
    const y = activate('sigmoid', carry.steps(addVectors(matTVec(p.V, hCarried), p.c), DP));
    // One output is a number part (as solve() asks it), several a vector part.
    let yCarried: readonly number[];
    if (y.length === 1) {
      const y0 = y[0] ?? NaN;
      out[`y${t}`] = y0;
      yCarried = [carry.number(`y${t}`, y0)];
    } else {
      out[`y${t}`] = y;
      yCarried = carry.vector(`y${t}`, y);
    }
    previous = p.form === 'elman' ? hCarried : yCarried;
  });
  return out;
}

export const rnnForwardTopic: Topic<RnnForwardParams> = {
  id: 'rnn-forward',
  title: 'RNN forward pass',
  summary: 'Hidden states and outputs of a small recurrent network over a two-step sequence',
  groups: ['rnn'],
  difficulty: 3,
  paperRef: '4(a)',
  generate: generateRnnForward,
  parseParams: parseRnnForwardParams,
  question: rnnForwardQuestion,
  solve: solveRnnForward,
  explain: explainRnnForward,
  route: rnnForwardRoute,
};
