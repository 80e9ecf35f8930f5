/**
 * Parameter counts and FLOPs of convolutions and of the fully connected layer that follows a flatten.
 *
 * Conventions (the course's): a standard convolution has C_out filters of shape C_in × k × k, each with one bias;
 * a depthwise convolution has one k × k filter per input channel (shape 1 × k × k); a pointwise convolution is a
 * standard convolution with k = 1. FLOPs count the multiply-adds of the filters at every output position,
 * `flopsPerMac` FLOPs each (the 2023/24 paper counts 2: one multiply, one add); bias additions are not counted.
 */

export interface ConvLayerShape {
  readonly inChannels: number;
  readonly outChannels: number;
  /** Square kernel side k. */
  readonly kernel: number;
  /** Default true. */
  readonly bias?: boolean;
}

function positiveInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
}

/** C_out · (C_in · k · k) + C_out (bias). */
export function convParams({ inChannels, outChannels, kernel, bias = true }: ConvLayerShape): number {
  positiveInt('inChannels', inChannels);
  positiveInt('outChannels', outChannels);
  positiveInt('kernel', kernel);
  return outChannels * inChannels * kernel * kernel + (bias ? outChannels : 0);
}

/** Depthwise: C · k · k weights (one 1 × k × k filter per channel) + C biases. */
export function depthwiseParams({
  channels,
  kernel,
  bias = true,
}: {
  readonly channels: number;
  readonly kernel: number;
  readonly bias?: boolean;
}): number {
  return convParams({ inChannels: 1, outChannels: channels, kernel, bias });
}

/** Pointwise (1 × 1): C_out · C_in weights + C_out biases. */
export function pointwiseParams({
  inChannels,
  outChannels,
  bias = true,
}: {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly bias?: boolean;
}): number {
  return convParams({ inChannels, outChannels, kernel: 1, bias });
}

/** Number of values in an H × W × C volume once flattened. */
export function flattenedSize(height: number, width: number, channels: number): number {
  positiveInt('height', height);
  positiveInt('width', width);
  positiveInt('channels', channels);
  return height * width * channels;
}

/** Fully connected layer: inputs · units weights + units biases. */
export function denseParams({
  inputs,
  units,
  bias = true,
}: {
  readonly inputs: number;
  readonly units: number;
  readonly bias?: boolean;
}): number {
  positiveInt('inputs', inputs);
  positiveInt('units', units);
  return inputs * units + (bias ? units : 0);
}

export interface ConvCostShape {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernel: number;
  /** Output height and width (square output). */
  readonly outputSize: number;
}

/** Multiply-adds of a standard convolution: (k² · C_in) per output value, C_out · H_out · W_out output values. */
export function convMacs({ inChannels, outChannels, kernel, outputSize }: ConvCostShape): number {
  positiveInt('outputSize', outputSize);
  return kernel * kernel * inChannels * outChannels * outputSize * outputSize;
}

/** Multiply-adds of a depthwise convolution: k² per output value, C_in · H_out · W_out output values. */
export function depthwiseMacs({
  inChannels,
  kernel,
  outputSize,
}: Omit<ConvCostShape, 'outChannels'>): number {
  positiveInt('inChannels', inChannels);
  positiveInt('kernel', kernel);
  positiveInt('outputSize', outputSize);
  return kernel * kernel * inChannels * outputSize * outputSize;
}

/** Multiply-adds of a pointwise convolution: C_in per output value, C_out · H_out · W_out output values. */
export function pointwiseMacs({
  inChannels,
  outChannels,
  outputSize,
}: Omit<ConvCostShape, 'kernel'>): number {
  positiveInt('inChannels', inChannels);
  positiveInt('outChannels', outChannels);
  positiveInt('outputSize', outputSize);
  return inChannels * outChannels * outputSize * outputSize;
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** a:b in lowest terms (positive integers). */
export function reduceRatio(a: number, b: number): [number, number] {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 1 || b < 1) {
    throw new RangeError(`a ratio needs positive integers, got ${a}:${b}`);
  }
  const g = gcd(a, b);
  return [a / g, b / g];
}

export interface SeparableCost {
  readonly standard: number;
  readonly depthwise: number;
  readonly pointwise: number;
  /** depthwise + pointwise. */
  readonly separable: number;
  /** separable : standard in lowest terms; equals 1/C_out + 1/k² as a fraction. */
  readonly ratio: readonly [number, number];
}

/** FLOPs of a standard convolution and of its depthwise-separable replacement (same output size). */
export function separableFlops(shape: ConvCostShape, flopsPerMac = 2): SeparableCost {
  positiveInt('flopsPerMac', flopsPerMac);
  const standard = flopsPerMac * convMacs(shape);
  const depthwise = flopsPerMac * depthwiseMacs(shape);
  const pointwise = flopsPerMac * pointwiseMacs(shape);
  const separable = depthwise + pointwise;
  return { standard, depthwise, pointwise, separable, ratio: reduceRatio(separable, standard) };
}
