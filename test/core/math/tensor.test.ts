import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyOpsShape,
  applyOpsValues,
  applyOpValues,
  broadcastShapes,
  buildNested,
  describeOp,
  expandShape,
  flattenNested,
  flattenShape,
  formatNested,
  numel,
  permuteShape,
  reshapeShape,
  shapeOfNested,
  squeezeShape,
  TensorShapeError,
  transposeShape,
  unsqueezeShape,
  type Nested,
} from '../../../src/core/math/tensor.js';

const x23 = [
  [1, 2, 3],
  [4, 5, 6],
];
const arange = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Element at a multi-index of a nested value. */
function at(v: Nested, idx: readonly number[]): number {
  let cur: Nested = v;
  for (const i of idx) cur = (cur as readonly Nested[])[i]!;
  return cur as number;
}

/** Every multi-index of a shape, row-major. */
function indices(shape: readonly number[]): number[][] {
  if (shape.length === 0) return [[]];
  const [first, ...rest] = shape;
  return arange(first!).flatMap((i) => indices(rest).map((r) => [i, ...r]));
}

const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 });

describe('shape arithmetic', () => {
  it('reshape infers -1 and keeps the element count (numpy reshape semantics)', () => {
    // python3: np.arange(24).reshape(2,3,4).reshape(6,-1).shape -> (6, 4); .reshape(-1).shape -> (24,)
    expect(reshapeShape([2, 3, 4], [6, -1])).toEqual([6, 4]);
    expect(reshapeShape([2, 3, 4], [-1])).toEqual([24]);
    expect(() => reshapeShape([2, 3, 4], [5, -1])).toThrow(TensorShapeError);
    expect(() => reshapeShape([2, 3], [-1, -1])).toThrow(/only one dimension/);
    expect(() => reshapeShape([2, 3], [4, 2])).toThrow(/invalid for input of size 6/);
  });

  it('unsqueeze, squeeze and flatten follow PyTorch', () => {
    expect(unsqueezeShape([2, 3], 1)).toEqual([2, 1, 3]);
    expect(unsqueezeShape([2, 3], -1)).toEqual([2, 3, 1]);
    expect(unsqueezeShape([2, 3], 0)).toEqual([1, 2, 3]);
    expect(() => unsqueezeShape([2, 3], 3)).toThrow(/out of range/);
    expect(squeezeShape([1, 2, 1, 3])).toEqual([2, 3]);
    expect(squeezeShape([1, 2, 1, 3], 2)).toEqual([1, 2, 3]);
    expect(squeezeShape([1, 2, 1, 3], 1)).toEqual([1, 2, 1, 3]);
    expect(flattenShape([2, 3, 4, 5], 1)).toEqual([2, 60]);
    expect(flattenShape([2, 3, 4, 5], 1, 2)).toEqual([2, 12, 5]);
    expect(() => flattenShape([2, 3], 1, 0)).toThrow(/start_dim/);
  });

  it('transpose, permute and expand follow PyTorch; broadcasting follows numpy', () => {
    // python3: np.swapaxes(np.zeros((2,3,4)),0,2).shape -> (4, 3, 2)
    expect(transposeShape([2, 3, 4], 0, 2)).toEqual([4, 3, 2]);
    // python3: np.transpose(np.zeros((2,3,4)),(2,0,1)).shape -> (4, 2, 3)
    expect(permuteShape([2, 3, 4], [2, 0, 1])).toEqual([4, 2, 3]);
    expect(() => permuteShape([2, 3, 4], [0, 0, 1])).toThrow(/repeated/);
    expect(expandShape([2, 1], [3, -1, 4])).toEqual([3, 2, 4]);
    expect(() => expandShape([2, 3], [2, 4])).toThrow(/non-singleton/);
    // python3: np.broadcast_shapes((8,1,6,1),(7,1,5)) -> (8, 7, 6, 5)
    expect(broadcastShapes([8, 1, 6, 1], [7, 1, 5])).toEqual([8, 7, 6, 5]);
    expect(() => broadcastShapes([2, 3], [4, 3])).toThrow(/cannot be broadcast/);
  });

  it('rejects view after a transpose (non-contiguous), but accepts reshape', () => {
    expect(() =>
      applyOpsShape(
        [2, 3],
        [
          { op: 'transpose', dim0: 0, dim1: 1 },
          { op: 'view', shape: [6] },
        ],
      ),
    ).toThrow(/contiguous/);
    expect(
      applyOpsShape(
        [2, 3],
        [
          { op: 'transpose', dim0: 0, dim1: 1 },
          { op: 'reshape', shape: [6] },
        ],
      ),
    ).toEqual([[3, 2], [6]]);
  });

  it('reshape to any factorisation keeps numel; unsqueeze then squeeze(dim) is the identity', () => {
    fc.assert(
      fc.property(shapeArb, fc.nat(), (shape, pick) => {
        const n = numel(shape);
        const divisors = arange(n + 1).filter((d) => d >= 1 && n % d === 0);
        const d = divisors[pick % divisors.length]!;
        expect(reshapeShape(shape, [d, -1])).toEqual([d, n / d]);
        const dim = pick % (shape.length + 1);
        expect(squeezeShape(unsqueezeShape(shape, dim), dim)).toEqual(shape);
      }),
    );
  });
});

