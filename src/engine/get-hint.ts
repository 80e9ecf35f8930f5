/** /hint: reveals the next step of the worked solution (one at a time, never the last, which is the answer). */
import type { EventRef, HintError, HintView, QuestionTarget } from './api.js';
import type { EngineDeps } from './deps.js';
import { eventKey } from './event-key.js';
import { loadTarget } from './load-target.js';
import { err, ok, type Result } from '../core/result.js';
import { REPLY_LEASE_MS } from './reply-lease.js';

export async function getHint(
  deps: EngineDeps,
  input: QuestionTarget & { event: EventRef },
): Promise<Result<HintView, HintError>> {
  const target = await loadTarget(deps, input);
  if (!target.ok) return target;
  const { user, record, instance, view } = target.value;
  const total = view.hintCount;
  // Nothing to reveal: do not record a hint (it would halve the student's points for nothing).
  if (total === 0) return err('no-more-hints', { questionId: view.questionId });
  // Idempotent per event: a redelivered /hint returns the same step (also the last one). Asking past the last
  // hint still counts a request, which changes nothing: the student has taken hints on this question already.
  const key = eventKey(input.actor.platform, 'hint', input.event.eventId);
  const { hintsUsed: index, duplicate } = await deps.store.recordHint({
    eventKey: key,
    questionId: record.id,
    userId: user.id,
  });
  const step = instance.steps[index - 1];
  if (index > total || !step) return err('no-more-hints', { questionId: view.questionId });
  // The same /hint on two instances (or redelivered while its reply is on its way) is shown once.
  const event = duplicate ? await deps.store.getEvent(key) : undefined;
  const silent =
    event !== undefined &&
    (event.deliveredAt !== null || deps.clock().getTime() - event.at.getTime() < REPLY_LEASE_MS);
  return ok({ question: view, step, index, total, ...(silent ? { duplicate: true } : {}) });
}
