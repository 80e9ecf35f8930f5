/**
 * Depthwise-separable replacement of a standard convolution (paper 3(b)(i), (ii)): the filters of the depthwise
 * and pointwise parts, the FLOPs of each, of the standard convolution, and the ratio. FLOPs count 2 per
 * multiply-add (the paper's convention), biases ignored.
 */
import { reduceRatio, separableFlops, type ConvCostShape } from '../../math/conv-cost.js';
import type { Rng } from '../../rng.js';
import type { Carry, NumericValue, Part, QuestionText, Slip, Step, Topic } from '../../types.js';
import { volume } from './layer-chain.js';
import { readInt, readObject, fail } from './read-params.js';

export interface DepthwiseSeparableParams {
  readonly inChannels: number;
  readonly outChannels: number;
  /** Square kernel side F of the original convolution (and of the depthwise filters). */
  readonly kernel: number;
  /** Output height = width, the same for the original and the separable convolution. */
  readonly outputSize: number;
}

const FLOPS_PER_MAC = 2;

function shape(p: DepthwiseSeparableParams): ConvCostShape {
  return { inChannels: p.inChannels, outChannels: p.outChannels, kernel: p.kernel, outputSize: p.outputSize };
}

export function parseDepthwiseSeparableParams(input: unknown): DepthwiseSeparableParams {
  const o = readObject(input, '', ['inChannels', 'outChannels', 'kernel', 'outputSize']);
  const p = {
    inChannels: readInt(o, 'inChannels', '', 1, 2048),
    outChannels: readInt(o, 'outChannels', '', 1, 2048),
    kernel: readInt(o, 'kernel', '', 2, 15),
    outputSize: readInt(o, 'outputSize', '', 1, 512),
  };
  if (p.inChannels === 1)
    fail('inChannels must be at least 2 (with one channel the depthwise part is the whole convolution)');
  return p;
}

export function generateDepthwiseSeparable(rng: Rng): DepthwiseSeparableParams {
  const inChannels = rng.pick([3, 8, 12, 16, 24, 32, 64]);
  const outChannels = rng.pick([6, 8, 16, 24, 32, 64, 128].filter((c) => c !== inChannels));
  return {
    inChannels,
    outChannels,
    kernel: rng.pick([3, 3, 5, 7]),
    outputSize: rng.pick([7, 14, 28, 32, 49, 56]),
  };
}

export function depthwiseSeparableQuestion(p: DepthwiseSeparableParams): QuestionText {
  const out = volume(p.outputSize, p.outChannels);
  return {
    text: [
      `A convolution layer applies ${p.outChannels} filters of size ${p.kernel}×${p.kernel}×${p.inChannels} to an input of depth ${p.inChannels} and produces a ${out} output.`,
      `It is replaced by a depthwise-separable convolution (a depthwise convolution followed by a pointwise 1×1 convolution) with the same ${out} output.`,
      'Count 2 FLOPs per multiply-add (one multiplication and one addition) for every filter weight at every output position, and ignore the biases.',
    ].join('\n'),
    givens: [],
    parts: [
      { id: 'dwCount', prompt: 'How many filters does the depthwise convolution use?' },
      { id: 'dwShape', prompt: 'What is the shape of each depthwise filter, as (depth, height, width)?' },
      { id: 'pwCount', prompt: 'How many filters does the pointwise convolution use?' },
      { id: 'pwShape', prompt: 'What is the shape of each pointwise filter, as (depth, height, width)?' },
      { id: 'std', prompt: 'How many FLOPs does the original convolution take?' },
      { id: 'dw', prompt: 'How many FLOPs does the depthwise convolution take?' },
      { id: 'pw', prompt: 'How many FLOPs does the pointwise convolution take?' },
      { id: 'sep', prompt: 'How many FLOPs does the whole depthwise-separable convolution take?' },
      {
        id: 'ratio',
        prompt:
          'Give the ratio of the depthwise-separable FLOPs to the original FLOPs, as a ratio a:b in lowest terms (or as a decimal to 4 dp).',
      },
    ],
  };
}

function distinct<V>(correct: V, slips: readonly (Slip | undefined)[]): Slip[] {
  const key = (v: unknown): string => JSON.stringify(v);
  const out: Slip[] = [];
  for (const s of slips) {
    if (s !== undefined && key(s.value) !== key(correct) && !out.some((o) => key(o.value) === key(s.value))) {
      out.push(s);
    }
  }
  return out;
}

