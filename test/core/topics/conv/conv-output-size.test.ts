import { describe, expect, it } from 'vitest';
import { dividesEvenly, outputSize } from '../../../../src/core/math/conv.js';
import { convOutputSizeTopic as topic } from '../../../../src/core/topics/conv/conv-output-size.js';
import { chainSizes, stageSpec } from '../../../../src/core/topics/conv/layer-chain.js';
import { checkTopicProperties, expectParamsError, partById, slipValue } from './topic-properties.js';

const PAPER_LAYERS = [
  { type: 'conv', filters: 6, kernel: 7, stride: 1, padding: 0 },
  { type: 'conv', filters: 4, kernel: 3, stride: 2, padding: 1 },
] as const;

describe('conv-output-size', () => {
  it('reproduces the paper 3(a)(i) unknowns n1, d1, F1, p2', () => {
    const params = topic.parseParams({
      inputSize: 55,
      inputChannels: 12,
      layers: PAPER_LAYERS,
      unknowns: [
        { layer: 2, field: 'padding' },
        { layer: 1, field: 'kernel' },
        { layer: 1, field: 'filters' },
        { layer: 1, field: 'depth' },
      ],
    });
    const parts = topic.solve(params);
    // Examiner order (by layer, then n, d, F, p) whatever the order typed.
    expect(parts.map((p) => p.id)).toEqual(['n1', 'd1', 'f1', 'p2']);
    // n1 = output depth of layer 1 = 6; d1 = input depth = 12; python3: 55 - 49 + 1 -> 7 (stride 1, no padding);
    // python3: [p for p in range(3) if (49 + 2*p - 3)//2 + 1 == 25] -> [1]
    expect(parts.map((p) => p.expected.value)).toEqual([6, 12, 7, 1]);
    expect(slipValue(partById(parts, 'n1'), 'swapped-filters-depth')).toBe(12);
    expect(slipValue(partById(parts, 'f1'), 'dropped-plus-one')).toBe(6);
    expect(slipValue(partById(parts, 'p2'), 'padding-one-side')).toBe(2);
    const text = topic.question(params).text;
    expect(text).toContain('n₁ filters of size F₁×F₁×d₁');
    expect(text).toContain('padding p₂; output 25×25×4');
  });

  it('gives the paper sizes forward: 49 then 25 (stride 2 verified)', () => {
    const parts = topic.solve(topic.parseParams({ inputSize: 55, inputChannels: 12, layers: PAPER_LAYERS }));
    // python3: (55 - 7)//1 + 1 -> 49; (49 + 2 - 3)//2 + 1 -> 25
    expect(parts.map((p) => p.expected.value)).toEqual([49, 25]);
    // forgot the stride: 49 + 2 - 3 + 1 -> 49; ignored padding: (49 - 3)//2 + 1 -> 24
    expect(slipValue(partById(parts, 'out2'), 'forgot-stride')).toBe(49);
    expect(slipValue(partById(parts, 'out2'), 'ignored-padding')).toBe(24);
  });

  it('recognises the classic slips on an uneven, padded, strided layer and a dilated one', () => {
    const params = topic.parseParams({
      inputSize: 32,
      inputChannels: 3,
      layers: [
        { type: 'conv', filters: 8, kernel: 3, stride: 2, padding: 1 },
        { type: 'conv', filters: 8, kernel: 3, stride: 1, padding: 0, dilation: 2 },
      ],
    });
    const [l1, l2] = topic.solve(params);
    // python3: (32+2-3)//2+1 -> 16; (32-3)//2+1 -> 15; math.ceil((32+2-3)/2)+1 -> 17; 32+2-3+1 -> 32
    expect(l1!.expected.value).toBe(16);
    expect(slipValue(l1!, 'ignored-padding')).toBe(15);
    expect(slipValue(l1!, 'ceil-instead-of-floor')).toBe(17);
    expect(slipValue(l1!, 'forgot-stride')).toBe(32);
    // dilated 3x3 with d = 2 spans 5: python3: 16 - 5 + 1 -> 12; ignoring the dilation: 16 - 3 + 1 -> 14
    expect(l2!.expected.value).toBe(12);
    expect(slipValue(l2!, 'ignored-dilation')).toBe(14);
    const steps = topic.explain(params);
    expect(steps.find((s) => s.part === 'out1')?.note).toMatch(/round down/);
  });

  it('holds the shared properties over 1,000 seeds, with exam-like draws', () => {
    const all = checkTopicProperties(topic);
    let inverse = 0;
    for (const p of all) {
      const sizes = chainSizes(p.inputSize, p.inputChannels, p.layers);
      expect(sizes.every((s) => s.outSize >= 2)).toBe(true);
      const uneven = p.layers.filter((stage, i) => !dividesEvenly(stageSpec(stage, sizes[i]!.inSize))).length;
      expect(uneven).toBeLessThanOrEqual(1);
      // the chain changes the size overall, and at most one layer keeps its size
      expect(sizes.at(-1)!.outSize).not.toBe(p.inputSize);
      expect(sizes.filter((s) => s.outSize === s.inSize).length).toBeLessThanOrEqual(1);
      for (const s of sizes) expect(s.outSize).toBe(outputSize(s.spec));
      if (p.unknowns !== undefined) {
        inverse++;
        expect(p.unknowns.length).toBeGreaterThanOrEqual(2);
        expect(uneven).toBe(0);
      }
    }
    // both forms occur (about a third are the paper's unknowns form)
    expect(inverse).toBeGreaterThan(200);
    expect(inverse).toBeLessThan(500);
  });

  it('refuses bad hand-typed parameters with readable messages', () => {
    const base = { inputSize: 55, inputChannels: 12, layers: PAPER_LAYERS };
    expectParamsError(
      topic,
      { ...base, layers: [{ type: 'conv', filters: 1, kernel: 9, stride: 1, padding: 0 }], inputSize: 5 },
      /layers\[0\].*does not fit/,
    );
    expectParamsError(topic, { ...base, layerz: [] }, /unknown field layerz/);
    expectParamsError(
      topic,
      { ...base, layers: [{ type: 'maxpool', kernel: 2, stride: 2, padding: 0, filters: 3 }] },
      /pooling layer has no filters/,
    );
    expectParamsError(
      topic,
      { ...base, layers: [{ type: 'conv', filters: 6, kernel: 2.5, stride: 1, padding: 0 }] },
      /layers\[0\]\.kernel must be an integer/,
    );
    expectParamsError(topic, { ...base, unknowns: [{ layer: 3, field: 'kernel' }] }, /unknowns\[0\]\.layer/);
    expectParamsError(
      topic,
      {
        ...base,
        unknowns: [
          { layer: 1, field: 'kernel' },
          { layer: 1, field: 'padding' },
        ],
      },
      /at most one of F, p, s/,
    );
    // python3: [len(range(0, 12 + 2*p - 3 + 1, 3)) for p in range(3)] -> [4, 4, 5]: padding is ambiguous
    expectParamsError(
      topic,
      {
        inputSize: 12,
        inputChannels: 1,
        layers: [{ type: 'conv', filters: 2, kernel: 3, stride: 3, padding: 0 }],
        unknowns: [{ layer: 1, field: 'padding' }],
      },
      /not determined uniquely/,
    );
    expectParamsError(
      topic,
      {
        ...base,
        layers: [{ type: 'maxpool', kernel: 2, stride: 2, padding: 0 }],
        unknowns: [{ layer: 1, field: 'depth' }],
      },
      /pooling layer/,
    );
  });
});