describe('values', () => {
  it('reproduces numpy on [[1,2,3],[4,5,6]] (paper 1(a)(ii))', () => {
    // python3: x=np.array([[1,2,3],[4,5,6]]); x[:,None,:].tolist() -> [[[1, 2, 3]], [[4, 5, 6]]]
    expect(applyOpValues(x23, { op: 'unsqueeze', dim: 1 })).toEqual([[[1, 2, 3]], [[4, 5, 6]]]);
    // python3: x.reshape(2,1,3).tolist() -> [[[1, 2, 3]], [[4, 5, 6]]]
    expect(applyOpValues(x23, { op: 'reshape', shape: [2, 1, 3] })).toEqual([[[1, 2, 3]], [[4, 5, 6]]]);
    // python3: x.reshape(3,-1).tolist() -> [[1, 2], [3, 4], [5, 6]]
    expect(applyOpValues(x23, { op: 'view', shape: [3, -1] })).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    // python3: x.T.tolist() -> [[1, 4], [2, 5], [3, 6]]
    expect(applyOpValues(x23, { op: 'transpose', dim0: 0, dim1: 1 })).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    // python3: np.broadcast_to(np.array([[1],[2]]),(3,2,4))[2].tolist() -> [[1, 1, 1, 1], [2, 2, 2, 2]]
    const expanded = applyOpValues([[1], [2]], { op: 'expand', sizes: [3, 2, 4] });
    expect(shapeOfNested(expanded)).toEqual([3, 2, 4]);
    expect((expanded as Nested[])[2]).toEqual([
      [1, 1, 1, 1],
      [2, 2, 2, 2],
    ]);
  });

  it('permute moves element [i0, i1, i2] to the permuted index (numpy transpose)', () => {
    // python3: np.transpose(np.arange(24).reshape(2,3,4),(2,0,1))[3,1].tolist() -> [15, 19, 23]
    const y = buildNested(arange(24), [2, 3, 4]);
    const p = applyOpValues(y, { op: 'permute', dims: [2, 0, 1] });
    expect((p as Nested[][])[3]![1]).toEqual([15, 19, 23]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
        fc.nat(),
        (shape, seed) => {
          const v = buildNested(arange(numel(shape)), shape);
          const dims = arange(shape.length).sort((a, b) => ((a * 7 + seed) % 5) - ((b * 7 + seed) % 5));
          const out = applyOpValues(v, { op: 'permute', dims });
          for (const idx of indices(shape)) {
            const outIdx = dims.map((d) => idx[d]!);
            expect(at(out, outIdx)).toBe(at(v, idx));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reshape-like operations keep the row-major element order', () => {
    const v = buildNested(arange(12), [2, 3, 2]);
    const outs = applyOpsValues(v, [
      { op: 'flatten', startDim: 1 },
      { op: 'unsqueeze', dim: 0 },
      { op: 'squeeze' },
      { op: 'reshape', shape: [4, -1] },
    ]);
    expect(outs.map(shapeOfNested)).toEqual([
      [2, 6],
      [1, 2, 6],
      [2, 6],
      [4, 3],
    ]);
    for (const o of outs) expect(flattenNested(o)).toEqual(arange(12));
  });

  it('detects ragged values and describes operations as PyTorch code', () => {
    expect(() => shapeOfNested([[1, 2], [3]])).toThrow(/ragged/);
    expect(describeOp({ op: 'reshape', shape: [2, -1] })).toBe('x.reshape(2, -1)');
    expect(describeOp({ op: 'flatten', startDim: 1 })).toBe('torch.flatten(x, 1)');
    expect(describeOp({ op: 'squeeze' })).toBe('x.squeeze()');
    expect(formatNested([[[1, 2, 3]], [[4, 5, 6]]])).toBe('[[[1, 2, 3]], [[4, 5, 6]]]');
  });
});
