/**
 * Output sizes along a chain of convolution and pooling layers (paper 3(a)(i)). Two forms:
 * - forward: the layers are given, find each layer's output size;
 * - unknowns (the paper's form): every output volume is given, find the hidden hyperparameters (number of filters
 *   n, filter depth d, kernel F, padding p, stride s), each of which must be determined uniquely.
 */
import { outputSize, solveWindowField, tryOutputSize, type WindowSpec } from '../../math/conv.js';
import type { Rng } from '../../rng.js';
import type { Carry, NumericValue, Part, QuestionText, Slip, Step, Topic } from '../../types.js';
import {
  chainSizes,
  describeStage,
  stageSpec,
  generateChain,
  readChain,
  sizeStep,
  subscript,
  volume,
  type ChainParams,
  type Stage,
  type StageSizes,
} from './layer-chain.js';
import { fail, readArray, readEnum, readInt, readObject } from './read-params.js';

export type UnknownField = 'filters' | 'depth' | 'kernel' | 'padding' | 'stride';

export interface UnknownRef {
  /** 1-based layer number, as in the symbols n₁, p₂. */
  readonly layer: number;
  readonly field: UnknownField;
}

export interface ConvOutputSizeParams extends ChainParams {
  /** Absent: ask every layer's output size. Present: show every output volume and ask for these values. */
  readonly unknowns?: readonly UnknownRef[];
}

const FIELDS: readonly UnknownField[] = ['filters', 'depth', 'kernel', 'padding', 'stride'];
const SYMBOL: Record<UnknownField, string> = {
  filters: 'n',
  depth: 'd',
  kernel: 'F',
  padding: 'p',
  stride: 's',
};
const NAME: Record<UnknownField, string> = {
  filters: 'number of filters',
  depth: 'filter depth',
  kernel: 'filter size',
  padding: 'padding',
  stride: 'stride',
};

function symbol(u: UnknownRef): string {
  return `${SYMBOL[u.field]}${subscript(u.layer)}`;
}

function partId(u: UnknownRef): string {
  return `${SYMBOL[u.field].toLowerCase()}${u.layer}`;
}

function trueValue(u: UnknownRef, stage: Stage, sizes: StageSizes): number {
  switch (u.field) {
    case 'filters':
      return sizes.outChannels;
    case 'depth':
      return sizes.inChannels;
    case 'kernel':
      return stage.kernel;
    case 'padding':
      return stage.padding;
    case 'stride':
      return stage.stride;
  }
}

function windowField(field: UnknownField): 'kernel' | 'padding' | 'stride' | undefined {
  return field === 'kernel' || field === 'padding' || field === 'stride' ? field : undefined;
}

function readUnknowns(input: unknown[], chain: ChainParams): UnknownRef[] {
  const sizes = chainSizes(chain.inputSize, chain.inputChannels, chain.layers);
  const seen = new Set<string>();
  const windowUnknownLayers = new Set<number>();
  const unknowns = input.map((raw, i) => {
    const path = `unknowns[${i}]`;
    const o = readObject(raw, path, ['layer', 'field']);
    const layer = readInt(o, 'layer', path, 1, chain.layers.length);
    const field = readEnum(o, 'field', path, FIELDS);
    const u: UnknownRef = { layer, field };
    const stage = chain.layers[layer - 1] as Stage;
    const size = sizes[layer - 1] as StageSizes;
    if (seen.has(partId(u))) fail(`${path}: ${symbol(u)} is listed twice`);
    seen.add(partId(u));
    if (stage.type !== 'conv' && (field === 'filters' || field === 'depth')) {
      fail(`${path}: layer ${layer} is a pooling layer, it has no ${NAME[field]}`);
    }
    const wf = windowField(field);
    if (wf !== undefined) {
      if (windowUnknownLayers.has(layer))
        fail(`${path}: at most one of F, p, s can be unknown in layer ${layer}`);
      windowUnknownLayers.add(layer);
      if ((size.spec.dilation ?? 1) > 1) fail(`${path}: unknowns are not supported in a dilated layer`);
      if (size.outSize < 2)
        fail(`${path}: layer ${layer}'s output size must be at least 2 to determine ${symbol(u)}`);
      const candidates = solveWindowField(size.spec, wf, size.outSize);
      if (candidates.length !== 1) {
        fail(
          `${path}: ${symbol(u)} is not determined uniquely by the sizes (candidates ${candidates.join(', ')})`,
        );
      }
      if (candidates[0] !== trueValue(u, stage, size)) {
        fail(
          `${path}: ${symbol(u)} = ${trueValue(u, stage, size)} is outside the range a student would search`,
        );
      }
    }
    return u;
  });
  // Examiner order: by layer, then n, d, F, p, s.
  return unknowns.sort(byLayerThenField);
}

