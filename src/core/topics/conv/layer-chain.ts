/**
 * A chain of convolution and pooling layers over a square input, shared by the conv topics: parameter reading,
 * sizes along the chain, exam-style descriptions, the output-size step of a worked solution, and a generator of
 * exam-like chains.
 */
import { dividesEvenly, effectiveKernel, outputSize, slideRange, type WindowSpec } from '../../math/conv.js';
import type { Rng } from '../../rng.js';
import type { Step } from '../../types.js';
import { fail, readArray, readEnum, readInt, readObject, readOptionalInt, type Obj } from './read-params.js';

export interface ConvStage {
  readonly type: 'conv';
  readonly filters: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  /** Omitted means 1. */
  readonly dilation?: number;
}

export interface PoolStage {
  readonly type: 'maxpool' | 'avgpool';
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
}

export type Stage = ConvStage | PoolStage;

export interface StageSizes {
  readonly inSize: number;
  readonly outSize: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly spec: WindowSpec;
}

export const MAX_INPUT_SIZE = 512;
export const MAX_CHANNELS = 2048;
export const MAX_KERNEL = 15;
export const MAX_LAYERS = 5;

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** 12 -> "₁₂". */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)] ?? d);
}

export function stageSpec(stage: Stage, inSize: number): WindowSpec {
  return {
    inputSize: inSize,
    kernel: stage.kernel,
    stride: stage.stride,
    padding: stage.padding,
    dilation: stage.type === 'conv' ? (stage.dilation ?? 1) : 1,
  };
}

/** Sizes before and after every layer; throws a RangeError when a window does not fit. */
export function chainSizes(inputSize: number, inputChannels: number, stages: readonly Stage[]): StageSizes[] {
  const out: StageSizes[] = [];
  let size = inputSize;
  let channels = inputChannels;
  for (const stage of stages) {
    const spec = stageSpec(stage, size);
    const next = outputSize(spec);
    const nextChannels = stage.type === 'conv' ? stage.filters : channels;
    out.push({ inSize: size, outSize: next, inChannels: channels, outChannels: nextChannels, spec });
    size = next;
    channels = nextChannels;
  }
  return out;
}

/** "55×55×12". */
export function volume(size: number, channels: number): string {
  return `${size}×${size}×${channels}`;
}

/** "max pooling 2×2, stride 2" / "convolution, 6 filters of 7×7×12, stride 1, padding 0". */
export function describeStage(stage: Stage, inChannels: number): string {
  const tail = `stride ${stage.stride}, padding ${stage.padding}`;
  if (stage.type !== 'conv') {
    const name = stage.type === 'maxpool' ? 'max pooling' : 'average pooling';
    return `${name} ${stage.kernel}×${stage.kernel}, ${tail}`;
  }
  const dil = (stage.dilation ?? 1) > 1 ? `, dilation ${stage.dilation}` : '';
  return `convolution, ${stage.filters} filters of ${stage.kernel}×${stage.kernel}×${inChannels}, ${tail}${dil}`;
}

/** The output-size formula in the form that fits the layer (dilated or not). */
export function sizeFormula(dilation: number): string {
  return dilation > 1 ? 'out = ⌊(W + 2p − r(F − 1) − 1)/s⌋ + 1' : 'out = ⌊(W + 2p − F)/s⌋ + 1';
}

/** "⌊(55 + 2×0 − 7)/1⌋ + 1 = ⌊48/1⌋ + 1 = 49" (with "⌊14.5⌋" shown when the division is not exact). */
export function sizeSubstitution(spec: WindowSpec): string {
  const { inputSize: n, kernel: k, stride: s = 1, padding: p = 0, dilation: d = 1 } = spec;
  const kernelTerm = d > 1 ? `${d}×(${k} − 1) − 1` : `${k}`;
  const range = slideRange(spec);
  const quotient = range / s;
  const shownQuotient = Number.isInteger(quotient) ? '' : ` = ⌊${+quotient.toFixed(4)}⌋ + 1`;
  return `⌊(${n} + 2×${p} − ${kernelTerm})/${s}⌋ + 1 = ⌊${range}/${s}⌋ + 1${shownQuotient} = ${outputSize(spec)}`;
}

/** One worked-solution step computing a layer's output size. */
export function sizeStep(
  index: number,
  stage: Stage,
  sizes: StageSizes,
  extra: { part?: string; title?: string } = {},
): Step {
  const dilation = sizes.spec.dilation ?? 1;
  const note = dividesEvenly(sizes.spec)
    ? `output volume ${volume(sizes.outSize, sizes.outChannels)}`
    : `the division is not exact: round down (the last window would not fit); output volume ${volume(
        sizes.outSize,
        sizes.outChannels,
      )}`;
  return {
    title: extra.title ?? `Layer ${index + 1}: ${describeStage(stage, sizes.inChannels)}`,
    formula:
      dilation > 1
        ? `${sizeFormula(dilation)} (dilated kernel spans r(F − 1) + 1 = ${effectiveKernel(stage.kernel, dilation)})`
        : sizeFormula(dilation),
    substitution: sizeSubstitution(sizes.spec),
    result: { name: `output size of layer ${index + 1}`, value: sizes.outSize },
    ...(extra.part === undefined ? {} : { part: extra.part }),
    note,
  };
}

// ---- reading ----

const STAGE_TYPES = ['conv', 'maxpool', 'avgpool'] as const;

