/**
 * Paper 2(f): weight and bias gradients of every layer of the question-2 network.
 *   ∇W_l J = h_{l−1} (∇u_l J)ᵀ  (shape of W_l: inputs × outputs),   ∇b_l J = ∇u_l J
 */
import type { Rng } from '../../rng.js';
import type { Part, QuestionText, Slip, Step, Topic } from '../../types.js';
import {
  architecture,
  deltaSteps,
  evaluate,
  forwardSteps,
  generateNetwork,
  type NetworkParams,
  type NetworkValues,
  networkGivens,
  noTies,
  noZeros,
  parseNetwork,
  scalarIfSingle,
  transposedWeightGradient,
  weightGradientFromU,
  weightGradientValue,
} from './network.js';
import { networkRoute } from './network-route.js';
import { distinctSlips, fmtVec, places, sub } from './numbers.js';

const ID = 'backprop-weights';
const DP = 3;

function answerValues(v: NetworkValues): unknown[] {
  return [...v.back.gradW, ...v.back.gradB];
}

/**
 * No rounding ties, and no entry that rounds to 0 at DP places: such an entry is uninformative, and a student who
 * types it as a bare 0 would be told to give more decimal places.
 */
function generate(rng: Rng): NetworkParams {
  return generateNetwork(rng, DP, (_p, v) => noTies(answerValues(v), DP) && noZeros(answerValues(v), DP));
}

function parseParams(input: unknown): NetworkParams {
  return parseNetwork(input, ID);
}

function shapeText(p: NetworkParams, l: number): string {
  const W = p.layers[l]?.W ?? [];
  const cols = W[0]?.length ?? 0;
  return cols === 1
    ? `a column of ${W.length} values, typed as a vector`
    : `a ${W.length} × ${cols} matrix, like W${sub(l + 1)}`;
}

function question(p: NetworkParams): QuestionText {
  const L = p.layers.length;
  const ls = Array.from({ length: L }, (_, i) => L - 1 - i);
  return {
    text:
      `${architecture(p)} For the input x and target d below, backpropagate the loss and find the gradient of J ` +
      `with respect to every weight matrix and bias vector. Give every value to ${places(p.dp)}.`,
    givens: networkGivens(p),
    parts: ls.flatMap((l) => [
      { id: `dW${l + 1}`, prompt: `∇W${sub(l + 1)} J (${shapeText(p, l)}; to ${places(p.dp)}).` },
      {
        id: `db${l + 1}`,
        prompt: `∇b${sub(l + 1)} J (${p.layers[l]?.b.length === 1 ? 'a number' : 'a vector'}; to ${places(p.dp)}).`,
      },
    ]),
  };
}

function weightSlips(v: NetworkValues, l: number, dp: number): Slip[] {
  const correct = weightGradientValue(v, l);
  const slips: Slip[] = [];
  if (Array.isArray(correct[0])) {
    slips.push({
      id: 'transposed',
      message: `∇W${sub(l + 1)} J has the shape of W${sub(l + 1)} (inputs × outputs): it is h${sub(l)} (∇u${sub(l + 1)} J)ᵀ, and you gave its transpose.`,
      value: transposedWeightGradient(v, l),
    });
  }
  const fromU = weightGradientFromU(v, l);
  if (fromU) {
    slips.push({
      id: 'used-u-not-h',
      message: `The weights of layer ${l + 1} multiply its input h${sub(l)} = tanh(u${sub(l)}), not the pre-activation u${sub(l)}.`,
      value: fromU,
    });
  }
  return distinctSlips(correct, slips, dp);
}

function solve(p: NetworkParams): Part[] {
  const v = evaluate(p);
  const L = v.L;
  const parts: Part[] = [];
  for (let l = L - 1; l >= 0; l--) {
    const dW = weightGradientValue(v, l);
    const db = scalarIfSingle(v.back.gradB[l] as number[]);
    parts.push({
      id: `dW${l + 1}`,
      name: `∇W${sub(l + 1)} J`,
      expected: Array.isArray(dW[0])
        ? { kind: 'matrix', value: dW as number[][], dp: p.dp }
        : { kind: 'vector', value: dW as number[], dp: p.dp },
      slips: weightSlips(v, l, p.dp),
    });
    parts.push({
      id: `db${l + 1}`,
      name: `∇b${sub(l + 1)} J`,
      expected:
        typeof db === 'number'
          ? { kind: 'number', value: db, dp: p.dp }
          : { kind: 'vector', value: db, dp: p.dp },
    });
  }
  return parts;
}

function explain(p: NetworkParams): Step[] {
  const v = evaluate(p);
  const L = v.L;
  const steps: Step[] = [...forwardSteps(p, v), ...deltaSteps(p, v, false)];
  for (let l = L - 1; l >= 0; l--) {
    const n = sub(l + 1);
    const inputName = l === 0 ? 'x' : `h${sub(l)}`;
    const input = l === 0 ? p.x : (v.pass.h[l - 1] as number[]);
    const du = v.back.gradU[l] as number[];
    steps.push({
      title: `Weight gradient of layer ${l + 1}`,
      formula: `∇W${n} J = ${inputName} (∇u${n} J)ᵀ, an outer product with the shape of W${n}`,
      substitution: `${inputName} = ${fmtVec(input)},  ∇u${n} J = ${fmtVec(du)}`,
      result: { name: `∇W${n} J`, value: weightGradientValue(v, l) },
      part: `dW${l + 1}`,
    });
    steps.push({
      title: `Bias gradient of layer ${l + 1}`,
      formula: `∇b${n} J = ∇u${n} J (∂u/∂b is the identity)`,
      substitution: `∇b${n} J = ${fmtVec(du)}`,
      result: { name: `∇b${n} J`, value: scalarIfSingle(v.back.gradB[l] as number[]) },
      part: `db${l + 1}`,
    });
  }
  return steps;
}

export const backpropWeightsTopic: Topic<NetworkParams> = {
  id: ID,
  title: 'Backpropagation: weight and bias gradients',
  summary: 'Gradients of the cross-entropy with respect to every W and b of a tanh/sigmoid MLP.',
  groups: ['mlp', 'gradients'],
  difficulty: 3,
  paperRef: '2(f)',
  generate,
  parseParams,
  question,
  solve,
  explain,
  route: networkRoute,
};
