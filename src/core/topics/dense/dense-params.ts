/**
 * Paper 1(a)(i): the number of trainable parameters of a small stack of nn.Linear layers.
 * A Linear(n_in, n_out) layer has n_in × n_out weights and n_out biases (none with bias=False); activations have none.
 */
import { denseParamCount, denseWeightCount, type LinearLayerSpec } from '../../math/dense-params.js';
import type { Rng } from '../../rng.js';
import type { Carry, NumericValue, Part, QuestionText, Slip, Step, Topic } from '../../types.js';
import { TopicParamsError } from '../../types.js';
import { arrayField, booleanField, choiceField, fields, numberField } from './parse.js';
import { distinctSlips } from './numbers.js';

export const ACTIVATION_MODULES = ['none', 'ReLU', 'Tanh', 'Sigmoid'] as const;
export type ActivationModule = (typeof ACTIVATION_MODULES)[number];

export interface DenseParamsLayer extends LinearLayerSpec {
  /** The activation module written after this layer in nn.Sequential ('none': nothing). */
  readonly activation: ActivationModule;
}

export interface DenseParamsParams {
  readonly layers: readonly DenseParamsLayer[];
}

const ID = 'dense-params';
const SIZES = [2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 32, 64, 100, 128] as const;
const MAX_SIZE = 100_000;

function ordinal(i: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'][i] ?? `${i + 1}th`;
}

function linearCall(layer: LinearLayerSpec): string {
  return `nn.Linear(${layer.inputs}, ${layer.outputs}${layer.bias ? '' : ', bias=False'})`;
}

function layerSlips(layer: LinearLayerSpec): Slip[] {
  const correct = denseParamCount(layer);
  const slips: Slip[] = [];
  if (layer.bias) {
    slips.push({
      id: 'forgot-bias',
      message: `It looks like you forgot the bias terms: ${linearCall(layer)} also has one bias per output (${layer.outputs}).`,
      value: denseWeightCount(layer),
    });
    slips.push({
      id: 'bias-per-input',
      message: 'There is one bias per output neuron, not one per input.',
      value: denseWeightCount(layer) + layer.inputs,
    });
  } else {
    slips.push({
      id: 'counted-missing-bias',
      message: `bias=False means this layer has no bias terms: count only its ${denseWeightCount(layer)} weights.`,
      value: correct + layer.outputs,
    });
  }
  return distinctSlips(correct, slips, 0);
}

function totalSlips(layers: readonly LinearLayerSpec[], total: number): Slip[] {
  const weights = layers.reduce((acc, l) => acc + denseWeightCount(l), 0);
  const slips: Slip[] = [];
  if (layers.some((l) => l.bias)) {
    slips.push({
      id: 'forgot-bias',
      message: 'It looks like you forgot the bias terms: each Linear layer with a bias has one per output.',
      value: weights,
    });
    slips.push({
      id: 'bias-per-input',
      message: 'There is one bias per output neuron of each layer, not one per input.',
      value: layers.reduce((acc, l) => acc + denseWeightCount(l) + (l.bias ? l.inputs : 0), 0),
    });
  }
  if (layers.some((l) => !l.bias)) {
    slips.push({
      id: 'counted-missing-bias',
      message: 'A layer created with bias=False has no bias terms: count only its weights.',
      value: layers.reduce((acc, l) => acc + denseWeightCount(l) + l.outputs, 0),
    });
  }
  return distinctSlips(total, slips, 0);
}

function generate(rng: Rng): DenseParamsParams {
  const depth = rng.int(2, 3);
  const small = rng.chance(0.6);
  const pool = small ? SIZES.filter((s) => s <= 16) : SIZES;
  const sizes = Array.from({ length: depth + 1 }, () => rng.pick(pool));
  const hidden = rng.pick(['ReLU', 'Tanh', 'Sigmoid'] as const);
  const layers = sizes.slice(1).map((outputs, i): DenseParamsLayer => ({
    inputs: sizes[i] as number,
    outputs,
    bias: !rng.chance(0.2),
    activation: i === depth - 1 ? (rng.chance(0.3) ? 'Sigmoid' : 'none') : hidden,
  }));
  // Keep the usual case (every layer with a bias) the common one, but never a model with no bias at all.
  if (layers.every((l) => !l.bias)) return generate(rng);
  return { layers };
}

