/**
 * Shapes (and, for small tensors, values) after PyTorch reshape/view/unsqueeze/squeeze/flatten/transpose/permute/
 * expand (paper 1(a)(ii)). Small tensors hold 1, 2, ..., n in row-major order, like torch.arange(1, n + 1).
 */
import {
  applyOpsShape,
  applyOpsValues,
  applyOpShape,
  buildNested,
  describeOp,
  formatNested,
  formatShape,
  numel,
  permuteShape,
  TENSOR_OP_NAMES,
  TensorShapeError,
  type Nested,
  type Shape,
  type TensorOp,
} from '../../math/tensor.js';
import type { Rng } from '../../rng.js';
import type { Carry, Expected, NumericValue, Part, QuestionText, Slip, Step, Topic } from '../../types.js';
import {
  fail,
  readArray,
  readBoolean,
  readEnum,
  readInt,
  readIntList,
  readObject,
  readOptionalInt,
} from '../conv/read-params.js';

export interface TensorShapesParams {
  readonly shape: readonly number[];
  readonly ops: readonly TensorOp[];
  /** x = arange(1, n + 1).reshape(shape); ask for the values of the result (small tensors only). */
  readonly showValues: boolean;
  /** For a 3-d result with values shown: the sub-tensor y[slice] (a matrix) is asked. */
  readonly slice?: number;
}

const MAX_RANK = 6;
/** Largest size of one dimension (a flattened batch of images reaches a few hundred thousand). */
const MAX_SIZE = 16_777_216;
const MAX_VALUES = 24;
const MAX_ELEMENTS = 1e12;

// ---- parameters ----

function readOp(raw: unknown, path: string): TensorOp {
  const probe = readObject(raw, path, [
    'op',
    'shape',
    'dim',
    'startDim',
    'endDim',
    'dim0',
    'dim1',
    'dims',
    'sizes',
  ]);
  const op = readEnum(probe, 'op', path, TENSOR_OP_NAMES);
  const dimRange = { min: -MAX_RANK - 1, max: MAX_RANK };
  const allowed: Record<TensorOp['op'], string[]> = {
    reshape: ['shape'],
    view: ['shape'],
    unsqueeze: ['dim'],
    squeeze: ['dim'],
    flatten: ['startDim', 'endDim'],
    transpose: ['dim0', 'dim1'],
    permute: ['dims'],
    expand: ['sizes'],
  };
  readObject(raw, path, ['op', ...allowed[op]]);
  const intList = (key: string): number[] =>
    readIntList(probe, key, path, { min: 1, max: MAX_RANK }, { min: -1, max: MAX_SIZE });
  switch (op) {
    case 'reshape':
    case 'view':
      return { op, shape: intList('shape') };
    case 'unsqueeze':
      return { op, dim: readInt(probe, 'dim', path, dimRange.min, dimRange.max) };
    case 'squeeze': {
      const dim = readOptionalInt(probe, 'dim', path, dimRange.min, dimRange.max);
      return dim === undefined ? { op } : { op, dim };
    }
    case 'flatten': {
      const startDim = readOptionalInt(probe, 'startDim', path, dimRange.min, dimRange.max);
      const endDim = readOptionalInt(probe, 'endDim', path, dimRange.min, dimRange.max);
      return {
        op,
        ...(startDim === undefined ? {} : { startDim }),
        ...(endDim === undefined ? {} : { endDim }),
      };
    }
    case 'transpose':
      return {
        op,
        dim0: readInt(probe, 'dim0', path, dimRange.min, dimRange.max),
        dim1: readInt(probe, 'dim1', path, dimRange.min, dimRange.max),
      };
    case 'permute':
      return { op, dims: readIntList(probe, 'dims', path, { min: 1, max: MAX_RANK }, dimRange) };
    case 'expand':
      return { op, sizes: intList('sizes') };
  }
}

/** The result of the chain; for values, the asked sub-tensor. */
function finalShape(p: TensorShapesParams): number[] {
  const shapes = applyOpsShape(p.shape, p.ops);
  return shapes[shapes.length - 1] ?? [...p.shape];
}

