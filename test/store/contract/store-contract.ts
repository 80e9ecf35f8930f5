/**
 * The store contract: one suite, run against every implementation of the port (memory, SQLite, PostgreSQL).
 * Each test works in its own users and scope (unique ids from `fresh()`), so one store serves the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../src/engine/api.js';
import type { NewAttempt, RecordAttemptsInput, Store, UserRecord } from '../../../src/engine/ports/store.js';

export interface StoreFactory {
  readonly name: string;
  open(): Promise<Store>;
  /** Runs after the store was closed (drop the database, delete the file). */
  cleanup?(): Promise<void>;
}

const PLATFORM: Platform = 'telegram';
let counter = 0;

/** A unique prefix per call, so tests sharing one store never see each other's rows. */
function fresh(): string {
  counter += 1;
  return `t${counter}-${process.pid}`;
}

/** The user's local calendar day at `at` in `timeZone` (what the engine passes as `day`). */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function attempt(
  partId: string,
  tryNo: number,
  correct: boolean,
  answer = correct ? '1' : '2',
): NewAttempt {
  return {
    partId,
    tryNo,
    answer,
    status: correct ? 'correct' : 'wrong',
    credit: correct ? 1 : 0,
    firstTry: correct && tryNo === 1,
  };
}

export function describeStoreContract(factory: StoreFactory): void {
  describe(`store contract: ${factory.name}`, () => {
    let store: Store;

    beforeAll(async () => {
      store = await factory.open();
    });

    afterAll(async () => {
      await store?.close();
      await factory.cleanup?.();
    });

    /** A scope, a channel, a question and `n` users, all new. */
    async function world(n = 2, at = new Date('2026-03-02T10:00:00.000Z')) {
      const id = fresh();
      const users: UserRecord[] = [];
      for (let i = 0; i < n; i++) {
        users.push(
          await store.upsertUser({ platform: PLATFORM, platformUserId: `${id}-u${i}`, displayName: `U${i}` }),
        );
      }
      const scope = await store.upsertScope({
        platform: PLATFORM,
        platformScopeId: `${id}-g`,
        kind: 'group',
      });
      const { question: q } = await store.createQuestion({
        eventKey: `${id}:quiz`,
        scopeId: scope.id,
        channelId: `${id}-c`,
        topicId: 'conv-output-size',
        seed: 42,
        createdByUserId: users[0]!.id,
        at,
      });
      let ev = 0;
      const event = (): string => `${id}:ev${++ev}`;
      const newQuestion = async (topicId = 'conv-output-size') =>
        (
          await store.createQuestion({
            eventKey: event(),
            scopeId: scope.id,
            channelId: `${id}-c`,
            topicId,
            seed: 7,
            createdByUserId: users[0]!.id,
            at,
          })
        ).question;
      const submission = (over: Partial<RecordAttemptsInput> & { userId: number }): RecordAttemptsInput => ({
        eventKey: event(),
        questionId: q.id,
        scopeId: scope.id,
        topicId: q.topicId,
        attempts: [],
        points: 0,
        solvedQuestion: false,
        firstAttemptOnQuestion: false,
        day: '2026-03-02',
        week: '2026-W10',
        at,
        ...over,
      });
      return { id, users, scope, q, event, newQuestion, submission };
    }

    describe('users and scopes', () => {
      it('creates a user with defaults and returns the same user, renamed, for the same identity', async () => {
        const id = fresh();
        const a = await store.upsertUser({ platform: 'discord', platformUserId: id, displayName: 'Ann' });
        expect(a).toMatchObject({
          platform: 'discord',
          platformUserId: id,
          displayName: 'Ann',
          timeZone: 'UTC',
          optOut: false,
          streakCurrent: 0,
          streakBest: 0,
          lastActiveDay: null,
        });
        const again = await store.upsertUser({
          platform: 'discord',
          platformUserId: id,
          displayName: 'Annie',
        });
        expect(again.id).toBe(a.id);
        expect(again.displayName).toBe('Annie');
        expect((await store.getUser(a.id))?.displayName).toBe('Annie');
        // The same name again (the usual case: nothing to write) gives back the same user.
        expect(
          await store.upsertUser({ platform: 'discord', platformUserId: id, displayName: 'Annie' }),
        ).toEqual(again);
        // The same platform id on another platform is another person.
        const other = await store.upsertUser({
          platform: 'telegram',
          platformUserId: id,
          displayName: 'Ann',
        });
        expect(other.id).not.toBe(a.id);
      });

      it('getUser of an unknown id is undefined', async () => {
        expect(await store.getUser(987_654_321)).toBeUndefined();
      });

      it('creates a scope once per platform identity, keeping the title unless a new one is given', async () => {
        const id = fresh();
        const s = await store.upsertScope({
          platform: 'discord',
          platformScopeId: id,
          kind: 'server',
          title: 'NTU',
        });
        expect(s).toMatchObject({ platform: 'discord', platformScopeId: id, kind: 'server', title: 'NTU' });
        const same = await store.upsertScope({ platform: 'discord', platformScopeId: id, kind: 'server' });
        expect(same).toEqual(s);
        const renamed = await store.upsertScope({
          platform: 'discord',
          platformScopeId: id,
          kind: 'server',
          title: 'NTU NNDL',
        });
        expect(renamed).toEqual({ ...s, title: 'NTU NNDL' });
        // The same title again changes nothing; another kind (a group that became another kind) is updated.
        expect(
          await store.upsertScope({
            platform: 'discord',
            platformScopeId: id,
            kind: 'server',
            title: 'NTU NNDL',
          }),
        ).toEqual(renamed);
        const rekinded = await store.upsertScope({ platform: 'discord', platformScopeId: id, kind: 'group' });
        expect(rekinded).toEqual({ ...renamed, kind: 'group' });
        const dm = await store.upsertScope({ platform: 'telegram', platformScopeId: id, kind: 'private' });
        expect(dm.id).not.toBe(s.id);
        expect(dm.title).toBeNull();
      });

      it('persists opt-out and time zone', async () => {
        const { users } = await world(1);
        const u = users[0]!;
        await store.setOptOut({ userId: u.id, optOut: true });
        await store.setTimeZone({ userId: u.id, timeZone: 'Asia/Singapore' });
        expect(await store.getUser(u.id)).toMatchObject({ optOut: true, timeZone: 'Asia/Singapore' });
        await store.setOptOut({ userId: u.id, optOut: false });
        expect((await store.getUser(u.id))?.optOut).toBe(false);
        // A later upsert (display name) keeps both.
        const again = await store.upsertUser({
          platform: u.platform,
          platformUserId: u.platformUserId,
          displayName: 'X',
        });
        expect(again).toMatchObject({ optOut: false, timeZone: 'Asia/Singapore', displayName: 'X' });
      });
    });

    describe('questions', () => {
      it('creates a question from topic and seed and reads it back', async () => {
        const at = new Date('2026-05-01T08:30:15.123Z');
        const { q, scope, users, id } = await world(1, at);
        expect(q).toMatchObject({
          scopeId: scope.id,
          channelId: `${id}-c`,
          topicId: 'conv-output-size',
          seed: 42,
          createdByUserId: users[0]!.id,
          messageId: null,
          revealedAt: null,
        });
        expect(q.createdAt.toISOString()).toBe(at.toISOString());
        expect(await store.getQuestion(q.id)).toEqual(q);
        expect(await store.getQuestion(987_654_321)).toBeUndefined();
      });

      it('keeps the largest seed (31-bit)', async () => {
        const { scope, users, id } = await world(1);
        const { question: q } = await store.createQuestion({
          eventKey: `${id}:big`,
          scopeId: scope.id,
          channelId: 'c',
          topicId: 't',
          seed: 0x7fff_ffff,
          createdByUserId: users[0]!.id,
          at: new Date(),
        });
        expect((await store.getQuestion(q.id))?.seed).toBe(0x7fff_ffff);
      });

      it('is idempotent per event key: a redelivered event returns the first question', async () => {
        const { q, scope, users, id } = await world(1);
        const again = await store.createQuestion({
          eventKey: `${id}:quiz`,
          scopeId: scope.id,
          channelId: 'elsewhere',
          topicId: 'other-topic',
          seed: 1,
          createdByUserId: users[0]!.id,
          at: new Date(),
        });
        expect(again).toEqual({ question: q, created: false });
        expect(await store.latestQuestion({ scopeId: scope.id, channelId: 'elsewhere' })).toBeUndefined();
      });

      it('creates a question once when the same event races with itself', async () => {
        const { scope, users, id } = await world(1);
        const input = {
          eventKey: `${id}:race`,
          scopeId: scope.id,
          channelId: 'c',
          topicId: 't',
          seed: 3,
          createdByUserId: users[0]!.id,
          at: new Date('2026-01-01T00:00:00.000Z'),
        };
        const results = await Promise.all(Array.from({ length: 20 }, () => store.createQuestion(input)));
        expect(new Set(results.map((r) => r.question.id)).size).toBe(1);
        expect(results.filter((r) => r.created)).toHaveLength(1);
      });

      it('latestQuestion is the most recent of its (scope, channel), later insert winning a tie', async () => {
        const { scope, users, id } = await world(1);
        const create = async (channelId: string, at: string, n: number) =>
          (
            await store.createQuestion({
              eventKey: `${id}:q${n}`,
              scopeId: scope.id,
              channelId,
              topicId: `topic-${n}`,
              seed: n,
              createdByUserId: users[0]!.id,
              at: new Date(at),
            })
          ).question;
        expect(await store.latestQuestion({ scopeId: scope.id, channelId: 'c1' })).toBeUndefined();
        await create('c1', '2026-01-01T10:00:00.000Z', 1);
        const q2 = await create('c1', '2026-01-01T11:00:00.000Z', 2);
        const q3 = await create('c2', '2026-01-01T12:00:00.000Z', 3);
        expect((await store.latestQuestion({ scopeId: scope.id, channelId: 'c1' }))?.id).toBe(q2.id);
        expect((await store.latestQuestion({ scopeId: scope.id, channelId: 'c2' }))?.id).toBe(q3.id);
        const q4 = await create('c1', '2026-01-01T11:00:00.000Z', 4);
        expect((await store.latestQuestion({ scopeId: scope.id, channelId: 'c1' }))?.id).toBe(q4.id);
        const other = await store.upsertScope({
          platform: PLATFORM,
          platformScopeId: `${id}-other`,
          kind: 'group',
        });
        expect(await store.latestQuestion({ scopeId: other.id, channelId: 'c1' })).toBeUndefined();
      });

      it('finds a question by its platform message, within its scope only', async () => {
        const { q, scope, id } = await world(1);
        await store.setQuestionMessage({ questionId: q.id, messageId: `${id}-m1` });
        expect(await store.findQuestionByMessage({ scopeId: scope.id, messageId: `${id}-m1` })).toEqual({
          ...q,
          messageId: `${id}-m1`,
        });
        expect(await store.findQuestionByMessage({ scopeId: scope.id, messageId: 'nope' })).toBeUndefined();
        const other = await store.upsertScope({
          platform: PLATFORM,
          platformScopeId: `${id}-o`,
          kind: 'group',
        });
        expect(
          await store.findQuestionByMessage({ scopeId: other.id, messageId: `${id}-m1` }),
        ).toBeUndefined();
      });

      it('marks a question revealed the first time only', async () => {
        const { q } = await world(1);
        const first = new Date('2026-02-01T00:00:00.000Z');
        await store.markQuestionRevealed({ questionId: q.id, at: first });
        await store.markQuestionRevealed({ questionId: q.id, at: new Date('2026-02-02T00:00:00.000Z') });
        expect((await store.getQuestion(q.id))?.revealedAt?.toISOString()).toBe(first.toISOString());
      });
    });

    describe('per-student question state', () => {
      it('starts empty', async () => {
        const { q, users } = await world(1);
        expect(await store.getUserQuestionState({ questionId: q.id, userId: users[0]!.id })).toEqual({
          attempts: [],
          hintsUsed: 0,
          revealed: false,
        });
      });

      it('counts hints once per event key, per student', async () => {
        const { q, users, id } = await world(2);
        const [a, b] = users as [UserRecord, UserRecord];
        const hint = (key: string, userId: number) =>
          store.recordHint({ eventKey: `${id}:${key}`, questionId: q.id, userId });
        expect(await hint('h1', a.id)).toEqual({ hintsUsed: 1, duplicate: false });
        expect(await hint('h1', a.id)).toEqual({ hintsUsed: 1, duplicate: true });
        expect(await hint('h2', a.id)).toEqual({ hintsUsed: 2, duplicate: false });
        expect(await hint('h3', b.id)).toEqual({ hintsUsed: 1, duplicate: false });
        // Two deliveries of one event racing: counted once.
        const raced = await Promise.all(
          Array.from({ length: 10 }, () =>
            store.recordHint({ eventKey: `${id}:h4`, questionId: q.id, userId: a.id }),
          ),
        );
        expect(raced.every((r) => r.hintsUsed === 3)).toBe(true);
        expect(raced.filter((r) => !r.duplicate)).toHaveLength(1);
        expect((await store.getUserQuestionState({ questionId: q.id, userId: a.id })).hintsUsed).toBe(3);
        expect((await store.getUserQuestionState({ questionId: q.id, userId: b.id })).hintsUsed).toBe(1);
      });

      it('records that a student saw the solution, keeping their hints', async () => {
        const { q, users, id } = await world(2);
        const [a, b] = users as [UserRecord, UserRecord];
        await store.recordHint({ eventKey: `${id}:h`, questionId: q.id, userId: a.id });
        await store.recordReveal({ questionId: q.id, userId: a.id });
        await store.recordReveal({ questionId: q.id, userId: a.id });
        expect(await store.getUserQuestionState({ questionId: q.id, userId: a.id })).toMatchObject({
          hintsUsed: 1,
          revealed: true,
        });
        expect((await store.getUserQuestionState({ questionId: q.id, userId: b.id })).revealed).toBe(false);
      });

      it('lists a student’s attempts in the order they were made, with their answers graded', async () => {
        const at = new Date('2026-03-02T10:00:00.500Z');
        const { users, submission, q } = await world(2, at);
        const [a, b] = users as [UserRecord, UserRecord];
        await store.recordAttempts(
          submission({ userId: a.id, attempts: [attempt('a', 1, false), attempt('b', 1, true)] }),
        );
        await store.recordAttempts(
          submission({ userId: a.id, attempts: [{ ...attempt('a', 2, true), credit: 0.5 }] }),
        );
        await store.recordAttempts(submission({ userId: b.id, attempts: [attempt('a', 1, true)] }));
        const state = await store.getUserQuestionState({ questionId: q.id, userId: a.id });
        expect(state.attempts.map((x) => [x.partId, x.tryNo, x.status, x.credit, x.answer])).toEqual([
          ['a', 1, 'wrong', 0, '2'],
          ['b', 1, 'correct', 1, '1'],
          ['a', 2, 'correct', 0.5, '1'],
        ]);
        expect(state.attempts.every((x) => x.createdAt.toISOString() === at.toISOString())).toBe(true);
        expect((await store.getUserQuestionState({ questionId: q.id, userId: b.id })).attempts).toHaveLength(
          1,
        );
      });

      it('reads the question, the student and their state on it together, exactly as the separate reads', async () => {
        const at = new Date('2026-03-02T10:00:00.250Z');
        const { users, submission, q, newQuestion, id } = await world(2, at);
        const [a, b] = users as [UserRecord, UserRecord];
        const other = await newQuestion();
        await store.recordAttempts(
          submission({ userId: a.id, attempts: [attempt('a', 1, false), attempt('b', 1, true)] }),
        );
        await store.recordAttempts(submission({ userId: a.id, attempts: [attempt('a', 2, true)] }));
        await store.recordAttempts(
          submission({ userId: a.id, questionId: other.id, attempts: [attempt('a', 1, true)] }),
        );
        await store.recordAttempts(submission({ userId: b.id, attempts: [attempt('a', 1, true)] }));
        await store.recordHint({ eventKey: `${id}:hint`, questionId: q.id, userId: a.id });
        await store.recordReveal({ questionId: q.id, userId: a.id });
        const context = (questionId: number, platformUserId: string) =>
          store.getAnswerContext({ questionId, platform: PLATFORM, platformUserId });

        const mine = await context(q.id, a.platformUserId);
        expect(mine).toEqual({
          question: await store.getQuestion(q.id),
          user: await store.getUser(a.id),
          state: await store.getUserQuestionState({ questionId: q.id, userId: a.id }),
        });
        expect(mine.state.attempts.map((x) => [x.partId, x.tryNo])).toEqual([
          ['a', 1],
          ['b', 1],
          ['a', 2],
        ]);
        expect(mine.state).toMatchObject({ hintsUsed: 1, revealed: true });
        // Another question of the same student: only its own attempts.
        expect((await context(other.id, a.platformUserId)).state).toEqual({
          attempts: [expect.objectContaining({ partId: 'a', tryNo: 1, status: 'correct' })],
          hintsUsed: 0,
          revealed: false,
        });
        // A student with nothing on it yet, a student never seen, a question that does not exist.
        expect((await context(other.id, b.platformUserId)).state).toEqual({
          attempts: [],
          hintsUsed: 0,
          revealed: false,
        });
        expect(await context(q.id, `${id}-nobody`)).toEqual({
          question: await store.getQuestion(q.id),
          user: undefined,
          state: { attempts: [], hintsUsed: 0, revealed: false },
        });
        expect(await context(q.id + 1_000_000, a.platformUserId)).toEqual({
          question: undefined,
          user: undefined,
          state: { attempts: [], hintsUsed: 0, revealed: false },
        });
        // The same platform user id on another platform is another student.
        const elsewhere = await store.getAnswerContext({
          questionId: q.id,
          platform: 'discord',
          platformUserId: a.platformUserId,
        });
        expect(elsewhere.user).toBeUndefined();
      });
    });

    describe('recordAttempts', () => {
      it('records attempts, topic progress, both scores and the streak', async () => {
        const { users, submission, scope } = await world(1);
        const u = users[0]!;
        const result = await store.recordAttempts(
          submission({
            userId: u.id,
            attempts: [attempt('a', 1, true), attempt('b', 1, false)],
            points: 10,
            firstAttemptOnQuestion: true,
          }),
        );
        expect(result).toEqual({ status: 'recorded' });
        expect(await store.getTopicProgress(u.id)).toEqual([
          {
            topicId: 'conv-output-size',
            questions: 1,
            attempts: 2,
            correct: 1,
            firstTryCorrect: 1,
            partsAttempted: 2,
            lastSeenAt: new Date('2026-03-02T10:00:00.000Z'),
          },
        ]);
        await store.recordAttempts(
          submission({
            userId: u.id,
            attempts: [attempt('b', 2, true)],
            points: 4,
            solvedQuestion: true,
            at: new Date('2026-03-02T10:05:00.000Z'),
          }),
        );
        expect(await store.getTopicProgress(u.id)).toEqual([
          {
            topicId: 'conv-output-size',
            questions: 1,
            attempts: 3,
            correct: 2,
            firstTryCorrect: 1,
            partsAttempted: 2,
            lastSeenAt: new Date('2026-03-02T10:05:00.000Z'),
          },
        ]);
        const row = {
          userId: u.id,
          platformUserId: u.platformUserId,
          displayName: u.displayName,
          points: 14,
          solved: 1,
        };
        for (const period of ['all', 'week'] as const) {
          expect(
            await store.getLeaderboard({
              scopeId: scope.id,
              period,
              week: '2026-W10',
              limit: 10,
              userId: u.id,
            }),
          ).toEqual({ top: [row], me: { ...row, rank: 1 } });
        }
        expect(await store.getTotalPoints(u.id)).toBe(14);
        expect(await store.getUser(u.id)).toMatchObject({
          streakCurrent: 1,
          streakBest: 1,
          lastActiveDay: '2026-03-02',
        });
      });

      it('keeps per-topic progress apart and never moves lastSeenAt back', async () => {
        const { users, submission, newQuestion } = await world(1);
        const u = users[0]!;
        const rnn = await newQuestion('rnn-forward');
        await store.recordAttempts(
          submission({ userId: u.id, attempts: [attempt('a', 1, true)], firstAttemptOnQuestion: true }),
        );
        await store.recordAttempts(
          submission({
            userId: u.id,
            questionId: rnn.id,
            topicId: 'rnn-forward',
            attempts: [attempt('a', 1, false)],
            firstAttemptOnQuestion: true,
            at: new Date('2026-03-03T00:00:00.000Z'),
          }),
        );
        // A late-arriving submission stamped earlier than the last one seen.
        await store.recordAttempts(
          submission({
            userId: u.id,
            questionId: rnn.id,
            topicId: 'rnn-forward',
            attempts: [attempt('a', 2, true)],
            at: new Date('2026-03-01T00:00:00.000Z'),
          }),
        );
        const progress = [...(await store.getTopicProgress(u.id))].sort((x, y) =>
          x.topicId.localeCompare(y.topicId),
        );
        expect(progress).toEqual([
          {
            topicId: 'conv-output-size',
            questions: 1,
            attempts: 1,
            correct: 1,
            firstTryCorrect: 1,
            partsAttempted: 1,
            lastSeenAt: new Date('2026-03-02T10:00:00.000Z'),
          },
          {
            topicId: 'rnn-forward',
            questions: 1,
            attempts: 2,
            correct: 1,
            firstTryCorrect: 0,
            partsAttempted: 1,
            lastSeenAt: new Date('2026-03-03T00:00:00.000Z'),
          },
        ]);
      });

      it('records an event key once: a redelivered submission is a duplicate and changes nothing', async () => {
        const { users, submission, scope, q } = await world(1);
        const u = users[0]!;
        const s = submission({
          userId: u.id,
          attempts: [attempt('a', 1, true)],
          points: 5,
          solvedQuestion: true,
        });
        expect(await store.getEvent(s.eventKey)).toBeUndefined();
        expect(await store.recordAttempts(s)).toEqual({ status: 'recorded' });
        expect(await store.getEvent(s.eventKey)).toBeDefined();
        const before = await snapshot(store, u.id, q.id, scope.id);
        // Same event, even with different content (e.g. re-graded on redelivery): nothing is recorded.
        expect(await store.recordAttempts({ ...s, attempts: [attempt('a', 2, true)], points: 9 })).toEqual({
          status: 'duplicate',
        });
        expect(await snapshot(store, u.id, q.id, scope.id)).toEqual(before);
      });

      it('a second submission of the same try is a conflict, changes nothing and does not consume its event key', async () => {
        const { users, submission, scope, q } = await world(1);
        const u = users[0]!;
        await store.recordAttempts(submission({ userId: u.id, attempts: [attempt('a', 1, false)] }));
        const before = await snapshot(store, u.id, q.id, scope.id);
        const late = submission({
          userId: u.id,
          attempts: [attempt('b', 1, true), attempt('a', 1, true)],
          points: 7,
          firstAttemptOnQuestion: true,
          day: '2026-03-03',
        });
        expect(await store.recordAttempts(late)).toEqual({ status: 'conflict' });
        expect(await snapshot(store, u.id, q.id, scope.id)).toEqual(before);
        expect(await store.getEvent(late.eventKey)).toBeUndefined();
        // The engine re-reads and retries the same event with the next try: now it records.
        expect(
          await store.recordAttempts({ ...late, attempts: [attempt('b', 1, true), attempt('a', 2, true)] }),
        ).toEqual({ status: 'recorded' });
        expect((await store.getUserQuestionState({ questionId: q.id, userId: u.id })).attempts).toHaveLength(
          3,
        );
      });

      it('refuses two attempts at the same try within one submission (a caller bug, not a race)', async () => {
        const { users, submission } = await world(1);
        await expect(
          store.recordAttempts(
            submission({ userId: users[0]!.id, attempts: [attempt('a', 1, true), attempt('a', 1, false)] }),
          ),
        ).rejects.toThrow();
      });

      it('racing submissions of the same try: exactly one is recorded and scored', async () => {
        const { users, submission, scope, q } = await world(1);
        const u = users[0]!;
        const results = await Promise.all(
          Array.from({ length: 25 }, () =>
            store.recordAttempts(
              submission({
                userId: u.id,
                attempts: [attempt('a', 1, true)],
                points: 3,
                solvedQuestion: true,
              }),
            ),
          ),
        );
        expect(results.filter((r) => r.status === 'recorded')).toHaveLength(1);
        expect(results.filter((r) => r.status === 'conflict')).toHaveLength(24);
        expect((await store.getUserQuestionState({ questionId: q.id, userId: u.id })).attempts).toHaveLength(
          1,
        );
        const board = await store.getLeaderboard({
          scopeId: scope.id,
          period: 'all',
          week: 'x',
          limit: 10,
          userId: u.id,
        });
        expect(board.me).toMatchObject({ points: 3, solved: 1 });
        expect((await store.getTopicProgress(u.id))[0]).toMatchObject({ attempts: 1, correct: 1 });
      });

      it('racing deliveries of the same event: exactly one is recorded', async () => {
        const { users, submission, q } = await world(1);
        const u = users[0]!;
        const s = submission({ userId: u.id, attempts: [attempt('a', 1, true)], points: 3 });
        const results = await Promise.all(Array.from({ length: 25 }, () => store.recordAttempts(s)));
        expect(results.filter((r) => r.status === 'recorded')).toHaveLength(1);
        expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(24);
        expect((await store.getUserQuestionState({ questionId: q.id, userId: u.id })).attempts).toHaveLength(
          1,
        );
      });

      it('rejects negative points', async () => {
        const { users, submission } = await world(1);
        await expect(
          store.recordAttempts(submission({ userId: users[0]!.id, points: -1 })),
        ).rejects.toThrow();
      });
    });

    describe('streaks (calendar days in the student’s time zone)', () => {
      async function daysStreak(days: readonly string[]) {
        const { users, submission } = await world(1);
        const u = users[0]!;
        const seen: [number, number][] = [];
        for (const day of days) {
          await store.recordAttempts(submission({ userId: u.id, day }));
          const after = await store.getUser(u.id);
          seen.push([after!.streakCurrent, after!.streakBest]);
        }
        return { seen, user: await store.getUser(u.id) };
      }

      it('same day unchanged, next day +1, a gap restarts at 1, best is the maximum', async () => {
        const { seen, user } = await daysStreak([
          '2026-03-01',
          '2026-03-01',
          '2026-03-02',
          '2026-03-03',
          '2026-03-05',
          '2026-03-06',
        ]);
        expect(seen).toEqual([
          [1, 1],
          [1, 1],
          [2, 2],
          [3, 3],
          [1, 3],
          [2, 3],
        ]);
        expect(user?.lastActiveDay).toBe('2026-03-06');
      });

      it('counts across month, year and leap-day boundaries', async () => {
        // 2024 is a leap year (2024-02-29 exists); 2026 is not (2026-02-28 -> 2026-03-01 is consecutive).
        const { seen } = await daysStreak([
          '2024-02-28',
          '2024-02-29',
          '2024-03-01',
          '2025-12-31',
          '2026-01-01',
        ]);
        expect(seen.map(([c]) => c)).toEqual([1, 2, 3, 1, 2]);
        const { seen: feb } = await daysStreak(['2026-02-27', '2026-02-28', '2026-03-01']);
        expect(feb.map(([c]) => c)).toEqual([1, 2, 3]);
      });

      it('an earlier day than the last active one (moved time zone west) changes nothing', async () => {
        const { seen, user } = await daysStreak(['2026-03-01', '2026-03-02', '2026-03-01']);
        expect(seen).toEqual([
          [1, 1],
          [2, 2],
          [2, 2],
        ]);
        expect(user?.lastActiveDay).toBe('2026-03-02');
      });

      it('uses the local day: the same instants are one day in UTC and two days in Singapore', async () => {
        // 2026-03-01T15:30Z is 23:30 in Singapore (UTC+8) on 03-01; 2026-03-01T16:30Z is 00:30 on 03-02 there.
        const instants = [new Date('2026-03-01T15:30:00.000Z'), new Date('2026-03-01T16:30:00.000Z')];
        expect(instants.map((t) => localDay(t, 'Asia/Singapore'))).toEqual(['2026-03-01', '2026-03-02']);
        expect(instants.map((t) => localDay(t, 'UTC'))).toEqual(['2026-03-01', '2026-03-01']);
        for (const [timeZone, expected] of [
          ['UTC', 1],
          ['Asia/Singapore', 2],
          // New York (UTC-5 in March before DST): 10:30 and 11:30 on 03-01.
          ['America/New_York', 1],
        ] as const) {
          const { users, submission } = await world(1);
          const u = users[0]!;
          await store.setTimeZone({ userId: u.id, timeZone });
          const tz = (await store.getUser(u.id))!.timeZone;
          for (const at of instants)
            await store.recordAttempts(submission({ userId: u.id, at, day: localDay(at, tz) }));
          expect((await store.getUser(u.id))?.streakCurrent).toBe(expected);
        }
      });
    });

    describe('leaderboards', () => {
      /** Gives each user of a fresh scope the points and solved counts listed (one submission each). */
      async function board(scores: readonly (readonly [number, number])[], week = '2026-W10') {
        const w = await world(scores.length);
        for (const [i, [points, solved]] of scores.entries()) {
          await store.recordAttempts(
            w.submission({ userId: w.users[i]!.id, points, solvedQuestion: solved > 0, week }),
          );
          for (let k = 1; k < solved; k++) {
            await store.recordAttempts(w.submission({ userId: w.users[i]!.id, solvedQuestion: true, week }));
          }
        }
        const get = (userId: number, period: 'all' | 'week' = 'all', limit = 10, wk = week) =>
          store.getLeaderboard({ scopeId: w.scope.id, period, week: wk, limit, userId });
        return { ...w, get };
      }

      it('orders by points, then more solved, then earlier user; ranks the caller', async () => {
        const { users, get } = await board([
          [5, 1],
          [9, 1],
          [5, 2],
          [5, 1],
          [0.5, 1],
        ]);
        const ids = users.map((u) => u.id);
        const result = await get(ids[3]!);
        expect(result.top.map((r) => [r.userId, r.points, r.solved])).toEqual([
          [ids[1], 9, 1],
          [ids[2], 5, 2],
          [ids[0], 5, 1],
          [ids[3], 5, 1],
          [ids[4], 0.5, 1],
        ]);
        expect(result.me).toMatchObject({ userId: ids[3], rank: 4, points: 5, solved: 1 });
        expect(result.top[0]).toEqual({
          userId: ids[1],
          platformUserId: users[1]!.platformUserId,
          displayName: users[1]!.displayName,
          points: 9,
          solved: 1,
        });
      });

      it('shows the top 10 and the caller’s own rank outside it', async () => {
        const scores = Array.from({ length: 13 }, (_, i) => [100 - i * 5, 1] as const);
        const { users, get } = await board(scores);
        const last = users[12]!;
        const result = await get(last.id);
        expect(result.top).toHaveLength(10);
        expect(result.top.map((r) => r.userId)).toEqual(users.slice(0, 10).map((u) => u.id));
        expect(result.me).toMatchObject({ userId: last.id, rank: 13, points: 40 });
        expect((await get(last.id, 'all', 0)).top).toEqual([]);
      });

      it('leaves out opted-out students, also from the ranks of others', async () => {
        const { users, get } = await board([
          [30, 1],
          [20, 1],
          [10, 1],
        ]);
        const [a, b, c] = users as [UserRecord, UserRecord, UserRecord];
        await store.setOptOut({ userId: a.id, optOut: true });
        const forB = await get(b.id);
        expect(forB.top.map((r) => r.userId)).toEqual([b.id, c.id]);
        expect(forB.me?.rank).toBe(1);
        expect((await get(c.id)).me?.rank).toBe(2);
        const forA = await get(a.id);
        expect(forA.me).toBeUndefined();
        expect(forA.top.map((r) => r.userId)).toEqual([b.id, c.id]);
        await store.setOptOut({ userId: a.id, optOut: false });
        expect((await get(a.id)).me).toMatchObject({ rank: 1, points: 30 });
      });

      it('a student who opted out before scoring stays hidden, in a new week too, until they opt back in', async () => {
        const w = await world(2);
        const [a, b] = w.users as [UserRecord, UserRecord];
        await store.setOptOut({ userId: a.id, optOut: true });
        await store.recordAttempts(w.submission({ userId: a.id, points: 50, solvedQuestion: true }));
        await store.recordAttempts(
          w.submission({ userId: b.id, points: 5, solvedQuestion: true, week: '2026-W11' }),
        );
        await store.recordAttempts(
          w.submission({ userId: a.id, points: 9, solvedQuestion: true, week: '2026-W11' }),
        );
        const get = (userId: number, period: 'all' | 'week', week = '2026-W11') =>
          store.getLeaderboard({ scopeId: w.scope.id, period, week, limit: 10, userId });
        expect((await get(b.id, 'all')).top.map((r) => r.userId)).toEqual([b.id]);
        expect((await get(b.id, 'week')).me?.rank).toBe(1);
        expect((await get(a.id, 'week')).me).toBeUndefined();
        await store.setOptOut({ userId: a.id, optOut: false });
        expect((await get(a.id, 'all')).me).toMatchObject({ rank: 1, points: 59 });
        expect((await get(b.id, 'week')).me?.rank).toBe(2);
      });

      it('an opted-out student tied with the caller is not counted ahead of them', async () => {
        // Same points and solved: the tie goes to the lower user id, so a < b < c in rank order.
        const { users, get } = await board([
          [10, 1],
          [10, 1],
          [10, 1],
        ]);
        const [a, b, c] = users as [UserRecord, UserRecord, UserRecord];
        expect((await get(c.id)).me?.rank).toBe(3);
        await store.setOptOut({ userId: a.id, optOut: true });
        expect((await get(c.id)).me?.rank).toBe(2);
        expect((await get(b.id)).me?.rank).toBe(1);
        expect((await get(c.id)).top.map((r) => r.userId)).toEqual([b.id, c.id]);
      });

      it('has no row for a student who never scored (no points, nothing solved)', async () => {
        const { users, submission, scope } = await world(2);
        const [a, b] = users as [UserRecord, UserRecord];
        await store.recordAttempts(submission({ userId: a.id, attempts: [attempt('a', 1, false)] }));
        await store.recordAttempts(
          submission({ userId: b.id, attempts: [attempt('a', 1, true)], points: 2 }),
        );
        const result = await store.getLeaderboard({
          scopeId: scope.id,
          period: 'all',
          week: 'w',
          limit: 10,
          userId: a.id,
        });
        expect(result.top.map((r) => r.userId)).toEqual([b.id]);
        expect(result.me).toBeUndefined();
      });

      it('keeps weeks apart from each other and from all time', async () => {
        const { users, submission, scope } = await world(2);
        const [a, b] = users as [UserRecord, UserRecord];
        await store.recordAttempts(submission({ userId: a.id, points: 10, week: '2026-W09' }));
        await store.recordAttempts(submission({ userId: b.id, points: 4, week: '2026-W10' }));
        await store.recordAttempts(submission({ userId: a.id, points: 1, week: '2026-W10' }));
        const get = (period: 'all' | 'week', week: string) =>
          store.getLeaderboard({ scopeId: scope.id, period, week, limit: 10, userId: a.id });
        expect((await get('week', '2026-W10')).top.map((r) => [r.userId, r.points])).toEqual([
          [b.id, 4],
          [a.id, 1],
        ]);
        expect((await get('week', '2026-W10')).me?.rank).toBe(2);
        expect((await get('week', '2026-W09')).top.map((r) => [r.userId, r.points])).toEqual([[a.id, 10]]);
        expect((await get('week', '2026-W11')).top).toEqual([]);
        expect((await get('all', 'ignored')).top.map((r) => [r.userId, r.points])).toEqual([
          [a.id, 11],
          [b.id, 4],
        ]);
      });

      it('is per scope; the total sums every scope; a reset clears one scope’s boards only', async () => {
        const w1 = await world(1);
        const u = w1.users[0]!;
        const s2 = await store.upsertScope({
          platform: PLATFORM,
          platformScopeId: `${w1.id}-s2`,
          kind: 'private',
        });
        const { question: q2 } = await store.createQuestion({
          eventKey: `${w1.id}:q2`,
          scopeId: s2.id,
          channelId: 'dm',
          topicId: 't',
          seed: 1,
          createdByUserId: u.id,
          at: new Date(),
        });
        await store.recordAttempts(w1.submission({ userId: u.id, points: 6, solvedQuestion: true }));
        await store.recordAttempts(
          w1.submission({ userId: u.id, questionId: q2.id, scopeId: s2.id, points: 2.5 }),
        );
        const get = (scopeId: number, period: 'all' | 'week') =>
          store.getLeaderboard({ scopeId, period, week: '2026-W10', limit: 10, userId: u.id });
        expect((await get(w1.scope.id, 'all')).me).toMatchObject({ points: 6, solved: 1, rank: 1 });
        expect((await get(s2.id, 'all')).me).toMatchObject({ points: 2.5, solved: 0, rank: 1 });
        expect(await store.getTotalPoints(u.id)).toBe(8.5);

        const reset = { scopeId: w1.scope.id, eventKey: `${w1.id}-reset`, at: new Date() };
        expect(await store.resetLeaderboard(reset)).toEqual({ reset: true });
        expect(await get(w1.scope.id, 'all')).toEqual({ top: [] });
        expect(await get(w1.scope.id, 'week')).toEqual({ top: [] });
        expect((await get(s2.id, 'week')).me).toMatchObject({ points: 2.5 });
        expect(await store.getTotalPoints(u.id)).toBe(2.5);
        // Attempts and personal progress are kept.
        expect((await store.getTopicProgress(u.id)).length).toBeGreaterThan(0);
        // Scoring after a reset starts from zero.
        await store.recordAttempts(w1.submission({ userId: u.id, points: 1 }));
        expect((await get(w1.scope.id, 'all')).me).toMatchObject({ points: 1, solved: 0 });
        // The same reset delivered again wipes nothing: the point earned since is kept.
        expect(await store.resetLeaderboard({ ...reset, at: new Date() })).toEqual({ reset: false });
        expect((await get(w1.scope.id, 'all')).me).toMatchObject({ points: 1, solved: 0 });
        // A new reset (another event) does.
        expect(await store.resetLeaderboard({ ...reset, eventKey: `${w1.id}-reset-2` })).toEqual({
          reset: true,
        });
        expect(await get(w1.scope.id, 'all')).toEqual({ top: [] });
      });

      it('a student with no points anywhere totals 0', async () => {
        const { users } = await world(1);
        expect(await store.getTotalPoints(users[0]!.id)).toBe(0);
      });
    });

    describe('events (idempotency and replay)', () => {
      it('keeps the outcome stored with an answer, and when its reply was delivered (the first time only)', async () => {
        const { users, submission } = await world(1);
        const s = submission({
          userId: users[0]!.id,
          attempts: [attempt('a', 1, true)],
          outcome: '{"reply":1}',
        });
        expect(await store.recordAttempts(s)).toEqual({ status: 'recorded' });
        expect(await store.getEvent(s.eventKey)).toEqual({
          at: s.at,
          outcome: '{"reply":1}',
          deliveredAt: null,
        });
        const first = new Date('2026-03-02T10:00:01.000Z');
        await store.markEventDelivered({ eventKey: s.eventKey, at: first });
        await store.markEventDelivered({ eventKey: s.eventKey, at: new Date('2026-03-02T10:05:00.000Z') });
        expect(await store.getEvent(s.eventKey)).toEqual({
          at: s.at,
          outcome: '{"reply":1}',
          deliveredAt: first,
        });
        expect(await store.recordAttempts(s)).toEqual({ status: 'duplicate' });
      });

      it('records an event it has not seen when its delivery is confirmed (an event that recorded nothing else)', async () => {
        const key = `${fresh()}:delivered`;
        const at = new Date('2026-03-02T11:00:00.000Z');
        await store.markEventDelivered({ eventKey: key, at });
        await store.markEventDelivered({ eventKey: key, at });
        expect(await store.getEvent(key)).toEqual({ at, outcome: null, deliveredAt: at });
      });

      it('every use case records its event key in the one events table', async () => {
        const { users, scope, q, id } = await world(1);
        await store.recordHint({ eventKey: `${id}:hint`, questionId: q.id, userId: users[0]!.id });
        await store.resetLeaderboard({ scopeId: scope.id, eventKey: `${id}:reset`, at: new Date() });
        for (const key of [`${id}:quiz`, `${id}:hint`, `${id}:reset`])
          expect(await store.getEvent(key)).toMatchObject({ outcome: null, deliveredAt: null });
        expect(await store.getEvent(`${id}:never`)).toBeUndefined();
      });

      it('prunes the events older than the window; a redelivery inside the window is still recorded once', async () => {
        // Dates far in the past, so that no other test's events are older than the cut-off.
        const old = new Date('2001-01-01T00:00:00.000Z');
        const recent = new Date('2001-02-01T00:00:00.000Z');
        const w = await world(1, old);
        const u = w.users[0]!.id;
        const stale = w.submission({ userId: u, attempts: [attempt('a', 1, false)], at: old });
        const fresh1 = w.submission({ userId: u, attempts: [attempt('a', 2, false)], at: recent });
        await store.recordAttempts(stale);
        await store.recordAttempts(fresh1);
        for (let i = 0; i < 3; i++) await store.markEventDelivered({ eventKey: `${w.id}:old${i}`, at: old });
        // world()'s question event (at `old`) + the stale answer + three delivered-only events.
        expect(await store.pruneEvents(new Date('2001-01-15T00:00:00.000Z'))).toBe(5);
        expect(await store.getEvent(stale.eventKey)).toBeUndefined();
        expect(await store.getEvent(fresh1.eventKey)).toBeDefined();
        expect(await store.recordAttempts(fresh1)).toEqual({ status: 'duplicate' });
        // What was recorded stays: pruning forgets event ids only.
        const state = await store.getUserQuestionState({ questionId: w.q.id, userId: u });
        expect(state.attempts.map((a) => a.tryNo)).toEqual([1, 2]);
        expect(await store.pruneEvents(new Date('2001-01-15T00:00:00.000Z'))).toBe(0);
      });
    });

    describe('concurrency', () => {
      it('200 concurrent submissions for overlapping users: every total is exact', async () => {
        const nUsers = 10;
        const nQuestions = 20;
        const { users, submission, newQuestion, scope } = await world(nUsers);
        const questions = [];
        for (let i = 0; i < nQuestions; i++) questions.push(await newQuestion(`topic-${i % 4}`));
        // Every user answers every question once; user i earns (i + j) % 5 points on question j.
        const jobs = [];
        for (let j = 0; j < nQuestions; j++) {
          for (let i = 0; i < nUsers; i++) {
            const points = (i + j) % 5;
            jobs.push(
              submission({
                userId: users[i]!.id,
                questionId: questions[j]!.id,
                topicId: questions[j]!.topicId,
                attempts: [attempt('a', 1, points > 0), attempt('b', 1, false)],
                points,
                solvedQuestion: points > 0,
                firstAttemptOnQuestion: true,
                week: j % 2 === 0 ? '2026-W10' : '2026-W11',
              }),
            );
          }
        }
        // A few redeliveries mixed in: they must not count.
        const all = [...jobs, ...jobs.filter((_, k) => k % 20 === 0)];
        const results = await Promise.all(all.map((s) => store.recordAttempts(s)));
        expect(results.filter((r) => r.status === 'recorded')).toHaveLength(jobs.length);
        expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(all.length - jobs.length);

        const board = await store.getLeaderboard({
          scopeId: scope.id,
          period: 'all',
          week: 'x',
          limit: 100,
          userId: 0,
        });
        const week10 = await store.getLeaderboard({
          scopeId: scope.id,
          period: 'week',
          week: '2026-W10',
          limit: 100,
          userId: 0,
        });
        for (const [i, u] of users.entries()) {
          const mine = (j: number) => (i + j) % 5;
          const js = Array.from({ length: nQuestions }, (_, j) => j);
          const points = js.reduce((s, j) => s + mine(j), 0);
          const solved = js.filter((j) => mine(j) > 0).length;
          expect(board.top.find((r) => r.userId === u.id)).toMatchObject({ points, solved });
          const even = js.filter((j) => j % 2 === 0);
          expect(week10.top.find((r) => r.userId === u.id)).toMatchObject({
            points: even.reduce((s, j) => s + mine(j), 0),
            solved: even.filter((j) => mine(j) > 0).length,
          });
          expect(await store.getTotalPoints(u.id)).toBe(points);
          const progress = await store.getTopicProgress(u.id);
          expect(progress.reduce((s, p) => s + p.attempts, 0)).toBe(2 * nQuestions);
          expect(progress.reduce((s, p) => s + p.questions, 0)).toBe(nQuestions);
          expect(progress.reduce((s, p) => s + p.correct, 0)).toBe(solved);
          expect(progress.reduce((s, p) => s + p.partsAttempted, 0)).toBe(2 * nQuestions);
        }
      });
    });
  });
}

/** Everything a recorded submission can change, to check that a refused one changed nothing. */
async function snapshot(store: Store, userId: number, questionId: number, scopeId: number) {
  return {
    user: await store.getUser(userId),
    state: await store.getUserQuestionState({ questionId, userId }),
    progress: await store.getTopicProgress(userId),
    all: await store.getLeaderboard({ scopeId, period: 'all', week: '2026-W10', limit: 10, userId }),
    week: await store.getLeaderboard({ scopeId, period: 'week', week: '2026-W10', limit: 10, userId }),
    total: await store.getTotalPoints(userId),
  };
}
