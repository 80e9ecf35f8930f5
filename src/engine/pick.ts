/** Random choices of the engine (topic, seed), from the injected entropy source. */
import { MAX_SEED } from '../core/rng.js';

export function pickIndex(random: () => number, length: number): number {
  return Math.min(length - 1, Math.floor(random() * length));
}

/** A fresh seed in [0, MAX_SEED], different from `avoid` (so "next question" never repeats the numbers). */
export function drawSeed(random: () => number, avoid?: number): number {
  const seed = Math.min(MAX_SEED, Math.floor(random() * (MAX_SEED + 1)));
  if (seed !== avoid) return seed;
  // Same seed drawn again: step to a neighbour rather than trusting the entropy source to move on.
  return seed === MAX_SEED ? seed - 1 : seed + 1;
}
