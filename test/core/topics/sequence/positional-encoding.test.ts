import { describe, expect, it } from 'vitest';
import { positionalEncoding } from '../../../../src/core/math/positional-encoding.js';
import { positionalEncodingTopic as topic } from '../../../../src/core/topics/sequence/positional-encoding.js';
import { nearRoundingTie } from '../../../../src/core/topics/sequence/rounding.js';
import { checkTopicProperties, expectParamsError, partById, slipValue } from '../conv/topic-properties.js';

const round4 = (v: unknown): number => Math.round((v as number) * 1e4) / 1e4;

describe('positional-encoding', () => {
  it('reproduces the paper 4(c)(ii) values for pos = 5, d_model = 512, dimensions 0..10', () => {
    const params = topic.parseParams({ pos: 5, dModel: 512, dims: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    const parts = topic.solve(params);
    // python3: j=np.arange(11); a=5/10000**(2*(j//2)/512); np.where(j%2==0, np.sin(a), np.cos(a)).round(4)
    // -> [-0.9589, 0.2837, -0.9939, 0.1107, -0.9982, -0.0595, -0.975, -0.2221, -0.9277, -0.3733, -0.86]
    expect(parts.map((p) => round4(p.expected.value))).toEqual([
      -0.9589, 0.2837, -0.9939, 0.1107, -0.9982, -0.0595, -0.975, -0.2221, -0.9277, -0.3733, -0.86,
    ]);
    for (const p of parts) expect(p.expected).toMatchObject({ kind: 'number', dp: 4 });
    // python3: np.sin(np.radians(5)).round(4) -> 0.0872 (degree mode); np.cos(5).round(4) -> 0.2837 (cos for an
    // odd position); np.cos(5/10000**(6/512)).round(4) -> -0.2221 (exponent 2j/d with j = 3)
    expect(round4(slipValue(partById(parts, 'pe0'), 'degree-mode'))).toBe(0.0872);
    expect(round4(slipValue(partById(parts, 'pe0'), 'parity-of-position'))).toBe(0.2837);
    expect(round4(slipValue(partById(parts, 'pe3'), 'exponent-per-index'))).toBe(-0.2221);
    // one angle step per pair, then the dimensions of that pair
    const steps = topic.explain(params);
    expect(steps.filter((s) => s.title.startsWith('Angle'))).toHaveLength(6);
    expect(steps.find((s) => s.title.startsWith('Angle') && s.title.includes('i = 0'))?.result?.value).toBe(
      5,
    );
  });

  it('holds the shared properties over 1,000 seeds, with values away from 0 and ±1', () => {
    for (const p of checkTopicProperties(topic)) {
      expect(p.dims.length).toBeGreaterThanOrEqual(4);
      expect(p.pos).toBeGreaterThanOrEqual(1);
      for (const j of p.dims) {
        const v = Math.abs(positionalEncoding(p.pos, j, p.dModel));
        expect(v).toBeGreaterThan(0.001);
        expect(v).toBeLessThan(0.9995);
        expect(nearRoundingTie(v, 4)).toBe(false);
      }
    }
  });

  it('refuses bad hand-typed parameters with readable messages', () => {
    expectParamsError(topic, { pos: 5, dModel: 511, dims: [0] }, /dModel must be even/);
    expectParamsError(
      topic,
      { pos: 5, dModel: 16, dims: [0, 16] },
      /dims\[1\] must be an integer from 0 to 15/,
    );
    expectParamsError(topic, { pos: 5, dModel: 16, dims: [3, 1] }, /strictly increasing/);
    expectParamsError(topic, { pos: -1, dModel: 16, dims: [0] }, /pos must be an integer/);
  });
});

describe('nearRoundingTie', () => {
  it('flags values whose 4-dp rounding hinges on carried digits', () => {
    expect(nearRoundingTie(0.12345, 4)).toBe(true);
    expect(nearRoundingTie(-0.123449, 4)).toBe(true);
    expect(nearRoundingTie(0.1234, 4)).toBe(false);
    expect(nearRoundingTie(0.12347, 4)).toBe(false);
  });
});