export function parseTensorShapesParams(input: unknown): TensorShapesParams {
  const o = readObject(input, '', ['shape', 'ops', 'showValues', 'slice']);
  const shape = readIntList(o, 'shape', '', { min: 1, max: MAX_RANK }, { min: 1, max: MAX_SIZE });
  const ops = readArray(o, 'ops', '', 1, 4).map((raw, i) => readOp(raw, `ops[${i}]`));
  const showValues = readBoolean(o, 'showValues', '');
  let shapes: number[][];
  try {
    shapes = applyOpsShape(shape, ops);
  } catch (e) {
    if (e instanceof TensorShapeError)
      fail(`the operations are invalid on shape ${formatShape(shape)}: ${e.message}`);
    throw e;
  }
  for (const s of [shape, ...shapes]) {
    if (s.length > MAX_RANK) fail(`the result has more than ${MAX_RANK} dimensions`);
    if (numel(s) > MAX_ELEMENTS) fail(`tensors of more than ${MAX_ELEMENTS} elements are not supported`);
  }
  const last = shapes[shapes.length - 1] ?? shape;
  if (!showValues) {
    if (o['slice'] !== undefined) fail('slice only applies when showValues is true');
    return { shape, ops, showValues };
  }
  if (numel(shape) > MAX_VALUES || shapes.some((s) => numel(s) > MAX_VALUES)) {
    fail(`showValues needs small tensors (at most ${MAX_VALUES} elements at every step)`);
  }
  if (last.length > 3) fail('showValues needs a result with at most 3 dimensions');
  if (last.length === 3) {
    const slice = readInt(o, 'slice', '', 0, (last[0] ?? 1) - 1);
    return { shape, ops, showValues, slice };
  }
  if (o['slice'] !== undefined) fail('slice only applies to a 3-dimensional result');
  return { shape, ops, showValues };
}

// ---- generation ----

/** Divisors d of n with 1 < d < n and d <= 16 (exam-sized factors). */
function smallDivisors(n: number): number[] {
  const out: number[] = [];
  for (let d = 2; d <= Math.min(16, n - 1); d++) if (n % d === 0) out.push(d);
  return out;
}

function drawOp(rng: Rng, shape: Shape, contiguous: boolean): TensorOp | undefined {
  const r = shape.length;
  const n = numel(shape);
  const kind = rng.pick([
    'reshape',
    'reshape',
    'unsqueeze',
    'squeeze',
    'flatten',
    'transpose',
    'permute',
    'expand',
  ]);
  switch (kind) {
    case 'reshape': {
      const op = contiguous && rng.chance(0.4) ? 'view' : 'reshape';
      // Exam-like targets: keep the batch dimension, keep the last one, or a small factor with -1.
      const small = smallDivisors(n);
      const options: number[][] = [[-1]];
      if (r >= 2) options.push([shape[0] ?? 1, -1], [-1, shape[r - 1] ?? 1]);
      if (small.length > 0) {
        const d = rng.pick(small);
        options.push(rng.chance(0.5) ? [d, -1] : [-1, d]);
        const rest = smallDivisors(n / d);
        if (rest.length > 0) options.push([d, rng.pick(rest), -1]);
      }
      return { op, shape: rng.pick(options) };
    }
    case 'unsqueeze':
      return { op: 'unsqueeze', dim: rng.chance(0.8) ? rng.int(0, r) : -1 };
    case 'squeeze': {
      const ones = shape.flatMap((s, i) => (s === 1 ? [i] : []));
      if (ones.length === 0) return undefined;
      return rng.chance(0.5) ? { op: 'squeeze' } : { op: 'squeeze', dim: rng.pick(ones) };
    }
    case 'flatten':
      if (r < 2) return undefined;
      return rng.chance(0.3) ? { op: 'flatten' } : { op: 'flatten', startDim: rng.int(1, r - 1) };
    case 'transpose': {
      if (r < 2) return undefined;
      const a = rng.int(0, r - 1);
      const b = rng.int(0, r - 1);
      return a === b ? undefined : { op: 'transpose', dim0: Math.min(a, b), dim1: Math.max(a, b) };
    }
    case 'permute':
      if (r < 3) return undefined;
      return { op: 'permute', dims: rng.shuffle(Array.from({ length: r }, (_, i) => i)) };
    case 'expand': {
      const ones = shape.flatMap((s, i) => (s === 1 ? [i] : []));
      if (ones.length === 0 || r > 4) return undefined;
      const grow = rng.pick(ones);
      const sizes = shape.map((_, i) => (i === grow ? rng.int(2, 4) : -1));
      return { op: 'expand', sizes: rng.chance(0.3) ? [rng.int(2, 3), ...sizes] : sizes };
    }
    default:
      return undefined;
  }
}

