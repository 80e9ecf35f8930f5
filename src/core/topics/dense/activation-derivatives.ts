/**
 * Paper 2(d): derivatives of activation functions, numerically at given points and as a formula in terms of the
 * output y = f(u) (tanh′ = 1 − y², σ′ = y(1 − y)), the form backpropagation uses.
 */
import { activateScalar, derivativeScalar, sigmoid, tanh } from '../../math/activations.js';
import type { Rng } from '../../rng.js';
import type { Carry, NumericValue, Part, QuestionText, Slip, Step, Topic } from '../../types.js';
import { TopicParamsError } from '../../types.js';
import { arrayField, choiceField, fields, numberField } from './parse.js';
import { distinctSlips, fmt, nearRoundingTie, places, term } from './numbers.js';

export const DERIVATIVE_FUNCTIONS = ['tanh', 'sigmoid', 'relu'] as const;
export type DerivativeFunction = (typeof DERIVATIVE_FUNCTIONS)[number];

/** Candidate expressions for f′(u) in terms of y = f(u): the multiple-choice options are drawn from these. */
export const FORMULAS = ['1 − y²', 'y(1 − y)', '1 − y', '1 + y²', 'y(1 + y)', '(1 − y)²', 'y²'] as const;
export type Formula = (typeof FORMULAS)[number];

const CORRECT: Record<'tanh' | 'sigmoid', Formula> = { tanh: '1 − y²', sigmoid: 'y(1 − y)' };
const LETTERS = ['A', 'B', 'C', 'D'] as const;

export interface ActivationDerivativesParams {
  readonly points: readonly { readonly fn: DerivativeFunction; readonly u: number }[];
  readonly formula: { readonly fn: 'tanh' | 'sigmoid'; readonly options: readonly Formula[] };
}

const ID = 'activation-derivatives';
const DP = 4;
const NAMES: Record<DerivativeFunction, string> = { tanh: 'tanh', sigmoid: 'σ (sigmoid)', relu: 'ReLU' };

function drawU(rng: Rng, fn: DerivativeFunction): number {
  const max = fn === 'tanh' ? 2.5 : fn === 'sigmoid' ? 4 : 3;
  for (;;) {
    const u = rng.decimal(-max, max, 1);
    if (u !== 0 && !nearRoundingTie(derivativeScalar(fn, u), DP)) return u;
  }
}

function generate(rng: Rng): ActivationDerivativesParams {
  const points = rng.shuffle(DERIVATIVE_FUNCTIONS).map((fn) => ({ fn, u: drawU(rng, fn) }));
  const fn = rng.pick(['tanh', 'sigmoid'] as const);
  const other = CORRECT[fn === 'tanh' ? 'sigmoid' : 'tanh'];
  const distractors = rng.shuffle(FORMULAS.filter((f) => f !== CORRECT[fn] && f !== other)).slice(0, 2);
  return { points, formula: { fn, options: rng.shuffle([CORRECT[fn], other, ...distractors]) } };
}

function parseParams(input: unknown): ActivationDerivativesParams {
  const f = fields(input, ID);
  const points = arrayField(f, 'points', { min: 1, max: 4 }).map((entry, i) => {
    const pf = fields(entry, `${ID} points[${i}]`);
    try {
      const fn = choiceField(pf, 'fn', DERIVATIVE_FUNCTIONS);
      const u = numberField(pf, 'u', { min: -20, max: 20, ...(fn === 'relu' ? { nonZero: true } : {}) });
      return { fn, u };
    } catch (e) {
      if (e instanceof TopicParamsError) throw new TopicParamsError(`points[${i}]: ${e.message}`);
      throw e;
    }
  });
  const ff = fields(f['formula'], `${ID} formula`);
  const fn = choiceField(ff, 'fn', ['tanh', 'sigmoid'] as const);
  const raw = ff['options'];
  if (
    !Array.isArray(raw) ||
    raw.length !== LETTERS.length ||
    !raw.every((o) => (FORMULAS as readonly unknown[]).includes(o)) ||
    new Set(raw).size !== raw.length
  ) {
    throw new TopicParamsError(
      `"formula.options" must be ${LETTERS.length} different expressions from: ${FORMULAS.map((o) => `"${o}"`).join(', ')}`,
    );
  }
  const options = raw as Formula[];
  if (!options.includes(CORRECT[fn])) {
    throw new TopicParamsError(`"formula.options" must include the correct expression "${CORRECT[fn]}"`);
  }
  return { points, formula: { fn, options } };
}

function optionsText(p: ActivationDerivativesParams): string {
  return p.formula.options.map((o, i) => `${LETTERS[i] ?? '?'}) ${o}`).join('   ');
}

function question(p: ActivationDerivativesParams): QuestionText {
  const fnText = p.formula.fn === 'tanh' ? 'y = tanh(u)' : 'y = σ(u) = 1/(1 + e^(−u))';
  return {
    text:
      'Backpropagation needs the derivative f′(u) of each activation function at the pre-activation u. ' +
      `Compute the derivatives below (to ${places(DP)}; for ReLU take f′(u) = 1 for u > 0 and 0 for u < 0), ` +
      'then say how the derivative is written in terms of the output.',
    givens: [],
    parts: [
      ...p.points.map((pt, i) => ({
        id: `p${i + 1}`,
        prompt: `f′(u) for f = ${NAMES[pt.fn]} at u = ${fmt(pt.u)} (to ${places(DP)}).`,
      })),
      {
        id: 'formula',
        prompt: `If ${fnText}, which expression equals f′(u)?   ${optionsText(p)}   (answer with a letter)`,
      },
    ],
  };
}

