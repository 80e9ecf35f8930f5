import { describe, expect, it } from 'vitest';
import { applyOpsShape, numel } from '../../../../src/core/math/tensor.js';
import { tensorShapesTopic as topic } from '../../../../src/core/topics/tensor/tensor-shapes.js';
import { checkTopicProperties, expectParamsError, partById, slipValue } from '../conv/topic-properties.js';

describe('tensor-shapes', () => {
  it('reproduces the paper 1(a)(ii): x.unsqueeze(1) on [[1, 2, 3], [4, 5, 6]]', () => {
    const params = topic.parseParams({
      shape: [2, 3],
      ops: [{ op: 'unsqueeze', dim: 1 }],
      showValues: true,
      slice: 1,
    });
    const parts = topic.solve(params);
    // python3: x=np.arange(1,7).reshape(2,3); x[:,None,:].shape -> (2, 1, 3); x[:,None,:][1].tolist() -> [[4, 5, 6]]
    expect(partById(parts, 's1').expected).toEqual({ kind: 'shape', value: [2, 1, 3] });
    expect(partById(parts, 'values').expected).toEqual({ kind: 'matrix', value: [[4, 5, 6]], integer: true });
    expect(slipValue(partById(parts, 's1'), 'unsqueeze-position')).toEqual([2, 3, 1]);
    const q = topic.question(params);
    expect(q.text).toContain('x = torch.tensor([[1, 2, 3], [4, 5, 6]])');
    expect(q.text).toContain('y = x.unsqueeze(1)');
    expect(topic.explain(params).find((s) => s.part === 'values')?.substitution).toBe(
      'y = [[[1, 2, 3]], [[4, 5, 6]]]',
    );
  });

  it('moves elements for permute/transpose and names the reshape confusion', () => {
    const permuted = topic.solve(
      topic.parseParams({
        shape: [2, 3, 2],
        ops: [{ op: 'permute', dims: [1, 2, 0] }],
        showValues: true,
        slice: 2,
      }),
    );
    // python3: x=np.arange(1,13).reshape(2,3,2); np.transpose(x,(1,2,0))[2].tolist() -> [[5, 11], [6, 12]]
    expect(partById(permuted, 'values').expected.value).toEqual([
      [5, 11],
      [6, 12],
    ]);
    // python3: np.arange(1,13).reshape(3,2,2)[2].tolist() -> [[9, 10], [11, 12]]
    expect(slipValue(partById(permuted, 'values'), 'reshape-not-transpose')).toEqual([
      [9, 10],
      [11, 12],
    ]);
    const transposed = topic.solve(
      topic.parseParams({ shape: [2, 3], ops: [{ op: 'transpose', dim0: 0, dim1: 1 }], showValues: true }),
    );
    // python3: x.T.tolist() -> [[1, 4], [2, 5], [3, 6]]; x.reshape(3, 2).tolist() -> [[1, 2], [3, 4], [5, 6]]
    expect(partById(transposed, 'values').expected.value).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(slipValue(partById(transposed, 'values'), 'reshape-not-transpose')).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('chains shape-only operations on a batch of images', () => {
    const params = topic.parseParams({
      shape: [32, 3, 28, 28],
      ops: [
        { op: 'permute', dims: [0, 2, 3, 1] },
        { op: 'flatten', startDim: 1 },
        { op: 'unsqueeze', dim: -1 },
      ],
      showValues: false,
    });
    const parts = topic.solve(params);
    expect(parts.map((p) => p.id)).toEqual(['s1', 's2', 's3']);
    // python3: np.transpose(z,(0,2,3,1)).shape -> (32, 28, 28, 3); the inverse (0,3,1,2) -> (32, 28, 3, 28)
    expect(parts[0]!.expected.value).toEqual([32, 28, 28, 3]);
    expect(slipValue(parts[0]!, 'inverse-permutation')).toEqual([32, 28, 3, 28]);
    // python3: 28*28*3 -> 2352; flattening everything would give 32*2352 = 75264
    expect(parts[1]!.expected.value).toEqual([32, 2352]);
    expect(slipValue(parts[1]!, 'flatten-all')).toEqual([75264]);
    expect(parts[2]!.expected.value).toEqual([32, 2352, 1]);
    expect(topic.question(params).text).toContain('y2 = torch.flatten(y1, 1)');
  });

  it('expands and squeezes like PyTorch', () => {
    const expanded = topic.solve(
      topic.parseParams({
        shape: [2, 1],
        ops: [{ op: 'expand', sizes: [3, -1, 4] }],
        showValues: true,
        slice: 0,
      }),
    );
    // python3: np.broadcast_to(np.array([[1],[2]]),(3,2,4))[0].tolist() -> [[1, 1, 1, 1], [2, 2, 2, 2]]
    expect(expanded.map((p) => p.expected.value)).toEqual([
      [3, 2, 4],
      [
        [1, 1, 1, 1],
        [2, 2, 2, 2],
      ],
    ]);
    const squeezed = topic.solve(
      topic.parseParams({ shape: [1, 2, 1, 3], ops: [{ op: 'squeeze' }], showValues: false }),
    );
    // python3: np.zeros((1,2,1,3)).squeeze().shape -> (2, 3); removing only the first 1 gives (2, 1, 3)
    expect(squeezed[0]!.expected.value).toEqual([2, 3]);
    expect(slipValue(squeezed[0]!, 'squeeze-one')).toEqual([2, 1, 3]);
  });

  it('holds the shared properties over 1,000 seeds, with operations that all change the shape', () => {
    let small = 0;
    for (const p of checkTopicProperties(topic)) {
      const shapes = [p.shape, ...applyOpsShape(p.shape, p.ops)];
      for (let k = 1; k < shapes.length; k++) expect(shapes[k]).not.toEqual(shapes[k - 1]);
      if (p.showValues) {
        small++;
        expect(shapes.every((s) => numel(s) <= 24)).toBe(true);
        expect(shapes.at(-1)!.length).toBeLessThanOrEqual(3);
      }
    }
    expect(small).toBeGreaterThan(400);
    expect(small).toBeLessThan(800);
  });

  it('refuses bad hand-typed parameters with readable messages', () => {
    const base = { shape: [2, 3], showValues: false };
    expectParamsError(
      topic,
      { ...base, ops: [{ op: 'reshape', shape: [4, -1] }] },
      /invalid for input of size 6/,
    );
    expectParamsError(topic, { ...base, ops: [{ op: 'resize', shape: [6] }] }, /ops\[0\]\.op must be one of/);
    expectParamsError(
      topic,
      { ...base, ops: [{ op: 'unsqueeze', dim: 1, shape: [2] }] },
      /unknown field ops\[0\]\.shape/,
    );
    expectParamsError(
      topic,
      {
        ...base,
        ops: [
          { op: 'transpose', dim0: 0, dim1: 1 },
          { op: 'view', shape: [6] },
        ],
      },
      /contiguous/,
    );
    expectParamsError(topic, { shape: [4, 8], ops: [{ op: 'flatten' }], showValues: true }, /small tensors/);
    expectParamsError(
      topic,
      { ...base, ops: [{ op: 'unsqueeze', dim: 0 }], showValues: true },
      /slice must be an integer/,
    );
    expectParamsError(topic, { ...base, ops: [{ op: 'flatten' }], slice: 0 }, /slice only applies/);
  });
});
