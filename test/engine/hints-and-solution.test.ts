import { describe, expect, it } from 'vitest';
import { actor, harness, PLACE, value } from './support/harness.js';
import { xOf } from './support/test-catalog.js';

describe('getHint', () => {
  it('reveals the worked solution one step at a time, never the last step', async () => {
    const h = harness();
    const alice = actor('alice');
    const { seed } = await h.quiz(alice, 'two-part');
    const x = xOf(seed);
    const hint = (eventId?: string) =>
      h.engine.getHint({ actor: alice, place: PLACE, event: eventId ? { eventId } : h.event() });
    const h1 = value(await hint('hint-1'));
    expect(h1).toMatchObject({ index: 1, total: 2, step: { title: 'Square', substitution: `${x}²` } });
    // The same event delivered again shows the same step and does not count another hint.
    expect(value(await hint('hint-1')).index).toBe(1);
    const h2 = value(await hint());
    expect(h2).toMatchObject({ index: 2, total: 2, step: { title: 'Divide' } });
    expect(await hint()).toMatchObject({ ok: false, error: 'no-more-hints' });
  });

  it('halves the points of a hinted question (rounded down, at least 1)', async () => {
    const h = harness();
    const alice = actor('alice');
    const { seed } = await h.quiz(alice, 'two-part');
    const x = xOf(seed);
    value(await h.engine.getHint({ actor: alice, place: PLACE, event: h.event() }));
    // (a) first try: 2 x 2 = 4, halved = 2. (b) second try: 2, halved = 1.
    expect(value(await h.answer(alice, String(x * x))).pointsAwarded).toBe(2);
    value(await h.answer(alice, '[0, 0]'));
    expect(value(await h.answer(alice, `[${x / 4}, ${-x / 8}]`)).pointsAwarded).toBe(1);

    const { seed: s2 } = await h.quiz(alice, 'third');
    value(await h.engine.getHint({ actor: alice, place: PLACE, event: h.event() }));
    value(await h.answer(alice, '0.00'));
    // Second try of a difficulty-1 topic: 1, halved to 0, but a solved part earns at least 1.
    expect(value(await h.answer(alice, (xOf(s2) + 1 / 3).toFixed(2))).pointsAwarded).toBe(1);
  });

  it('records no hint when the solution has a single step (so points are not halved for nothing)', async () => {
    const h = harness();
    const alice = actor('alice');
    const { seed } = await h.quiz(alice, 'hard');
    expect(await h.engine.getHint({ actor: alice, place: PLACE, event: h.event() })).toMatchObject({
      ok: false,
      error: 'no-more-hints',
    });
    expect(value(await h.answer(alice, String(10 * xOf(seed)))).pointsAwarded).toBe(6);
  });

  it('needs a question', async () => {
    const h = harness();
    expect(await h.engine.getHint({ actor: actor('a'), place: PLACE, event: h.event() })).toMatchObject({
      ok: false,
      error: 'no-active-question',
    });
  });
});

describe('revealSolution', () => {
  it('shows every step and answer; the student who saw it earns nothing more, the others still can', async () => {
    const h = harness();
    const alice = actor('alice');
    const bob = actor('bob');
    const { seed } = await h.quiz(alice, 'hard');
    const x = xOf(seed);
    const sol = value(
      await h.engine.revealSolution({ actor: alice, place: PLACE, public: false, event: h.event() }),
    );
    expect(sol.steps).toHaveLength(1);
    expect(sol.answers[0]?.expected).toMatchObject({ kind: 'number', value: 10 * x });
    const aliceAfter = value(await h.answer(alice, String(10 * x)));
    expect(aliceAfter).toMatchObject({ solved: true, pointsAwarded: 0 });
    expect(value(await h.answer(bob, String(10 * x))).pointsAwarded).toBe(6);
  });

  it('posted publicly, it stops points for everyone in the scope', async () => {
    const h = harness();
    const alice = actor('alice');
    const bob = actor('bob');
    const { questionId, seed } = await h.quiz(alice, 'hard');
    value(await h.engine.revealSolution({ actor: alice, place: PLACE, public: true, event: h.event() }));
    expect(value(await h.answer(bob, String(10 * xOf(seed)))).pointsAwarded).toBe(0);
    const record = await h.store.getQuestion(Number(questionId));
    expect(record?.revealedAt).toEqual(h.now());
    expect((await h.engine.getProgress({ actor: bob })).totalPoints).toBe(0);
  });
});