function byLayerThenField(a: UnknownRef, b: UnknownRef): number {
  return a.layer - b.layer || FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field);
}

export function parseConvOutputSizeParams(input: unknown): ConvOutputSizeParams {
  const o = readObject(input, '', ['inputSize', 'inputChannels', 'layers', 'unknowns']);
  const chain = readChain(o);
  if (o['unknowns'] === undefined) return chain;
  const unknowns = readUnknowns(readArray(o, 'unknowns', '', 1, 8), chain);
  return { ...chain, unknowns };
}

// ---- generation ----

function generateUnknowns(rng: Rng, chain: ChainParams): UnknownRef[] {
  const sizes = chainSizes(chain.inputSize, chain.inputChannels, chain.layers);
  const out: UnknownRef[] = [];
  chain.layers.forEach((stage, i) => {
    const layer = i + 1;
    const size = sizes[i] as StageSizes;
    if (stage.type === 'conv' && rng.chance(0.5))
      out.push({ layer, field: rng.pick(['filters', 'depth'] as const) });
    if ((size.spec.dilation ?? 1) > 1 || size.outSize < 2) return;
    const options = (['kernel', 'padding', 'stride'] as const).filter(
      (f) =>
        // Pooling padding is almost always 0: asking for it is a giveaway.
        !(f === 'padding' && (stage.type !== 'conv' || (stage.padding === 0 && rng.chance(0.5)))) &&
        solveWindowField(size.spec, f, size.outSize).length === 1,
    );
    if (options.length > 0 && rng.chance(0.8)) out.push({ layer, field: rng.pick(options) });
  });
  return out;
}

export function generateConvOutputSize(rng: Rng): ConvOutputSizeParams {
  const inverse = rng.chance(0.35);
  for (let attempt = 0; attempt < 50; attempt++) {
    const chain = generateChain(rng, {
      layers: rng.pick([2, 2, 3]),
      evenness: inverse || rng.chance(0.7) ? 'all' : 'one-uneven',
      allowPooling: true,
      allowDilation: !inverse,
      minOutput: 2,
    });
    if (!inverse) return chain;
    const unknowns = generateUnknowns(rng, chain);
    // An exam question of this form asks for at least two values, at least one of which needs the size formula.
    if (unknowns.length >= 2 && unknowns.some((u) => windowField(u.field) !== undefined)) {
      return { ...chain, unknowns };
    }
  }
  return {
    inputSize: 55,
    inputChannels: 12,
    layers: [
      { type: 'conv', filters: 6, kernel: 7, stride: 1, padding: 0 },
      { type: 'conv', filters: 4, kernel: 3, stride: 2, padding: 1 },
    ],
    unknowns: [
      { layer: 1, field: 'filters' },
      { layer: 1, field: 'depth' },
      { layer: 1, field: 'kernel' },
      { layer: 2, field: 'padding' },
    ],
  };
}

// ---- question ----

function hidden(params: ConvOutputSizeParams, layer: number, field: UnknownField): string | undefined {
  const u = params.unknowns?.find((x) => x.layer === layer && x.field === field);
  return u === undefined ? undefined : symbol(u);
}

