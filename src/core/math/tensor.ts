/**
 * Shape arithmetic of PyTorch's tensor-manipulation methods, and the same operations applied to small nested-array
 * values (row-major, as PyTorch and numpy lay tensors out). Semantics follow PyTorch:
 * - `reshape`/`view` keep the row-major order of the elements; one size may be -1 (inferred);
 * - `unsqueeze(d)` inserts a size-1 dimension at d (negative d counts from the end of the NEW shape);
 * - `squeeze()` drops every size-1 dimension, `squeeze(d)` drops dimension d only if its size is 1;
 * - `flatten(start, end)` merges dimensions start..end (inclusive);
 * - `transpose(a, b)` swaps two dimensions, `permute(...)` reorders all of them;
 * - `expand(...)` repeats size-1 dimensions (and may add leading ones); -1 keeps a size.
 * Invalid operations throw a TensorShapeError whose message says why, like PyTorch's RuntimeError.
 */

export type Shape = readonly number[];

/** A nested-array tensor value: a number (0-d) or an array of equally shaped sub-tensors. */
export type Nested = number | readonly Nested[];

export class TensorShapeError extends RangeError {
  override readonly name = 'TensorShapeError';
}

export type TensorOp =
  | { readonly op: 'reshape'; readonly shape: readonly number[] }
  | { readonly op: 'view'; readonly shape: readonly number[] }
  | { readonly op: 'unsqueeze'; readonly dim: number }
  | { readonly op: 'squeeze'; readonly dim?: number }
  | { readonly op: 'flatten'; readonly startDim?: number; readonly endDim?: number }
  | { readonly op: 'transpose'; readonly dim0: number; readonly dim1: number }
  | { readonly op: 'permute'; readonly dims: readonly number[] }
  | { readonly op: 'expand'; readonly sizes: readonly number[] };

export type TensorOpName = TensorOp['op'];

export const TENSOR_OP_NAMES: readonly TensorOpName[] = [
  'reshape',
  'view',
  'unsqueeze',
  'squeeze',
  'flatten',
  'transpose',
  'permute',
  'expand',
];

export function numel(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

function checkShape(shape: Shape): void {
  for (const s of shape) {
    if (!Number.isInteger(s) || s < 1)
      throw new TensorShapeError(`sizes must be positive integers, got ${s}`);
  }
}

/** PyTorch's dimension wrapping: d in [-rank, rank − 1] (a 0-d tensor accepts -1 and 0). */
export function normalizeDim(dim: number, rank: number): number {
  const r = Math.max(rank, 1);
  if (!Number.isInteger(dim) || dim < -r || dim >= r) {
    throw new TensorShapeError(
      `dimension out of range (expected to be in range of [${-r}, ${r - 1}], but got ${dim})`,
    );
  }
  return dim < 0 ? dim + r : dim;
}

/** reshape/view: the target shape with its one -1 (if any) inferred. */
export function reshapeShape(shape: Shape, target: readonly number[]): number[] {
  checkShape(shape);
  const total = numel(shape);
  const inferred = target.filter((s) => s === -1).length;
  if (inferred > 1) throw new TensorShapeError('only one dimension can be inferred (-1)');
  for (const s of target) {
    if (s !== -1 && (!Number.isInteger(s) || s < 1))
      throw new TensorShapeError(`invalid shape dimension ${s}`);
  }
  const known = numel(target.filter((s) => s !== -1));
  if (inferred === 1) {
    if (total % known !== 0) {
      throw new TensorShapeError(`shape '[${target.join(', ')}]' is invalid for input of size ${total}`);
    }
    return target.map((s) => (s === -1 ? total / known : s));
  }
  if (known !== total) {
    throw new TensorShapeError(`shape '[${target.join(', ')}]' is invalid for input of size ${total}`);
  }
  return [...target];
}

export function unsqueezeShape(shape: Shape, dim: number): number[] {
  checkShape(shape);
  const d = normalizeDim(dim, shape.length + 1);
  return [...shape.slice(0, d), 1, ...shape.slice(d)];
}

export function squeezeShape(shape: Shape, dim?: number): number[] {
  checkShape(shape);
  if (dim === undefined) return shape.filter((s) => s !== 1);
  if (shape.length === 0) return [];
  const d = normalizeDim(dim, shape.length);
  return shape[d] === 1 ? [...shape.slice(0, d), ...shape.slice(d + 1)] : [...shape];
}

export function flattenShape(shape: Shape, startDim = 0, endDim = -1): number[] {
  checkShape(shape);
  if (shape.length === 0) return [1];
  const s = normalizeDim(startDim, shape.length);
  const e = normalizeDim(endDim, shape.length);
  if (s > e) throw new TensorShapeError('flatten() has invalid args: start_dim cannot come after end_dim');
  return [...shape.slice(0, s), numel(shape.slice(s, e + 1)), ...shape.slice(e + 1)];
}

export function transposeShape(shape: Shape, dim0: number, dim1: number): number[] {
  return permuteShape(shape, transposeDims(shape.length, dim0, dim1));
}

function transposeDims(rank: number, dim0: number, dim1: number): number[] {
  const a = normalizeDim(dim0, rank);
  const b = normalizeDim(dim1, rank);
  const dims = Array.from({ length: rank }, (_, i) => i);
  dims[a] = b;
  dims[b] = a;
  return dims;
}

function normalizePermutation(rank: number, dims: readonly number[]): number[] {
  if (dims.length !== rank) {
    throw new TensorShapeError(
      `permute: number of dims don't match (input has ${rank} dimensions, ${dims.length} given)`,
    );
  }
  const norm = dims.map((d) => normalizeDim(d, rank));
  if (new Set(norm).size !== rank) throw new TensorShapeError('permute: repeated dim');
  return norm;
}

/** permute: output dimension k is input dimension dims[k]. */
export function permuteShape(shape: Shape, dims: readonly number[]): number[] {
  checkShape(shape);
  return normalizePermutation(shape.length, dims).map((d) => shape[d] ?? 0);
}

/** expand: new sizes (leading new dimensions allowed, -1 keeps a size, only size-1 dimensions can grow). */
export function expandShape(shape: Shape, sizes: readonly number[]): number[] {
  checkShape(shape);
  if (sizes.length < shape.length) {
    throw new TensorShapeError(
      `expand: the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${shape.length})`,
    );
  }
  const lead = sizes.length - shape.length;
  return sizes.map((size, k) => {
    if (k < lead) {
      if (!Number.isInteger(size) || size < 1) {
        throw new TensorShapeError(
          `expand: the expanded size ${size} is not allowed in a leading, non-existing dimension`,
        );
      }
      return size;
    }
    const old = shape[k - lead] ?? 1;
    if (size === -1) return old;
    if (!Number.isInteger(size) || size < 1) throw new TensorShapeError(`expand: invalid size ${size}`);
    if (old !== 1 && old !== size) {
      throw new TensorShapeError(
        `expand: the expanded size of the tensor (${size}) must match the existing size (${old}) at non-singleton dimension ${k}`,
      );
    }
    return size;
  });
}

/** numpy/PyTorch broadcasting of two shapes (aligned from the right; sizes must be equal or 1). */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  checkShape(a);
  checkShape(b);
  const rank = Math.max(a.length, b.length);
  return Array.from({ length: rank }, (_, k) => {
    const x = a[a.length - rank + k] ?? 1;
    const y = b[b.length - rank + k] ?? 1;
    if (x !== y && x !== 1 && y !== 1) {
      throw new TensorShapeError(`shapes (${a.join(', ')}) and (${b.join(', ')}) cannot be broadcast`);
    }
    return Math.max(x, y);
  });
}

