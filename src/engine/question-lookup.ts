/** Reading questions back: by id, by the platform message that shows them; and recording that message. */
import type { Place, QuestionView } from './api.js';
import type { EngineDeps } from './deps.js';
import { ensureScope } from './load-target.js';
import { parseQuestionId } from './question-source.js';

export async function getQuestion(deps: EngineDeps, questionId: string): Promise<QuestionView | undefined> {
  const id = parseQuestionId(questionId);
  const record = id === undefined ? undefined : await deps.store.getQuestion(id);
  return record ? deps.questions.fromRecord(record)?.view : undefined;
}

export async function attachMessage(
  deps: EngineDeps,
  input: { questionId: string; messageId: string },
): Promise<void> {
  const id = parseQuestionId(input.questionId);
  if (id === undefined) throw new RangeError(`not a question id: ${input.questionId}`);
  await deps.store.setQuestionMessage({ questionId: id, messageId: input.messageId });
}

export async function findQuestionByMessage(
  deps: EngineDeps,
  input: { place: Place; messageId: string },
): Promise<QuestionView | undefined> {
  const scope = await ensureScope(deps, input.place.scope);
  const record = await deps.store.findQuestionByMessage({ scopeId: scope.id, messageId: input.messageId });
  return record ? deps.questions.fromRecord(record)?.view : undefined;
}
