import { describe, expect, it } from 'vitest';
import { depthwiseSeparableTopic as topic } from '../../../../src/core/topics/conv/depthwise-separable.js';
import { checkTopicProperties, expectParamsError, partById, slipValue } from './topic-properties.js';

describe('depthwise-separable', () => {
  it('reproduces the paper 3(b) filter shapes, FLOPs and ratio (2 FLOPs per multiply-add)', () => {
    const params = topic.parseParams({ inChannels: 12, outChannels: 6, kernel: 7, outputSize: 49 });
    const parts = topic.solve(params);
    const value = (id: string): unknown => partById(parts, id).expected.value;
    // one 1x7x7 filter per input channel: 12; one 12x1x1 filter per output channel: 6 (the seed file prints 4)
    expect(value('dwCount')).toBe(12);
    expect(value('dwShape')).toEqual([1, 7, 7]);
    expect(value('pwCount')).toBe(6);
    expect(value('pwShape')).toEqual([12, 1, 1]);
    // python3: 2*7*7*12*6*49*49 -> 16941456; 2*7*7*12*49*49 -> 2823576; 2*12*6*49*49 -> 345744
    expect(value('std')).toBe(16941456);
    expect(value('dw')).toBe(2823576);
    expect(value('pw')).toBe(345744);
    // python3: 2823576 + 345744 -> 3169320; Fraction(3169320, 16941456) -> Fraction(55, 294)
    expect(value('sep')).toBe(3169320);
    expect(partById(parts, 'ratio').expected).toEqual({ kind: 'ratio', value: [55, 294], dp: 4 });
    // depthwise counted as a full convolution: x C_out = 6 -> the standard cost; python3:
    // Fraction(16941456 + 345744, 16941456) -> Fraction(50, 49)
    expect(slipValue(partById(parts, 'dw'), 'depthwise-as-full')).toBe(16941456);
    expect(slipValue(partById(parts, 'ratio'), 'depthwise-as-full')).toEqual([50, 49]);
    expect(slipValue(partById(parts, 'ratio'), 'inverted-ratio')).toEqual([294, 55]);
    expect(slipValue(partById(parts, 'pwCount'), 'pointwise-count-in-channels')).toBe(12);
    expect(slipValue(partById(parts, 'std'), 'one-flop-per-mac')).toBe(16941456 / 2);
    expect(topic.question(params).text).toMatch(/2 FLOPs per multiply-add/);
  });

  it('computes another case independently', () => {
    const parts = topic.solve(
      topic.parseParams({ inChannels: 3, outChannels: 16, kernel: 3, outputSize: 32 }),
    );
    // python3: 2*3*3*3*16*32*32 -> 884736; 2*3*3*3*32*32 -> 55296; 2*3*16*32*32 -> 98304;
    //          Fraction(55296 + 98304, 884736) -> 25/144 (= 1/16 + 1/9)
    expect(parts.map((p) => p.expected.value)).toEqual([
      3,
      [1, 3, 3],
      16,
      [3, 1, 1],
      884736,
      55296,
      98304,
      153600,
      [25, 144],
    ]);
  });

  it('holds the shared properties over 1,000 seeds', () => {
    for (const p of checkTopicProperties(topic)) {
      expect(p.inChannels).not.toBe(p.outChannels);
      const ratio = topic.solve(p).at(-1)!.expected.value as [number, number];
      // always a real saving
      expect(ratio[0]).toBeLessThan(ratio[1]);
    }
  });

  it('refuses bad hand-typed parameters with readable messages', () => {
    expectParamsError(topic, { inChannels: 12, outChannels: 6, kernel: 7 }, /outputSize must be an integer/);
    expectParamsError(
      topic,
      { inChannels: 1, outChannels: 6, kernel: 7, outputSize: 4 },
      /inChannels must be at least 2/,
    );
    expectParamsError(
      topic,
      { inChannels: 12, outChannels: 6, kernel: 1, outputSize: 4 },
      /kernel must be an integer from 2/,
    );
  });
});
