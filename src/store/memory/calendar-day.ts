/** Calendar-day arithmetic on 'YYYY-MM-DD' keys (the user's local day, computed by the engine). */

/** The day before `day` ('2026-03-01' -> '2026-02-28'). */
export function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = Date.UTC(y ?? NaN, (m ?? NaN) - 1, (d ?? NaN) - 1);
  if (Number.isNaN(t)) throw new RangeError(`not a calendar day: ${day}`);
  return new Date(t).toISOString().slice(0, 10);
}

export interface Streak {
  readonly current: number;
  readonly best: number;
  readonly lastActiveDay: string | null;
}

/**
 * The streak after activity on `day`: the same day changes nothing, the next day extends it, a gap restarts it
 * at 1. A day earlier than the last active one (the student moved their time zone west) changes nothing.
 */
export function advanceStreak(streak: Streak, day: string): Streak {
  const last = streak.lastActiveDay;
  if (last !== null && day <= last) return streak;
  const current = last !== null && previousDay(day) === last ? streak.current + 1 : 1;
  return { current, best: Math.max(streak.best, current), lastActiveDay: day };
}
