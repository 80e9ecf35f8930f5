/**
 * The concept bank must not be answerable by test-wiseness. Each test prints its measure over the whole bank and
 * fails when a cue beats chance:
 *
 * - Option length. A student who always picks the longest option (or the shortest) is right at the rate 1/k of an
 *   item with k options when the key's length rank is random, so the chance rate of the bank is the mean of 1/k
 *   over its multiple-choice items. The bank fails if the key is the longest, or the shortest, more often than
 *   that. The bank is written, not sampled, so there is no sampling error to allow for: any excess is a cue.
 *   Keeping the key away from both extremes is a cue as well ("rule out the longest and the shortest"): a student
 *   who does so and guesses among the k − 2 others is right at the rate P(key in the middle)/(k − 2). The bank
 *   fails if the key is in the middle more often than chance, (k − 2)/k on average, plus 0.1, which for four
 *   options keeps that strategy within 0.05 of the chance rate 1/4.
 *   A key at least 1.5 times as long as every distractor is a cue on its own (the "one detailed answer"), checked
 *   for keys of 20 characters or more (short numeric keys such as "1.25" against "1" are no cue).
 * - Statement length. If true statements are longer than false ones, "long means true" pays. The bank fails when
 *   the difference in mean length between True and False statements exceeds 0.2 pooled standard deviations
 *   (Cohen's d; 0.2 is the conventional bound of a small effect), or when the share of True among the longest
 *   (or shortest) quarter of the statements differs from the overall share of True by more than 0.1. Measured on
 *   true/false items alone and on every judged statement (true/false items plus both statements of the
 *   two-statement items).
 */
import { describe, expect, it } from 'vitest';
import { CONCEPT_ITEMS } from '../../../../src/core/topics/concepts/bank/index.js';
import { type LengthCue, judgedStatements, lengthCue, optionCue } from './cue-measures.js';

const MAX_EFFECT_SIZE = 0.2;
const MAX_QUARTILE_DEVIATION = 0.1;
const MAX_MIDDLE_EXCESS = 0.1;
const STANDOUT_RATIO = 1.5;
const STANDOUT_MIN_LENGTH = 20;

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function report(name: string, cue: LengthCue): void {
  console.log(
    `${name}: ${cue.statements} statements, ${pct(cue.trueShare)} True; mean length True ${cue.meanTrue.toFixed(1)}, ` +
      `False ${cue.meanFalse.toFixed(1)}, gap ${cue.gap.toFixed(1)} chars (d = ${cue.effectSize.toFixed(2)}); ` +
      `True among the longest quarter ${pct(cue.trueShareLongestQuartile)}, among the shortest quarter ` +
      `${pct(cue.trueShareShortestQuartile)}`,
  );
}

function expectNoLengthCue(cue: LengthCue): void {
  expect(Math.abs(cue.effectSize), 'length gap True − False in pooled SDs').toBeLessThanOrEqual(
    MAX_EFFECT_SIZE,
  );
  expect(
    Math.abs(cue.trueShareLongestQuartile - cue.trueShare),
    'True share of the longest quarter vs overall',
  ).toBeLessThanOrEqual(MAX_QUARTILE_DEVIATION);
  expect(
    Math.abs(cue.trueShareShortestQuartile - cue.trueShare),
    'True share of the shortest quarter vs overall',
  ).toBeLessThanOrEqual(MAX_QUARTILE_DEVIATION);
}

describe('the concept bank gives no answer away by length', () => {
  it('does not make the key the longest, the shortest or a middle-length option more often than chance', () => {
    const cue = optionCue(CONCEPT_ITEMS, STANDOUT_RATIO);
    console.log(
      `multiple choice: ${cue.items} items; key is the longest option in ${pct(cue.longestRate)}, the shortest in ` +
        `${pct(cue.shortestRate)} (chance ${pct(cue.chance)} each), neither in ${pct(cue.middleRate)} ` +
        `(chance ${pct(cue.middleChance)})`,
    );
    expect(cue.items).toBeGreaterThan(0);
    expect(cue.longestRate, 'key is the longest option').toBeLessThanOrEqual(cue.chance);
    expect(cue.shortestRate, 'key is the shortest option').toBeLessThanOrEqual(cue.chance);
    expect(cue.middleRate, 'key is neither the longest nor the shortest').toBeLessThanOrEqual(
      cue.middleChance + MAX_MIDDLE_EXCESS,
    );
    const standouts = cue.standouts.filter((id) => {
      const item = CONCEPT_ITEMS.find((i) => i.id === id);
      const key = item?.kind === 'choice' ? item.options.find((o) => o.correct === true) : undefined;
      return (key?.text.length ?? 0) >= STANDOUT_MIN_LENGTH;
    });
    expect(standouts, `keys at least ${STANDOUT_RATIO}× as long as every distractor`).toEqual([]);
  });

  it('makes long false statements as common as long true ones (true/false items)', () => {
    const cue = lengthCue(judgedStatements(CONCEPT_ITEMS, 'true-false'));
    report('true/false items', cue);
    expectNoLengthCue(cue);
  });

  it('makes long false statements as common as long true ones (every judged statement)', () => {
    const cue = lengthCue(judgedStatements(CONCEPT_ITEMS, 'all'));
    report('true/false and two-statement statements', cue);
    expectNoLengthCue(cue);
  });
});
