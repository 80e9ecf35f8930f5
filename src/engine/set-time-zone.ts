/** Sets the time zone in which the student's streak counts calendar days (default UTC). */
import type { Actor, TimeZoneError } from './api.js';
import { canonicalTimeZone } from './calendar.js';
import type { EngineDeps } from './deps.js';
import { ensureUser } from './load-target.js';
import { err, ok, type Result } from '../core/result.js';

export async function setTimeZone(
  deps: EngineDeps,
  input: { actor: Actor; timeZone: string },
): Promise<Result<{ timeZone: string }, TimeZoneError>> {
  const timeZone = canonicalTimeZone(input.timeZone);
  if (timeZone === undefined) return err('invalid-timezone');
  const user = await ensureUser(deps, input.actor);
  await deps.store.setTimeZone({ userId: user.id, timeZone });
  return ok({ timeZone });
}