/** A layer line of the inverse form, with symbols in place of the hidden values. */
function describeWithUnknowns(
  params: ConvOutputSizeParams,
  index: number,
  stage: Stage,
  sizes: StageSizes,
): string {
  const layer = index + 1;
  const show = (field: UnknownField, v: number): string => hidden(params, layer, field) ?? String(v);
  const k = show('kernel', stage.kernel);
  const tail = `stride ${show('stride', stage.stride)}, padding ${show('padding', stage.padding)}`;
  const head =
    stage.type === 'conv'
      ? `convolution, ${show('filters', stage.filters)} filters of size ${k}×${k}×${show('depth', sizes.inChannels)}`
      : `${stage.type === 'maxpool' ? 'max' : 'average'} pooling ${k}×${k}`;
  return `Layer ${layer}: ${head}, ${tail}; output ${volume(sizes.outSize, sizes.outChannels)}`;
}

export function convOutputSizeQuestion(params: ConvOutputSizeParams): QuestionText {
  const sizes = chainSizes(params.inputSize, params.inputChannels, params.layers);
  const input = `An input volume of size ${volume(params.inputSize, params.inputChannels)} (height × width × depth)`;
  if (params.unknowns === undefined) {
    const lines = params.layers.map(
      (s, i) => `Layer ${i + 1}: ${describeStage(s, (sizes[i] as StageSizes).inChannels)}`,
    );
    return {
      text: [
        `${input} passes through the following layers in order (square kernels; padding p is added on each side; windows that do not fit are dropped):`,
        ...lines,
      ].join('\n'),
      givens: [],
      parts: params.layers.map((_, i) => ({
        id: `out${i + 1}`,
        prompt: `Give the output size (height = width) of layer ${i + 1}, as an integer.`,
      })),
    };
  }
  const lines = params.layers.map((s, i) => describeWithUnknowns(params, i, s, sizes[i] as StageSizes));
  return {
    text: [
      `${input} passes through the following layers in order (square kernels; padding p is added on each side). Some hyperparameters are unknown:`,
      ...lines,
    ].join('\n'),
    givens: [],
    parts: params.unknowns.map((u) => ({
      id: partId(u),
      prompt: `Find ${symbol(u)}, the ${NAME[u.field]} of layer ${u.layer} (an integer).`,
    })),
  };
}

// ---- answers ----

function distinctSlips(correct: number, candidates: readonly (Slip | undefined)[]): Slip[] {
  const out: Slip[] = [];
  for (const s of candidates) {
    if (s === undefined || s.value === correct || out.some((o) => o.value === s.value)) continue;
    out.push(s);
  }
  return out;
}

function forwardSlips(spec: WindowSpec, correct: number): Slip[] {
  const { stride = 1, padding = 0, dilation = 1 } = spec;
  const slip = (id: string, message: string, changed: WindowSpec, rounding: 'floor' | 'ceil' = 'floor') => {
    const value = tryOutputSize(changed, rounding);
    return value === undefined ? undefined : { id, message, value };
  };
  return distinctSlips(correct, [
    padding > 0
      ? slip('ignored-padding', `It looks like you ignored the padding: it adds 2p = ${2 * padding} to n.`, {
          ...spec,
          padding: 0,
        })
      : undefined,
    slip(
      'ceil-instead-of-floor',
      'It looks like you rounded up: the division is rounded down (floor).',
      spec,
      'ceil',
    ),
    stride > 1
      ? slip('forgot-stride', `It looks like you forgot to divide by the stride s = ${stride}.`, {
          ...spec,
          stride: 1,
        })
      : undefined,
    dilation > 1
      ? slip(
          'ignored-dilation',
          `It looks like you ignored the dilation: a dilated ${spec.kernel}×${spec.kernel} kernel spans r(F − 1) + 1 = ${
            dilation * (spec.kernel - 1) + 1
          } pixels.`,
          { ...spec, dilation: 1 },
        )
      : undefined,
  ]);
}

