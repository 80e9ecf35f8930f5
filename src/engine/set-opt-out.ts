/** /optout: hide (or show again) the student on every leaderboard. Their progress is kept either way. */
import type { Actor } from './api.js';
import type { EngineDeps } from './deps.js';
import { ensureUser } from './load-target.js';

export async function setOptOut(
  deps: EngineDeps,
  input: { actor: Actor; optOut: boolean },
): Promise<{ optedOut: boolean }> {
  const user = await ensureUser(deps, input.actor);
  await deps.store.setOptOut({ userId: user.id, optOut: input.optOut });
  return { optedOut: input.optOut };
}
