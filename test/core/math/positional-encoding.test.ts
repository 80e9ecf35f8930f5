import { describe, expect, it } from 'vitest';
import {
  peAngle,
  peExponent,
  positionalEncoding,
  positionalEncodingVector,
} from '../../../src/core/math/positional-encoding.js';

describe('sinusoidal positional encoding', () => {
  it('matches numpy for pos = 5, d_model = 512, dimensions 0..10 (paper 4(c)(ii))', () => {
    // python3: j=np.arange(11); a=5/10000**(2*(j//2)/512); np.where(j%2==0, np.sin(a), np.cos(a)).round(4)
    // -> [-0.9589, 0.2837, -0.9939, 0.1107, -0.9982, -0.0595, -0.975, -0.2221, -0.9277, -0.3733, -0.86]
    const numpy = [
      -0.9589, 0.2837, -0.9939, 0.1107, -0.9982, -0.0595, -0.975, -0.2221, -0.9277, -0.3733, -0.86,
    ];
    numpy.forEach((v, j) => expect(positionalEncoding(5, j, 512)).toBeCloseTo(v, 4));
  });

  it('shares the exponent 2i/d_model within a pair and alternates sin/cos by dimension parity', () => {
    expect(peExponent(2, 512)).toBe(peExponent(3, 512));
    expect(peAngle(7, 4, 16)).toBeCloseTo(7 / 10000 ** (4 / 16), 12);
    expect(positionalEncoding(7, 4, 16)).toBeCloseTo(Math.sin(7 / 10000 ** 0.25), 12);
    expect(positionalEncoding(7, 5, 16)).toBeCloseTo(Math.cos(7 / 10000 ** 0.25), 12);
    // position 0: sin 0 = 0 on even dimensions, cos 0 = 1 on odd ones
    expect(positionalEncodingVector(0, 6)).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it('reproduces the degree-mode and per-index-exponent slips', () => {
    // python3: np.sin(np.radians(5)) -> 0.08715574274765817
    expect(positionalEncoding(5, 0, 512, { degrees: true })).toBeCloseTo(0.08715574274765817, 12);
    // python3: np.cos(5/10000**(2*3/512)) -> -0.22209: the per-index slip uses 2j/d_model with j = 3
    expect(positionalEncoding(5, 3, 512, { exponentPerIndex: true })).toBeCloseTo(
      Math.cos(5 / 10000 ** (6 / 512)),
      12,
    );
  });

  it('rejects odd d_model and out-of-range dimensions', () => {
    expect(() => positionalEncoding(1, 0, 7)).toThrow(/d_model/);
    expect(() => positionalEncoding(1, 8, 8)).toThrow(/dimension/);
    expect(() => positionalEncoding(-1, 0, 8)).toThrow(/pos/);
  });
});
