/**
 * Paper 1(b)(ii): the same neuron with an L2 penalty on its weights, J₁ = (d − y)² + β‖w‖².
 *   ∇w J₁ = −2(d − y) x + 2βw,   ∇b J₁ = −2(d − y)   (the bias is not regularised)
 */
import { l2Gradients } from '../../math/dense-neuron.js';
import type { Rng } from '../../rng.js';
import type { Carry, NumericValue, Part, QuestionText, Step, Topic } from '../../types.js';
import { fields, numberField } from './parse.js';
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

export interface L2Params extends NeuronParams {
  readonly beta: number;
}

const ID = 'l2-gradients';
const BETAS = [0.01, 0.05, 0.1, 0.2, 0.5] as const;
const DP_VECTOR = 3;
const DP_SCALAR = 2;

interface Values {
  y: number;
  err: number;
  dataW: number[];
  penaltyW: number[];
  dw: number[];
  db: number;
}

function values(p: L2Params): Values {
  const g = l2Gradients(p);
  const y = neuronOutput(p);
  const err = tidy(p.d - y);
  return {
    y,
    err,
    dataW: tidyVector(p.x.map((xi) => -2 * err * xi)),
    penaltyW: tidyVector(p.w.map((wi) => 2 * p.beta * wi)),
    dw: tidyVector(g.gradW),
    db: tidy(g.gradB),
  };
}

function generate(rng: Rng): L2Params {
  for (;;) {
    const p = { ...drawNeuron(rng), beta: rng.pick(BETAS) };
    const v = values(p);
    if (Math.abs(v.err) < 0.2 || Math.abs(v.err) > 6) continue;
    // The penalty must visibly change ∇w (else "forgot the regulariser" would pass).
    if (v.penaltyW.some((t) => Math.abs(t) < 0.01)) continue;
    // The two terms must not cancel to a zero gradient entry.
    if (v.dw.some((t) => t === 0)) continue;
    return p;
  }
}

function parseParams(input: unknown): L2Params {
  const f = fields(input, ID);
  return { ...parseNeuron(f), beta: numberField(f, 'beta', { min: 0, max: 10 }) };
}

function question(p: L2Params): QuestionText {
  return {
    text:
      'A linear neuron y = wᵀx + b is trained with L2 regularisation of its weights (weight decay): ' +
      'J₁ = (d − y)² + β‖w‖². For the input x, weights w, bias b, target d and regularisation constant β below, ' +
      'find the gradients of J₁.',
    givens: [...neuronGivens(p), { name: 'β', value: p.beta }],
    parts: [
      {
        id: 'dw',
        prompt: `∇w J₁, the gradient with respect to the weights (a vector, to ${places(DP_VECTOR)}).`,
      },
      { id: 'db', prompt: `∇b J₁, the gradient with respect to the bias (to ${places(DP_SCALAR)}).` },
    ],
  };
}

function solve(p: L2Params): Part[] {
  const v = values(p);
  const w = (dataScale: number, penaltyScale: number): number[] =>
    tidyVector(p.x.map((xi, i) => dataScale * v.err * xi + penaltyScale * p.beta * (p.w[i] ?? 0)));
  const b = (dataScale: number, withPenalty: boolean): number =>
    tidy(dataScale * v.err + (withPenalty ? 2 * p.beta * p.b : 0));
  return [
    {
      id: 'dw',
      name: '∇w J₁',
      expected: { kind: 'vector', value: v.dw, dp: DP_VECTOR },
      slips: distinctSlips(
        v.dw,
        [
          {
            id: 'dropped-2beta',
            message: 'It looks like you used βw for the penalty: the derivative of β‖w‖² is 2βw.',
            value: w(-2, 1),
          },
          {
            id: 'dropped-2',
            message: 'It looks like you dropped the 2 of the squared error: ∂(d − y)²/∂w = −2(d − y)x.',
            value: w(-1, 2),
          },
          {
            id: 'forgot-regulariser',
            message: 'You left out the L2 term: β‖w‖² adds 2βw to the weight gradient.',
            value: w(-2, 0),
          },
          {
            id: 'sign-flipped',
            message: 'Check the sign of the data term: ∂(d − y)²/∂w = −2(d − y)x.',
            value: w(2, 2),
          },
        ],
        DP_VECTOR,
      ),
    },
    {
      id: 'db',
      name: '∇b J₁',
      expected: { kind: 'number', value: v.db, dp: DP_SCALAR },
      slips: distinctSlips(
        v.db,
        [
          {
            id: 'regularised-bias',
            message:
              'The penalty β‖w‖² involves only the weights: the bias is not regularised, so ∇b J₁ = −2(d − y).',
            value: b(-2, true),
          },
          {
            id: 'dropped-2',
            message: 'It looks like you dropped the 2 of the squared error: ∂(d − y)²/∂b = −2(d − y).',
            value: b(-1, false),
          },
          {
            id: 'sign-flipped',
            message: 'Check the sign: ∂(d − y)²/∂b = −2(d − y).',
            value: b(2, false),
          },
        ],
        DP_SCALAR,
      ),
    },
  ];
}

