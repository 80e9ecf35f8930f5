/**
 * Measures of the test-wiseness cues a student could use to answer a conceptual item without knowing the
 * subject: the key being the longest (or shortest) option, long statements being true, and items that test the
 * same fact twice. Pure functions over the bank, so the tests can print the numbers and compare them with chance.
 */
import { type ConceptItem, explanationOf } from '../../../../src/core/topics/concepts/item.js';

/** Share of a length rank held by the key: 1 if the key is alone at the extreme, 1/t if t options tie there. */
function extremeShare(
  lengths: readonly number[],
  key: number,
  pick: (a: number, b: number) => number,
): number {
  const extreme = lengths.reduce(pick);
  const tied = lengths.filter((l) => l === extreme).length;
  return lengths[key] === extreme ? 1 / tied : 0;
}

export interface OptionCue {
  /** Multiple-choice items measured. */
  readonly items: number;
  /** Mean over items of 1/k: the rate at which a random option would be the longest (or the shortest). */
  readonly chance: number;
  /** Share of items whose key is the longest option (ties split). */
  readonly longestRate: number;
  /** Share of items whose key is the shortest option (ties split). */
  readonly shortestRate: number;
  /** Share of items whose key is neither the longest nor the shortest option. */
  readonly middleRate: number;
  /** Mean over items of (k − 2)/k: the rate at which a random option would be neither. */
  readonly middleChance: number;
  /** Ids of items whose key is at least `standout` times as long as every distractor. */
  readonly standouts: readonly string[];
}

export function optionCue(items: readonly ConceptItem[], standout = 1.5): OptionCue {
  const choices = items.flatMap((i) => (i.kind === 'choice' ? [i] : []));
  let chance = 0;
  let longest = 0;
  let shortest = 0;
  const standouts: string[] = [];
  for (const item of choices) {
    const lengths = item.options.map((o) => o.text.length);
    const key = item.options.findIndex((o) => o.correct === true);
    chance += 1 / lengths.length;
    longest += extremeShare(lengths, key, (a, b) => Math.max(a, b));
    shortest += extremeShare(lengths, key, (a, b) => Math.min(a, b));
    const longestDistractor = Math.max(...lengths.filter((_, i) => i !== key));
    if ((lengths[key] ?? 0) >= standout * longestDistractor) standouts.push(item.id);
  }
  const n = choices.length;
  return {
    items: n,
    chance: chance / n,
    longestRate: longest / n,
    shortestRate: shortest / n,
    middleRate: 1 - (longest + shortest) / n,
    middleChance: 1 - (2 * chance) / n,
    standouts,
  };
}

export interface JudgedText {
  readonly id: string;
  readonly text: string;
  readonly true: boolean;
}

/** Every statement a student judges true or false: true/false items and both statements of two-statement items. */
export function judgedStatements(items: readonly ConceptItem[], kinds: 'true-false' | 'all'): JudgedText[] {
  return items.flatMap((item): JudgedText[] => {
    if (item.kind === 'true-false') return [{ id: item.id, text: item.statement, true: item.answer }];
    if (item.kind === 'two-statements' && kinds === 'all') {
      return item.statements.map((s, k) => ({ id: `${item.id}#${k + 1}`, text: s.text, true: s.true }));
    }
    return [];
  });
}

export interface LengthCue {
  readonly statements: number;
  readonly trueShare: number;
  readonly meanTrue: number;
  readonly meanFalse: number;
  /** meanTrue − meanFalse, in characters. */
  readonly gap: number;
  /** The gap over the pooled standard deviation of lengths (Cohen's d). */
  readonly effectSize: number;
  /** Share of True among the longest quarter of the statements. */
  readonly trueShareLongestQuartile: number;
  /** Share of True among the shortest quarter of the statements. */
  readonly trueShareShortestQuartile: number;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}

export function lengthCue(statements: readonly JudgedText[]): LengthCue {
  const trues = statements.filter((s) => s.true).map((s) => s.text.length);
  const falses = statements.filter((s) => !s.true).map((s) => s.text.length);
  const pooled = Math.sqrt(
    ((trues.length - 1) * variance(trues) + (falses.length - 1) * variance(falses)) /
      (trues.length + falses.length - 2),
  );
  // Sorted by length, ties broken by id so the quartiles do not depend on the bank's order.
  const sorted = [...statements].sort((a, b) => a.text.length - b.text.length || a.id.localeCompare(b.id));
  const q = Math.floor(sorted.length / 4);
  const share = (xs: readonly JudgedText[]) => xs.filter((s) => s.true).length / xs.length;
  const gap = mean(trues) - mean(falses);
  return {
    statements: statements.length,
    trueShare: share(statements),
    meanTrue: mean(trues),
    meanFalse: mean(falses),
    gap,
    effectSize: gap / pooled,
    trueShareLongestQuartile: share(sorted.slice(sorted.length - q)),
    trueShareShortestQuartile: share(sorted.slice(0, q)),
  };
}

/** Lower-case word tokens with the commonest function words removed. */
const STOP_WORDS = new Set(
  (
    'a an the of to in on for by with and or is are be it its as at from that this which than then so not no ' +
    'can does do has have each every one two what when why how into their they them if'
  ).split(' '),
);

export function tokens(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => !STOP_WORDS.has(w)));
}

/** The texts that carry an item's fact: the statement, the stem with its key, or both statements. */
export function factTexts(item: ConceptItem): string[] {
  if (item.kind === 'true-false') return [item.statement];
  if (item.kind === 'two-statements') return item.statements.map((s) => s.text);
  const key = item.options.find((o) => o.correct === true)?.text ?? '';
  return [`${item.stem} ${key}`];
}

/** Crude English stemming, enough to match "gradients" with "gradient" and "pooling" with "pool". */
function stem(word: string): string {
  return word.length > 4 ? word.replace(/(ing|ed|es|s)$/, '') : word;
}

/** The stemmed tokens of an item's fact texts and its explanation: what it asks and what it teaches. */
export function itemTokens(item: ConceptItem): Set<string> {
  const text = [...factTexts(item), explanationOf(item)].join(' ');
  return new Set([...tokens(text)].map(stem));
}

export interface SimilarPair {
  readonly a: string;
  readonly b: string;
  readonly similarity: number;
}

/**
 * Pairs of items whose token sets have a cosine similarity of at least `threshold` once each token is weighted by
 * its inverse document frequency over the bank, most similar first. The weighting matters: words every chapter
 * uses ("gradient", "layer", "network") say little, while two items sharing "pooling", "parameters" and "channel"
 * probably test the same fact.
 */
export function similarPairs(items: readonly ConceptItem[], threshold: number): SimilarPair[] {
  const sets = items.map(itemTokens);
  const df = new Map<string, number>();
  for (const set of sets) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = sets.map((set) => {
    const v = new Map([...set].map((t) => [t, Math.log(items.length / (df.get(t) ?? 1))]));
    const norm = Math.sqrt([...v.values()].reduce((a, x) => a + x * x, 0)) || 1;
    for (const [t, x] of v) v.set(t, x / norm);
    return v;
  });
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      let similarity = 0;
      for (const [t, x] of vectors[i]!) similarity += x * (vectors[j]!.get(t) ?? 0);
      if (similarity >= threshold) pairs.push({ a: items[i]!.id, b: items[j]!.id, similarity });
    }
  }
  return pairs.sort((p, q) => q.similarity - p.similarity);
}
