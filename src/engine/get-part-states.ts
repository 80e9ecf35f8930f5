/** Read-only: the student's state on every part (Discord's answer modal offers only the open ones). */
import type { ActiveQuestionError, PartState, QuestionTarget, QuestionView } from './api.js';
import type { EngineDeps } from './deps.js';
import { loadTarget, stateOf } from './load-target.js';
import { partStates } from './part-states.js';
import { ok, type Result } from '../core/result.js';

export async function getPartStates(
  deps: EngineDeps,
  input: QuestionTarget,
): Promise<
  Result<{ readonly question: QuestionView; readonly parts: readonly PartState[] }, ActiveQuestionError>
> {
  const target = await loadTarget(deps, input);
  if (!target.ok) return target;
  const { instance, view } = target.value;
  const state = await stateOf(deps, target.value);
  return ok({ question: view, parts: partStates(instance.parts, state.attempts) });
}
