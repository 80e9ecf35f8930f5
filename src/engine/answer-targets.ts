/**
 * Which typed text answers which part: free chat text is split over the student's open parts (labels like
 * "a) 45 b) 220", one answer per line, or the next open part); a Discord modal gives one text per part id.
 */
import { MAX_ANSWER_LENGTH, splitAnswer } from '../core/answers/index.js';
import type { AnswerPart } from '../core/types.js';
import type { AnswerInput, SubmitError } from './api.js';
import type { PartStatus } from './part-states.js';
import { err, ok, type Result } from '../core/result.js';

export interface PartAnswer {
  readonly partId: string;
  readonly text: string;
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

/**
 * The answers of this submission, or an error. `states` are the student's part states; only open parts can be
 * answered. An empty list means every part the student addressed is already solved or out of tries.
 */
export function answerTargets(
  answer: AnswerInput,
  parts: readonly AnswerPart[],
  states: readonly PartStatus[],
): Result<readonly PartAnswer[], SubmitError> {
  const open = new Set(states.filter((s) => s.state === 'open').map((s) => s.id));
  if ('parts' in answer) {
    const entries = Object.entries(answer.parts).filter(([, text]) => text.trim().length > 0);
    const unknown = entries.map(([id]) => id).filter((id) => !parts.some((p) => p.id === id));
    if (unknown.length > 0) return err('unknown-part', { partIds: unknown });
    // In question order, open parts only (a modal may repeat a part the student solved meanwhile).
    return ok(
      parts.flatMap((p) => {
        const text = answer.parts[p.id];
        return text !== undefined && text.trim().length > 0 && open.has(p.id)
          ? [{ partId: p.id, text: text.trim() }]
          : [];
      }),
    );
  }
  const openParts = parts
    .filter((p) => open.has(p.id))
    .map((p) => ({ id: p.id, label: partHandle(p), expected: p.expected }));
  if (openParts.length === 0) return ok([]);
  const split = splitAnswer(answer.text, openParts);
  if (split.ok) return ok(split.answers.filter((a) => a.text.trim().length > 0));
  switch (split.code) {
    case 'empty':
      return err('empty-answer');
    case 'too-long':
      return err('answer-too-long', { limit: MAX_ANSWER_LENGTH });
    case 'unknown-part':
      return err('unknown-part', { partIds: split.partIds ?? [] });
  }
}

/**
 * What a student types to label a part: the letter of a label written "(a) parameters of ..." (that is how
 * questions number their parts), otherwise the label itself. Part ids are always accepted as well.
 */
export function partHandle(part: Pick<AnswerPart, 'label'>): string {
  const letter = /^\(([a-z])\)(?:\s|$)/i.exec(part.label.trim());
  return letter?.[1] ?? part.label;
}

/** Which answered parts were addressed by a submission when none of them is open any more. */
export function addressedParts(answer: AnswerInput, parts: readonly AnswerPart[]): readonly string[] {
  if ('parts' in answer) {
    return parts.filter((p) => (answer.parts[p.id] ?? '').trim().length > 0).map((p) => p.id);
  }
  return parts.map((p) => p.id);
}