/** True when the operation only relabels the row-major sequence of elements (no data movement). */
export function keepsElementOrder(op: TensorOp): boolean {
  return op.op !== 'transpose' && op.op !== 'permute' && op.op !== 'expand';
}

/** The shape after one operation. */
export function applyOpShape(shape: Shape, op: TensorOp): number[] {
  switch (op.op) {
    case 'reshape':
    case 'view':
      return reshapeShape(shape, op.shape);
    case 'unsqueeze':
      return unsqueezeShape(shape, op.dim);
    case 'squeeze':
      return squeezeShape(shape, op.dim);
    case 'flatten':
      return flattenShape(shape, op.startDim, op.endDim);
    case 'transpose':
      return transposeShape(shape, op.dim0, op.dim1);
    case 'permute':
      return permuteShape(shape, op.dims);
    case 'expand':
      return expandShape(shape, op.sizes);
  }
}

/**
 * Shapes after each operation in turn (element k is the shape after ops[k]). `view` anywhere after an operation that
 * makes the tensor non-contiguous (transpose, permute, expand) is rejected: PyTorch rejects it unless the sizes
 * happen to be compatible with the strides, which is not something an exam question should hinge on.
 */
export function applyOpsShape(shape: Shape, ops: readonly TensorOp[]): number[][] {
  const out: number[][] = [];
  let current = [...shape];
  let contiguous = true;
  for (const op of ops) {
    if (op.op === 'view' && !contiguous) {
      throw new TensorShapeError(
        "view size is not compatible with input tensor's size and stride (the tensor is not contiguous): use reshape",
      );
    }
    current = applyOpShape(current, op);
    // Conservatively stays non-contiguous: reshape/flatten may return a view of a non-contiguous tensor.
    if (!keepsElementOrder(op)) contiguous = false;
    out.push(current);
  }
  return out;
}

// ---- values ----

/** Shape of a rectangular nested array; throws on a ragged one. */
export function shapeOfNested(v: Nested): number[] {
  if (typeof v === 'number') return [];
  if (v.length === 0) throw new TensorShapeError('empty dimensions are not supported');
  const inner = shapeOfNested(v[0] as Nested);
  for (const sub of v) {
    if (JSON.stringify(shapeOfNested(sub)) !== JSON.stringify(inner)) {
      throw new TensorShapeError('ragged nested array: sub-arrays differ in shape');
    }
  }
  return [v.length, ...inner];
}

