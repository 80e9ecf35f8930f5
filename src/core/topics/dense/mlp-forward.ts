/**
 * Paper 2(b), 2(c): forward pass of a small MLP (tanh hidden layers, sigmoid output) and its binary cross-entropy.
 */
import { tanh } from '../../math/activations.js';
import type { Rng } from '../../rng.js';
import type { Part, QuestionText, Step, Topic } from '../../types.js';
import {
  architecture,
  evaluate,
  forwardSteps,
  generateNetwork,
  type NetworkParams,
  networkGivens,
  noTies,
  parseNetwork,
  preActivationWithoutBias,
} from './network.js';
import { networkRoute } from './network-route.js';
import { distinctSlips, places, sub } from './numbers.js';

const ID = 'mlp-forward';
/** Like the exam: answers to 2 decimal places. */
const DP = 2;

function answerValues(p: NetworkParams): unknown[] {
  const v = evaluate(p);
  return [...v.pass.h.slice(0, -1), v.pass.u[v.L - 1], v.y, v.loss];
}

function generate(rng: Rng): NetworkParams {
  return generateNetwork(rng, DP, (p) => noTies(answerValues(p), DP));
}

function parseParams(input: unknown): NetworkParams {
  return parseNetwork(input, ID);
}

function question(p: NetworkParams): QuestionText {
  const L = p.layers.length;
  return {
    text: `${architecture(p)} For the input x and target d below, compute the forward pass and the loss. Give every value to ${places(p.dp)}.`,
    givens: networkGivens(p),
    parts: [
      ...p.layers.slice(0, -1).map((_, l) => ({
        id: `h${l + 1}`,
        prompt: `h${sub(l + 1)}, the output of hidden layer ${l + 1} (a vector, to ${places(p.dp)}).`,
      })),
      { id: `u${L}`, prompt: `u${sub(L)}, the pre-activation of the output neuron (to ${places(p.dp)}).` },
      { id: 'y', prompt: `The network output y (to ${places(p.dp)}).` },
      { id: 'loss', prompt: `The cross-entropy loss J, with natural logarithms (to ${places(p.dp)}).` },
    ],
  };
}

function solve(p: NetworkParams): Part[] {
  const v = evaluate(p);
  const L = v.L;
  const uL = v.pass.u[L - 1]?.[0] as number;
  const hidden: Part[] = p.layers.slice(0, -1).map((_, l) => {
    const h = v.pass.h[l] as number[];
    return {
      id: `h${l + 1}`,
      name: `h${sub(l + 1)}`,
      expected: { kind: 'vector', value: h, dp: p.dp },
      slips: distinctSlips(
        h,
        [
          {
            id: 'forgot-activation',
            message: `That is u${sub(l + 1)}, the pre-activation: apply tanh to get h${sub(l + 1)} = tanh(u${sub(l + 1)}).`,
            value: v.pass.u[l] as number[],
          },
          {
            id: 'forgot-bias',
            message: `It looks like you forgot the bias b${sub(l + 1)}: u${sub(l + 1)} = W${sub(l + 1)}ᵀ h + b${sub(l + 1)}.`,
            value: preActivationWithoutBias(p, v, l).map(tanh),
          },
        ],
        p.dp,
      ),
    };
  });
  const log10Loss = p.d === 0 ? -Math.log10(1 - v.y) : -Math.log10(v.y);
  return [
    ...hidden,
    {
      id: `u${L}`,
      name: `u${sub(L)}`,
      expected: { kind: 'number', value: uL, dp: p.dp },
      slips: distinctSlips(
        uL,
        [
          {
            id: 'forgot-bias',
            message: `It looks like you forgot the bias b${sub(L)}.`,
            value: preActivationWithoutBias(p, v, L - 1)[0] as number,
          },
        ],
        p.dp,
      ),
    },
    {
      id: 'y',
      name: `y`,
      expected: { kind: 'number', value: v.y, dp: p.dp },
      slips: distinctSlips(
        v.y,
        [
          {
            id: 'forgot-activation',
            message: `That is u${sub(L)}: the output neuron applies the sigmoid, y = σ(u${sub(L)}).`,
            value: uL,
          },
          {
            id: 'wrong-activation',
            message: 'The output neuron uses the sigmoid, not tanh.',
            value: tanh(uL),
          },
        ],
        p.dp,
      ),
    },
    {
      id: 'loss',
      name: `J`,
      expected: { kind: 'number', value: v.loss, dp: p.dp },
      slips: distinctSlips(
        v.loss,
        [
          {
            id: 'log10',
            message: 'Cross-entropy uses the natural logarithm (ln), not log base 10.',
            value: log10Loss,
          },
          {
            id: 'wrong-target-term',
            message:
              p.d === 0
                ? 'With d = 0 only the (1 − d) ln(1 − y) term remains: J = −ln(1 − y).'
                : 'With d = 1 only the d ln y term remains: J = −ln y.',
            value: p.d === 0 ? -Math.log(v.y) : -Math.log(1 - v.y),
          },
        ],
        p.dp,
      ),
    },
  ];
}

function explain(p: NetworkParams): Step[] {
  return forwardSteps(p, evaluate(p), { h: true, uL: true, y: true, loss: true });
}

export const mlpForwardTopic: Topic<NetworkParams> = {
  id: ID,
  title: 'MLP forward pass and cross-entropy',
  summary: 'Hidden outputs, network output and binary cross-entropy of a tanh/sigmoid MLP.',
  groups: ['mlp'],
  difficulty: 2,
  paperRef: '2(b), 2(c)',
  generate,
  parseParams,
  question,
  solve,
  explain,
  route: networkRoute,
};
