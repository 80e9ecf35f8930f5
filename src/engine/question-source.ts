/**
 * Builds questions from (topic, seed) and turns stored question records into QuestionViews. Built questions are
 * kept in an LRU cache keyed by topic + seed: they are derivable, not user state, so every process may cache them
 * and any process can rebuild any question from the database alone.
 */
import { buildQuestion } from '../core/topics/index.js';
import type { QuestionInstance, Topic } from '../core/types.js';
import type { QuestionRecord } from './ports/store.js';
import type { QuestionView } from './api.js';
import type { Catalog } from './catalog.js';
import { LruCache } from './lru-cache.js';
import { partView } from './part-states.js';
import { MAX_TRIES } from './rules.js';

export interface BuiltQuestion {
  readonly instance: QuestionInstance;
  readonly view: QuestionView;
}

export interface QuestionSource {
  /** The built question for a topic and seed (cached). */
  instance(topic: Topic<unknown>, seed: number): QuestionInstance;
  /** The question a stored record shows, or undefined when its topic no longer exists. */
  fromRecord(record: QuestionRecord): BuiltQuestion | undefined;
}

export function createQuestionSource(catalog: Catalog, capacity: number): QuestionSource {
  const cache = new LruCache<string, QuestionInstance>(capacity);
  const instance = (topic: Topic<unknown>, seed: number): QuestionInstance =>
    cache.getOrCreate(`${topic.id}#${seed}`, () => buildQuestion(topic, seed));
  return {
    instance,
    fromRecord(record) {
      const topic = catalog.findTopic(record.topicId);
      if (!topic) return undefined;
      const built = instance(topic, record.seed);
      return { instance: built, view: questionView(String(record.id), built) };
    },
  };
}

/** Hints reveal the worked solution's steps one at a time, all but the last (which is the full answer). */
export function hintCountOf(instance: QuestionInstance): number {
  return Math.max(0, instance.steps.length - 1);
}

export function questionView(questionId: string, instance: QuestionInstance): QuestionView {
  return {
    questionId,
    topicId: instance.topicId,
    title: instance.title,
    difficulty: instance.difficulty,
    seed: instance.seed,
    question: instance.question,
    parts: instance.parts.map(partView),
    hintCount: hintCountOf(instance),
    maxTries: MAX_TRIES,
  };
}

/** Question ids are the store's positive integer ids, as decimal strings. */
export function parseQuestionId(questionId: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(questionId)) return undefined;
  const n = Number(questionId);
  return Number.isSafeInteger(n) ? n : undefined;
}