function inverseSlips(u: UnknownRef, stage: Stage, sizes: StageSizes, correct: number): Slip[] {
  switch (u.field) {
    case 'filters':
    case 'depth': {
      const other = u.field === 'filters' ? sizes.inChannels : sizes.outChannels;
      return distinctSlips(correct, [
        {
          id: 'swapped-filters-depth',
          message:
            'The number of filters n is the depth of the layer output; the filter depth d is the depth of its input.',
          value: other,
        },
      ]);
    }
    case 'kernel':
      return distinctSlips(correct, [
        stage.stride === 1 && correct > 1
          ? {
              id: 'dropped-plus-one',
              message: 'It looks like you dropped the + 1 of out = (W + 2p − F)/s + 1.',
              value: correct - 1,
            }
          : undefined,
      ]);
    case 'padding':
      return distinctSlips(correct, [
        {
          id: 'padding-one-side',
          message: 'Padding p is added on both sides of the input: the formula has 2p, not p.',
          value: 2 * correct,
        },
      ]);
    case 'stride':
      return [];
  }
}

export function solveConvOutputSize(params: ConvOutputSizeParams): Part[] {
  const sizes = chainSizes(params.inputSize, params.inputChannels, params.layers);
  if (params.unknowns === undefined) {
    return sizes.map((s, i) => ({
      id: `out${i + 1}`,
      name: `output size of layer ${i + 1}`,
      expected: { kind: 'number', value: s.outSize, integer: true },
      slips: forwardSlips(s.spec, s.outSize),
    }));
  }
  return params.unknowns.map((u) => {
    const stage = params.layers[u.layer - 1] as Stage;
    const size = sizes[u.layer - 1] as StageSizes;
    const value = trueValue(u, stage, size);
    return {
      id: partId(u),
      name: symbol(u),
      expected: { kind: 'number', value, integer: true },
      slips: inverseSlips(u, stage, size, value),
    };
  });
}

// ---- explanation ----

function unknownStep(u: UnknownRef, stage: Stage, sizes: StageSizes): Step {
  const sym = symbol(u);
  const value = trueValue(u, stage, sizes);
  const result = { name: sym, value };
  const part = partId(u);
  const { inputSize: n, kernel: F, stride: s = 1, padding: p = 0 } = sizes.spec;
  const out = sizes.outSize;
  const title = `${sym}: ${NAME[u.field]} of layer ${u.layer}`;
  switch (u.field) {
    case 'filters':
      return {
        title,
        formula: 'n = depth of the layer output (one feature map per filter)',
        substitution: `layer ${u.layer} outputs ${volume(out, sizes.outChannels)}, so ${sym} = ${value}`,
        result,
        part,
      };
    case 'depth':
      return {
        title,
        formula: 'd = depth of the layer input (each filter spans every input channel)',
        substitution: `the input to layer ${u.layer} is ${volume(sizes.inSize, sizes.inChannels)}, so ${sym} = ${value}`,
        result,
        part,
      };
    case 'kernel':
      return {
        title,
        formula:
          s === 1
            ? 'out = (W + 2p − F)/s + 1 with s = 1  ⇒  F = W + 2p − out + 1'
            : 'out = ⌊(W + 2p − F)/s⌋ + 1  ⇒  W + 2p − out·s < F ≤ W + 2p − (out − 1)·s',
        substitution:
          s === 1
            ? `${sym} = ${n} + 2×${p} − ${out} + 1 = ${value}`
            : `${n + 2 * p - out * s} < ${sym} ≤ ${n + 2 * p - (out - 1) * s}, and only ${value} gives ${out}: ⌊(${n} + 2×${p} − ${value})/${s}⌋ + 1 = ${out}`,
        result,
        part,
      };
    case 'padding': {
      const lo = (out - 1) * s - n + F;
      return {
        title,
        formula:
          s === 1
            ? 'out = W + 2p − F + 1 with s = 1  ⇒  p = (out − 1 − W + F)/2'
            : 'out = ⌊(W + 2p − F)/s⌋ + 1  ⇒  (out − 1)·s ≤ W + 2p − F < out·s  ⇒  ((out − 1)·s − W + F)/2 ≤ p < (out·s − W + F)/2',
        substitution:
          s === 1
            ? `${sym} = (${out} − 1 − ${n} + ${F})/2 = ${lo}/2 = ${value}`
            : `(${out - 1}×${s} − ${n} + ${F})/2 = ${lo / 2} ≤ ${sym} < (${out}×${s} − ${n} + ${F})/2 = ${
                (out * s - n + F) / 2
              }, so ${sym} = ${value}`,
        result,
        part,
        note: `check: ⌊(${n} + 2×${value} − ${F})/${s}⌋ + 1 = ${outputSize({ ...sizes.spec, padding: value })}`,
      };
    }
    case 'stride': {
      const range = n + 2 * p - F;
      return {
        title,
        formula: 'out = ⌊(W + 2p − F)/s⌋ + 1  ⇒  (W + 2p − F)/out < s ≤ (W + 2p − F)/(out − 1)',
        substitution: `${range}/${out} = ${+(range / out).toFixed(4)} < ${sym} ≤ ${range}/${out - 1} = ${+(range / (out - 1)).toFixed(4)}, so ${sym} = ${value}`,
        result,
        part,
        note: `check: ⌊(${n} + 2×${p} − ${F})/${value}⌋ + 1 = ${outputSize({ ...sizes.spec, stride: value })}`,
      };
    }
  }
}

