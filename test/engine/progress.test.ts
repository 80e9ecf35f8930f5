import { describe, expect, it } from 'vitest';
import { actor, harness, value } from './support/harness.js';
import { xOf } from './support/test-catalog.js';

describe('getProgress', () => {
  it('reports per-topic attempts, accuracy, first-try accuracy and the weakest topics', async () => {
    const h = harness();
    const a = actor('alice', 'Alice');
    // 'hard': solved at the first try twice -> 2 attempts, 2 correct, first-try 2/2 (not weak: too few attempts).
    for (let i = 0; i < 2; i++) {
      const { seed } = await h.quiz(a, 'hard');
      value(await h.answer(a, String(10 * xOf(seed))));
    }
    // 'third': wrong, wrong, right; then right at the first try -> 4 attempts, 2 correct, first-try 1/2.
    const t1 = await h.quiz(a, 'third');
    value(await h.answer(a, '0.01'));
    value(await h.answer(a, '0.02'));
    value(await h.answer(a, (xOf(t1.seed) + 1 / 3).toFixed(2)));
    const t2 = await h.quiz(a, 'third');
    value(await h.answer(a, (xOf(t2.seed) + 1 / 3).toFixed(2)));
    // 'two-part': (a) wrong x3, (b) right first try -> 4 attempts, 1 correct, first-try 1/2 parts.
    const tp = await h.quiz(a, 'two-part');
    const x = xOf(tp.seed);
    for (let i = 0; i < 3; i++) value(await h.answer(a, { a: String(-1 - i) }));
    value(await h.answer(a, `[${x / 4}, ${-x / 8}]`));

    const p = await h.engine.getProgress({ actor: a });
    const byId = Object.fromEntries(p.topics.map((t) => [t.topicId, t]));
    expect(byId.hard).toMatchObject({
      title: 'Hard',
      questions: 2,
      attempts: 2,
      correct: 2,
      accuracy: 1,
      firstTryAccuracy: 1,
    });
    expect(byId.third).toMatchObject({
      questions: 2,
      attempts: 4,
      correct: 2,
      accuracy: 0.5,
      firstTryAccuracy: 0.5,
    });
    expect(byId['two-part']).toMatchObject({
      questions: 1,
      attempts: 4,
      correct: 1,
      accuracy: 0.25,
      firstTryAccuracy: 0.5,
    });
    expect(p.weakest).toEqual(['two-part', 'third']);
    // 2 x 6 (hard) + 1 + 2 (third) + 4 (two-part b) = 19
    expect(p.totalPoints).toBe(19);
    expect(p).toMatchObject({ displayName: 'Alice', timeZone: 'UTC', optedOut: false });
  });

  it('counts the streak in calendar days of the student time zone', async () => {
    const h = harness({ now: '2026-03-01T15:30:00Z' });
    const sg = actor('sg');
    const utc = actor('utc');
    expect(value(await h.engine.setTimeZone({ actor: sg, timeZone: 'asia/singapore' }))).toEqual({
      timeZone: 'Asia/Singapore',
    });
    expect(await h.engine.setTimeZone({ actor: sg, timeZone: 'Mars/Olympus' })).toEqual({
      ok: false,
      error: 'invalid-timezone',
    });
    const practise = async (who: ReturnType<typeof actor>) => {
      const { seed } = await h.quiz(who, 'hard');
      value(await h.answer(who, String(10 * xOf(seed) + 1)));
    };
    // 15:30Z is 23:30 on 1 March in Singapore; 16:30Z is 00:30 on 2 March there, still 1 March in UTC.
    await practise(sg);
    await practise(utc);
    h.setNow('2026-03-01T16:30:00Z');
    await practise(sg);
    await practise(utc);
    expect((await h.engine.getProgress({ actor: sg })).streak).toEqual({ current: 2, best: 2 });
    expect((await h.engine.getProgress({ actor: utc })).streak).toEqual({ current: 1, best: 1 });

    // The next UTC day extends the UTC student's streak to 2; one day without practice does not break it yet.
    h.setNow('2026-03-02T09:00:00Z');
    await practise(utc);
    expect((await h.engine.getProgress({ actor: utc })).streak).toEqual({ current: 2, best: 2 });
    h.setNow('2026-03-03T12:00:00Z');
    expect((await h.engine.getProgress({ actor: utc })).streak.current).toBe(2);
    // 3 March 12:00Z is 20:00 on 3 March in Singapore; the last practice there was on 2 March (yesterday),
    // so the streak stays alive until the end of 3 March, local time.
    expect((await h.engine.getProgress({ actor: sg })).streak.current).toBe(2);
    // 3 March 16:30Z is 00:30 on 4 March in Singapore: 3 March passed without practice, the streak is broken.
    h.setNow('2026-03-03T16:30:00Z');
    expect((await h.engine.getProgress({ actor: sg })).streak).toEqual({ current: 0, best: 2 });
    await practise(sg);
    expect((await h.engine.getProgress({ actor: sg })).streak).toEqual({ current: 1, best: 2 });
  });

  it('starts empty for a newcomer', async () => {
    const h = harness();
    const p = await h.engine.getProgress({ actor: actor('new', 'Newcomer') });
    expect(p).toMatchObject({ totalPoints: 0, topics: [], weakest: [], streak: { current: 0, best: 0 } });
  });
});
