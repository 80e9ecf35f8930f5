import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/engine/ports/store.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { actor, harness, value } from './support/harness.js';
import { xOf } from './support/test-catalog.js';

async function attemptCount(h: ReturnType<typeof harness>, who: string, questionId: string) {
  const user = await h.store.upsertUser({ platform: 'telegram', platformUserId: who, displayName: who });
  return (await h.store.getUserQuestionState({ questionId: Number(questionId), userId: user.id })).attempts
    .length;
}

describe('the same platform event processed twice is recorded once', () => {
  it('a redelivered wrong answer is reported as a duplicate and uses no second try', async () => {
    const h = harness();
    const a = actor('a');
    const { questionId } = await h.quiz(a, 'two-part');
    const first = value(await h.answer(a, 'a) -5', { eventId: 'update-1' }));
    expect(first).toMatchObject({ duplicate: false });
    const again = value(await h.answer(a, 'a) -5', { eventId: 'update-1' }));
    expect(again).toMatchObject({ duplicate: true, pointsAwarded: 0, grades: [] });
    expect(again.parts[0]).toMatchObject({ id: 'a', triesLeft: 2 });
    expect(await attemptCount(h, 'a', questionId)).toBe(1);
  });

  it('a redelivered solving answer is a duplicate, not "already solved", and scores once', async () => {
    const h = harness();
    const a = actor('a');
    const { seed } = await h.quiz(a, 'hard');
    const right = String(10 * xOf(seed));
    expect(value(await h.answer(a, right, { eventId: 'ix-1' })).pointsAwarded).toBe(6);
    const again = value(await h.answer(a, right, { eventId: 'ix-1' }));
    expect(again).toMatchObject({ duplicate: true, pointsAwarded: 0, solved: true, finished: true });
    expect(await h.answer(a, right, { eventId: 'ix-2' })).toMatchObject({
      ok: false,
      error: 'already-solved',
    });
    expect((await h.engine.getProgress({ actor: a })).totalPoints).toBe(6);
  });
});

/** A memory store that counts the conflicts it reports, to prove a test really raced. */
function countingStore(): { store: Store; conflicts: () => number } {
  const inner = createMemoryStore();
  let conflicts = 0;
  const store: Store = {
    ...inner,
    async recordAttempts(input) {
      const r = await inner.recordAttempts(input);
      if (r.status === 'conflict') conflicts++;
      return r;
    },
  };
  return { store, conflicts: () => conflicts };
}

describe('racing submissions', () => {
  it('the same answer sent twice at once is scored once', async () => {
    const counting = countingStore();
    const h = harness({ store: counting.store });
    const a = actor('a');
    const { questionId, seed } = await h.quiz(a, 'third');
    const right = (xOf(seed) + 1 / 3).toFixed(2);
    const results = (await Promise.all([h.answer(a, right), h.answer(a, right)])).map(value);
    // Two platform events: neither is a duplicate. One is graded; the other is told the part is already solved.
    expect(results.map((r) => r.duplicate)).toEqual([false, false]);
    expect(results.map((r) => r.grades.length + r.settled.length)).toEqual([1, 1]);
    expect(results.map((r) => r.pointsAwarded).sort()).toEqual([0, 2]);
    expect(await attemptCount(h, 'a', questionId)).toBe(1);
    expect((await h.engine.getProgress({ actor: a })).totalPoints).toBe(2);
    expect(counting.conflicts()).toBe(1);
  });

  it('different answers racing for one try are re-graded as the next tries, never lost', async () => {
    const counting = countingStore();
    const h = harness({ store: counting.store });
    const a = actor('a');
    const { questionId, seed } = await h.quiz(a, 'third');
    const x = xOf(seed);
    const answers = ['0.01', '0.02', (x + 1 / 3).toFixed(2)];
    const results = (await Promise.all(answers.map((t) => h.answer(a, t)))).map(value);
    expect(results.every((r) => !r.duplicate)).toBe(true);
    const user = await h.store.upsertUser({ platform: 'telegram', platformUserId: 'a', displayName: 'a' });
    const state = await h.store.getUserQuestionState({ questionId: Number(questionId), userId: user.id });
    expect(state.attempts.map((t) => t.tryNo).sort()).toEqual([1, 2, 3]);
    // The right answer scored by its real try number (1 point on a later try, 2 on the first).
    const right = results[2]!;
    const tryNo = state.attempts.find((t) => t.status === 'correct')!.tryNo;
    expect(right.pointsAwarded).toBe(tryNo === 1 ? 2 : 1);
    expect(counting.conflicts()).toBeGreaterThanOrEqual(2);
  });

  it('many students answering one question at once: every one recorded exactly once', async () => {
    const h = harness();
    const { questionId, seed } = await h.quiz(actor('host'), 'hard');
    const right = String(10 * xOf(seed));
    const students = Array.from({ length: 40 }, (_, i) => actor(`s${i}`));
    const results = (await Promise.all(students.map((s) => h.answer(s, right, { questionId })))).map(value);
    expect(results.every((r) => r.pointsAwarded === 6 && !r.duplicate)).toBe(true);
    for (const s of students.slice(0, 5)) expect(await attemptCount(h, s.userId, questionId)).toBe(1);
    const board = await h.engine.getLeaderboard({
      actor: students[0]!,
      scope: { platform: 'telegram', scopeId: 'g1', kind: 'group' },
      period: 'all',
    });
    expect(board.entries).toHaveLength(10);
    expect(board.entries.every((e) => e.points === 6 && e.solved === 1)).toBe(true);
  });

  it('gives up loudly (a throw, not a wrong result) if the store keeps reporting conflicts', async () => {
    const inner = createMemoryStore();
    const store: Store = { ...inner, recordAttempts: () => Promise.resolve({ status: 'conflict' }) };
    const h = harness({ store });
    const a = actor('a');
    await h.quiz(a, 'third');
    await expect(h.answer(a, '0.01')).rejects.toThrow(/conflicting/);
  });
});
