/**
 * Admin: wipes a scope's leaderboard (all-time and weekly). The adapter says whether the actor holds the platform's
 * admin permission; students' own attempts and progress are kept. The platform event makes it idempotent: the
 * same command delivered again (a Telegram redelivery, a retried request) wipes nothing a second time, so points
 * earned in between are not lost; it reports `duplicate: true`.
 */
import type { Actor, AdminError, EventRef, ScopeRef } from './api.js';
import type { EngineDeps } from './deps.js';
import { eventKey } from './event-key.js';
import { ensureScope } from './load-target.js';
import { err, ok, type Result } from '../core/result.js';

export async function resetLeaderboard(
  deps: EngineDeps,
  input: { actor: Actor; scope: ScopeRef; isAdmin: boolean; event: EventRef },
): Promise<Result<{ reset: true; duplicate: boolean }, AdminError>> {
  if (!input.isAdmin) return err('forbidden');
  const scope = await ensureScope(deps, input.scope);
  const { reset } = await deps.store.resetLeaderboard({
    scopeId: scope.id,
    eventKey: eventKey(input.actor.platform, 'reset', input.event.eventId),
    at: deps.clock(),
  });
  return ok({ reset: true, duplicate: !reset });
}
