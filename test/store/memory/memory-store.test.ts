import { describe, expect, it } from 'vitest';
import type { NewAttempt, RecordAttemptsInput, Store } from '../../../src/engine/ports/store.js';
import { createMemoryStore } from '../../../src/store/memory/memory-store.js';
import { advanceStreak, previousDay } from '../../../src/store/memory/calendar-day.js';

const AT = new Date('2026-03-02T10:00:00Z');

async function world(store: Store = createMemoryStore()) {
  const alice = await store.upsertUser({ platform: 'telegram', platformUserId: 'a', displayName: 'Alice' });
  const bob = await store.upsertUser({ platform: 'telegram', platformUserId: 'b', displayName: 'Bob' });
  const scope = await store.upsertScope({ platform: 'telegram', platformScopeId: 'g1', kind: 'group' });
  const { question: q } = await store.createQuestion({
    eventKey: 'telegram:quiz:1',
    scopeId: scope.id,
    channelId: 'g1',
    topicId: 'conv-output-size',
    seed: 42,
    createdByUserId: alice.id,
    at: AT,
  });
  return { store, alice, bob, scope, q };
}

function attempt(partId: string, tryNo: number, correct: boolean): NewAttempt {
  return {
    partId,
    tryNo,
    answer: correct ? '1' : '2',
    status: correct ? 'correct' : 'wrong',
    credit: correct ? 1 : 0,
    firstTry: correct && tryNo === 1,
  };
}

let eventNo = 0;

function record(
  base: Pick<RecordAttemptsInput, 'questionId' | 'userId' | 'scopeId'>,
  over: Partial<RecordAttemptsInput>,
): RecordAttemptsInput {
  return {
    eventKey: `e${++eventNo}`,
    topicId: 'conv-output-size',
    attempts: [],
    points: 0,
    solvedQuestion: false,
    firstAttemptOnQuestion: false,
    day: '2026-03-02',
    week: '2026-W10',
    at: AT,
    ...base,
    ...over,
  };
}

describe('calendar days and streaks', () => {
  it('steps back across month, year and leap-day boundaries', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(previousDay('2024-03-01')).toBe('2024-02-29');
    expect(previousDay('2026-01-01')).toBe('2025-12-31');
    expect(() => previousDay('yesterday')).toThrow(RangeError);
  });

  it('extends on the next day, restarts after a gap, ignores the same or an earlier day', () => {
    let s = advanceStreak({ current: 0, best: 0, lastActiveDay: null }, '2026-02-27');
    expect(s).toEqual({ current: 1, best: 1, lastActiveDay: '2026-02-27' });
    s = advanceStreak(s, '2026-02-28');
    s = advanceStreak(s, '2026-03-01');
    expect(s).toEqual({ current: 3, best: 3, lastActiveDay: '2026-03-01' });
    expect(advanceStreak(s, '2026-03-01')).toBe(s);
    expect(advanceStreak(s, '2026-02-28')).toBe(s);
    expect(advanceStreak(s, '2026-03-03')).toEqual({ current: 1, best: 3, lastActiveDay: '2026-03-03' });
  });
});

