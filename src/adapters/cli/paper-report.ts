/**
 * Works the paper's questions with their own parameters and compares each printed answer with the computed one.
 * Pure: takes the question list, returns a report the paper command prints as text or JSON.
 */
import type { PaperQuestion } from '../../core/paper/types.js';
import { buildFromParams, findTopic } from '../../core/topics/index.js';
import { type QuestionInstance, TopicParamsError } from '../../core/types.js';
import { type Agreement, type Comparison, comparePrinted } from './paper-compare.js';

export type PaperEntry =
  | {
      readonly ok: true;
      readonly ref: string;
      readonly question: QuestionInstance;
      readonly paperRef?: string;
      readonly note?: string;
      readonly comparisons: readonly Comparison[];
    }
  /** The entry could not be worked (unknown topic, parameters the topic rejects): a data error to fix. */
  | { readonly ok: false; readonly ref: string; readonly topicId: string; readonly error: string };

export interface PaperReport {
  readonly entries: readonly PaperEntry[];
  readonly counts: Readonly<Record<Agreement, number>>;
  /** 'part of ref' for every printed answer that differs from the computed one, e.g. 'u3 of 2(b), 2(c)'. */
  readonly differing: readonly string[];
  readonly failed: number;
}

function workOne(q: PaperQuestion): PaperEntry {
  const topic = findTopic(q.topicId);
  if (topic === undefined)
    return { ok: false, ref: q.ref, topicId: q.topicId, error: `no topic "${q.topicId}"` };
  let question: QuestionInstance;
  try {
    question = buildFromParams(topic, topic.parseParams(q.params), 0);
  } catch (error) {
    const message =
      error instanceof TopicParamsError ? error.message : 'the topic failed on these parameters';
    return { ok: false, ref: q.ref, topicId: q.topicId, error: message };
  }
  return {
    ok: true,
    ref: q.ref,
    question,
    ...(topic.paperRef === undefined ? {} : { paperRef: topic.paperRef }),
    ...(q.note === undefined ? {} : { note: q.note }),
    comparisons: q.printed.map((p) => comparePrinted(question.parts, p)),
  };
}

export function workPaper(questions: readonly PaperQuestion[]): PaperReport {
  const entries = questions.map(workOne);
  const counts: Record<Agreement, number> = {
    agrees: 0,
    'agrees-coarsely': 0,
    differs: 0,
    'not-compared': 0,
    'unknown-part': 0,
  };
  const differing: string[] = [];
  for (const e of entries) {
    if (!e.ok) continue;
    for (const c of e.comparisons) {
      counts[c.status]++;
      if (c.status === 'differs') differing.push(`${c.partId} of ${e.ref}`);
    }
  }
  return { entries, counts, differing, failed: entries.filter((e) => !e.ok).length };
}
