/**
 * Which typed text answers which part: free chat text is split over the question's parts (letters like
 * "a) 45 b) 220", one answer per line, or the next open part); a Discord modal gives one text per part id.
 * Answers to parts the student has settled (solved, or out of tries) are set apart, to be reported, never graded
 * as another part.
 */
import { MAX_ANSWER_LENGTH, splitAnswer, type PartText } from '../core/answers/index.js';
import type { Part } from '../core/types.js';
import type { AnswerInput, PartState, SubmitError } from './api.js';
import { err, ok, type Result } from '../core/result.js';

export interface Targets {
  /** Texts for open parts, in question order. */
  readonly answers: readonly PartText[];
  /** Parts named by the submission that are already settled. */
  readonly settled: readonly PartState[];
}

/** Refuses empty and oversized answers before anything is read from the store. */
export function checkAnswerSize(answer: AnswerInput): Result<true, SubmitError> {
  const texts = 'text' in answer ? [answer.text] : Object.values(answer.parts);
  if (texts.some((t) => t.trim().length > MAX_ANSWER_LENGTH)) {
    return err('answer-too-long', { limit: MAX_ANSWER_LENGTH });
  }
  if (texts.every((t) => t.trim().length === 0)) return err('empty-answer');
  return ok(true);
}

export function answerTargets(
  answer: AnswerInput,
  parts: readonly Part[],
  states: readonly PartState[],
): Result<Targets, SubmitError> {
  const open = new Set(states.filter((s) => s.status === 'open').map((s) => s.id));
  let texts: readonly PartText[];
  if ('parts' in answer) {
    const entries = Object.entries(answer.parts).filter(([, text]) => text.trim().length > 0);
    const unknown = entries.map(([id]) => id).filter((id) => !parts.some((p) => p.id === id));
    if (unknown.length > 0)
      return err('unknown-part', { labels: unknown, letters: states.map((s) => s.letter) });
    texts = entries.map(([partId, text]) => ({ partId, text: text.trim() }));
  } else {
    const split = splitAnswer(answer.text, parts, open);
    if (!split.ok) {
      switch (split.code) {
        case 'empty':
          return err('empty-answer');
        case 'too-long':
          return err('answer-too-long', { limit: MAX_ANSWER_LENGTH });
        case 'unknown-part':
          return err('unknown-part', { labels: split.labels ?? [], letters: states.map((s) => s.letter) });
        case 'needs-labels':
          return err('needs-labels', {
            letters: states.filter((s) => s.status === 'open').map((s) => s.letter),
          });
      }
    }
    texts = split.answers.filter((a) => a.text.trim().length > 0);
  }
  const named = new Set(texts.map((t) => t.partId));
  return ok({
    answers: parts.flatMap((p) => texts.filter((t) => t.partId === p.id && open.has(p.id))),
    settled: states.filter((s) => named.has(s.id) && s.status !== 'open'),
  });
}
