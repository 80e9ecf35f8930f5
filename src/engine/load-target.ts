/**
 * Resolves "which question is this about": an explicit question id (a button, a reply), or the latest question
 * posted in the place. Also makes sure the student exists. Everything is read from the store on each call.
 */
import type { QuestionRecord, ScopeRecord, UserRecord } from '../store/port.js';
import type { Actor, ActiveQuestionError, QuestionTarget, ScopeRef } from './api.js';
import type { EngineDeps } from './deps.js';
import type { BuiltQuestion } from './question-source.js';
import { parseQuestionId } from './question-source.js';
import { err, ok, type Result } from './result.js';

export interface Target extends BuiltQuestion {
  readonly user: UserRecord;
  readonly record: QuestionRecord;
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
  const [user, found] = await Promise.all([ensureUser(deps, target.actor), loadQuestionRecord(deps, target)]);
  if (!found.ok) return found;
  const built = deps.questions.fromRecord(found.value);
  if (!built) return err('question-not-found', { questionId: String(found.value.id) });
  return ok({ user, record: found.value, ...built });
}