const ONE_FLOP: Omit<Slip, 'value'> = {
  id: 'one-flop-per-mac',
  message:
    'It looks like you counted 1 FLOP per multiply-add; the question counts 2 (a multiplication and an addition).',
};

export function solveDepthwiseSeparable(p: DepthwiseSeparableParams): Part[] {
  const cost = separableFlops(shape(p), FLOPS_PER_MAC);
  const depthwiseAsFull = cost.depthwise * p.outChannels;
  const num = (id: string, name: string, value: number, slips: (Slip | undefined)[]): Part => ({
    id,
    name,
    expected: { kind: 'number', value, integer: true },
    slips: distinct(value, slips),
  });
  const halfSlip = (v: number): Slip => ({ ...ONE_FLOP, value: v / 2 });
  const ratioSlips: (Slip | undefined)[] = [
    {
      id: 'inverted-ratio',
      message: 'That is original : separable; the question asks separable : original.',
      value: [cost.ratio[1], cost.ratio[0]],
    },
    {
      id: 'depthwise-as-full',
      message: `It looks like the depthwise part was counted as a full convolution (× C_out = ${p.outChannels}).`,
      value: reduceRatio(depthwiseAsFull + cost.pointwise, cost.standard),
    },
  ];
  return [
    num('dwCount', 'number of depthwise filters', p.inChannels, [
      p.outChannels !== p.inChannels
        ? {
            id: 'depthwise-count-out-channels',
            message: 'The depthwise convolution has one filter per INPUT channel.',
            value: p.outChannels,
          }
        : undefined,
    ]),
    {
      id: 'dwShape',
      name: 'shape of a depthwise filter',
      expected: { kind: 'shape', value: [1, p.kernel, p.kernel] },
      slips: distinct(
        [1, p.kernel, p.kernel],
        [
          {
            id: 'depthwise-as-full',
            message: 'A depthwise filter sees a single channel: its depth is 1.',
            value: [p.inChannels, p.kernel, p.kernel],
          },
        ],
      ),
    },
    num('pwCount', 'number of pointwise filters', p.outChannels, [
      p.outChannels !== p.inChannels
        ? {
            id: 'pointwise-count-in-channels',
            message: `The pointwise convolution makes the ${p.outChannels} output channels: one 1×1 filter per OUTPUT channel.`,
            value: p.inChannels,
          }
        : undefined,
    ]),
    {
      id: 'pwShape',
      name: 'shape of a pointwise filter',
      expected: { kind: 'shape', value: [p.inChannels, 1, 1] },
      slips: distinct(
        [p.inChannels, 1, 1],
        [
          {
            id: 'pointwise-depth',
            message: `A pointwise filter spans all ${p.inChannels} channels of the depthwise output.`,
            value: [1, 1, 1],
          },
        ],
      ),
    },
    num('std', 'FLOPs of the original convolution', cost.standard, [halfSlip(cost.standard)]),
    num('dw', 'FLOPs of the depthwise convolution', cost.depthwise, [
      {
        id: 'depthwise-as-full',
        message: `That counts the depthwise convolution as a full convolution: each depthwise filter sees one channel and there is no factor C_out = ${p.outChannels}.`,
        value: depthwiseAsFull,
      },
      halfSlip(cost.depthwise),
    ]),
    num('pw', 'FLOPs of the pointwise convolution', cost.pointwise, [halfSlip(cost.pointwise)]),
    num('sep', 'FLOPs of the depthwise-separable convolution', cost.separable, [
      {
        id: 'depthwise-as-full',
        message: `It looks like the depthwise part was counted as a full convolution (× C_out = ${p.outChannels}).`,
        value: depthwiseAsFull + cost.pointwise,
      },
      halfSlip(cost.separable),
    ]),
    {
      id: 'ratio',
      name: 'separable : original FLOPs',
      expected: { kind: 'ratio', value: cost.ratio, dp: 4 },
      slips: distinct(cost.ratio, ratioSlips),
    },
  ];
}

