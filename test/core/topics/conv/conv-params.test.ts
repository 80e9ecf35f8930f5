import { describe, expect, it } from 'vitest';
import { convParamsTopic as topic } from '../../../../src/core/topics/conv/conv-params.js';
import { chainSizes } from '../../../../src/core/topics/conv/layer-chain.js';
import { checkTopicProperties, expectParamsError, partById, slipValue } from './topic-properties.js';

const PAPER = {
  inputSize: 55,
  inputChannels: 12,
  layers: [
    { type: 'conv', filters: 6, kernel: 7, stride: 1, padding: 0 },
    { type: 'conv', filters: 4, kernel: 3, stride: 2, padding: 1 },
  ],
  fcUnits: 128,
};

describe('conv-params', () => {
  it('reproduces the paper 3(a)(ii) parameter counts', () => {
    const parts = topic.solve(topic.parseParams(PAPER));
    expect(parts.map((p) => p.id)).toEqual(['conv1', 'conv2', 'fc']);
    // python3: 6*12*7*7 + 6 -> 3534; 4*6*3*3 + 4 -> 220; 4*25*25*128 + 128 -> 320128 (layer 2 outputs 25x25x4)
    expect(parts.map((p) => p.expected.value)).toEqual([3534, 220, 320128]);
    for (const p of parts) expect(p.expected).toMatchObject({ kind: 'number', integer: true });
    // python3: 6*12*49 -> 3528 (no bias); 6*49 + 6 -> 300 (filter depth left out)
    expect(slipValue(partById(parts, 'conv1'), 'forgot-bias')).toBe(3528);
    expect(slipValue(partById(parts, 'conv1'), 'forgot-filter-depth')).toBe(300);
    // python3: 4*25*25*128 -> 320000 (no bias); 25*25*128 + 128 -> 80128 (FC input without the depth 4)
    expect(slipValue(partById(parts, 'fc'), 'forgot-bias')).toBe(320000);
    expect(slipValue(partById(parts, 'fc'), 'fc-without-depth')).toBe(80128);
  });

  it('skips pooling layers (no parameters) but follows their size change to the flatten', () => {
    const params = topic.parseParams({
      inputSize: 32,
      inputChannels: 3,
      layers: [
        { type: 'conv', filters: 8, kernel: 3, stride: 1, padding: 1 },
        { type: 'maxpool', kernel: 2, stride: 2, padding: 0 },
        { type: 'conv', filters: 16, kernel: 3, stride: 1, padding: 0 },
      ],
      fcUnits: 10,
    });
    const parts = topic.solve(params);
    expect(parts.map((p) => p.id)).toEqual(['conv1', 'conv3', 'fc']);
    // python3: 8*3*9 + 8 -> 224; 16*8*9 + 16 -> 1168; sizes 32 -> 16 -> 14: 14*14*16*10 + 10 -> 31370
    expect(parts.map((p) => p.expected.value)).toEqual([224, 1168, 31370]);
    const flatten = topic.explain(params).find((s) => s.title.startsWith('Flatten'));
    expect(flatten?.result?.value).toBe(14 * 14 * 16);
  });

  it('holds the shared properties over 1,000 seeds, with exam-like draws', () => {
    for (const p of checkTopicProperties(topic)) {
      const sizes = chainSizes(p.inputSize, p.inputChannels, p.layers);
      expect(sizes.every((s) => s.outSize >= 3)).toBe(true);
      const last = sizes.at(-1)!;
      expect(last.outSize * last.outSize * last.outChannels).toBeLessThanOrEqual(200_000);
      expect(p.layers[0]?.type).toBe('conv');
    }
  });

  it('refuses bad hand-typed parameters with readable messages', () => {
    expectParamsError(topic, { ...PAPER, fcUnits: 0 }, /fcUnits must be an integer/);
    expectParamsError(
      topic,
      { ...PAPER, layers: [{ type: 'maxpool', kernel: 2, stride: 2, padding: 0 }] },
      /at least one convolution/,
    );
    expectParamsError(topic, { ...PAPER, unknowns: [] }, /unknown field unknowns/);
  });
});
