/**
 * Parameters shared by the linear-neuron topics (paper 1(b)): y = wᵀx + b with target d, one-decimal numbers.
 */
import { linearNeuronOutput } from '../../math/dense-neuron.js';
import type { Rng } from '../../rng.js';
import type { Given } from '../../types.js';
import { TopicParamsError } from '../../types.js';
import { type Fields, numberField, vectorField } from './parse.js';
import { fmt, term, tidy } from './numbers.js';

export interface NeuronParams {
  readonly x: readonly number[];
  readonly w: readonly number[];
  readonly b: number;
  readonly d: number;
}

const LIMIT = 100;

/** A one-decimal number in [-max, max], never 0. */
export function nonZeroDecimal(rng: Rng, max: number): number {
  for (;;) {
    const v = rng.decimal(-max, max, 1);
    if (v !== 0) return v;
  }
}

/** Draws x, w, b, d (2 or 3 inputs) with y = wᵀx + b reasonably far from d. */
export function drawNeuron(rng: Rng): NeuronParams {
  const n = rng.int(2, 3);
  const x = Array.from({ length: n }, () => nonZeroDecimal(rng, 2));
  const w = Array.from({ length: n }, () => nonZeroDecimal(rng, 1.5));
  const b = nonZeroDecimal(rng, 1);
  const d = rng.decimal(-2, 2, 1);
  return { x, w, b: b === 0 ? 0 : b, d: d === 0 ? 0 : d };
}

export function parseNeuron(f: Fields): NeuronParams {
  const x = vectorField(f, 'x', { min: -LIMIT, max: LIMIT });
  const w = vectorField(f, 'w', { min: -LIMIT, max: LIMIT });
  if (w.length !== x.length) throw new TopicParamsError(`"w" must have as many entries as "x" (${x.length})`);
  if (x.length > 6) throw new TopicParamsError('"x" may have at most 6 entries');
  return {
    x,
    w,
    b: numberField(f, 'b', { min: -LIMIT, max: LIMIT }),
    d: numberField(f, 'd', { min: -LIMIT, max: LIMIT }),
  };
}

export function neuronGivens(p: NeuronParams): Given[] {
  return [
    { name: 'x', value: p.x },
    { name: 'w', value: p.w },
    { name: 'b', value: p.b },
    { name: 'd', value: p.d },
  ];
}

/** The exact output y (tidied: one-decimal inputs give at most 2 decimals). */
export function neuronOutput(p: NeuronParams): number {
  return tidy(linearNeuronOutput(p));
}

/** "0.5 × 1 + (−1.2) × 2 + 0.3" */
export function outputSubstitution(p: NeuronParams): string {
  return `${p.w.map((wi, i) => `${term(wi)} × ${term(p.x[i] ?? 0)}`).join(' + ')} + ${term(p.b)}`;
}

/** "(d − y) = 1 − (−1.6) = 2.6" style text for the error term. */
export function errorSubstitution(p: NeuronParams, y: number): string {
  return `d − y = ${term(p.d)} − ${term(y)} = ${fmt(tidy(p.d - y))}`;
}
