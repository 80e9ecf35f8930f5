/** /quiz [topic|group]: posts a question with fresh numbers in a place. */
import type { Actor, EventRef, Place, QuestionView, StartError } from './api.js';
import type { EngineDeps } from './deps.js';
import { eventKey } from './event-key.js';
import { ensureScope, ensureUser } from './load-target.js';
import { drawSeed, pickIndex } from './pick.js';
import { alreadyPosted } from './reply-lease.js';
import { err, ok, type Result } from '../core/result.js';

export async function startQuiz(
  deps: EngineDeps,
  input: { actor: Actor; place: Place; selector?: string; event: EventRef },
): Promise<Result<QuestionView, StartError>> {
  const selection = deps.catalog.resolveSelection(input.selector);
  if (!selection) {
    return err('unknown-topic', { suggestions: deps.catalog.suggestSelectors(input.selector ?? '') });
  }
  const topics = selection.kind === 'topic' ? [selection.topic] : selection.topics;
  const topic = topics[pickIndex(deps.random, topics.length)];
  if (!topic) return err('unknown-topic', { suggestions: [] });
  const seed = drawSeed(deps.random);

  const [user, scope] = await Promise.all([
    ensureUser(deps, input.actor),
    ensureScope(deps, input.place.scope),
  ]);
  // Idempotent: the same event processed twice returns the question created the first time.
  const { question: record, created } = await deps.store.createQuestion({
    eventKey: eventKey(input.actor.platform, 'quiz', input.event.eventId),
    scopeId: scope.id,
    channelId: input.place.channelId,
    topicId: topic.id,
    seed,
    createdByUserId: user.id,
    at: deps.clock(),
  });
  const built = deps.questions.fromRecord(record);
  if (!built) return err('unknown-topic', { suggestions: [] });
  // The same /quiz delivered to two instances (or redelivered) posts one question: see reply-lease.ts.
  return ok(
    created || !alreadyPosted(record, deps.clock()) ? built.view : { ...built.view, duplicate: true },
  );
}