describe('memory store', () => {
  it('upserts users and scopes by platform identity and updates names', async () => {
    const store = createMemoryStore();
    const a1 = await store.upsertUser({ platform: 'discord', platformUserId: '1', displayName: 'A' });
    const a2 = await store.upsertUser({ platform: 'discord', platformUserId: '1', displayName: 'A2' });
    const t1 = await store.upsertUser({ platform: 'telegram', platformUserId: '1', displayName: 'T' });
    expect(a2.id).toBe(a1.id);
    expect(a2.displayName).toBe('A2');
    expect(t1.id).not.toBe(a1.id);
    expect(a1).toMatchObject({ timeZone: 'UTC', optOut: false, streakCurrent: 0, lastActiveDay: null });
    const s1 = await store.upsertScope({
      platform: 'discord',
      platformScopeId: 'g',
      kind: 'server',
      title: 'X',
    });
    const s2 = await store.upsertScope({ platform: 'discord', platformScopeId: 'g', kind: 'server' });
    expect(s2).toEqual(s1);
    expect(s1.title).toBe('X');
  });

  it('creates a question once per event key and finds the latest per channel and by message', async () => {
    const { store, alice, scope, q } = await world();
    const again = await store.createQuestion({
      eventKey: 'telegram:quiz:1',
      scopeId: scope.id,
      channelId: 'g1',
      topicId: 'other',
      seed: 7,
      createdByUserId: alice.id,
      at: new Date(AT.getTime() + 1000),
    });
    expect(again).toEqual({ question: q, created: false });
    const { question: q2 } = await store.createQuestion({
      eventKey: 'telegram:quiz:2',
      scopeId: scope.id,
      channelId: 'g1',
      topicId: 'other',
      seed: 7,
      createdByUserId: alice.id,
      at: new Date(AT.getTime() + 1000),
    });
    expect((await store.latestQuestion({ scopeId: scope.id, channelId: 'g1' }))?.id).toBe(q2.id);
    expect(await store.latestQuestion({ scopeId: scope.id, channelId: 'other' })).toBeUndefined();
    await store.setQuestionMessage({ questionId: q.id, messageId: 'm1' });
    expect((await store.findQuestionByMessage({ scopeId: scope.id, messageId: 'm1' }))?.id).toBe(q.id);
    expect(await store.findQuestionByMessage({ scopeId: scope.id + 1, messageId: 'm1' })).toBeUndefined();
    await store.markQuestionRevealed({ questionId: q.id, at: new Date('2026-03-03T00:00:00Z') });
    await store.markQuestionRevealed({ questionId: q.id, at: new Date('2026-03-04T00:00:00Z') });
    expect((await store.getQuestion(q.id))?.revealedAt?.toISOString()).toBe('2026-03-03T00:00:00.000Z');
  });

  it('hands out copies: mutating a record does not change the store', async () => {
    const { store, q } = await world();
    const got = (await store.getQuestion(q.id))!;
    expect(Object.isFrozen(got)).toBe(true);
    got.createdAt.setFullYear(1999);
    expect((await store.getQuestion(q.id))?.createdAt.getFullYear()).toBe(2026);
  });

  it('records attempts once per event key and refuses a taken (part, tryNo) as a conflict', async () => {
    const { store, alice, scope, q } = await world();
    const base = { questionId: q.id, userId: alice.id, scopeId: scope.id };
    const first = record(base, {
      eventKey: 'k1',
      attempts: [attempt('a', 1, false)],
      firstAttemptOnQuestion: true,
    });
    expect(await store.recordAttempts(first)).toEqual({ status: 'recorded' });
    expect(await store.recordAttempts(first)).toEqual({ status: 'duplicate' });
    expect(await store.getEvent('k1')).toBeDefined();
    expect(await store.getEvent('k2')).toBeUndefined();
    const clash = record(base, { eventKey: 'k2', attempts: [attempt('b', 1, true), attempt('a', 1, true)] });
    expect(await store.recordAttempts(clash)).toEqual({ status: 'conflict' });
    // A conflict records nothing, not even the other part or the event key.
    expect(await store.getEvent('k2')).toBeUndefined();
    const state = await store.getUserQuestionState({ questionId: q.id, userId: alice.id });
    expect(state.attempts.map((a) => [a.partId, a.tryNo, a.status])).toEqual([['a', 1, 'wrong']]);
    const progress = await store.getTopicProgress(alice.id);
    expect(progress).toEqual([
      expect.objectContaining({
        questions: 1,
        attempts: 1,
        correct: 0,
        firstTryCorrect: 0,
        partsAttempted: 1,
      }),
    ]);
  });

  it('keeps each student attempts and hints apart', async () => {
    const { store, alice, bob, scope, q } = await world();
    await store.recordAttempts(
      record(
        { questionId: q.id, userId: alice.id, scopeId: scope.id },
        { attempts: [attempt('a', 1, true)] },
      ),
    );
    expect(
      await store.recordAttempts(
        record(
          { questionId: q.id, userId: bob.id, scopeId: scope.id },
          { attempts: [attempt('a', 1, true)] },
        ),
      ),
    ).toEqual({ status: 'recorded' });
    const hint = (eventKey: string) => store.recordHint({ eventKey, questionId: q.id, userId: alice.id });
    expect(await hint('h1')).toEqual({ hintsUsed: 1, duplicate: false });
    expect(await hint('h1')).toEqual({ hintsUsed: 1, duplicate: true });
    expect(await hint('h2')).toEqual({ hintsUsed: 2, duplicate: false });
    await store.recordReveal({ questionId: q.id, userId: bob.id });
    expect(await store.getUserQuestionState({ questionId: q.id, userId: alice.id })).toMatchObject({
      hintsUsed: 2,
      revealed: false,
    });
    expect(await store.getUserQuestionState({ questionId: q.id, userId: bob.id })).toMatchObject({
      hintsUsed: 0,
      revealed: true,
    });
  });

  it('maintains all-time and weekly scores, ranks ties by solved then user id, hides opted-out users', async () => {
    const { store, alice, bob, scope, q } = await world();
    const carol = await store.upsertUser({ platform: 'telegram', platformUserId: 'c', displayName: 'Carol' });
    const add = (userId: number, points: number, week: string, solved = true) =>
      store.recordAttempts(
        record(
          { questionId: q.id, userId, scopeId: scope.id },
          { attempts: [], points, solvedQuestion: solved, week },
        ),
      );
    await add(alice.id, 4, '2026-W09');
    await add(bob.id, 3, '2026-W10');
    await add(bob.id, 1, '2026-W10', false);
    await add(carol.id, 4, '2026-W10', false);
    const all = await store.getLeaderboard({
      scopeId: scope.id,
      period: 'all',
      week: '2026-W10',
      limit: 10,
      userId: carol.id,
    });
    expect(all.top.map((r) => [r.displayName, r.points, r.solved])).toEqual([
      ['Alice', 4, 1],
      ['Bob', 4, 1],
      ['Carol', 4, 0],
    ]);
    expect(all.me).toMatchObject({ displayName: 'Carol', rank: 3 });
    const week = await store.getLeaderboard({
      scopeId: scope.id,
      period: 'week',
      week: '2026-W10',
      limit: 1,
      userId: carol.id,
    });
    expect(week.top.map((r) => r.displayName)).toEqual(['Bob']);
    expect(week.me).toMatchObject({ rank: 2, points: 4 });
    expect(await store.getTotalPoints(bob.id)).toBe(4);

    await store.setOptOut({ userId: bob.id, optOut: true });
    const hidden = await store.getLeaderboard({
      scopeId: scope.id,
      period: 'all',
      week: '2026-W10',
      limit: 10,
      userId: bob.id,
    });
    expect(hidden.top.map((r) => r.displayName)).toEqual(['Alice', 'Carol']);
    expect(hidden.me).toBeUndefined();

    await store.resetLeaderboard({ scopeId: scope.id, eventKey: 'reset-1', at: new Date() });
    const empty = await store.getLeaderboard({
      scopeId: scope.id,
      period: 'all',
      week: '2026-W10',
      limit: 10,
      userId: alice.id,
    });
    expect(empty.top).toEqual([]);
    // Personal progress survives a leaderboard reset.
    expect((await store.getUser(alice.id))?.streakCurrent).toBe(1);
  });

  it('advances the streak per local day given by the engine', async () => {
    const { store, alice, scope, q } = await world();
    const on = (day: string) =>
      store.recordAttempts(
        record({ questionId: q.id, userId: alice.id, scopeId: scope.id }, { attempts: [], day }),
      );
    await on('2026-02-28');
    await on('2026-02-28');
    await on('2026-03-01');
    expect(await store.getUser(alice.id)).toMatchObject({ streakCurrent: 2, streakBest: 2 });
    await on('2026-03-05');
    expect(await store.getUser(alice.id)).toMatchObject({
      streakCurrent: 1,
      streakBest: 2,
      lastActiveDay: '2026-03-05',
    });
  });

  it('is atomic under concurrent calls: 200 racing submissions of one try record exactly one', async () => {
    const { store, alice, scope, q } = await world();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        store.recordAttempts(
          record(
            { questionId: q.id, userId: alice.id, scopeId: scope.id },
            { eventKey: `race-${i}`, attempts: [attempt('a', 1, true)], points: 6, solvedQuestion: true },
          ),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'recorded')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'conflict')).toHaveLength(199);
    expect(await store.getTotalPoints(alice.id)).toBe(6);
  });

  it('rejects references to missing rows and negative points, as foreign keys would', async () => {
    const { store, alice, scope, q } = await world();
    await expect(store.setQuestionMessage({ questionId: 999, messageId: 'x' })).rejects.toThrow();
    await expect(
      store.recordAttempts(record({ questionId: q.id, userId: alice.id, scopeId: scope.id }, { points: -1 })),
    ).rejects.toThrow(RangeError);
    await store.close();
    await expect(store.getUser(alice.id)).rejects.toThrow(/closed/);
  });
});
