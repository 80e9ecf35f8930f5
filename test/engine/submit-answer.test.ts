import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_LENGTH } from '../../src/core/answers/index.js';
import { actor, harness, PLACE, value } from './support/harness.js';
import { xOf } from './support/test-catalog.js';

/** x + 1/3 written to 2 dp, as a student would (the `third` topic's answer). */
const third2dp = (x: number) => (x + 1 / 3).toFixed(2);

async function attemptsOf(h: ReturnType<typeof harness>, who: string, questionId: string) {
  const user = await h.store.upsertUser({ platform: 'telegram', platformUserId: who, displayName: who });
  return h.store.getUserQuestionState({ questionId: Number(questionId), userId: user.id });
}

describe('submitAnswer', () => {
  it('grades a multi-part question part by part, with partial credit per cell and points per solved part', async () => {
    const h = harness();
    const alice = actor('alice');
    const { questionId, seed } = await h.quiz(alice, 'two-part');
    const x = xOf(seed);

    // Free text answers the next open part: (a), right at the first try: difficulty 2, doubled.
    const r1 = value(await h.answer(alice, String(x * x)));
    expect(r1.grades).toEqual([expect.objectContaining({ partId: 'a', status: 'correct', credit: 1 })]);
    expect(r1.pointsAwarded).toBe(4);
    expect(r1.parts).toEqual([
      { id: 'a', letter: 'a', name: 'x²', kind: 'number', status: 'solved', triesUsed: 1, triesLeft: 0 },
      {
        id: 'b',
        letter: 'b',
        name: 'the vector',
        kind: 'vector',
        status: 'open',
        triesUsed: 0,
        triesLeft: 3,
      },
    ]);
    expect(r1).toMatchObject({ solved: false, finished: false, duplicate: false });
    expect(r1.nextPart).toEqual({
      id: 'b',
      letter: 'b',
      name: 'the vector',
      kind: 'vector',
      prompt: 'the vector [x/4, -x/8]',
    });
    expect(r1.solution).toBeUndefined();

    // (b) with the sign of the second entry wrong: half the cells right, a try used, no points.
    const r2 = value(await h.answer(alice, `[${x / 4}, ${x / 8}]`));
    expect(r2.grades).toEqual([
      expect.objectContaining({ partId: 'b', status: 'wrong', credit: 0.5, wrongCells: [[0, 1]] }),
    ]);
    expect(r2.pointsAwarded).toBe(0);
    expect(r2.parts[1]).toMatchObject({ status: 'open', triesLeft: 2 });

    // (b) right at the second try: the difficulty, not doubled.
    const r3 = value(await h.answer(alice, `b) [${x / 4}, ${-x / 8}]`));
    expect(r3.pointsAwarded).toBe(2);
    expect(r3).toMatchObject({ solved: true, finished: true });
    expect(r3.nextPart).toBeUndefined();
    expect(r3.solution?.answers.map((p) => p.id)).toEqual(['a', 'b']);
    expect(r3.solution?.steps).toHaveLength(3);

    const state = await attemptsOf(h, 'alice', questionId);
    expect(state.attempts.map((a) => [a.partId, a.tryNo, a.status, a.credit])).toEqual([
      ['a', 1, 'correct', 1],
      ['b', 1, 'wrong', 0.5],
      ['b', 2, 'correct', 1],
    ]);
    expect((await h.engine.getProgress({ actor: alice })).totalPoints).toBe(6);
  });

  it('accepts several labelled parts in one message, and one text per part id (modal)', async () => {
    const h = harness();
    const alice = actor('alice');
    const bob = actor('bob');
    const { seed } = await h.quiz(alice, 'two-part');
    const x = xOf(seed);
    const both = value(await h.answer(alice, `a) ${x * x} b) [${x / 4}, ${-x / 8}]`));
    expect(both.grades.map((g) => [g.partId, g.status])).toEqual([
      ['a', 'correct'],
      ['b', 'correct'],
    ]);
    expect(both.pointsAwarded).toBe(8);
    expect(both.solved).toBe(true);

    const modal = value(await h.answer(bob, { a: String(x * x + 1), b: `${x / 4} ${-x / 8}` }));
    expect(modal.grades.map((g) => [g.partId, g.status])).toEqual([
      ['a', 'wrong'],
      ['b', 'correct'],
    ]);
    expect(modal.pointsAwarded).toBe(4);
    const unknown = await h.answer(bob, { c: '1' });
    expect(unknown).toMatchObject({ ok: false, error: 'unknown-part', detail: { labels: ['c'] } });
    const unknownLabel = await h.answer(bob, 'c) 12');
    expect(unknownLabel).toMatchObject({
      ok: false,
      error: 'unknown-part',
      detail: { labels: ['c'], letters: ['a', 'b'] },
    });
  });

  it('allows 3 tries per part; then the part is failed and the worked solution is shown', async () => {
    const h = harness();
    const alice = actor('alice');
    const { seed } = await h.quiz(alice, 'third');
    const wrong = (xOf(seed) + 5).toFixed(2);
    const r1 = value(await h.answer(alice, wrong));
    const r2 = value(await h.answer(alice, wrong));
    expect([r1.parts[0]?.triesLeft, r2.parts[0]?.triesLeft]).toEqual([2, 1]);
    const r3 = value(await h.answer(alice, wrong));
    expect(r3.parts).toEqual([
      { id: 'a', letter: 'a', name: 'x + 1/3', kind: 'number', status: 'failed', triesUsed: 3, triesLeft: 0 },
    ]);
    expect(r3).toMatchObject({ solved: false, finished: true, pointsAwarded: 0 });
    expect(r3.solution?.answers[0]?.expected).toMatchObject({ value: xOf(seed) + 1 / 3 });
    expect(await h.answer(alice, third2dp(xOf(seed)))).toMatchObject({ ok: false, error: 'no-tries-left' });
  });

  it('charges no try for unreadable or too-coarse answers and records nothing for them', async () => {
    const h = harness();
    const alice = actor('alice');
    const { questionId, seed } = await h.quiz(alice, 'third');
    const x = xOf(seed);
    const invalid = value(await h.answer(alice, 'about four'));
    expect(invalid.grades[0]).toMatchObject({ status: 'invalid', syntax: { code: 'not-a-number' } });
    const coarse = value(await h.answer(alice, (x + 1 / 3).toFixed(1)));
    expect(coarse.grades[0]).toMatchObject({ status: 'coarse', requiredDp: 2 });
    for (const r of [invalid, coarse]) {
      expect(r.parts[0]).toMatchObject({ status: 'open', triesLeft: 3 });
      expect(r.pointsAwarded).toBe(0);
    }
    expect((await attemptsOf(h, 'alice', questionId)).attempts).toEqual([]);
    // Still the first try: difficulty 1, doubled.
    const right = value(await h.answer(alice, third2dp(x)));
    expect(right.pointsAwarded).toBe(2);
    const progress = await h.engine.getProgress({ actor: alice });
    expect(progress.topics).toEqual([
      expect.objectContaining({ topicId: 'third', attempts: 1, correct: 1, firstTryAccuracy: 1 }),
    ]);
  });

  it('lets anyone in the scope answer an open question, each with their own tries', async () => {
    const h = harness();
    const alice = actor('alice');
    const bob = actor('bob');
    const { questionId, seed } = await h.quiz(alice, 'hard');
    const x = xOf(seed);
    value(await h.answer(alice, String(10 * x + 1)));
    value(await h.answer(alice, String(10 * x + 2)));
    const bobRight = value(await h.answer(bob, String(10 * x)));
    expect(bobRight.pointsAwarded).toBe(6);
    expect(bobRight.question.questionId).toBe(questionId);
    const aliceLast = value(await h.answer(alice, String(10 * x)));
    expect(aliceLast.pointsAwarded).toBe(3);
    expect(await h.answer(bob, String(10 * x))).toMatchObject({ ok: false, error: 'already-solved' });
    expect((await attemptsOf(h, 'bob', questionId)).attempts).toHaveLength(1);
    expect((await attemptsOf(h, 'alice', questionId)).attempts).toHaveLength(3);
  });

  it('gives partial credit per matrix cell', async () => {
    const h = harness();
    const alice = actor('alice');
    const { seed } = await h.quiz(alice, 'matrix');
    const x = xOf(seed);
    const r = value(await h.answer(alice, `[[${x}, 1], [3, ${x + 1}]]`));
    expect(r.grades[0]).toMatchObject({ status: 'wrong', credit: 0.5 });
    expect(r.grades[0]?.wrongCells).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });

  it('refuses empty, oversized and misdirected answers with a code', async () => {
    const h = harness();
    const alice = actor('alice');
    expect(await h.answer(alice, '42')).toMatchObject({ ok: false, error: 'no-active-question' });
    await h.quiz(alice, 'hard');
    expect(await h.answer(alice, '   ')).toMatchObject({ ok: false, error: 'empty-answer' });
    expect(await h.answer(alice, { a: '' })).toMatchObject({ ok: false, error: 'empty-answer' });
    expect(await h.answer(alice, '1'.repeat(MAX_ANSWER_LENGTH + 1))).toMatchObject({
      ok: false,
      error: 'answer-too-long',
      detail: { limit: MAX_ANSWER_LENGTH },
    });
    expect(await h.answer(alice, '42', { questionId: '999' })).toMatchObject({
      ok: false,
      error: 'question-not-found',
    });
    expect(await h.answer(alice, '42', { questionId: 'abc' })).toMatchObject({
      ok: false,
      error: 'question-not-found',
    });
    const elsewhere = { ...PLACE, channelId: 'other-topic-thread' };
    expect(await h.answer(alice, '42', { place: elsewhere })).toMatchObject({
      ok: false,
      error: 'no-active-question',
    });
  });

  it('answering by question id: a new student is created, a renamed one keeps their tries under the new name', async () => {
    const h = harness();
    const { questionId, seed } = await h.quiz(actor('poster'), 'third');
    const wrong = (x: number) => (x + 5).toFixed(2);
    // A first answer from a student the store has never seen.
    const first = value(await h.answer(actor('dana', 'Dana'), wrong(xOf(seed)), { questionId }));
    expect(first.parts[0]).toMatchObject({ status: 'open', triesLeft: 2 });
    // Same student, new display name: the tries already used still count, and the new name is stored.
    const second = value(await h.answer(actor('dana', 'Dana K.'), wrong(xOf(seed)), { questionId }));
    expect(second.parts[0]).toMatchObject({ status: 'open', triesLeft: 1 });
    const solved = value(await h.answer(actor('dana', 'Dana K.'), third2dp(xOf(seed)), { questionId }));
    expect(solved).toMatchObject({ solved: true, pointsAwarded: 1 });
    const board = await h.engine.getLeaderboard({
      actor: actor('dana', 'Dana K.'),
      scope: PLACE.scope,
      period: 'all',
    });
    expect(board.entries.map((e) => [e.displayName, e.points])).toEqual([['Dana K.', 1]]);
    expect((await attemptsOf(h, 'dana', questionId)).attempts).toHaveLength(3);
    // An id that is no question at all.
    expect(await h.answer(actor('dana', 'Dana K.'), '1', { questionId: '999999' })).toEqual({
      ok: false,
      error: 'question-not-found',
      detail: { questionId: '999999' },
    });
  });
});
