/**
 * Properties of every dense topic over 1,000 seeds: finite answers with the decimal places asked, worked
 * solutions whose part steps state exactly the graded answers, exam-like numbers, no degenerate draws (answers on
 * a rounding tie, slips a student could not tell from the answer), determinism and parameter round trips.
 */
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../../src/core/format.js';
import { createRng } from '../../../../src/core/rng.js';
import { denseTopics } from '../../../../src/core/topics/dense/index.js';
import { maxDifference, nearRoundingTie, roundsToZero } from '../../../../src/core/topics/dense/numbers.js';
import type { Part, Topic } from '../../../../src/core/types.js';

const SEEDS = 1_000;

function numbersOf(v: unknown): number[] {
  return [v].flat(3).filter((x): x is number => typeof x === 'number');
}

/** Everything wrong with one question, as readable strings (no expect() in the hot loop: it keeps 7,000 fast). */
function problemsOf(topic: Topic<unknown>, params: unknown): string[] {
  const problems: string[] = [];
  const fail = (msg: string): void => void problems.push(msg);
  const q = topic.question(params);
  const parts: readonly Part[] = topic.solve(params);
  const steps = topic.explain(params);
  if (JSON.stringify(q.parts.map((p) => p.id)) !== JSON.stringify(parts.map((p) => p.id)))
    fail('part ids differ');
  for (const part of parts) {
    const e = part.expected;
    const values = numbersOf(e.value);
    if (!values.every(Number.isFinite)) fail(`${part.id}: not finite`);
    const dp = 'dp' in e && e.dp !== undefined ? e.dp : 0;
    if (e.kind === 'number' || e.kind === 'vector' || e.kind === 'matrix') {
      if (e.integer) {
        if (!values.every(Number.isInteger)) fail(`${part.id}: integer part with a fraction`);
      } else {
        const prompt = q.parts.find((p) => p.id === part.id)?.prompt ?? '';
        if (!(dp > 0) || !prompt.includes(`${dp} decimal place`))
          fail(`${part.id}: decimal places not asked`);
        // Never on a rounding tie at the places asked: a student's rounding stays unambiguous.
        for (const v of values) if (nearRoundingTie(v, dp)) fail(`${part.id}: ${v} is on a rounding tie`);
        // Nor a non-zero value that rounds to 0 (uninformative, and a bare "0" would be graded as too coarse).
        for (const v of values) if (v !== 0 && roundsToZero(v, dp)) fail(`${part.id}: ${v} rounds to 0`);
      }
    }
    const last = steps.filter((s) => s.part === part.id).at(-1);
    if (!last?.result) {
      fail(`${part.id}: no step answers it`);
    } else if (e.kind === 'choice') {
      if (!String(last.result.value).startsWith(e.value)) fail(`${part.id}: step states another option`);
    } else if (JSON.stringify(last.result.value) !== JSON.stringify(e.value)) {
      fail(`${part.id}: step value ${JSON.stringify(last.result.value)} is not the answer`);
    }
    for (const slip of part.slips ?? []) {
      if (slip.message.length < 10) fail(`${part.id}/${slip.id}: no message`);
      if (!numbersOf(slip.value).every(Number.isFinite)) fail(`${part.id}/${slip.id}: not finite`);
      if (maxDifference(slip.value, e.value) < 10 ** -dp) fail(`${part.id}/${slip.id}: same as the answer`);
    }
  }
  const text = [q.text, ...q.parts.map((p) => p.prompt), ...q.givens.map((g) => formatValue(g.value))].join(
    '\n',
  );
  if (/NaN|undefined|Infinity|\[object/.test(text)) fail('question text shows a broken value');
  return problems;
}

describe.each(denseTopics.map((t) => [t.id, t] as const))('dense topic %s', (_id, topic) => {
  it(`gives ${SEEDS} valid, non-degenerate questions`, () => {
    const problems: string[] = [];
    for (let seed = 0; seed < SEEDS; seed++) {
      const params = topic.generate(createRng(seed * 7919 + 13));
      problems.push(...problemsOf(topic, params).map((p) => `seed ${seed}: ${p}`));
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('is deterministic for a seed and round-trips its parameters through JSON and parseParams', () => {
    for (let seed = 0; seed < 50; seed++) {
      const a = topic.generate(createRng(seed));
      expect(topic.generate(createRng(seed))).toEqual(a);
      const reparsed = topic.parseParams(JSON.parse(JSON.stringify(a)));
      expect(reparsed).toEqual(a);
      expect(topic.solve(reparsed)).toEqual(topic.solve(a));
    }
    const seeds = new Set(Array.from({ length: 20 }, (_, s) => JSON.stringify(topic.generate(createRng(s)))));
    expect(seeds.size, 'different seeds give different questions').toBeGreaterThan(15);
  });

  it('declares paper reference, groups and difficulty', () => {
    expect(topic.paperRef).toMatch(/^\d\(/);
    expect(topic.groups.length).toBeGreaterThan(0);
    expect([1, 2, 3]).toContain(topic.difficulty);
  });
});
