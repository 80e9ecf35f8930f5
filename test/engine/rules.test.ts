import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, localDay, previousDay, weekKey } from '../../src/engine/calendar.js';
import { LruCache } from '../../src/engine/lru-cache.js';
import { drawSeed, pickIndex } from '../../src/engine/pick.js';
import { pointsForSolvedPart } from '../../src/engine/scoring.js';
import { MAX_SEED } from '../../src/core/rng.js';

describe('scoring rule', () => {
  // difficulty d: first try 2d, later d; a hint halves (floor, at least 1); a seen solution gives 0.
  it.each([
    [1, 1, false, false, 2],
    [1, 2, false, false, 1],
    [2, 1, false, false, 4],
    [3, 1, false, false, 6],
    [3, 3, false, false, 3],
    [1, 1, true, false, 1],
    [1, 2, true, false, 1],
    [2, 2, true, false, 1],
    [3, 1, true, false, 3],
    [3, 2, true, false, 1],
    [3, 1, false, true, 0],
    [2, 1, true, true, 0],
  ] as const)(
    'difficulty %i, try %i, hinted %s, revealed %s -> %i',
    (difficulty, tryNo, hinted, revealed, points) => {
      expect(pointsForSolvedPart({ difficulty, tryNo, hinted, revealed })).toBe(points);
    },
  );
});

describe('calendar keys', () => {
  // Expected weeks from python: datetime.date.fromisoformat(s).isocalendar()
  it.each([
    ['2021-01-03T12:00:00Z', '2020-W53'],
    ['2020-12-31T12:00:00Z', '2020-W53'],
    ['2026-12-31T23:59:59Z', '2026-W53'],
    ['2027-01-01T00:00:00Z', '2026-W53'],
    ['2024-12-30T00:00:00Z', '2025-W01'],
    ['2026-03-01T23:59:59Z', '2026-W09'],
    ['2026-03-02T00:00:00Z', '2026-W10'],
  ])('ISO week of %s is %s', (iso, week) => {
    expect(weekKey(new Date(iso))).toBe(week);
  });

  it('computes the local calendar day in a time zone', () => {
    const at = new Date('2026-03-01T17:30:00Z');
    expect(localDay(at, 'UTC')).toBe('2026-03-01');
    expect(localDay(at, 'Asia/Singapore')).toBe('2026-03-02'); // UTC+8: 01:30 next day
    expect(localDay(at, 'America/Los_Angeles')).toBe('2026-03-01'); // UTC-8: 09:30
    expect(localDay(new Date('2026-03-01T05:00:00Z'), 'Pacific/Honolulu')).toBe('2026-02-28'); // UTC-10
    expect(previousDay('2024-03-01')).toBe('2024-02-29');
  });

  it('gives the local day of every minute across a midnight and a DST change, called in time order', () => {
    // Each zone's day from its own formatter, minute by minute over 26 hours that hold a local midnight and the
    // moment the clocks change, in zones with :30 and :45 offsets too (where a shortcut on whole hours fails).
    const windows: [string, string][] = [
      ['Pacific/Chatham', '2026-04-04T08:00:00Z'], // +13:45 -> +12:45 at 03:45 local on 5 April
      ['Australia/Sydney', '2026-04-04T06:00:00Z'], // +11 -> +10 at 03:00 local on 5 April
      ['America/New_York', '2026-03-07T20:00:00Z'], // -5 -> -4 at 02:00 local on 8 March
      ['America/St_Johns', '2026-03-07T20:00:00Z'], // -03:30 -> -02:30 at 02:00 local on 8 March
      ['Asia/Kathmandu', '2026-03-01T06:00:00Z'], // +05:45, no DST: midnight at 18:15Z
      ['Asia/Kolkata', '2026-03-01T06:00:00Z'], // +05:30, no DST: midnight at 18:30Z
    ];
    for (const [zone, start] of windows) {
      const reference = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      const t0 = Date.parse(start);
      const days = new Set<string>();
      for (let minute = 0; minute <= 26 * 60; minute++) {
        const at = new Date(t0 + minute * 60_000 + 30_000);
        days.add(localDay(at, zone));
        expect(localDay(at, zone), `${zone} at ${at.toISOString()}`).toBe(reference.format(at));
      }
      expect(days.size, zone).toBe(2);
    }
  });

  it('canonicalises IANA time zone names and rejects unknown ones', () => {
    expect(canonicalTimeZone(' europe/london ')).toBe('Europe/London');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Nowhere/Special')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });
});

describe('LRU cache', () => {
  it('evicts the least recently used entry', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    let built = 0;
    expect(c.getOrCreate('c', () => ++built)).toBe(3);
    expect(c.getOrCreate('d', () => ++built)).toBe(1);
    expect(c.size).toBe(2);
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});

describe('random picks', () => {
  it('maps [0, 1) onto valid indexes and seeds, and steps off a repeated seed', () => {
    expect(pickIndex(() => 0, 4)).toBe(0);
    expect(pickIndex(() => 0.999999999, 4)).toBe(3);
    expect(drawSeed(() => 0)).toBe(0);
    expect(drawSeed(() => 1 - 2 ** -53)).toBe(MAX_SEED);
    expect(drawSeed(() => 0, 0)).toBe(1);
    expect(drawSeed(() => 1 - 2 ** -53, MAX_SEED)).toBe(MAX_SEED - 1);
  });
});
