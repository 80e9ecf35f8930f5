/**
 * The student's own route through a multi-step question: the values they gave for each part (latest recorded
 * try, then this submission's answers, in order), so a later part can be credited when it follows from them.
 */
import {
  followThroughAlternatives,
  kindOf,
  parseValue,
  type Alternative,
  type PartGrade,
} from '../core/answers/index.js';
import type { NumericValue, Part, QuestionInstance } from '../core/types.js';
import type { AttemptRecord } from './ports/store.js';

export interface StudentValues {
  readonly given: Map<string, NumericValue>;
  /** Parts whose given value was graded wrong (their errors may be carried forward). */
  readonly wrong: Set<string>;
  /** Takes this submission's grade of a part into the route. */
  record(part: Part, grade: PartGrade): void;
}

function numericOf(part: Part, text: string): NumericValue | undefined {
  const parsed = parseValue(text, part.expected);
  return parsed.ok ? kindOf(part.expected).numeric(parsed.value) : undefined;
}

export function studentValues(instance: QuestionInstance, attempts: readonly AttemptRecord[]): StudentValues {
  const given = new Map<string, NumericValue>();
  const wrong = new Set<string>();
  const set = (part: Part, text: string, isWrong: boolean): void => {
    const value = numericOf(part, text);
    if (value === undefined) return;
    given.set(part.id, value);
    if (isWrong) wrong.add(part.id);
    else wrong.delete(part.id);
  };
  if (instance.route !== undefined) {
    for (const part of instance.parts) {
      let latest: AttemptRecord | undefined;
      for (const a of attempts) if (a.partId === part.id && (latest === undefined || a.tryNo > latest.tryNo)) latest = a;
      if (latest !== undefined) set(part, latest.answer, latest.status === 'wrong' && latest.credit < 1);
    }
  }
  return {
    given,
    wrong,
    record(part, grade) {
      if (instance.route === undefined || (grade.status !== 'correct' && grade.status !== 'wrong')) return;
      set(part, grade.typed, grade.status === 'wrong');
    },
  };
}

/** The follow-through alternatives of one part for this student (none when the topic has no route). */
export function followThroughFor(
  instance: QuestionInstance,
  partId: string,
  own: StudentValues,
): readonly Alternative[] {
  if (instance.route === undefined) return [];
  return followThroughAlternatives({
    route: instance.route,
    parts: instance.parts,
    partId,
    given: own.given,
    wrong: own.wrong,
  });
}