function parseParams(input: unknown): DenseParamsParams {
  const f = fields(input, ID);
  const raw = arrayField(f, 'layers', { min: 1, max: 6 });
  const layers = raw.map((entry, i) => {
    const lf = fields(entry, `${ID} layers[${i}]`);
    try {
      return {
        inputs: numberField(lf, 'inputs', { integer: true, min: 1, max: MAX_SIZE }),
        outputs: numberField(lf, 'outputs', { integer: true, min: 1, max: MAX_SIZE }),
        bias: booleanField(lf, 'bias'),
        activation: choiceField(lf, 'activation', ACTIVATION_MODULES),
      };
    } catch (e) {
      if (e instanceof TopicParamsError) throw new TopicParamsError(`layers[${i}]: ${e.message}`);
      throw e;
    }
  });
  layers.forEach((layer, i) => {
    const prev = layers[i - 1];
    if (prev && prev.outputs !== layer.inputs) {
      throw new TopicParamsError(
        `layers[${i}] takes ${layer.inputs} inputs but layers[${i - 1}] has ${prev.outputs} outputs`,
      );
    }
  });
  return { layers };
}

function code(params: DenseParamsParams): string {
  const lines = params.layers.flatMap((l) => [
    `    ${linearCall(l)},`,
    ...(l.activation === 'none' ? [] : [`    nn.${l.activation}(),`]),
  ]);
  return ['model = nn.Sequential(', ...lines, ')'].join('\n');
}

function question(params: DenseParamsParams): QuestionText {
  return {
    text:
      'A network is defined in PyTorch as follows:\n\n' +
      `${code(params)}\n\n` +
      'Count its trainable parameters (weights and biases). Give each answer as an exact integer.',
    givens: [],
    parts: [
      ...params.layers.map((l, i) => ({
        id: `layer${i + 1}`,
        prompt: `Number of parameters of the ${ordinal(i)} layer, ${linearCall(l)}.`,
      })),
      { id: 'total', prompt: 'Total number of trainable parameters of the model.' },
    ],
  };
}

function solve(params: DenseParamsParams): Part[] {
  const total = params.layers.reduce((acc, l) => acc + denseParamCount(l), 0);
  return [
    ...params.layers.map((l, i) => ({
      id: `layer${i + 1}`,
      name: `parameters of ${linearCall(l)}`,
      expected: { kind: 'number' as const, value: denseParamCount(l), integer: true },
      slips: layerSlips(l),
    })),
    {
      id: 'total',
      name: `total parameters`,
      expected: { kind: 'number', value: total, integer: true },
      slips: totalSlips(params.layers, total),
    },
  ];
}

function explain(params: DenseParamsParams): Step[] {
  const counts = params.layers.map((l) => denseParamCount(l));
  const activations = [...new Set(params.layers.map((l) => l.activation).filter((a) => a !== 'none'))];
  const steps: Step[] = params.layers.map((l, i) => ({
    title: `Layer ${i + 1}: ${linearCall(l)}`,
    formula: l.bias
      ? 'parameters = n_in × n_out (weights) + n_out (biases)'
      : 'parameters = n_in × n_out (bias=False: no biases)',
    substitution: l.bias ? `${l.inputs} × ${l.outputs} + ${l.outputs}` : `${l.inputs} × ${l.outputs}`,
    result: { name: `parameters of layer ${i + 1}`, value: counts[i] as number },
    part: `layer${i + 1}`,
  }));
  if (activations.length > 0) {
    steps.push({
      title: 'Activation layers',
      note: `${activations.map((a) => `nn.${a}()`).join(', ')} ${activations.length === 1 ? 'has' : 'have'} no trainable parameters.`,
    });
  }
  steps.push({
    title: 'Total',
    formula: "total = sum of the Linear layers' parameters",
    // The layer counts themselves: the total follows from the earlier parts (marked by follow-through).
    substitution: counts.join(' + '),
    result: { name: 'total parameters', value: counts.reduce((a, b) => a + b, 0) },
    part: 'total',
  });
  return steps;
}

/** Follow-through route: the total is the sum of the student's own layer counts (error carried forward). */
function route(params: DenseParamsParams, carry: Carry): Record<string, NumericValue> {
  const out: Record<string, NumericValue> = {};
  let total = 0;
  params.layers.forEach((l, i) => {
    const count = denseParamCount(l);
    out[`layer${i + 1}`] = count;
    total += carry.number(`layer${i + 1}`, count);
  });
  out['total'] = total;
  return out;
}

export const denseParamsTopic: Topic<DenseParamsParams> = {
  id: ID,
  title: 'Parameters of dense layers',
  summary: 'Count the weights and biases of a stack of nn.Linear layers.',
  groups: ['mlp', 'shapes'],
  difficulty: 1,
  paperRef: '1(a)(i)',
  generate,
  parseParams,
  question,
  solve,
  explain,
  route,
};
