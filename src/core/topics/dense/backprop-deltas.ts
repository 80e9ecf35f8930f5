/**
 * Paper 2(e): backpropagation's local gradients ∇u_l J of every layer of the question-2 network.
 *   ∇u_L J = y − d (sigmoid output with binary cross-entropy),  ∇u_l J = (W_{l+1} ∇u_{l+1} J) ⊙ (1 − h_l²)
 */
import type { Rng } from '../../rng.js';
import type { Part, QuestionText, Step, Topic } from '../../types.js';
import { hadamard } from '../../math/linalg.js';
import {
  architecture,
  deltaSteps,
  evaluate,
  forwardSteps,
  generateNetwork,
  hiddenDeltaParts,
  type NetworkParams,
  networkGivens,
  noTies,
  noZeros,
  parseNetwork,
} from './network.js';
import { networkRoute } from './network-route.js';
import { distinctSlips, places, sub } from './numbers.js';

const ID = 'backprop-deltas';
/** Local gradients are small: 3 decimal places keep them informative. */
const DP = 3;

function generate(rng: Rng): NetworkParams {
  return generateNetwork(rng, DP, (_p, v) => noTies(v.back.gradU, DP) && noZeros(v.back.gradU, DP));
}

function parseParams(input: unknown): NetworkParams {
  return parseNetwork(input, ID);
}

function question(p: NetworkParams): QuestionText {
  const L = p.layers.length;
  const ls = Array.from({ length: L }, (_, i) => L - i);
  return {
    text:
      `${architecture(p)} For the input x and target d below, backpropagate the loss: find the local gradient ` +
      `∇u_l J = ∂J/∂u_l of every layer, from the output down. Give every value to ${places(p.dp)}.`,
    givens: networkGivens(p),
    parts: ls.map((l) => ({
      id: `du${l}`,
      prompt:
        l === L
          ? `∇u${sub(l)} J, the local gradient of the output neuron (to ${places(p.dp)}).`
          : `∇u${sub(l)} J, the local gradient of hidden layer ${l} (a vector, to ${places(p.dp)}).`,
    })),
  };
}

function solve(p: NetworkParams): Part[] {
  const v = evaluate(p);
  const L = v.L;
  const out = v.back.gradU[L - 1]?.[0] as number;
  const parts: Part[] = [
    {
      id: `du${L}`,
      name: `∇u${sub(L)} J`,
      expected: { kind: 'number', value: out, dp: p.dp },
      slips: distinctSlips(
        out,
        [
          {
            id: 'sign-flipped',
            message: 'Check the sign: for a sigmoid output with cross-entropy, ∇u J = y − d.',
            value: p.d - v.y,
          },
          {
            id: 'extra-sigmoid-derivative',
            message:
              'σ′(u) = y(1 − y) already cancels inside ∂J/∂u = (y − d)/(y(1 − y)) · y(1 − y) = y − d: do not multiply by it again.',
            value: (v.y - p.d) * v.y * (1 - v.y),
          },
        ],
        p.dp,
      ),
    },
  ];
  for (let l = L - 2; l >= 0; l--) {
    const du = v.back.gradU[l] as number[];
    const { back } = hiddenDeltaParts(p, v, l);
    const u = v.pass.u[l] as number[];
    parts.push({
      id: `du${l + 1}`,
      name: `∇u${sub(l + 1)} J`,
      expected: { kind: 'vector', value: du, dp: p.dp },
      slips: distinctSlips(
        du,
        [
          {
            id: 'forgot-activation-derivative',
            message: `You backpropagated through W${sub(l + 2)} but not through tanh: multiply element by element by f′(u${sub(l + 1)}) = 1 − h${sub(l + 1)}².`,
            value: back,
          },
          {
            id: 'derivative-of-u',
            message: `tanh′(u) = 1 − tanh²(u) = 1 − h², not 1 − u².`,
            value: hadamard(
              back,
              u.map((ui) => 1 - ui * ui),
            ),
          },
        ],
        p.dp,
      ),
    });
  }
  return parts;
}

function explain(p: NetworkParams): Step[] {
  const v = evaluate(p);
  return [...forwardSteps(p, v), ...deltaSteps(p, v, true)];
}

export const backpropDeltasTopic: Topic<NetworkParams> = {
  id: ID,
  title: 'Backpropagation: local gradients',
  summary: 'The local gradients ∇u J of every layer of a tanh/sigmoid MLP with cross-entropy.',
  groups: ['mlp', 'gradients'],
  difficulty: 3,
  paperRef: '2(e)',
  generate,
  parseParams,
  question,
  solve,
  explain,
  route: networkRoute,
};
