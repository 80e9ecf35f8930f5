/**
 * The topic registry. To add a topic: write one file in the right folder, add it to that folder's index.ts
 * list, and follow the checklist in CONTRIBUTING.md. Everything else (commands, /topics, grading) picks it up.
 */
import type { Carry, GroupId, Part, QuestionInstance, Topic } from '../types.js';
import { askedPrecision, EXACT_CARRY } from '../answers/follow-through.js';
import { createRng } from '../rng.js';
import { conceptTopics } from './concepts/index.js';
import { convTopics } from './conv/index.js';
import { denseTopics } from './dense/index.js';
import { GROUPS, isGroupId } from './groups.js';
import { sequenceTopics } from './sequence/index.js';
import { tensorTopics } from './tensor/index.js';

export { GROUPS, isGroupId } from './groups.js';

export const TOPICS: readonly Topic<unknown>[] = [
  ...denseTopics,
  ...tensorTopics,
  ...convTopics,
  ...sequenceTopics,
  ...conceptTopics,
];

const byId = new Map(TOPICS.map((t) => [t.id, t]));

export function findTopic(id: string): Topic<unknown> | undefined {
  return byId.get(id.trim().toLowerCase());
}

export function topicsInGroup(group: GroupId): Topic<unknown>[] {
  return TOPICS.filter((t) => t.groups.includes(group));
}

/** What `/quiz <selector>` means: one topic, a group of topics, or (empty selector) any topic. */
export type Selection =
  | { readonly kind: 'topic'; readonly topic: Topic<unknown> }
  | { readonly kind: 'group'; readonly group: GroupId; readonly topics: readonly Topic<unknown>[] }
  | { readonly kind: 'any'; readonly topics: readonly Topic<unknown>[] };

/** Resolves a user's selector; undefined when it names neither a topic nor a group. */
export function resolveSelection(selector: string | undefined): Selection | undefined {
  const s = (selector ?? '').trim().toLowerCase();
  if (s === '' || s === 'any' || s === 'all' || s === 'random') return { kind: 'any', topics: TOPICS };
  const topic = byId.get(s);
  if (topic) return { kind: 'topic', topic };
  if (isGroupId(s)) return { kind: 'group', group: s, topics: topicsInGroup(s) };
  return undefined;
}

/** Topic ids and group ids closest to a mistyped selector (for "did you mean ...?"). */
export function suggestSelectors(selector: string, max = 3): string[] {
  const s = selector.trim().toLowerCase();
  const names = [...GROUPS.map((g) => g.id), ...TOPICS.map((t) => t.id)];
  return names
    .map((name) => ({ name, d: editDistance(s, name) - (name.includes(s) && s.length >= 2 ? 3 : 0) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(x.name.length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .map((x) => x.name);
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** Builds the question for given parameters (used for seeds and for hand-typed past-paper parameters). */
export function buildFromParams(topic: Topic<unknown>, params: unknown, seed: number): QuestionInstance {
  const parts = topic.solve(params);
  const question = topic.question(params);
  const exact = topic.route?.(params, EXACT_CARRY);
  const note = exact === undefined ? undefined : roundingNote(parts, exact);
  return {
    topicId: topic.id,
    seed,
    params,
    title: topic.title,
    difficulty: topic.difficulty,
    question: note === undefined ? question : { ...question, text: `${question.text} ${note}` },
    parts,
    steps: topic.explain(params),
    ...(exact === undefined ? {} : { route: (carry: Carry) => topic.route?.(params, carry) ?? {} }),
  };
}

/**
 * The follow-through convention, stated in the question as an exam states it: only when the route carries values
 * for several parts (a later part can follow from an earlier one) or a precision is asked for intermediates.
 */
function roundingNote(parts: readonly Part[], exact: Readonly<Record<string, unknown>>): string | undefined {
  const carried = parts.filter((p) => exact[p.id] !== undefined).length;
  if (carried === 0) return undefined;
  const dp = askedPrecision(parts);
  const rounding =
    dp === undefined ? '' : `You may round intermediate values to ${dp} decimal place${dp === 1 ? '' : 's'}.`;
  const follow = carried > 1 ? ' Later parts are marked from your own earlier answers (follow-through).' : '';
  const text = `${rounding}${follow}`.trim();
  return text === '' ? undefined : text;
}

/** Rebuilds a question from (topic, seed): the only thing the database stores about a question's numbers. */
export function buildQuestion(topic: Topic<unknown>, seed: number): QuestionInstance {
  return buildFromParams(topic, topic.generate(createRng(seed)), seed);
}
