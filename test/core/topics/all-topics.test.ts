/**
 * Properties every registered topic must have, whatever its domain: 1,000 seeds per topic give valid, finite,
 * renderable questions whose worked solution ends in exactly the graded answers, and (topic, seed) determines the
 * question. Topic-specific tests (paper values, finite differences) live beside this file.
 */
import { describe, expect, it } from 'vitest';
import { EXACT_CARRY, gradePart } from '../../../src/core/answers/index.js';
import { formatValue } from '../../../src/core/format.js';
import { formatExpected } from '../../../src/core/answers/index.js';
import {
  buildFromParams,
  buildQuestion,
  GROUPS,
  resolveSelection,
  TOPICS,
} from '../../../src/core/topics/index.js';
import type { Expected, QuestionInstance, Value } from '../../../src/core/types.js';

const SEEDS = 1_000;

/** A question as plain data: its route (a closure, compared by identity) as its values on the exact carry. */
function comparable(q: QuestionInstance): unknown {
  const { route, ...rest } = q;
  return { ...rest, route: route?.(EXACT_CARRY) };
}

function finiteDeep(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(finiteDeep);
  return true;
}

/** Does a step's result value state exactly the part's expected answer? */
function stepStatesAnswer(value: Value, expected: Expected): boolean {
  switch (expected.kind) {
    case 'number':
    case 'vector':
    case 'matrix':
    case 'shape':
      return JSON.stringify(value) === JSON.stringify(expected.value);
    case 'ratio':
      return (
        JSON.stringify(value) === JSON.stringify(expected.value) ||
        (typeof value === 'string' &&
          value.replace(/\s/g, '') === `${expected.value[0]}:${expected.value[1]}`)
      );
    case 'boolean':
      return (
        typeof value === 'string' &&
        /^(t|true|f|false)$/i.test(value.trim()) &&
        /^t/i.test(value.trim()) === expected.value
      );
    case 'choice':
      return typeof value === 'string' && value.trim().toUpperCase().startsWith(expected.value.toUpperCase());
  }
}

function checkInstance(q: QuestionInstance): void {
  expect(q.question.text.trim().length).toBeGreaterThan(10);
  expect(q.parts.length).toBeGreaterThan(0);
  expect(q.question.parts.map((p) => p.id)).toEqual(q.parts.map((p) => p.id));
  expect(new Set(q.parts.map((p) => p.id)).size).toBe(q.parts.length);
  for (const g of q.question.givens) {
    expect(finiteDeep(g.value), `given ${g.name}`).toBe(true);
    expect(formatValue(g.value)).not.toMatch(/NaN|undefined|Infinity/);
  }
  for (const part of q.parts) {
    expect(finiteDeep(part.expected.value), `part ${part.id}`).toBe(true);
    const steps = q.steps.filter((s) => s.part === part.id);
    expect(steps.length, `a step answers part ${part.id}`).toBeGreaterThan(0);
    const last = steps.at(-1)!;
    expect(last.result, `step for ${part.id} has a result`).toBeDefined();
    expect(
      stepStatesAnswer(last.result!.value, part.expected),
      `step value of ${part.id} equals the answer`,
    ).toBe(true);
    const typed = formatExpected(part.expected, { exact: true });
    expect(gradePart(part, typed).status, `exact answer ${typed} to ${part.id} is graded correct`).toBe(
      'correct',
    );
    for (const slip of part.slips ?? []) {
      const slipTyped = formatExpected({ ...part.expected, value: slip.value } as Expected, { exact: true });
      if (slipTyped !== typed) {
        expect(gradePart(part, slipTyped).status, `slip ${slip.id} is not graded correct`).not.toBe(
          'correct',
        );
      }
    }
  }
  const text = [
    q.question.text,
    ...q.question.parts.map((p) => p.prompt),
    ...q.steps.flatMap((s) => [
      s.title,
      s.formula ?? '',
      s.substitution ?? '',
      s.note ?? '',
      s.result ? formatValue(s.result.value) : '',
    ]),
  ].join('\n');
  expect(text).not.toMatch(/NaN|undefined|\[object Object\]|Infinity/);
}

describe('topic registry', () => {
  it('has topics in every group the product promises, with unique kebab-case ids', () => {
    const ids = TOPICS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const group of ['mlp', 'cnn', 'rnn', 'transformer', 'gradients', 'concepts'] as const) {
      const sel = resolveSelection(group);
      expect(sel?.kind, group).toBe('group');
      expect(sel && sel.kind === 'group' ? sel.topics.length : 0, `topics in ${group}`).toBeGreaterThan(0);
    }
    expect(GROUPS.map((g) => g.id)).not.toContain(ids[0]);
  });

  it('resolves the empty selector to every topic and rejects unknown ones', () => {
    expect(resolveSelection(undefined)?.kind).toBe('any');
    expect(resolveSelection('  CNN ')?.kind).toBe('group');
    expect(resolveSelection('definitely-not-a-topic')).toBeUndefined();
  });
});

describe.each(TOPICS.map((t) => [t.id, t] as const))('topic %s', (_id, topic) => {
  it(`builds ${SEEDS} valid questions whose solutions end in the graded answers`, () => {
    for (let seed = 0; seed < SEEDS; seed++) checkInstance(buildQuestion(topic, seed * 7919 + 1));
  });

  it('is determined by (topic, seed) and its parameters round-trip through parseParams', () => {
    for (const seed of [0, 1, 2, 123456, 2_147_483_647]) {
      const a = buildQuestion(topic, seed);
      const b = buildQuestion(topic, seed);
      expect(comparable(b)).toEqual(comparable(a));
      const reparsed = topic.parseParams(JSON.parse(JSON.stringify(a.params)));
      expect(comparable(buildFromParams(topic, reparsed, seed))).toEqual(comparable(a));
    }
  });

  it('rejects nonsense parameters with a readable TopicParamsError', () => {
    for (const bad of [null, 42, 'x', {}, { nonsense: true }]) {
      expect(() => topic.parseParams(bad)).toThrowError(
        expect.objectContaining({ name: 'TopicParamsError' }),
      );
    }
  });
});
