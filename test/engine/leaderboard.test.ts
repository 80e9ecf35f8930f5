import { describe, expect, it } from 'vitest';
import type { Place } from '../../src/engine/api.js';
import { actor, GROUP, harness, PLACE, value } from './support/harness.js';
import { xOf } from './support/test-catalog.js';

type H = ReturnType<typeof harness>;

/** `who` solves `n` 'third' questions at the first try: 2 points each. */
async function solveThirds(h: H, who: ReturnType<typeof actor>, n: number, place: Place = PLACE) {
  for (let i = 0; i < n; i++) {
    const { seed } = await h.quiz(who, 'third', place);
    value(await h.answer(who, (xOf(seed) + 1 / 3).toFixed(2), { place }));
  }
}

describe('getLeaderboard', () => {
  it('shows the top 10 by points plus the caller own rank when lower', async () => {
    const h = harness();
    const users = Array.from({ length: 12 }, (_, i) => actor(`u${i + 1}`, `Student ${i + 1}`));
    // Student k solves k questions: 2k points.
    for (const [i, u] of users.entries()) await solveThirds(h, u, i + 1);
    const last = users[0]!;
    const board = await h.engine.getLeaderboard({ actor: last, scope: GROUP, period: 'all' });
    expect(board.entries.map((e) => [e.rank, e.displayName, e.points, e.solved])).toEqual(
      Array.from({ length: 10 }, (_, r) => [r + 1, `Student ${12 - r}`, 2 * (12 - r), 12 - r]),
    );
    expect(board.me).toEqual({ rank: 12, displayName: 'Student 1', userId: 'u1', points: 2, solved: 1 });
  });

  it('keeps a weekly board (ISO week, UTC) beside the all-time one', async () => {
    const h = harness({ now: '2026-03-01T23:00:00Z' }); // Sunday: ISO week 2026-W09
    const a = actor('a', 'Ann');
    const b = actor('b', 'Ben');
    await solveThirds(h, a, 3);
    h.setNow('2026-03-02T00:30:00Z'); // Monday: 2026-W10
    await solveThirds(h, b, 1);
    const week = await h.engine.getLeaderboard({ actor: a, scope: GROUP, period: 'week' });
    expect(week.entries.map((e) => [e.displayName, e.points])).toEqual([['Ben', 2]]);
    expect(week.me).toBeUndefined();
    const all = await h.engine.getLeaderboard({ actor: a, scope: GROUP, period: 'all' });
    expect(all.entries.map((e) => [e.displayName, e.points])).toEqual([
      ['Ann', 6],
      ['Ben', 2],
    ]);
    expect(all.me?.rank).toBe(1);
  });

  it('is per scope: points in one group do not show in another', async () => {
    const h = harness();
    const other: Place = { scope: { ...GROUP, scopeId: 'g2' }, channelId: 'g2' };
    await solveThirds(h, actor('a'), 1, other);
    expect(
      (await h.engine.getLeaderboard({ actor: actor('a'), scope: GROUP, period: 'all' })).entries,
    ).toEqual([]);
    expect(
      (await h.engine.getLeaderboard({ actor: actor('a'), scope: other.scope, period: 'all' })).entries,
    ).toHaveLength(1);
  });

  it('hides students who opt out, and shows them again when they opt back in', async () => {
    const h = harness();
    const a = actor('a', 'Ann');
    const b = actor('b', 'Ben');
    await solveThirds(h, a, 2);
    await solveThirds(h, b, 1);
    expect(await h.engine.setOptOut({ actor: a, optOut: true })).toEqual({ optedOut: true });
    const hidden = await h.engine.getLeaderboard({ actor: a, scope: GROUP, period: 'all' });
    expect(hidden.entries.map((e) => [e.rank, e.displayName])).toEqual([[1, 'Ben']]);
    expect(hidden.me).toBeUndefined();
    expect((await h.engine.getProgress({ actor: a })).optedOut).toBe(true);
    await h.engine.setOptOut({ actor: a, optOut: false });
    const shown = await h.engine.getLeaderboard({ actor: a, scope: GROUP, period: 'all' });
    expect(shown.entries.map((e) => e.displayName)).toEqual(['Ann', 'Ben']);
  });

  it('is reset by an admin only; personal progress survives', async () => {
    const h = harness();
    const a = actor('a', 'Ann');
    await solveThirds(h, a, 2);
    expect(
      await h.engine.resetLeaderboard({ actor: a, scope: GROUP, isAdmin: false, event: h.event() }),
    ).toEqual({ ok: false, error: 'forbidden' });
    expect((await h.engine.getLeaderboard({ actor: a, scope: GROUP, period: 'all' })).entries).toHaveLength(
      1,
    );
    const event = h.event();
    expect(await h.engine.resetLeaderboard({ actor: a, scope: GROUP, isAdmin: true, event })).toEqual({
      ok: true,
      value: { reset: true, duplicate: false },
    });
    for (const period of ['all', 'week'] as const) {
      const board = await h.engine.getLeaderboard({ actor: a, scope: GROUP, period });
      expect(board.entries).toEqual([]);
      expect(board.me).toBeUndefined();
    }
    const progress = await h.engine.getProgress({ actor: a });
    expect(progress.topics[0]).toMatchObject({ topicId: 'third', attempts: 2, correct: 2 });
    expect(progress.streak.current).toBe(1);

    // The same command delivered again after Ann scored anew: nothing is wiped a second time.
    await solveThirds(h, a, 1);
    expect(await h.engine.resetLeaderboard({ actor: a, scope: GROUP, isAdmin: true, event })).toEqual({
      ok: true,
      value: { reset: true, duplicate: true },
    });
    expect((await h.engine.getLeaderboard({ actor: a, scope: GROUP, period: 'all' })).entries).toHaveLength(
      1,
    );
  });
});