export function explainDepthwiseSeparable(p: DepthwiseSeparableParams): Step[] {
  const cost = separableFlops(shape(p), FLOPS_PER_MAC);
  const { inChannels: c, outChannels: n, kernel: k, outputSize: h } = p;
  const [a, b] = cost.ratio;
  return [
    {
      title: 'Depthwise convolution: number of filters',
      formula: 'one filter per input channel',
      substitution: `C_in = ${c}`,
      result: { name: 'depthwise filters', value: c },
      part: 'dwCount',
    },
    {
      title: 'Depthwise convolution: filter shape',
      formula: '1 × F × F (each filter sees one channel)',
      substitution: `1 × ${k} × ${k}`,
      result: { name: 'depthwise filter shape', value: [1, k, k] },
      part: 'dwShape',
    },
    {
      title: 'Pointwise convolution: number of filters',
      formula: 'one 1×1 filter per output channel',
      substitution: `C_out = ${n}`,
      result: { name: 'pointwise filters', value: n },
      part: 'pwCount',
    },
    {
      title: 'Pointwise convolution: filter shape',
      formula: 'C_in × 1 × 1 (each filter mixes all channels at one position)',
      substitution: `${c} × 1 × 1`,
      result: { name: 'pointwise filter shape', value: [c, 1, 1] },
      part: 'pwShape',
    },
    {
      title: 'FLOPs of the original convolution',
      formula: 'FLOPs = 2 × (F × F × C_in) × C_out × H_out × W_out',
      substitution: `2 × (${k} × ${k} × ${c}) × ${n} × ${h} × ${h} = ${cost.standard}`,
      result: { name: 'original FLOPs', value: cost.standard },
      part: 'std',
    },
    {
      title: 'FLOPs of the depthwise convolution',
      formula: 'FLOPs = 2 × (F × F) × C_in × H_out × W_out',
      substitution: `2 × (${k} × ${k}) × ${c} × ${h} × ${h} = ${cost.depthwise}`,
      result: { name: 'depthwise FLOPs', value: cost.depthwise },
      part: 'dw',
    },
    {
      title: 'FLOPs of the pointwise convolution',
      formula: 'FLOPs = 2 × C_in × C_out × H_out × W_out',
      substitution: `2 × ${c} × ${n} × ${h} × ${h} = ${cost.pointwise}`,
      result: { name: 'pointwise FLOPs', value: cost.pointwise },
      part: 'pw',
    },
    {
      title: 'FLOPs of the depthwise-separable convolution',
      formula: 'depthwise + pointwise',
      substitution: `${cost.depthwise} + ${cost.pointwise} = ${cost.separable}`,
      result: { name: 'separable FLOPs', value: cost.separable },
      part: 'sep',
    },
    {
      title: 'Ratio of separable to original FLOPs',
      formula: 'separable : original = 1/C_out + 1/F²',
      substitution: `${cost.separable} : ${cost.standard} = 1/${n} + 1/${k * k} = ${a}/${b} ≈ ${(a / b).toFixed(4)}`,
      result: { name: 'ratio', value: `${a}:${b}` },
      part: 'ratio',
    },
  ];
}

/**
 * Follow-through route: the separable FLOPs are the student's depthwise + pointwise FLOPs, and the ratio is the
 * student's separable : original FLOPs, as the worked solution computes them (counts: nothing to round). The
 * filter counts and shapes are read from the question, so they carry nothing.
 */
export function depthwiseSeparableRoute(
  p: DepthwiseSeparableParams,
  carry: Carry,
): Record<string, NumericValue> {
  const cost = separableFlops(shape(p), FLOPS_PER_MAC);
  const sep = carry.number('dw', cost.depthwise) + carry.number('pw', cost.pointwise);
  const out: Record<string, NumericValue> = {
    std: cost.standard,
    dw: cost.depthwise,
    pw: cost.pointwise,
    sep,
  };
  const sepCarried = carry.number('sep', sep);
  const stdCarried = carry.number('std', cost.standard);
  // A ratio of counts: only whole positive counts give one (a student's 0 or 2.5 carries nothing).
  if ([sepCarried, stdCarried].every((n) => Number.isSafeInteger(n) && n >= 1)) {
    out['ratio'] = reduceRatio(sepCarried, stdCarried);
  }
  return out;
}

export const depthwiseSeparableTopic: Topic<DepthwiseSeparableParams> = {
  id: 'depthwise-separable',
  title: 'Depthwise-separable convolution',
  summary: 'Filter shapes and FLOPs of depthwise and pointwise convolutions versus a standard convolution',
  groups: ['cnn'],
  difficulty: 3,
  paperRef: '3(b)(i), 3(b)(ii)',
  generate: generateDepthwiseSeparable,
  parseParams: parseDepthwiseSeparableParams,
  question: depthwiseSeparableQuestion,
  solve: solveDepthwiseSeparable,
  explain: explainDepthwiseSeparable,
  route: depthwiseSeparableRoute,
};
