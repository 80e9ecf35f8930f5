/**
 * Admin: wipes a scope's leaderboard (all-time and weekly). The adapter says whether the actor holds the platform's
 * admin permission; students' own attempts and progress are kept.
 */
import type { Actor, AdminError, EventRef, ScopeRef } from './api.js';
import type { EngineDeps } from './deps.js';
import { ensureScope } from './load-target.js';
import { err, ok, type Result } from './result.js';

export async function resetLeaderboard(
  deps: EngineDeps,
  input: { actor: Actor; scope: ScopeRef; isAdmin: boolean; event: EventRef },
): Promise<Result<{ reset: true }, AdminError>> {
  if (!input.isAdmin) return err('forbidden');
  const scope = await ensureScope(deps, input.scope);
  await deps.store.resetLeaderboard({ scopeId: scope.id });
  return ok({ reset: true });
}
