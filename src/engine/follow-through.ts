/** The student's route for follow-through marking, from their latest recorded try on each part. */
import { studentRoute, type StudentRoute } from '../core/answers/index.js';
import type { QuestionInstance } from '../core/types.js';
import type { AttemptRecord } from './ports/store.js';

export function routeOf(instance: QuestionInstance, attempts: readonly AttemptRecord[]): StudentRoute {
  const latest = new Map<string, AttemptRecord>();
  for (const a of attempts) {
    const seen = latest.get(a.partId);
    if (seen === undefined || a.tryNo > seen.tryNo) latest.set(a.partId, a);
  }
  return studentRoute(
    instance,
    [...latest.values()].map((a) => ({ partId: a.partId, text: a.answer, wrong: a.status === 'wrong' })),
  );
}
