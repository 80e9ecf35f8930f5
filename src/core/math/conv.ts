/**
 * Output sizes of convolution and pooling windows along one spatial axis (square inputs use it for both):
 *
 *   out = ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1
 *
 * with input size n, kernel k, padding p on each side, stride s and dilation d (d(k − 1) + 1 is the effective kernel
 * extent). Also the inverse questions an exam asks ("which padding gives a 25×25 output?"), answered by enumerating
 * the small integer candidates so that ambiguity is detected rather than guessed away.
 */

export interface WindowSpec {
  /** Input size along the axis (height or width). */
  readonly inputSize: number;
  readonly kernel: number;
  /** Default 1. */
  readonly stride?: number;
  /** Zero padding added on each side. Default 0. */
  readonly padding?: number;
  /** Default 1 (no dilation). */
  readonly dilation?: number;
}

/** Rounding of the division: 'floor' is the standard rule; 'ceil' is the classic slip (and Caffe's pooling). */
export type SizeRounding = 'floor' | 'ceil';

/** d(k − 1) + 1: the extent of a dilated kernel. */
export function effectiveKernel(kernel: number, dilation = 1): number {
  return dilation * (kernel - 1) + 1;
}

function positiveInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
}

function checkSpec(spec: WindowSpec): Required<WindowSpec> {
  const { inputSize, kernel, stride = 1, padding = 0, dilation = 1 } = spec;
  positiveInt('inputSize', inputSize);
  positiveInt('kernel', kernel);
  positiveInt('stride', stride);
  positiveInt('dilation', dilation);
  if (!Number.isInteger(padding) || padding < 0) {
    throw new RangeError(`padding must be a non-negative integer, got ${padding}`);
  }
  return { inputSize, kernel, stride, padding, dilation };
}

/** The numerator n + 2p − d(k − 1) − 1 of the size formula: how far the window can slide. */
export function slideRange(spec: WindowSpec): number {
  const { inputSize, kernel, padding, dilation } = checkSpec(spec);
  return inputSize + 2 * padding - effectiveKernel(kernel, dilation);
}

/** True when the stride divides the slide range, i.e. the last window ends exactly at the padded border. */
export function dividesEvenly(spec: WindowSpec): boolean {
  const range = slideRange(spec);
  return range >= 0 && range % (spec.stride ?? 1) === 0;
}

/**
 * Output size along one axis. Throws a RangeError when the (dilated) kernel does not fit in the padded input.
 * `rounding: 'ceil'` computes ⌈(n + 2p − d(k − 1) − 1)/s⌉ + 1, the value of the "ceil instead of floor" slip.
 */
export function outputSize(spec: WindowSpec, rounding: SizeRounding = 'floor'): number {
  const range = slideRange(spec);
  if (range < 0) {
    throw new RangeError(
      `kernel extent ${effectiveKernel(spec.kernel, spec.dilation)} is larger than the padded input ${
        spec.inputSize + 2 * (spec.padding ?? 0)
      }`,
    );
  }
  const stride = spec.stride ?? 1;
  const q = rounding === 'floor' ? Math.floor(range / stride) : Math.ceil(range / stride);
  return q + 1;
}

/** Output size, or undefined when the kernel does not fit (for generators that reject such draws). */
export function tryOutputSize(spec: WindowSpec, rounding: SizeRounding = 'floor'): number | undefined {
  return slideRange(spec) < 0 ? undefined : outputSize(spec, rounding);
}

/** What can be asked for in an inverse question. */
export type WindowField = 'kernel' | 'padding' | 'stride' | 'inputSize';

/** Upper bounds of the candidate search (exam values are small). */
const SEARCH_LIMIT = 1024;

/**
 * Every value of `field` (within the plausible range: kernel 1..padded input, padding 0..kernel extent − 1,
 * stride 1..padded input, input size 1..1024) for which the window spec gives `output`. The other fields are taken
 * from `spec` (the value of `field` in it is ignored). An exam question has exactly one candidate.
 *
 * ⌊R/s⌋ = out − 1 with R = n + 2p − (d(k − 1) + 1) means (out − 1)s ≤ R ≤ (out − 1)s + s − 1: each field's
 * candidates lie in a window of at most s values (a few more for the stride), each confirmed with outputSize.
 */
export function solveWindowField(spec: WindowSpec, field: WindowField, output: number): number[] {
  if (!Number.isInteger(output) || output < 1) return [];
  const { inputSize: n, kernel: k, stride: s = 1, padding: p = 0, dilation: d = 1 } = spec;
  const found: number[] = [];
  const test = (v: number): void => {
    if (tryOutputSize({ ...spec, [field]: v }) === output) found.push(v);
  };
  const base = (output - 1) * s;
  switch (field) {
    case 'kernel': {
      // extent K = n + 2p − R with R in [base, base + s − 1]; k = (K − 1)/d + 1.
      const hi = Math.min(n + 2 * p - base, n + 2 * p);
      for (let extent = Math.max(1, hi - (s - 1)); extent <= hi; extent++) {
        if ((extent - 1) % d === 0) test((extent - 1) / d + 1);
      }
      break;
    }
    case 'padding': {
      // 2p = R − n + K with R in [base, base + s − 1].
      const extent = effectiveKernel(k, d);
      const lo = Math.max(0, Math.ceil((base - n + extent) / 2));
      const hi = Math.min(extent - 1, Math.floor((base + s - 1 - n + extent) / 2));
      for (let v = lo; v <= hi; v++) test(v);
      break;
    }
    case 'stride': {
      const range = n + 2 * p - effectiveKernel(k, d);
      if (range < 0) break;
      const lo = output === 1 ? range + 1 : Math.floor(range / output) + 1;
      const hi = output === 1 ? n + 2 * p : Math.min(n + 2 * p, Math.floor(range / (output - 1)));
      for (let v = Math.max(1, lo); v <= hi; v++) test(v);
      break;
    }
    case 'inputSize': {
      // n = R − 2p + K with R in [base, base + s − 1].
      const lo = base - 2 * p + effectiveKernel(k, d);
      for (let v = Math.max(1, lo); v <= Math.min(SEARCH_LIMIT, lo + s - 1); v++) test(v);
      break;
    }
  }
  return found;
}
