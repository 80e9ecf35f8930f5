/**
 * /solution: the full worked solution. After it this student earns nothing more on the question; when the
 * solution is posted publicly (everyone in the scope sees it), nobody in the scope does.
 */
import type { ActiveQuestionError, EventRef, QuestionTarget, SolutionView } from './api.js';
import type { EngineDeps } from './deps.js';
import { loadTarget } from './load-target.js';
import { ok, type Result } from '../core/result.js';
import { solutionOf } from './solution-of.js';

export async function revealSolution(
  deps: EngineDeps,
  input: QuestionTarget & { public: boolean; event: EventRef },
): Promise<Result<SolutionView, ActiveQuestionError>> {
  const target = await loadTarget(deps, input);
  if (!target.ok) return target;
  const { user, record, instance, view } = target.value;
  // Both writes are idempotent (a flag, and a first-time-only timestamp), so a redelivered event is harmless.
  await deps.store.recordReveal({ questionId: record.id, userId: user.id });
  if (input.public) await deps.store.markQuestionRevealed({ questionId: record.id, at: deps.clock() });
  return ok({ question: view, ...solutionOf(instance) });
}
