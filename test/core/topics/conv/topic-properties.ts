/**
 * Properties shared by the conv, sequence and tensor topic tests: over many seeds, every question is finite, its
 * worked solution states exactly the graded answers, its slips are distinct wrong answers of the right form, it is
 * rebuilt identically from (topic, seed), and its parameters survive a JSON round trip through parseParams.
 */
import { expect } from 'vitest';
import { EXACT_CARRY } from '../../../../src/core/answers/index.js';
import { createRng } from '../../../../src/core/rng.js';
import { buildFromParams, buildQuestion } from '../../../../src/core/topics/index.js';
import type { Part, Expected, QuestionInstance, Topic } from '../../../../src/core/types.js';

export function finiteDeep(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(finiteDeep);
  return true;
}

/** A question as plain data: its route (a closure, compared by identity) as its values on the exact carry. */
function comparable(q: QuestionInstance): unknown {
  const { route, ...rest } = q;
  return { ...rest, route: route?.(EXACT_CARRY) };
}

/** The value a step should state for a part: ratios are stated as "a:b". */
function stated(expected: Expected): unknown {
  return expected.kind === 'ratio' ? `${expected.value[0]}:${expected.value[1]}` : expected.value;
}

function sameForm(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return typeof a === typeof b;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameForm(x, b[i]));
  }
  return false;
}

function checkSlips(part: Part): void {
  const slips = part.slips ?? [];
  expect(new Set(slips.map((s) => JSON.stringify(s.value))).size, `slips of ${part.id} distinct`).toBe(
    slips.length,
  );
  for (const slip of slips) {
    expect(JSON.stringify(slip.value), `slip ${slip.id} of ${part.id} differs`).not.toBe(
      JSON.stringify(part.expected.value),
    );
    expect(finiteDeep(slip.value)).toBe(true);
    expect(slip.message.length).toBeGreaterThan(10);
    if (part.expected.kind !== 'shape') expect(sameForm(slip.value, part.expected.value), slip.id).toBe(true);
  }
}

/** Runs the shared properties over `seeds` seeds; returns the generated params for topic-specific checks. */
export function checkTopicProperties<P>(topic: Topic<P>, seeds = 1000): P[] {
  const all: P[] = [];
  for (let i = 0; i < seeds; i++) {
    const seed = i * 7919 + 3;
    const q = buildQuestion(topic, seed);
    const params = q.params as P;
    all.push(params);
    expect(q.question.parts.map((p) => p.id)).toEqual(q.parts.map((p) => p.id));
    for (const part of q.parts) {
      expect(finiteDeep(part.expected.value), part.id).toBe(true);
      const answering = q.steps.filter((s) => s.part === part.id);
      expect(answering.length, `one step answers ${part.id}`).toBe(1);
      expect(answering[0]?.result?.value).toEqual(stated(part.expected));
      checkSlips(part);
    }
    const reparsed = topic.parseParams(JSON.parse(JSON.stringify(params)));
    expect(reparsed).toEqual(params);
    if (i % 50 === 0) {
      // Same seed, same question; the same question from the re-parsed parameters.
      expect(topic.generate(createRng(seed))).toEqual(params);
      expect(comparable(buildQuestion(topic as Topic<unknown>, seed))).toEqual(comparable(q));
      expect(comparable(buildFromParams(topic as Topic<unknown>, reparsed, seed))).toEqual(comparable(q));
    }
  }
  return all;
}

/** Expects parseParams to refuse the input with a TopicParamsError whose message matches. */
export function expectParamsError<P>(topic: Topic<P>, input: unknown, message: RegExp): void {
  expect(() => topic.parseParams(input)).toThrowError(
    expect.objectContaining({ name: 'TopicParamsError', message: expect.stringMatching(message) }),
  );
}

export function partById(parts: readonly Part[], id: string): Part {
  const part = parts.find((p) => p.id === id);
  if (part === undefined) throw new Error(`no part ${id}`);
  return part;
}

export function slipValue(part: Part, id: string): unknown {
  return part.slips?.find((s) => s.id === id)?.value;
}