export function explainConvOutputSize(params: ConvOutputSizeParams): Step[] {
  const sizes = chainSizes(params.inputSize, params.inputChannels, params.layers);
  if (params.unknowns === undefined) {
    return [
      {
        title: 'Output size of a convolution or pooling window',
        formula: 'out = ⌊(W + 2p − r(F − 1) − 1)/s⌋ + 1',
        note: 'W: input size (height = width), F: kernel size, p: padding on each side, s: stride, r: dilation (r = 1 gives ⌊(W + 2p − F)/s⌋ + 1). Pooling keeps the depth; a convolution outputs one channel per filter.',
      },
      ...params.layers.map((stage, i) => sizeStep(i, stage, sizes[i] as StageSizes, { part: `out${i + 1}` })),
    ];
  }
  return [
    {
      title: 'Relations used',
      formula: 'out = ⌊(W + 2p − F)/s⌋ + 1; filters = output depth; filter depth = input depth',
      note: 'W: input size (height = width), F: filter size, p: padding on each side, s: stride.',
    },
    ...params.unknowns.map((u) =>
      unknownStep(u, params.layers[u.layer - 1] as Stage, sizes[u.layer - 1] as StageSizes),
    ),
  ];
}

// ---- follow-through route ----

/**
 * Forward form: each layer's size from the student's size of the layer before (error carried forward); the chain
 * stops where a carried size is not a positive integer or a window no longer fits. The unknowns form reads every
 * hyperparameter from the given volumes: its parts do not depend on each other, so it has no route values.
 */
export function convOutputSizeRoute(
  params: ConvOutputSizeParams,
  carry: Carry,
): Record<string, NumericValue> {
  const out: Record<string, NumericValue> = {};
  if (params.unknowns !== undefined) return out;
  let size = params.inputSize;
  for (const [i, stage] of params.layers.entries()) {
    const next = tryOutputSize(stageSpec(stage, size));
    if (next === undefined) break;
    out[`out${i + 1}`] = next;
    const carried = carry.number(`out${i + 1}`, next);
    if (!Number.isSafeInteger(carried) || carried < 1) break;
    size = carried;
  }
  return out;
}

export const convOutputSizeTopic: Topic<ConvOutputSizeParams> = {
  id: 'conv-output-size',
  title: 'Convolution and pooling output sizes',
  summary:
    'Output sizes through conv/pool layers with padding, stride and dilation, or the hyperparameters behind them',
  groups: ['cnn', 'shapes'],
  difficulty: 2,
  paperRef: '3(a)(i)',
  generate: generateConvOutputSize,
  parseParams: parseConvOutputSizeParams,
  question: convOutputSizeQuestion,
  solve: solveConvOutputSize,
  explain: explainConvOutputSize,
  route: convOutputSizeRoute,
};
