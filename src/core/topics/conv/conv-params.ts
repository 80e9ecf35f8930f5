/**
 * Parameter counts of convolution layers and of the fully connected layer after flattening (paper 3(a)(ii)).
 */
import { convParams, denseParams, flattenedSize } from '../../math/conv-cost.js';
import type { Rng } from '../../rng.js';
import type { Part, QuestionText, Slip, Step, Topic } from '../../types.js';
import {
  chainSizes,
  describeStage,
  generateChain,
  readChain,
  sizeStep,
  volume,
  type ChainParams,
  type ConvStage,
  type StageSizes,
} from './layer-chain.js';
import { fail, readInt, readObject } from './read-params.js';

export interface ConvParamsParams extends ChainParams {
  /** Units of the fully connected layer applied to the flattened output of the last layer. */
  readonly fcUnits: number;
}

const MAX_FLATTENED = 10_000_000;

function convLayers(params: ChainParams): { index: number; stage: ConvStage; sizes: StageSizes }[] {
  const sizes = chainSizes(params.inputSize, params.inputChannels, params.layers);
  return params.layers.flatMap((stage, index) =>
    stage.type === 'conv' ? [{ index, stage, sizes: sizes[index] as StageSizes }] : [],
  );
}

function lastSizes(params: ChainParams): StageSizes {
  const sizes = chainSizes(params.inputSize, params.inputChannels, params.layers);
  return sizes[sizes.length - 1] as StageSizes;
}

export function parseConvParamsParams(input: unknown): ConvParamsParams {
  const o = readObject(input, '', ['inputSize', 'inputChannels', 'layers', 'fcUnits']);
  const chain = readChain(o);
  if (chain.layers.every((s) => s.type !== 'conv')) fail('layers must contain at least one convolution');
  const fcUnits = readInt(o, 'fcUnits', '', 1, 10_000);
  const last = lastSizes(chain);
  if (flattenedSize(last.outSize, last.outSize, last.outChannels) > MAX_FLATTENED) {
    fail(`the flattened output (${volume(last.outSize, last.outChannels)}) is too large for a question`);
  }
  return { ...chain, fcUnits };
}

export function generateConvParams(rng: Rng): ConvParamsParams {
  for (let attempt = 0; attempt < 50; attempt++) {
    const chain = generateChain(rng, {
      layers: rng.pick([2, 2, 3]),
      evenness: 'all',
      allowPooling: true,
      allowDilation: false,
      minOutput: 3,
    });
    const last = lastSizes(chain);
    const flat = flattenedSize(last.outSize, last.outSize, last.outChannels);
    if (flat > 200_000) continue;
    return { ...chain, fcUnits: rng.pick([10, 32, 64, 100, 128, 256]) };
  }
  return {
    inputSize: 55,
    inputChannels: 12,
    layers: [
      { type: 'conv', filters: 6, kernel: 7, stride: 1, padding: 0 },
      { type: 'conv', filters: 4, kernel: 3, stride: 2, padding: 1 },
    ],
    fcUnits: 128,
  };
}

export function convParamsQuestion(params: ConvParamsParams): QuestionText {
  const sizes = chainSizes(params.inputSize, params.inputChannels, params.layers);
  const lines = params.layers.map(
    (s, i) => `Layer ${i + 1}: ${describeStage(s, (sizes[i] as StageSizes).inChannels)}`,
  );
  const next = params.layers.length + 1;
  return {
    text: [
      `An input volume of size ${volume(params.inputSize, params.inputChannels)} (height × width × depth) passes through:`,
      ...lines,
      `Layer ${next}: fully connected, ${params.fcUnits} units, applied to the flattened output of layer ${next - 1}.`,
      'Every convolution filter and every fully connected unit has one bias.',
    ].join('\n'),
    givens: [],
    parts: [
      ...convLayers(params).map(({ index }) => ({
        id: `conv${index + 1}`,
        prompt: `How many trainable parameters does layer ${index + 1} (convolution) have?`,
      })),
      { id: 'fc', prompt: `How many trainable parameters does layer ${next} (fully connected) have?` },
    ],
  };
}

function distinct(correct: number, slips: readonly (Slip | undefined)[]): Slip[] {
  const out: Slip[] = [];
  for (const s of slips) {
    if (s !== undefined && s.value !== correct && !out.some((o) => o.value === s.value)) out.push(s);
  }
  return out;
}