const SMALL_SHAPES = [
  [2, 3],
  [3, 2],
  [2, 2],
  [2, 4],
  [4, 2],
  [3, 4],
  [2, 6],
  [6],
  [2, 3, 2],
  [2, 2, 3],
  [1, 2, 3],
];
const LARGE_SHAPES = [
  [32, 3, 28, 28],
  [16, 10],
  [8, 64, 7, 7],
  [4, 1, 28, 28],
  [64, 512],
  [10, 1, 5],
  [2, 3, 224, 224],
  [5, 20, 8],
];

export function generateTensorShapes(rng: Rng): TensorShapesParams {
  for (let attempt = 0; attempt < 200; attempt++) {
    const small = rng.chance(0.6);
    const shape = rng.pick(small ? SMALL_SHAPES : LARGE_SHAPES);
    const count = small ? rng.int(1, 2) : rng.int(2, 3);
    const ops: TensorOp[] = [];
    let current: number[] = [...shape];
    let contiguous = true;
    let ok = true;
    for (let k = 0; k < count && ok; k++) {
      const op = drawOp(rng, current, contiguous);
      if (op === undefined) {
        ok = false;
        break;
      }
      const next = applyOpShape(current, op);
      // Every operation must change the shape, and the result must stay readable.
      if (JSON.stringify(next) === JSON.stringify(current) || next.length > 5) ok = false;
      if (op.op === 'transpose' || op.op === 'permute' || op.op === 'expand') contiguous = false;
      ops.push(op);
      current = next;
    }
    if (!ok) continue;
    if (small && (current.length > 3 || numel(current) > MAX_VALUES)) continue;
    const params: TensorShapesParams = { shape, ops, showValues: small };
    if (small && current.length === 3) return { ...params, slice: rng.int(0, (current[0] ?? 1) - 1) };
    return params;
  }
  return { shape: [2, 3], ops: [{ op: 'unsqueeze', dim: 1 }], showValues: true, slice: 1 };
}

// ---- question ----

function names(p: TensorShapesParams): string[] {
  return p.ops.length === 1 ? ['y'] : p.ops.map((_, k) => `y${k + 1}`);
}

function inputValue(p: TensorShapesParams): Nested {
  return buildNested(
    Array.from({ length: numel(p.shape) }, (_, i) => i + 1),
    p.shape,
  );
}

function resultName(p: TensorShapesParams): string {
  const last = names(p)[p.ops.length - 1] ?? 'y';
  return p.slice === undefined ? last : `${last}[${p.slice}]`;
}

export function tensorShapesQuestion(p: TensorShapesParams): QuestionText {
  const vars = names(p);
  const declare = p.showValues
    ? `x = torch.tensor(${formatNested(inputValue(p))})`
    : `x = torch.randn(${p.shape.join(', ')})`;
  const lines = p.ops.map((op, k) => `${vars[k]} = ${describeOp(op, k === 0 ? 'x' : vars[k - 1])}`);
  const parts = p.ops.map((_, k) => ({
    id: `s${k + 1}`,
    prompt: `What is the shape of ${vars[k]}? Give it in the form (d0, d1, ...).`,
  }));
  if (p.showValues) {
    const last = finalShape(p);
    const what = last.length === 1 ? 'a list' : 'a matrix, rows in brackets';
    parts.push({ id: 'values', prompt: `Write out ${resultName(p)} (${what}).` });
  }
  return {
    text: ['Consider the following PyTorch code:', declare, ...lines].join('\n'),
    givens: [],
    parts,
  };
}

// ---- answers ----

/** The value asked for: the whole 1-d or 2-d result, or the slice of a 3-d one. */
function valueAnswer(
  p: TensorShapesParams,
  ops: readonly TensorOp[] = p.ops,
): readonly number[] | readonly (readonly number[])[] {
  const values = applyOpsValues(inputValue(p), ops);
  const last = values[values.length - 1] ?? inputValue(p);
  const picked = p.slice === undefined ? last : ((last as readonly Nested[])[p.slice] as Nested);
  return picked as readonly number[] | readonly (readonly number[])[];
}

function valueExpected(v: readonly number[] | readonly (readonly number[])[]): Expected {
  return Array.isArray(v[0])
    ? { kind: 'matrix', value: v as readonly (readonly number[])[], integer: true }
    : { kind: 'vector', value: v as readonly number[], integer: true };
}

