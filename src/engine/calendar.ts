/**
 * Calendar keys: the student's local day (streaks count calendar days in their own time zone, via Intl) and the
 * ISO week of a moment in UTC (weekly leaderboards: one week for everybody in a scope).
 */
const DAY_MS = 86_400_000;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'iso8601',
      numberingSystem: 'latn',
    });
    dayFormats.set(timeZone, f);
  }
  return f;
}

/**
 * Every UTC offset in use today is a whole number of quarter hours, so a local day (and a DST change) always starts on
 * a quarter hour of UTC: within one UTC quarter hour the local day is the same. The last answer per time zone is
 * kept (formatToParts costs ~8 µs, a large part of recording an answer).
 */
const QUARTER_HOUR_MS = 900_000;
const lastDays = new Map<string, { quarter: number; day: string }>();

/** The calendar day (YYYY-MM-DD) of `at` in `timeZone`, e.g. 2026-03-01T17:30Z in Asia/Singapore -> '2026-03-02'. */
export function localDay(at: Date, timeZone: string): string {
  const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  const last = lastDays.get(timeZone);
  if (last?.quarter === quarter) return last.day;
  const day = formatDay(at, timeZone);
  if (Number.isFinite(quarter)) lastDays.set(timeZone, { quarter, day });
  return day;
}

function formatDay(at: Date, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** The day before a YYYY-MM-DD day. */
export function previousDay(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t)) throw new RangeError(`not a calendar day: ${day}`);
  return new Date(t - DAY_MS).toISOString().slice(0, 10);
}

/** ISO 8601 week of `at` in UTC, e.g. '2026-W09'. Weeks start on Monday; week 1 holds the year's first Thursday. */
export function weekKey(at: Date): string {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = day + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The canonical IANA name of a time zone ('asia/singapore' -> 'Asia/Singapore'), or undefined if unknown. */
export function canonicalTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
