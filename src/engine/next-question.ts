/** /next: a fresh question on the same topic as the target question, posted in the caller's place. */
import type { ActiveQuestionError, EventRef, QuestionTarget, QuestionView } from './api.js';
import type { EngineDeps } from './deps.js';
import { eventKey } from './event-key.js';
import { ensureScope, loadTarget } from './load-target.js';
import { drawSeed } from './pick.js';
import { alreadyPosted } from './reply-lease.js';
import { err, ok, type Result } from '../core/result.js';

export async function nextQuestion(
  deps: EngineDeps,
  input: QuestionTarget & { event: EventRef },
): Promise<Result<QuestionView, ActiveQuestionError>> {
  const target = await loadTarget(deps, input);
  if (!target.ok) return target;
  const { user, record } = target.value;
  const scope = await ensureScope(deps, input.place.scope);
  const { question: posted, created } = await deps.store.createQuestion({
    eventKey: eventKey(input.actor.platform, 'next', input.event.eventId),
    scopeId: scope.id,
    channelId: input.place.channelId,
    topicId: record.topicId,
    seed: drawSeed(deps.random, record.seed),
    createdByUserId: user.id,
    at: deps.clock(),
  });
  const built = deps.questions.fromRecord(posted);
  if (!built) return err('question-not-found', { questionId: String(posted.id) });
  return ok(
    created || !alreadyPosted(posted, deps.clock()) ? built.view : { ...built.view, duplicate: true },
  );
}
