/** /leaderboard [week|all]: the scope's top students plus the caller's own rank, from the maintained score table. */
import type { Actor, LeaderboardEntry, LeaderboardView, Period, ScopeRef } from './api.js';
import { weekKey } from './calendar.js';
import type { EngineDeps } from './deps.js';
import { ensureScope, ensureUser } from './load-target.js';
import { LEADERBOARD_SIZE } from './rules.js';

export async function getLeaderboard(
  deps: EngineDeps,
  input: { actor: Actor; scope: ScopeRef; period: Period },
): Promise<LeaderboardView> {
  const [user, scope] = await Promise.all([ensureUser(deps, input.actor), ensureScope(deps, input.scope)]);
  const board = await deps.store.getLeaderboard({
    scopeId: scope.id,
    period: input.period,
    week: weekKey(deps.clock()),
    limit: LEADERBOARD_SIZE,
    userId: user.id,
  });
  const entries: LeaderboardEntry[] = board.top.map((row, i) => ({
    rank: i + 1,
    displayName: row.displayName,
    userId: row.platformUserId,
    points: row.points,
    solved: row.solved,
  }));
  const me = board.me;
  return {
    period: input.period,
    entries,
    ...(me
      ? {
          me: {
            rank: me.rank,
            displayName: me.displayName,
            userId: me.platformUserId,
            points: me.points,
            solved: me.solved,
          },
        }
      : {}),
  };
}
