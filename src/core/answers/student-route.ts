/**
 * A student's own route through a multi-step question: the values they gave for each part (their earlier tries,
 * then this message's answers in question order), so a later part can be credited when it follows from them.
 * Used by the engine (with the student's recorded tries) and by the CLI's `check` (one message).
 */
import type { NumericValue, Part, QuestionInstance } from '../types.js';
import { followThroughAlternatives } from './follow-through.js';
import type { Alternative } from './grade.js';
import { kindOf } from './kinds/index.js';
import { parseValue } from './parse-value.js';
import type { PartGrade } from './types.js';

export interface StudentRoute {
  /** The follow-through alternatives of one part (none when the topic has no route). */
  alternatives(partId: string): readonly Alternative[];
  /** Takes a graded answer into the route (its value is carried into later parts). */
  record(part: Part, grade: PartGrade): void;
}

/** An earlier answer: the text given for a part, and whether it was graded wrong. */
export interface EarlierAnswer {
  readonly partId: string;
  readonly text: string;
  readonly wrong: boolean;
}

export function studentRoute(
  instance: Pick<QuestionInstance, 'parts' | 'route'>,
  earlier: readonly EarlierAnswer[] = [],
): StudentRoute {
  const route = instance.route;
  const given = new Map<string, NumericValue>();
  const wrong = new Set<string>();
  const take = (part: Part, text: string, isWrong: boolean): void => {
    const parsed = parseValue(text, part.expected);
    const value = parsed.ok ? kindOf(part.expected).numeric(parsed.value) : undefined;
    if (value === undefined) return;
    given.set(part.id, value);
    if (isWrong) wrong.add(part.id);
    else wrong.delete(part.id);
  };
  if (route !== undefined) {
    for (const e of earlier) {
      const part = instance.parts.find((p) => p.id === e.partId);
      if (part !== undefined) take(part, e.text, e.wrong);
    }
  }
  return {
    alternatives(partId) {
      if (route === undefined) return [];
      return followThroughAlternatives({ route, parts: instance.parts, partId, given, wrong });
    },
    record(part, grade) {
      if (route === undefined || (grade.status !== 'correct' && grade.status !== 'wrong')) return;
      take(part, grade.typed, grade.status === 'wrong');
    },
  };
}
