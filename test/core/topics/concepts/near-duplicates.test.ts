/**
 * Two items that test the same fact waste a student's time and overweight that fact. Each item is reduced to the
 * set of stemmed content words of what it asks and what it teaches (statement or stem with key, and explanation),
 * each word weighted by its inverse document frequency over the bank; two items whose weighted sets have a cosine
 * similarity of SIMILARITY_THRESHOLD or more are flagged. Plain token-set Jaccard was tried first: on the bank of
 * 2026-12-04 (118 items) the merged duplicates scored 0.24-0.42 and distinct items of one chapter up to 0.33, so no
 * threshold separated them. With the weighting, four of the five most similar pairs of that bank were duplicates
 * merged since (0.41-0.50), and 0.4 is the threshold. A flagged pair that a reviewer judged to test different facts
 * goes in REVIEWED_DISTINCT with the difference; any other flagged pair must be merged (keep one id, alias the
 * other in bank/aliases.ts).
 */
import { describe, expect, it } from 'vitest';
import { CONCEPT_ITEMS } from '../../../../src/core/topics/concepts/bank/index.js';
import { similarPairs } from './cue-measures.js';

const SIMILARITY_THRESHOLD = 0.4;

/** Pairs above the threshold that test different facts, each with the difference. */
const REVIEWED_DISTINCT: Readonly<Record<string, string>> = {
  'transformer-sinusoid-even-odd + transformer-sinusoidal-property':
    'which dimensions use sine and cosine (paper 4(c)) versus why the encoding extrapolates and encodes offsets linearly',
};

const key = (a: string, b: string) => [a, b].sort().join(' + ');

describe('the concept bank has no near-duplicate items', () => {
  it(`flags no pair of items with a weighted token-set similarity of ${SIMILARITY_THRESHOLD} or more`, () => {
    const pairs = similarPairs(CONCEPT_ITEMS, 0);
    console.log(
      `near-duplicates: ${CONCEPT_ITEMS.length} items; most similar pairs: ` +
        pairs
          .slice(0, 5)
          .map((p) => `${p.a} / ${p.b} ${p.similarity.toFixed(2)}`)
          .join(', '),
    );
    const flagged = pairs
      .filter((p) => p.similarity >= SIMILARITY_THRESHOLD)
      .map((p) => key(p.a, p.b))
      .filter((k) => REVIEWED_DISTINCT[k] === undefined);
    expect(flagged).toEqual([]);
  });

  it('keeps every reviewed pair current (a reviewed pair that is no longer flagged is removed from the list)', () => {
    const flagged = new Set(similarPairs(CONCEPT_ITEMS, SIMILARITY_THRESHOLD).map((p) => key(p.a, p.b)));
    for (const reviewed of Object.keys(REVIEWED_DISTINCT)) expect(flagged, reviewed).toContain(reviewed);
  });
});
