/**
 * Values of the sinusoidal positional encoding for one position and several dimensions (paper 4(c)(ii)).
 */
import { formatNumber } from '../../format.js';
import { pairIndex, PE_BASE, peAngle, positionalEncoding } from '../../math/positional-encoding.js';
import type { Rng } from '../../rng.js';
import type { Carry, NumericValue, Part, QuestionText, Slip, Step, Topic } from '../../types.js';
import { fail, readInt, readIntList, readObject } from '../conv/read-params.js';
import { nearRoundingTie } from './rounding.js';

export interface PositionalEncodingParams {
  readonly pos: number;
  readonly dModel: number;
  /** Dimensions asked for, increasing. */
  readonly dims: readonly number[];
}

const DP = 4;
const MAX_DIMS = 12;

export function parsePositionalEncodingParams(input: unknown): PositionalEncodingParams {
  const o = readObject(input, '', ['pos', 'dModel', 'dims']);
  const pos = readInt(o, 'pos', '', 0, 100_000);
  const dModel = readInt(o, 'dModel', '', 2, 8192);
  if (dModel % 2 !== 0) fail(`dModel must be even, got ${dModel}`);
  const dims = readIntList(o, 'dims', '', { min: 1, max: MAX_DIMS }, { min: 0, max: dModel - 1 });
  for (let k = 1; k < dims.length; k++) {
    if ((dims[k] as number) <= (dims[k - 1] as number)) fail('dims must be strictly increasing');
  }
  return { pos, dModel, dims };
}

function acceptable(p: PositionalEncodingParams): boolean {
  return p.dims.every((j) => {
    const v = positionalEncoding(p.pos, j, p.dModel);
    return Math.abs(v) > 0.001 && Math.abs(v) < 0.9995 && !nearRoundingTie(v, DP);
  });
}

export function generatePositionalEncoding(rng: Rng): PositionalEncodingParams {
  for (let attempt = 0; attempt < 200; attempt++) {
    const dModel = rng.pick([16, 32, 64, 128, 256, 512]);
    const pos = rng.int(1, 60);
    const count = rng.int(4, 6);
    const start = rng.chance(0.5) ? 0 : 2 * rng.int(1, Math.max(1, Math.floor(dModel / 8)));
    const dims = Array.from({ length: count }, (_, k) => start + k).filter((j) => j < dModel);
    const p = { pos, dModel, dims };
    if (dims.length >= 4 && acceptable(p)) return p;
  }
  return { pos: 5, dModel: 512, dims: [0, 1, 2, 3] };
}

export function positionalEncodingQuestion(p: PositionalEncodingParams): QuestionText {
  return {
    text: [
      `A Transformer with d_model = ${p.dModel} uses the sinusoidal positional encoding`,
      '  PE(pos, 2i)     = sin(pos / 10000^(2i/d_model))',
      '  PE(pos, 2i + 1) = cos(pos / 10000^(2i/d_model))',
      `Compute the encoding of position pos = ${p.pos} in the dimensions below. Angles are in radians; give each value to 4 dp.`,
    ].join('\n'),
    givens: [],
    parts: p.dims.map((j) => ({ id: `pe${j}`, prompt: `PE(${p.pos}, ${j}), dimension ${j}:` })),
  };
}