/** The elements in row-major order. */
export function flattenNested(v: Nested): number[] {
  if (typeof v === 'number') return [v];
  return v.flatMap((sub) => flattenNested(sub));
}

/** Builds a nested array of the given shape from row-major elements. */
export function buildNested(flat: readonly number[], shape: Shape): Nested {
  if (numel(shape) !== flat.length) {
    throw new TensorShapeError(`cannot lay out ${flat.length} elements as (${shape.join(', ')})`);
  }
  if (shape.length === 0) return flat[0] ?? 0;
  const [first = 1, ...rest] = shape;
  const chunk = numel(rest);
  return Array.from({ length: first }, (_, i) => buildNested(flat.slice(i * chunk, (i + 1) * chunk), rest));
}

function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let k = shape.length - 2; k >= 0; k--) strides[k] = (strides[k + 1] ?? 1) * (shape[k + 1] ?? 1);
  return strides;
}

/** Gathers output elements: out[idx] = in[source(idx)], both row-major. */
function gather(
  flat: readonly number[],
  inShape: Shape,
  outShape: Shape,
  source: (idx: number[]) => number[],
): number[] {
  const inStrides = stridesOf(inShape);
  const total = numel(outShape);
  const out: number[] = [];
  const idx = new Array<number>(outShape.length).fill(0);
  for (let n = 0; n < total; n++) {
    const src = source(idx);
    const offset = src.reduce((acc, i, k) => acc + i * (inStrides[k] ?? 0), 0);
    out.push(flat[offset] ?? Number.NaN);
    for (let k = outShape.length - 1; k >= 0; k--) {
      idx[k] = (idx[k] ?? 0) + 1;
      if ((idx[k] ?? 0) < (outShape[k] ?? 0)) break;
      idx[k] = 0;
    }
  }
  return out;
}

/** The value after one operation. */
export function applyOpValues(value: Nested, op: TensorOp): Nested {
  const shape = shapeOfNested(value);
  const flat = flattenNested(value);
  const outShape = applyOpShape(shape, op);
  if (keepsElementOrder(op)) return buildNested(flat, outShape);
  if (op.op === 'expand') {
    const lead = outShape.length - shape.length;
    return buildNested(
      gather(flat, shape, outShape, (idx) => shape.map((s, k) => (s === 1 ? 0 : (idx[k + lead] ?? 0)))),
      outShape,
    );
  }
  const dims =
    op.op === 'transpose'
      ? transposeDims(shape.length, op.dim0, op.dim1)
      : normalizePermutation(shape.length, op.op === 'permute' ? op.dims : []);
  // Output dimension k is input dimension dims[k]: the input index along dims[k] is the output index k.
  return buildNested(
    gather(flat, shape, outShape, (idx) => {
      const src = new Array<number>(shape.length).fill(0);
      dims.forEach((d, k) => (src[d] = idx[k] ?? 0));
      return src;
    }),
    outShape,
  );
}

/** The value after each operation in turn. */
export function applyOpsValues(value: Nested, ops: readonly TensorOp[]): Nested[] {
  applyOpsShape(shapeOfNested(value), ops);
  const out: Nested[] = [];
  let current = value;
  for (const op of ops) {
    current = applyOpValues(current, op);
    out.push(current);
  }
  return out;
}

/** The operation as PyTorch code on a tensor named `name`, e.g. `x.reshape(2, -1)`, `torch.flatten(x, 1)`. */
export function describeOp(op: TensorOp, name = 'x'): string {
  switch (op.op) {
    case 'reshape':
    case 'view':
      return `${name}.${op.op}(${op.shape.join(', ')})`;
    case 'unsqueeze':
      return `${name}.unsqueeze(${op.dim})`;
    case 'squeeze':
      return op.dim === undefined ? `${name}.squeeze()` : `${name}.squeeze(${op.dim})`;
    case 'flatten': {
      const args = [op.startDim, op.endDim].filter((a) => a !== undefined);
      if (op.startDim === undefined && op.endDim !== undefined) args.unshift(0);
      return `torch.flatten(${[name, ...args].join(', ')})`;
    }
    case 'transpose':
      return `${name}.transpose(${op.dim0}, ${op.dim1})`;
    case 'permute':
      return `${name}.permute(${op.dims.join(', ')})`;
    case 'expand':
      return `${name}.expand(${op.sizes.join(', ')})`;
  }
}

/** A shape as PyTorch prints it inside torch.Size: (2, 1, 3); a 1-d shape as (6,). */
export function formatShape(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** A nested value on one line: [[[1, 2, 3]], [[4, 5, 6]]]. */
export function formatNested(v: Nested, format: (x: number) => string = String): string {
  if (typeof v === 'number') return format(v);
  return `[${v.map((sub) => formatNested(sub, format)).join(', ')}]`;
}
