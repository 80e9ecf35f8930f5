import { describe, expect, it } from 'vitest';
import { createRng, drawSeed, isValidSeed, MAX_SEED } from '../../src/core/rng.js';

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('stays in [0, 1) and covers the interval roughly uniformly', () => {
    const rng = createRng(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]! += 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(1_700);
  });

  it('int() hits both inclusive bounds and nothing outside', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(rng.int(-2, 2));
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
  });

  it('decimal() rounds to the requested places within the range', () => {
    const rng = createRng(3);
    for (let i = 0; i < 500; i++) {
      const x = rng.decimal(-4.2, 4.2, 1);
      expect(x).toBeGreaterThanOrEqual(-4.2);
      expect(x).toBeLessThanOrEqual(4.2);
      expect(Math.round(x * 10) / 10).toBe(x);
    }
  });

  it('shuffle() is a permutation and pick() returns members', () => {
    const rng = createRng(9);
    const items = [1, 2, 3, 4, 5, 6];
    const shuffled = rng.shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
    expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('rejects seeds that do not fit a signed 32-bit column', () => {
    expect(isValidSeed(0)).toBe(true);
    expect(isValidSeed(MAX_SEED)).toBe(true);
    expect(isValidSeed(MAX_SEED + 1)).toBe(false);
    expect(isValidSeed(-1)).toBe(false);
    expect(isValidSeed(1.5)).toBe(false);
    expect(() => createRng(-1)).toThrow(RangeError);
    const seed = drawSeed(createRng(5));
    expect(isValidSeed(seed)).toBe(true);
  });
});
