/**
 * Follow-through properties of one topic with a route, over 1,000 seeds (issue #8, item 3):
 * - with the exact carry, the route gives exactly solve()'s values;
 * - a student who writes every intermediate to the asked precision (computed in plain arithmetic by
 *   follow-through-students.ts, not by the topic's code) has every answer accepted, and a random wrong value for
 *   a part is still wrong;
 * - a student whose first carried part is clearly wrong, and who carries it forward, gets the later parts that
 *   follow from it, credited as following from that part; a topic whose parts are independent shows it instead:
 *   a wrong value for one part changes no other part's route value.
 */
import { describe, expect, it } from 'vitest';
import {
  carryOf,
  EXACT_CARRY,
  followThroughAlternatives,
  formatExpected,
  gradePart,
  kindOf,
  parseValue,
  sameNumeric,
  type Route,
} from '../../../src/core/answers/index.js';
import { createRng, type Rng } from '../../../src/core/rng.js';
import { buildQuestion, TOPICS } from '../../../src/core/topics/index.js';
import type { Expected, NumericValue, Part, QuestionInstance, Topic } from '../../../src/core/types.js';
import { STUDENTS, type Student } from './follow-through-students.js';

const SEEDS = 1_000;

/** The topics that have a route (each needs a student model in follow-through-students.ts). */
export const ROUTED_TOPICS: readonly Topic<unknown>[] = TOPICS.filter((t) => t.route !== undefined);

function typed(part: Part, value: NumericValue): string {
  return formatExpected({ ...part.expected, value } as Expected);
}

/** What the engine carries for a typed answer; a shape (no numeric value in its kind) as its dimensions. */
function reread(part: Part, text: string, value: NumericValue): NumericValue {
  const parsed = parseValue(text, part.expected);
  if (!parsed.ok) throw new Error(`${part.id}: "${text}" does not read back (${parsed.code})`);
  return kindOf(part.expected).numeric(parsed.value) ?? value;
}

/** Equal within 1e-9 relative (1e-12 absolute near 0), entry by entry. */
function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
  }
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => close(x, b[i]));
}

/** Cells of a number, vector or matrix, as [path, value] pairs (a path indexes nested arrays). */
function changeOneCell(value: NumericValue, pick: number, change: (x: number) => number): NumericValue {
  if (typeof value === 'number') return change(value);
  const flat = (value as readonly unknown[]).flat() as number[];
  const at = pick % flat.length;
  let k = 0;
  const walk = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(walk) : k++ === at ? change(v as number) : v;
  return walk(value) as NumericValue;
}

function unit(part: Part): number {
  const e = part.expected;
  if ((e.kind === 'number' || e.kind === 'vector' || e.kind === 'matrix') && e.integer !== true) {
    return 10 ** -(e.dp ?? 0);
  }
  return 1;
}

/** A clearly wrong value for a part: one cell off by many units of the asked precision. */
function randomWrong(part: Part, value: NumericValue, rng: Rng): NumericValue {
  const sign = rng.chance(0.5) ? 1 : -1;
  if (part.expected.kind === 'ratio' && Array.isArray(value)) {
    return [(value[0] as number) + rng.int(1, 50), value[1] as number];
  }
  if (part.expected.kind === 'shape') return changeOneCell(value, rng.int(0, 9), (d) => d + rng.int(1, 5));
  const u = unit(part);
  const steps = u === 1 ? rng.int(3, 50) : rng.int(25, 400);
  return changeOneCell(value, rng.int(0, 99), (x) => x + sign * steps * u);
}

/** The error a student makes in the first carried part: one cell clearly off. */
function firstError(part: Part, value: NumericValue): NumericValue {
  if (part.expected.kind === 'shape') return changeOneCell(value, 0, (d) => d + 1);
  return changeOneCell(value, 0, (x) => x + (unit(part) === 1 ? 2 : 0.5));
}

const exactValues = new WeakMap<QuestionInstance, Readonly<Record<string, NumericValue>>>();

/** The question's route, its exact values computed once (grading asks for them with every part). */
function routeOf(q: QuestionInstance): Route {
  const route = q.route;
  if (route === undefined) throw new Error(`${q.topicId} has no route`);
  return (carry) => {
    if (carry !== EXACT_CARRY) return route(carry);
    const known = exactValues.get(q);
    if (known !== undefined) return known;
    const values = route(carry);
    exactValues.set(q, values);
    return values;
  };
}

function alternatives(
  q: QuestionInstance,
  partId: string,
  given: Map<string, NumericValue>,
  wrong: Set<string>,
) {
  return followThroughAlternatives({ route: routeOf(q), parts: q.parts, partId, given, wrong });
}

function studentOf(topic: Topic<unknown>): Student {
  const s = STUDENTS[topic.id];
  if (s === undefined) throw new Error(`no student model for ${topic.id}`);
  return s;
}

/** The question-2 network topics (one shared route, the slowest to grade): run in their own test file. */
export const NETWORK_TOPICS: readonly string[] = ['mlp-forward', 'backprop-deltas', 'backprop-weights'];

export function describeFollowThrough(topicId: string): void {
  const topic = ROUTED_TOPICS.find((t) => t.id === topicId);
  if (topic === undefined) throw new Error(`${topicId} has no route`);
  describe(`follow-through: ${topicId}`, () => followThroughProperties(topic));
}