export function readStage(input: unknown, path: string): Stage {
  const probe = readObject(input, path, ['type', 'filters', 'kernel', 'stride', 'padding', 'dilation']);
  const type = readEnum(probe, 'type', path, STAGE_TYPES);
  const kernel = readInt(probe, 'kernel', path, 1, MAX_KERNEL);
  const stride = readInt(probe, 'stride', path, 1, MAX_KERNEL);
  const padding = readInt(probe, 'padding', path, 0, MAX_KERNEL);
  if (type === 'conv') {
    const filters = readInt(probe, 'filters', path, 1, MAX_CHANNELS);
    const dilation = readOptionalInt(probe, 'dilation', path, 1, 4);
    return dilation === undefined || dilation === 1
      ? { type, filters, kernel, stride, padding }
      : { type, filters, kernel, stride, padding, dilation };
  }
  if (probe['filters'] !== undefined || probe['dilation'] !== undefined) {
    fail(`${path}: a pooling layer has no filters or dilation`);
  }
  return { type, kernel, stride, padding };
}

export interface ChainParams {
  readonly inputSize: number;
  readonly inputChannels: number;
  readonly layers: readonly Stage[];
}

/** Reads inputSize, inputChannels and layers, and checks that every window fits. */
export function readChain(o: Obj): ChainParams {
  const inputSize = readInt(o, 'inputSize', '', 1, MAX_INPUT_SIZE);
  const inputChannels = readInt(o, 'inputChannels', '', 1, MAX_CHANNELS);
  const layers = readArray(o, 'layers', '', 1, MAX_LAYERS).map((s, i) => readStage(s, `layers[${i}]`));
  let size = inputSize;
  layers.forEach((stage, i) => {
    const spec = stageSpec(stage, size);
    if (slideRange(spec) < 0) {
      fail(
        `layers[${i}]: the ${effectiveKernel(stage.kernel, spec.dilation)}-wide window does not fit in the ${size}-wide input padded by ${stage.padding}`,
      );
    }
    size = outputSize(spec);
  });
  return { inputSize, inputChannels, layers };
}

// ---- generation ----

export interface ChainOptions {
  readonly layers: number;
  /** 'all': every division exact; 'one-uneven': exactly one layer rounds down. */
  readonly evenness: 'all' | 'one-uneven';
  readonly allowPooling: boolean;
  readonly allowDilation: boolean;
  /** Smallest output size allowed anywhere in the chain. */
  readonly minOutput: number;
}

const INPUT_SIZES = [28, 32, 48, 55, 56, 64, 96, 100, 112, 128, 224, 227];
const FILTER_COUNTS = [4, 6, 8, 10, 12, 16, 24, 32, 64];

function drawStage(rng: Rng, first: boolean, inSize: number, opts: ChainOptions): Stage {
  if (!first && opts.allowPooling && rng.chance(0.35)) {
    const kernel = rng.pick([2, 2, 3]);
    return {
      type: rng.chance(0.75) ? 'maxpool' : 'avgpool',
      kernel,
      stride: 2,
      padding: kernel === 3 && rng.chance(0.3) ? 1 : 0,
    };
  }
  const kernel = first && inSize >= 200 && rng.chance(0.4) ? 11 : rng.pick([1, 3, 3, 5, 5, 7]);
  // A 1×1 convolution with stride 1 would keep the size: too trivial for a size question.
  const stride = kernel === 11 ? 4 : kernel === 1 ? 2 : rng.pick([1, 1, 2, 2, 3]);
  const half = (kernel - 1) / 2;
  const padding = rng.pick([0, 0, half, half, 1].filter((p) => p < kernel));
  const dilation = opts.allowDilation && kernel === 3 && stride === 1 && rng.chance(0.2) ? 2 : 1;
  const filters = rng.pick(FILTER_COUNTS);
  return dilation > 1
    ? { type: 'conv', filters, kernel, stride, padding, dilation }
    : { type: 'conv', filters, kernel, stride, padding };
}

/** A random exam-like chain meeting the options; falls back to the paper's chain after many rejections. */
export function generateChain(rng: Rng, opts: ChainOptions): ChainParams {
  for (let attempt = 0; attempt < 400; attempt++) {
    const inputSize = rng.pick(INPUT_SIZES);
    const inputChannels = rng.pick([1, 3, 3, 3, 12]);
    const layers: Stage[] = [];
    let size = inputSize;
    let uneven = 0;
    let keptSize = 0;
    let ok = true;
    for (let i = 0; i < opts.layers && ok; i++) {
      const stage = drawStage(rng, i === 0, size, opts);
      const spec = stageSpec(stage, size);
      if (slideRange(spec) < 0) {
        ok = false;
        break;
      }
      const next = outputSize(spec);
      if (!dividesEvenly(spec)) uneven++;
      if (next === size) keptSize++;
      if (next < opts.minOutput) ok = false;
      layers.push(stage);
      size = next;
    }
    if (!ok) continue;
    if (uneven !== (opts.evenness === 'all' ? 0 : 1)) continue;
    // Not trivial: at most one layer keeps its size, and the chain changes the size overall.
    if (keptSize > 1 || size === inputSize) continue;
    return { inputSize, inputChannels, layers };
  }
  return {
    inputSize: 55,
    inputChannels: 12,
    layers: [
      { type: 'conv', filters: 6, kernel: 7, stride: 1, padding: 0 },
      { type: 'conv', filters: 4, kernel: 3, stride: 2, padding: 1 },
    ].slice(0, Math.max(1, Math.min(2, opts.layers))) as Stage[],
  };
}