export function solveConvParams(params: ConvParamsParams): Part[] {
  const last = lastSizes(params);
  const flat = flattenedSize(last.outSize, last.outSize, last.outChannels);
  const fc = denseParams({ inputs: flat, units: params.fcUnits });
  return [
    ...convLayers(params).map(({ index, stage, sizes }): Part => {
      const shape = { inChannels: sizes.inChannels, outChannels: stage.filters, kernel: stage.kernel };
      const value = convParams(shape);
      return {
        id: `conv${index + 1}`,
        name: `parameters of layer ${index + 1}`,
        expected: { kind: 'number', value, integer: true },
        slips: distinct(value, [
          {
            id: 'forgot-bias',
            message: 'It looks like you forgot the biases (one per filter).',
            value: convParams({ ...shape, bias: false }),
          },
          sizes.inChannels > 1
            ? {
                id: 'forgot-filter-depth',
                message: `Each filter spans the whole input depth: it is ${stage.kernel}×${stage.kernel}×${sizes.inChannels}, not ${stage.kernel}×${stage.kernel}.`,
                value: convParams({ ...shape, inChannels: 1 }),
              }
            : undefined,
        ]),
      };
    }),
    {
      id: 'fc',
      name: `parameters of the fully connected layer`,
      expected: { kind: 'number', value: fc, integer: true },
      slips: distinct(fc, [
        {
          id: 'forgot-bias',
          message: 'It looks like you forgot the biases (one per unit).',
          value: denseParams({ inputs: flat, units: params.fcUnits, bias: false }),
        },
        last.outChannels > 1
          ? {
              id: 'fc-without-depth',
              message: `The flattened input has ${last.outSize}×${last.outSize}×${last.outChannels} values: it looks like the depth ${last.outChannels} was left out.`,
              value: denseParams({ inputs: last.outSize * last.outSize, units: params.fcUnits }),
            }
          : undefined,
      ]),
    },
  ];
}

export function explainConvParams(params: ConvParamsParams): Step[] {
  const sizes = chainSizes(params.inputSize, params.inputChannels, params.layers);
  const last = sizes[sizes.length - 1] as StageSizes;
  const flat = flattenedSize(last.outSize, last.outSize, last.outChannels);
  const fc = denseParams({ inputs: flat, units: params.fcUnits });
  const next = params.layers.length + 1;
  return [
    {
      title: 'Parameters of a convolution layer',
      formula: 'params = n × (F × F × d) + n',
      note: 'n filters of size F×F×d, where d is the depth of the layer input, plus one bias per filter. Pooling layers have no parameters.',
    },
    ...convLayers(params).map(({ index, stage, sizes: s }): Step => ({
      title: `Layer ${index + 1}: ${describeStage(stage, s.inChannels)}`,
      formula: 'params = n × (F × F × d) + n',
      substitution: `${stage.filters} × (${stage.kernel} × ${stage.kernel} × ${s.inChannels}) + ${stage.filters} = ${convParams({ inChannels: s.inChannels, outChannels: stage.filters, kernel: stage.kernel })}`,
      result: {
        name: `parameters of layer ${index + 1}`,
        value: convParams({ inChannels: s.inChannels, outChannels: stage.filters, kernel: stage.kernel }),
      },
      part: `conv${index + 1}`,
    })),
    ...params.layers.map((stage, i) =>
      sizeStep(i, stage, sizes[i] as StageSizes, { title: `Output size of layer ${i + 1}` }),
    ),
    {
      title: `Flatten the output of layer ${next - 1}`,
      formula: 'inputs = H × W × C',
      substitution: `${last.outSize} × ${last.outSize} × ${last.outChannels} = ${flat}`,
      result: { name: 'inputs to the fully connected layer', value: flat },
    },
    {
      title: `Layer ${next}: fully connected, ${params.fcUnits} units`,
      formula: 'params = inputs × units + units',
      substitution: `${flat} × ${params.fcUnits} + ${params.fcUnits} = ${fc}`,
      result: { name: `parameters of layer ${next}`, value: fc },
      part: 'fc',
    },
  ];
}

export const convParamsTopic: Topic<ConvParamsParams> = {
  id: 'conv-params',
  title: 'Parameters of convolution and fully connected layers',
  summary: 'Trainable parameters of conv layers and of the dense layer after flattening',
  groups: ['cnn'],
  difficulty: 2,
  paperRef: '3(a)(ii)',
  generate: generateConvParams,
  parseParams: parseConvParamsParams,
  question: convParamsQuestion,
  solve: solveConvParams,
  explain: explainConvParams,
};