function followThroughProperties(topic: Topic<unknown>): void {
  const student = studentOf(topic);
  let built: QuestionInstance[] | undefined;
  const questions = (): QuestionInstance[] =>
    (built ??= Array.from({ length: SEEDS }, (_, i) => buildQuestion(topic, i + 1)));

  it('never throws, whatever values a student carries (zero, negative, fractional, huge)', () => {
    const rng = createRng(88);
    const odd = (): number => rng.pick([0, -1, 0.5, -2.75, 1e6, 1e15, 7, rng.decimal(-100, 100, 3)]);
    for (const q of questions().slice(0, 200)) {
      const route = routeOf(q);
      const exact = route(EXACT_CARRY);
      const given = new Map<string, NumericValue>();
      for (const [id, value] of Object.entries(exact)) {
        given.set(id, typeof value === 'number' ? odd() : changeOneCell(value, rng.int(0, 9), odd));
      }
      for (const rounded of [false, true]) {
        const values = route(carryOf({ parts: q.parts, given, rounded }));
        // Only values the exact route has: a carried value never invents a part.
        expect(Object.keys(values).filter((id) => !(id in exact))).toEqual([]);
      }
    }
  });

  it('with the exact carry, the route gives exactly the parts of solve()', () => {
    const failures: string[] = [];
    let values = 0;
    for (const q of questions()) {
      const exact = q.route?.(EXACT_CARRY) ?? {};
      for (const [id, value] of Object.entries(exact)) {
        // A route shared by several topics (the question-2 network) also names other topics' parts.
        const part = q.parts.find((p) => p.id === id);
        if (part === undefined) continue;
        values++;
        if (!close(value, part.expected.value))
          failures.push(`seed ${q.seed} ${id}: ${JSON.stringify(value)}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(values).toBeGreaterThan(0);
  });

  it('accepts every answer of a student who rounds each intermediate, and still rejects a random wrong value', () => {
    const rng = createRng(8);
    const failures: string[] = [];
    let graded = 0;
    for (const q of questions()) {
      const own = new Map<string, NumericValue>();
      for (const part of q.parts) {
        const value = student.answers(q.params, own, true)[part.id];
        if (value === undefined) continue;
        const text = typed(part, value);
        const alts = alternatives(q, part.id, own, new Set());
        const grade = gradePart(part, text, alts);
        graded++;
        if (grade.status !== 'correct') {
          failures.push(
            `seed ${q.seed} ${part.id}: "${text}" ${grade.status} (exact ${formatExpected(part.expected)})`,
          );
        }
        const wrongText = typed(part, randomWrong(part, value, rng));
        const wrongGrade = gradePart(part, wrongText, alts);
        if (wrongGrade.status !== 'wrong')
          failures.push(`seed ${q.seed} ${part.id}: "${wrongText}" ${wrongGrade.status}`);
        own.set(part.id, reread(part, text, value));
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(graded).toBeGreaterThan(SEEDS);
  });

  if (student.first === undefined) {
    it('has independent parts: a wrong value for one part changes no other part on the route', () => {
      const failures: string[] = [];
      for (const q of questions()) {
        const route = q.route;
        if (route === undefined) continue;
        const exact = route(EXACT_CARRY);
        for (const part of q.parts) {
          const value = exact[part.id];
          if (value === undefined) continue;
          const given = new Map([[part.id, firstError(part, value)]]);
          const carried = route(carryOf({ parts: q.parts, given, rounded: false }));
          for (const other of Object.keys(exact)) {
            if (other !== part.id && !sameNumeric(carried[other], exact[other])) {
              failures.push(`seed ${q.seed}: ${other} depends on ${part.id}`);
            }
          }
        }
      }
      expect(failures.slice(0, 5)).toEqual([]);
    });
    return;
  }
  const first = student.first;

  it('credits the later parts that follow from a wrong first part, saying which part they follow from', () => {
    const failures: string[] = [];
    let carried = 0;
    for (const q of questions()) {
      const firstId = first(q.params);
      const at = q.parts.findIndex((p) => p.id === firstId);
      const firstPart = q.parts[at];
      if (firstPart === undefined) continue;
      const wrongValue = firstError(firstPart, firstPart.expected.value as NumericValue);
      const wrongText = typed(firstPart, wrongValue);
      if (gradePart(firstPart, wrongText).status !== 'wrong')
        failures.push(`seed ${q.seed}: "${wrongText}" not wrong`);
      const own = new Map([[firstPart.id, reread(firstPart, wrongText, wrongValue)]]);
      const wrong = new Set([firstPart.id]);
      for (const part of q.parts.slice(at + 1)) {
        const value = student.answers(q.params, own, true)[part.id];
        if (value === undefined) continue;
        const text = typed(part, value);
        const grade = gradePart(part, text, alternatives(q, part.id, own, wrong));
        if (grade.status !== 'correct') {
          failures.push(
            `seed ${q.seed} ${part.id}: "${text}" ${grade.status} after ${firstPart.id} "${wrongText}"`,
          );
        }
        if ((grade.followThrough?.from ?? []).includes(firstPart.id)) carried++;
        else if (grade.status === 'correct') {
          // Credited without naming the error: the answer must then be right without it (exact or rounded route).
          const withoutError = gradePart(part, text, alternatives(q, part.id, new Map(), new Set()));
          if (withoutError.status !== 'correct') {
            failures.push(`seed ${q.seed} ${part.id}: credited without "follows from ${firstPart.id}"`);
          }
        }
        own.set(part.id, reread(part, text, value));
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(carried).toBeGreaterThan(0);
  });
}
