/**
 * Paper 1(b)(i): a linear neuron y = wᵀx + b with squared error J = (d − y)²; find ∇y J, ∇w J and ∇b J.
 *   ∇y J = −2(d − y),  ∇w J = ∇y J · ∂y/∂w = −2(d − y) x,  ∇b J = ∇y J · ∂y/∂b = −2(d − y)
 */
import type { Rng } from '../../rng.js';
import type { Carry, NumericValue, Part, QuestionText, Slip, Step, Topic } from '../../types.js';
import { fields } from './parse.js';
import { distinctSlips, fmt, fmtVec, places, term, tidy, tidyVector } from './numbers.js';
import {
  drawNeuron,
  errorSubstitution,
  type NeuronParams,
  neuronGivens,
  neuronOutput,
  outputSubstitution,
  parseNeuron,
} from './neuron-params.js';

const ID = 'linear-neuron-gradients';
/** One-decimal inputs: y has 2 decimals, ∇y and ∇b 2, ∇w = ∇y x 3. The answers are exact at these places. */
const DP_SCALAR = 2;
const DP_VECTOR = 3;

interface Values {
  y: number;
  err: number;
  dy: number;
  dw: number[];
  db: number;
}

function values(p: NeuronParams): Values {
  const y = neuronOutput(p);
  const err = tidy(p.d - y);
  const dy = tidy(-2 * err);
  return { y, err, dy, dw: tidyVector(p.x.map((xi) => dy * xi)), db: dy };
}

function generate(rng: Rng): NeuronParams {
  for (;;) {
    const p = drawNeuron(rng);
    const v = values(p);
    // Reject a tiny error (gradients near 0), and ∇y J = ±1 (∇w J would just repeat ±x).
    if (Math.abs(v.err) < 0.2 || Math.abs(v.err) > 6 || Math.abs(v.dy) === 1) continue;
    return p;
  }
}

function parseParams(input: unknown): NeuronParams {
  return parseNeuron(fields(input, ID));
}

function question(p: NeuronParams): QuestionText {
  return {
    text:
      'A linear neuron computes y = wᵀx + b and is trained on the squared error J = (d − y)², where d is the ' +
      'target output. For the input x, weights w, bias b and target d below, find the gradients of J.',
    givens: neuronGivens(p),
    parts: [
      { id: 'dy', prompt: `∇y J, the gradient with respect to the output y (to ${places(DP_SCALAR)}).` },
      {
        id: 'dw',
        prompt: `∇w J, the gradient with respect to the weights (a vector, to ${places(DP_VECTOR)}).`,
      },
      { id: 'db', prompt: `∇b J, the gradient with respect to the bias (to ${places(DP_SCALAR)}).` },
    ],
  };
}

const DROPPED_2 =
  'It looks like you dropped the 2: the derivative of (d − y)² with respect to y is −2(d − y).';
const SIGN = 'Check the sign: by the chain rule d/dy (d − y)² = 2(d − y) · (−1) = −2(d − y).';

function slipsFor(correct: number | number[], scale: (k: number) => number | number[], dp: number): Slip[] {
  return distinctSlips(
    correct,
    [
      { id: 'dropped-2', message: DROPPED_2, value: scale(-1) },
      { id: 'sign-flipped', message: SIGN, value: scale(2) },
    ],
    dp,
  );
}

function solve(p: NeuronParams): Part[] {
  const v = values(p);
  return [
    {
      id: 'dy',
      name: '∇y J',
      expected: { kind: 'number', value: v.dy, dp: DP_SCALAR },
      slips: slipsFor(v.dy, (k) => tidy(k * v.err), DP_SCALAR),
    },
    {
      id: 'dw',
      name: '∇w J',
      expected: { kind: 'vector', value: v.dw, dp: DP_VECTOR },
      slips: slipsFor(v.dw, (k) => tidyVector(p.x.map((xi) => k * v.err * xi)), DP_VECTOR),
    },
    {
      id: 'db',
      name: '∇b J',
      expected: { kind: 'number', value: v.db, dp: DP_SCALAR },
      slips: slipsFor(v.db, (k) => tidy(k * v.err), DP_SCALAR),
    },
  ];
}

function explain(p: NeuronParams): Step[] {
  const v = values(p);
  return [
    {
      title: 'Forward pass: the neuron output',
      formula: 'y = wᵀx + b',
      substitution: `y = ${outputSubstitution(p)}`,
      result: { name: 'y', value: v.y },
    },
    {
      title: 'Gradient with respect to y',
      formula: '∇y J = ∂(d − y)²/∂y = −2(d − y)',
      substitution: `${errorSubstitution(p, v.y)}, so ∇y J = −2 × ${term(v.err)}`,
      result: { name: '∇y J', value: v.dy },
      part: 'dy',
    },
    {
      title: 'Gradient with respect to w (chain rule, ∂y/∂w = x)',
      formula: '∇w J = ∇y J · x = −2(d − y) x',
      substitution: `∇w J = ${term(v.dy)} × ${fmtVec(p.x)}`,
      result: { name: '∇w J', value: v.dw },
      part: 'dw',
    },
    {
      title: 'Gradient with respect to b (∂y/∂b = 1)',
      formula: '∇b J = ∇y J · 1 = −2(d − y)',
      substitution: `∇b J = ${fmt(v.dy)}`,
      result: { name: '∇b J', value: v.db },
      part: 'db',
    },
  ];
}

/**
 * Follow-through route: y and d − y, then ∇y J; ∇w J = ∇y J · x and ∇b J = ∇y J are computed from the student's
 * ∇y J, as the worked solution does. Intermediates are carried at the finest precision asked (3 dp), the one the
 * question's rounding note states; with one-decimal inputs they are exact at 2 dp anyway.
 */
function route(p: NeuronParams, carry: Carry): Record<string, NumericValue> {
  const y = carry.step(neuronOutput(p), DP_VECTOR);
  const err = carry.step(tidy(p.d - y), DP_VECTOR);
  const dy = tidy(-2 * err);
  const dyCarried = carry.number('dy', dy);
  return { dy, dw: tidyVector(p.x.map((xi) => dyCarried * xi)), db: dyCarried };
}

export const linearNeuronGradientsTopic: Topic<NeuronParams> = {
  id: ID,
  title: 'Gradients of a linear neuron',
  summary: 'Squared error of y = wᵀx + b: the gradients with respect to y, w and b.',
  groups: ['gradients'],
  difficulty: 1,
  paperRef: '1(b)(i)',
  generate,
  parseParams,
  question,
  solve,
  explain,
  route,
};