function slips(p: PositionalEncodingParams, j: number, correct: number): Slip[] {
  const candidates: Slip[] = [
    {
      id: 'degree-mode',
      message: 'It looks like your calculator was in degree mode: the angle is in radians.',
      value: positionalEncoding(p.pos, j, p.dModel, { degrees: true }),
    },
    {
      id: 'exponent-per-index',
      message: `The exponent uses the pair index i = ⌊j/2⌋ = ${pairIndex(j)}: dimensions 2i and 2i + 1 share 2i/d_model.`,
      value: positionalEncoding(p.pos, j, p.dModel, { exponentPerIndex: true }),
    },
    {
      id: 'parity-of-position',
      message:
        'sin or cos depends on the parity of the DIMENSION index (even: sin, odd: cos), not of the position.',
      value: (p.pos % 2 === 0 ? Math.sin : Math.cos)(peAngle(p.pos, j, p.dModel)),
    },
  ];
  const seen = new Set([correct.toFixed(DP)]);
  return candidates.filter((s) => {
    const key = (s.value as number).toFixed(DP);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function solvePositionalEncoding(p: PositionalEncodingParams): Part[] {
  return p.dims.map((j) => {
    const value = positionalEncoding(p.pos, j, p.dModel);
    return {
      id: `pe${j}`,
      name: `PE(${p.pos}, ${j})`,
      expected: { kind: 'number', value, dp: DP },
      slips: slips(p, j, value),
    };
  });
}

export function explainPositionalEncoding(p: PositionalEncodingParams): Step[] {
  const steps: Step[] = [
    {
      title: 'Sinusoidal positional encoding',
      formula:
        'PE(pos, 2i) = sin(pos / 10000^(2i/d_model)),  PE(pos, 2i + 1) = cos(pos / 10000^(2i/d_model))',
      note: 'Dimension j belongs to pair i = ⌊j/2⌋: even j takes the sine, odd j the cosine of the same angle. Radians.',
    },
  ];
  const pairs = [...new Set(p.dims.map(pairIndex))];
  for (const i of pairs) {
    const angle = peAngle(p.pos, 2 * i, p.dModel);
    const denominator = PE_BASE ** ((2 * i) / p.dModel);
    steps.push({
      title: `Angle for dimensions ${2 * i} and ${2 * i + 1} (i = ${i})`,
      formula: `θ = pos / 10000^(2i/d_model)`,
      substitution: `${p.pos} / 10000^(${2 * i}/${p.dModel}) = ${p.pos} / ${formatNumber(denominator, 6)} = ${formatNumber(angle, 6)}`,
      result: { name: `θ${i === 0 ? '' : ` (i = ${i})`}`, value: angle },
    });
    for (const j of p.dims.filter((d) => pairIndex(d) === i)) {
      const fn = j % 2 === 0 ? 'sin' : 'cos';
      steps.push({
        title: `Dimension ${j} (${j % 2 === 0 ? 'even: sine' : 'odd: cosine'})`,
        formula: `PE(${p.pos}, ${j}) = ${fn}(θ)`,
        substitution: `${fn}(${formatNumber(angle, 6)})`,
        result: { name: `PE(${p.pos}, ${j})`, value: positionalEncoding(p.pos, j, p.dModel) },
        part: `pe${j}`,
      });
    }
  }
  return steps;
}

/**
 * Follow-through route. The dimensions do not depend on each other, but each value is two steps, as the worked
 * solution shows them: the angle θ = pos / 10000^(2i/d_model) (its denominator is shown only as a check), then
 * sin θ or cos θ. A student who writes θ to 4 dp before taking its sine has a different 4th decimal in about 4
 * questions in 10; the rounded route accepts it.
 */
export function positionalEncodingRoute(
  p: PositionalEncodingParams,
  carry: Carry,
): Record<string, NumericValue> {
  const out: Record<string, NumericValue> = {};
  for (const j of p.dims) {
    const i = pairIndex(j);
    const angle = carry.step(p.pos / PE_BASE ** ((2 * i) / p.dModel), DP);
    out[`pe${j}`] = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
  }
  return out;
}

export const positionalEncodingTopic: Topic<PositionalEncodingParams> = {
  id: 'positional-encoding',
  title: 'Sinusoidal positional encoding',
  summary: 'Values of the Transformer sinusoidal positional encoding for a position and several dimensions',
  groups: ['transformer'],
  difficulty: 2,
  paperRef: '4(c)(ii)',
  generate: generatePositionalEncoding,
  parseParams: parsePositionalEncodingParams,
  question: positionalEncodingQuestion,
  solve: solvePositionalEncoding,
  explain: explainPositionalEncoding,
  route: positionalEncodingRoute,
};