function explain(p: L2Params): Step[] {
  const v = values(p);
  return [
    {
      title: 'Forward pass: the neuron output',
      formula: 'y = wᵀx + b',
      substitution: `y = ${outputSubstitution(p)}`,
      result: { name: 'y', value: v.y },
    },
    {
      title: 'Data term of the weight gradient',
      formula: '∂(d − y)²/∂w = −2(d − y) x',
      substitution: `${errorSubstitution(p, v.y)}, so −2 × ${term(v.err)} × ${fmtVec(p.x)}`,
      result: { name: '−2(d − y) x', value: v.dataW },
    },
    {
      title: 'Penalty term of the weight gradient',
      formula: '∂(β‖w‖²)/∂w = 2βw',
      substitution: `2 × ${fmt(p.beta)} × ${fmtVec(p.w)}`,
      result: { name: '2βw', value: v.penaltyW },
    },
    {
      title: 'Weight gradient',
      formula: '∇w J₁ = −2(d − y) x + 2βw',
      substitution: `${fmtVec(v.dataW)} + ${fmtVec(v.penaltyW)}`,
      result: { name: '∇w J₁', value: v.dw },
      part: 'dw',
    },
    {
      title: 'Bias gradient (the bias is not regularised)',
      formula: '∇b J₁ = −2(d − y) + ∂(β‖w‖²)/∂b = −2(d − y) + 0',
      substitution: `∇b J₁ = −2 × ${term(v.err)}`,
      result: { name: '∇b J₁', value: v.db },
      part: 'db',
      note: 'β‖w‖² does not depend on b, so the penalty adds nothing to the bias gradient.',
    },
  ];
}

/**
 * Follow-through route, through the shown intermediates: y, d − y, the data term −2(d − y)x and the penalty 2βw,
 * each carried at the finest precision asked (3 dp, the one the question's rounding note states), then their sum.
 * The two parts do not depend on each other.
 */
function route(p: L2Params, carry: Carry): Record<string, NumericValue> {
  const y = carry.step(neuronOutput(p), DP_VECTOR);
  const err = carry.step(tidy(p.d - y), DP_VECTOR);
  const dataW = carry.steps(tidyVector(p.x.map((xi) => -2 * err * xi)), DP_VECTOR);
  const penaltyW = carry.steps(tidyVector(p.w.map((wi) => 2 * p.beta * wi)), DP_VECTOR);
  return { dw: tidyVector(dataW.map((t, i) => t + (penaltyW[i] ?? NaN))), db: tidy(-2 * err) };
}

export const l2GradientsTopic: Topic<L2Params> = {
  id: ID,
  title: 'Gradients with L2 regularisation',
  summary: 'Weight and bias gradients of (d − y)² + β‖w‖² for a linear neuron.',
  groups: ['gradients'],
  difficulty: 2,
  paperRef: '1(b)(ii)',
  generate,
  parseParams,
  question,
  solve,
  explain,
  route,
};