function shapeSlips(op: TensorOp, before: Shape, correct: readonly number[]): Slip[] {
  const candidates: Slip[] = [];
  const r = before.length;
  if (op.op === 'unsqueeze') {
    const d = op.dim < 0 ? op.dim + r : op.dim + 1;
    if (d >= 0 && d <= r) {
      candidates.push({
        id: 'unsqueeze-position',
        message:
          op.dim < 0
            ? 'A negative dim in unsqueeze counts from the end of the NEW shape: -1 appends the size-1 dimension last.'
            : `unsqueeze(${op.dim}) puts the new size-1 dimension AT position ${op.dim} (0-based), before the old dimension ${op.dim}.`,
        value: [...before.slice(0, d), 1, ...before.slice(d)],
      });
    }
  }
  if (op.op === 'flatten' && (op.startDim ?? 0) !== 0) {
    candidates.push({
      id: 'flatten-all',
      message: `flatten(${op.startDim}) keeps the dimensions before ${op.startDim}: only dimensions ${op.startDim} onward are merged.`,
      value: [numel(before)],
    });
  }
  if (op.op === 'permute') {
    const inverse = op.dims.map((_, k) => op.dims.indexOf(k));
    candidates.push({
      id: 'inverse-permutation',
      message: 'permute(dims) makes output dimension k the input dimension dims[k], not the other way round.',
      value: permuteShape(before, inverse),
    });
  }
  if (op.op === 'squeeze' && op.dim === undefined) {
    const firstOne = before.indexOf(1);
    if (before.filter((s) => s === 1).length > 1) {
      candidates.push({
        id: 'squeeze-one',
        message: 'squeeze() with no argument removes EVERY size-1 dimension.',
        value: [...before.slice(0, firstOne), ...before.slice(firstOne + 1)],
      });
    }
  }
  const key = (v: unknown): string => JSON.stringify(v);
  return candidates.filter((s) => key(s.value) !== key(correct));
}

export function solveTensorShapes(p: TensorShapesParams): Part[] {
  const shapes = applyOpsShape(p.shape, p.ops);
  const vars = names(p);
  const parts: Part[] = p.ops.map((op, k) => {
    const value = shapes[k] ?? [];
    return {
      id: `s${k + 1}`,
      name: `shape of ${vars[k]}`,
      expected: { kind: 'shape', value },
      slips: shapeSlips(op, k === 0 ? p.shape : (shapes[k - 1] ?? []), value),
    };
  });
  if (p.showValues) {
    const value = valueAnswer(p);
    const slips: Slip[] = [];
    if (p.ops.some((op) => op.op === 'transpose' || op.op === 'permute')) {
      // The classic confusion: reshaping to the transposed shape instead of moving the elements.
      const asReshape = p.ops.map((op, k): TensorOp =>
        op.op === 'transpose' || op.op === 'permute' ? { op: 'reshape', shape: shapes[k] ?? [] } : op,
      );
      const wrong = valueAnswer(p, asReshape);
      if (JSON.stringify(wrong) !== JSON.stringify(value)) {
        slips.push({
          id: 'reshape-not-transpose',
          message:
            'That is a reshape to the new shape: transpose/permute MOVES the elements (row i becomes column i).',
          value: wrong,
        });
      }
    }
    parts.push({ id: 'values', name: resultName(p), expected: valueExpected(value), slips });
  }
  return parts;
}

// ---- explanation ----

