/**
 * Seeded pseudo-random numbers for question generation. Core code never calls Math.random():
 * a question is fully determined by (topic, seed), so any process can rebuild it from the database.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Uniform number in [min, max] rounded to `dp` decimal places (exam-like numbers, e.g. dp=1 -> -2.4). */
  decimal(min: number, max: number, dp: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy of the array (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** True with probability p. */
  chance(p: number): boolean;
}

/** Largest seed accepted (seeds are non-negative 31-bit integers so they fit a signed 32-bit database column). */
export const MAX_SEED = 0x7fff_ffff;

export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

/** mulberry32: tiny, fast, good enough statistical quality for picking exam numbers. */
export function createRng(seed: number): Rng {
  if (!isValidSeed(seed)) throw new RangeError(`seed must be an integer in [0, ${MAX_SEED}], got ${seed}`);
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`bad integer range [${min}, ${max}]`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  return {
    next,
    int,
    decimal(min, max, dp) {
      const scale = 10 ** dp;
      return int(Math.ceil(min * scale), Math.floor(max * scale)) / scale;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick from an empty array');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    chance(p) {
      return next() < p;
    },
  };
}

/** Draws a fresh seed from another Rng (used by the engine with an injected entropy source). */
export function drawSeed(rng: Pick<Rng, 'int'>): number {
  return rng.int(0, MAX_SEED);
}