function pointSlips(fn: DerivativeFunction, u: number, correct: number): Slip[] {
  const slips: Slip[] = [
    {
      id: 'function-value',
      message: `That is f(u) itself, not its derivative.`,
      value: activateScalar(fn, u),
    },
  ];
  if (fn === 'tanh') {
    slips.push({
      id: 'derivative-of-u',
      message: 'tanh′(u) = 1 − tanh²(u): square tanh(u), not u.',
      value: 1 - u * u,
    });
  }
  if (fn === 'sigmoid') {
    slips.push({
      id: 'derivative-of-u',
      message: 'σ′(u) = σ(u)(1 − σ(u)): use σ(u), not u.',
      value: u * (1 - u),
    });
  }
  return distinctSlips(correct, slips, DP);
}

function correctLetter(p: ActivationDerivativesParams): string {
  return LETTERS[p.formula.options.indexOf(CORRECT[p.formula.fn])] ?? 'A';
}

function solve(p: ActivationDerivativesParams): Part[] {
  return [
    ...p.points.map((pt, i) => {
      const value = derivativeScalar(pt.fn, pt.u);
      return {
        id: `p${i + 1}`,
        name: `${pt.fn}′(${fmt(pt.u)})`,
        expected: { kind: 'number' as const, value, dp: DP },
        slips: pointSlips(pt.fn, pt.u, value),
      };
    }),
    {
      id: 'formula',
      name: `f′ in terms of y`,
      expected: { kind: 'choice', value: correctLetter(p), options: [...LETTERS] },
    },
  ];
}

function pointStep(pt: { fn: DerivativeFunction; u: number }, i: number): Step {
  const value = derivativeScalar(pt.fn, pt.u);
  const base = { result: { name: `${pt.fn}′(${fmt(pt.u)})`, value }, part: `p${i + 1}` };
  switch (pt.fn) {
    case 'tanh': {
      const y = tanh(pt.u);
      return {
        title: `tanh′ at u = ${fmt(pt.u)}`,
        formula: 'tanh′(u) = 1 − tanh²(u) = 1 − y²',
        substitution: `y = tanh(${fmt(pt.u)}) = ${fmt(y)};  1 − ${term(y)}²`,
        ...base,
      };
    }
    case 'sigmoid': {
      const y = sigmoid(pt.u);
      return {
        title: `σ′ at u = ${fmt(pt.u)}`,
        formula: 'σ′(u) = σ(u)(1 − σ(u)) = y(1 − y)',
        substitution: `y = σ(${fmt(pt.u)}) = ${fmt(y)};  ${fmt(y)} × (1 − ${fmt(y)})`,
        ...base,
      };
    }
    case 'relu':
      return {
        title: `ReLU′ at u = ${fmt(pt.u)}`,
        formula: 'ReLU′(u) = 1 if u > 0, 0 if u < 0',
        substitution: `u = ${fmt(pt.u)} is ${pt.u > 0 ? 'positive' : 'negative'}`,
        ...base,
      };
  }
}

function explain(p: ActivationDerivativesParams): Step[] {
  const letter = correctLetter(p);
  const fn = p.formula.fn;
  return [
    ...p.points.map(pointStep),
    {
      title: `${fn === 'tanh' ? 'tanh' : 'Sigmoid'} derivative in terms of its output`,
      formula:
        fn === 'tanh'
          ? 'd/du tanh(u) = 1 − tanh²(u), and tanh(u) = y'
          : 'd/du σ(u) = e^(−u)/(1 + e^(−u))² = σ(u)(1 − σ(u)), and σ(u) = y',
      result: { name: 'answer', value: `${letter}) f′(u) = ${CORRECT[fn]}` },
      part: 'formula',
      note: 'Written in terms of y, the derivative reuses the output already computed in the forward pass.',
    },
  ];
}

/**
 * Follow-through route. The points do not depend on each other, but each tanh′ and σ′ is two steps, as the worked
 * solution shows them: y = f(u), then 1 − y² or y(1 − y). A student who writes y to 4 dp before the second step
 * gets a 4th decimal that differs in about 3 in 10 points; the rounded route accepts it.
 */
function route(p: ActivationDerivativesParams, carry: Carry): Record<string, NumericValue> {
  const out: Record<string, NumericValue> = {};
  p.points.forEach((pt, i) => {
    const id = `p${i + 1}`;
    if (pt.fn === 'relu') out[id] = derivativeScalar(pt.fn, pt.u);
    else if (pt.fn === 'tanh') out[id] = 1 - carry.step(tanh(pt.u), DP) ** 2;
    else {
      const y = carry.step(sigmoid(pt.u), DP);
      out[id] = y * (1 - y);
    }
  });
  return out;
}

export const activationDerivativesTopic: Topic<ActivationDerivativesParams> = {
  id: ID,
  title: 'Derivatives of activation functions',
  summary: 'tanh′, σ′ and ReLU′ at given points, and in terms of the output y.',
  groups: ['gradients', 'mlp'],
  difficulty: 1,
  paperRef: '2(d)',
  generate,
  parseParams,
  question,
  solve,
  explain,
  route,
};