function rule(op: TensorOp, before: Shape): { formula: string; detail?: string } {
  switch (op.op) {
    case 'reshape':
    case 'view': {
      const known = op.shape.filter((s) => s !== -1);
      const inferred = op.shape.includes(-1)
        ? `-1 is inferred: ${numel(before)} / ${known.length > 1 ? `(${known.join(' × ')})` : (known[0] ?? 1)} = ${numel(before) / numel(known)}`
        : undefined;
      return {
        formula: `${op.op} keeps the ${numel(before)} elements in row-major order and changes only the shape`,
        ...(inferred === undefined ? {} : { detail: inferred }),
      };
    }
    case 'unsqueeze':
      return {
        formula: `unsqueeze(d) inserts a size-1 dimension at position d${op.dim < 0 ? ' (negative d counts from the end of the new shape)' : ''}`,
      };
    case 'squeeze':
      return {
        formula:
          op.dim === undefined
            ? 'squeeze() removes every size-1 dimension'
            : `squeeze(${op.dim}) removes dimension ${op.dim} when its size is 1`,
      };
    case 'flatten': {
      const r = before.length;
      const s = op.startDim ?? 0;
      const e = op.endDim ?? -1;
      const merged = before.slice(s < 0 ? s + r : s, (e < 0 ? e + r : e) + 1);
      return {
        formula: `flatten(start_dim=${s}, end_dim=${e}) merges those dimensions into one`,
        detail: `merged size ${merged.join(' × ')} = ${numel(merged)}`,
      };
    }
    case 'transpose':
      return { formula: `transpose(${op.dim0}, ${op.dim1}) swaps dimensions ${op.dim0} and ${op.dim1}` };
    case 'permute':
      return {
        formula: `permute(${op.dims.join(', ')}): output dimension k is input dimension dims[k]`,
        detail: op.dims
          .map((d, k) => `dim ${k} ← old dim ${d} (size ${before[d < 0 ? d + before.length : d]})`)
          .join(', '),
      };
    case 'expand':
      return {
        formula:
          'expand repeats size-1 dimensions to the given sizes (-1 keeps a size; extra sizes add dimensions in front)',
      };
  }
}

export function explainTensorShapes(p: TensorShapesParams): Step[] {
  const shapes = applyOpsShape(p.shape, p.ops);
  const vars = names(p);
  const steps: Step[] = p.ops.map((op, k) => {
    const before = k === 0 ? p.shape : (shapes[k - 1] ?? []);
    const after = shapes[k] ?? [];
    const { formula, detail } = rule(op, before);
    return {
      title: `${vars[k]} = ${describeOp(op, k === 0 ? 'x' : vars[k - 1])}`,
      formula,
      substitution: `${formatShape(before)} → ${formatShape(after)}`,
      result: { name: `shape of ${vars[k]}`, value: after },
      part: `s${k + 1}`,
      ...(detail === undefined ? {} : { note: detail }),
    };
  });
  if (p.showValues) {
    const values = applyOpsValues(inputValue(p), p.ops);
    const last = values[values.length - 1] ?? inputValue(p);
    const moved = p.ops.some((op) => op.op === 'transpose' || op.op === 'permute' || op.op === 'expand');
    steps.push({
      title: `Values of ${resultName(p)}`,
      formula: moved
        ? 'transpose/permute move each element to the permuted index (2-d: y[i][j] = x[j][i]); expand repeats elements'
        : 'the elements keep their row-major order 1, 2, 3, ...; only the brackets change',
      substitution: `${names(p)[p.ops.length - 1] ?? 'y'} = ${formatNested(last)}`,
      result: { name: resultName(p), value: valueAnswer(p) },
      part: 'values',
    });
  }
  return steps;
}

// ---- follow-through route ----

/**
 * Each shape from the student's shape before it: y_k's shape is op_k applied to the shape they gave for y_(k−1)
 * (error carried forward). The chain stops where an operation is invalid on a carried shape. The values part is
 * read off the tensor itself, not from the shapes: it has no route value.
 */
export function tensorShapesRoute(p: TensorShapesParams, carry: Carry): Record<string, NumericValue> {
  const out: Record<string, NumericValue> = {};
  let current: readonly number[] = p.shape;
  for (const [k, op] of p.ops.entries()) {
    let next: number[];
    try {
      next = applyOpShape(current, op);
    } catch (e) {
      if (e instanceof TensorShapeError) break;
      throw e;
    }
    out[`s${k + 1}`] = next;
    current = carry.vector(`s${k + 1}`, next);
    if (!current.every((d) => Number.isSafeInteger(d) && d >= 1)) break;
  }
  return out;
}

export const tensorShapesTopic: Topic<TensorShapesParams> = {
  id: 'tensor-shapes',
  title: 'Tensor shapes after reshape, unsqueeze, expand...',
  summary:
    'Shapes and values of PyTorch tensors after reshape/view, unsqueeze, squeeze, flatten, transpose, permute, expand',
  groups: ['shapes'],
  difficulty: 1,
  paperRef: '1(a)(ii)',
  generate: generateTensorShapes,
  parseParams: parseTensorShapesParams,
  question: tensorShapesQuestion,
  solve: solveTensorShapes,
  explain: explainTensorShapes,
  route: tensorShapesRoute,
};
