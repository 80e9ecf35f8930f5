/**
 * Resolves "which question is this about": an explicit question id (a button, a reply, a modal), or the latest
 * question posted in the place. Also makes sure the student exists. Everything is read from the store on each
 * call; with a question id, the question, the student and their state on it come back from one read.
 */
import type { QuestionRecord, ScopeRecord, UserQuestionState, UserRecord } from './ports/store.js';
import type { Actor, ActiveQuestionError, QuestionTarget, ScopeRef } from './api.js';
import type { EngineDeps } from './deps.js';
import type { BuiltQuestion } from './question-source.js';
import { parseQuestionId } from './question-source.js';
import { err, ok, type Result } from '../core/result.js';

export interface Target extends BuiltQuestion {
  readonly user: UserRecord;
  readonly record: QuestionRecord;
  /** The student's state on the question, when it was read with it (see stateOf). */
  readonly state?: UserQuestionState;
}

const NO_STATE: UserQuestionState = { attempts: [], hintsUsed: 0, revealed: false };

/** The student's state on the target question: as read with it, or read now. */
export function stateOf(deps: EngineDeps, target: Target): Promise<UserQuestionState> {
  return target.state
    ? Promise.resolve(target.state)
    : deps.store.getUserQuestionState({ questionId: target.record.id, userId: target.user.id });
}

export function ensureUser(deps: EngineDeps, actor: Actor): Promise<UserRecord> {
  return deps.store.upsertUser({
    platform: actor.platform,
    platformUserId: actor.userId,
    displayName: actor.displayName,
  });
}

export function ensureScope(deps: EngineDeps, scope: ScopeRef): Promise<ScopeRecord> {
  return deps.store.upsertScope({
    platform: scope.platform,
    platformScopeId: scope.scopeId,
    kind: scope.kind,
    ...(scope.title !== undefined ? { title: scope.title } : {}),
  });
}

export async function loadQuestionRecord(
  deps: EngineDeps,
  target: QuestionTarget,
): Promise<Result<QuestionRecord, ActiveQuestionError>> {
  if (target.questionId !== undefined) {
    const id = parseQuestionId(target.questionId);
    const record = id === undefined ? undefined : await deps.store.getQuestion(id);
    return record ? ok(record) : err('question-not-found', { questionId: target.questionId });
  }
  const scope = await ensureScope(deps, target.place.scope);
  const record = await deps.store.latestQuestion({ scopeId: scope.id, channelId: target.place.channelId });
  return record ? ok(record) : err('no-active-question');
}

export async function loadTarget(
  deps: EngineDeps,
  target: QuestionTarget,
): Promise<Result<Target, ActiveQuestionError>> {
  if (target.questionId !== undefined) return loadById(deps, target.actor, target.questionId);
  const [user, found] = await Promise.all([ensureUser(deps, target.actor), loadQuestionRecord(deps, target)]);
  if (!found.ok) return found;
  const built = deps.questions.fromRecord(found.value);
  if (!built) return err('question-not-found', { questionId: String(found.value.id) });
  return ok({ user, record: found.value, ...built });
}

/** A question by id: question, student and state in one read; the student is written only when new or renamed. */
async function loadById(
  deps: EngineDeps,
  actor: Actor,
  questionId: string,
): Promise<Result<Target, ActiveQuestionError>> {
  const id = parseQuestionId(questionId);
  const context =
    id === undefined
      ? undefined
      : await deps.store.getAnswerContext({
          questionId: id,
          platform: actor.platform,
          platformUserId: actor.userId,
        });
  const record = context?.question;
  const built = record ? deps.questions.fromRecord(record) : undefined;
  if (!context || !record || !built) return err('question-not-found', { questionId });
  const known = context.user;
  const user = known?.displayName === actor.displayName ? known : await ensureUser(deps, actor);
  // A student who did not exist a moment ago has no state yet; a renamed one keeps theirs (same id).
  return ok({ user, record, ...built, state: known ? context.state : NO_STATE });
}
