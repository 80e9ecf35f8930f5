/**
 * The in-memory store: a faithful implementation of the store port for tests and for trying the bot with
 * `DATABASE_URL=memory:` (nothing survives a restart). Same semantics as the Prisma store: attempts are unique per
 * (question, user, part, tryNo) ('conflict'), event keys are recorded once ('duplicate'), the score table is
 * maintained on every recorded submission (leaderboards never sum attempts), streaks advance per local day.
 *
 * Safe under concurrent async calls: each method's body is synchronous (wrapped into a promise by toAsync), so on
 * Node's single thread every call is atomic, like one database transaction, and interleaves with other calls
 * only between calls, as concurrent requests to a database do.
 * Records handed out are frozen copies: callers cannot change the store's state by mutating them.
 */
import type { Period } from '../../core/vocabulary.js';
import type {
  AttemptRecord,
  EventRecord,
  LeaderboardRecord,
  QuestionRecord,
  RecordAttemptsInput,
  RecordResult,
  ScopeRecord,
  ScoreRow,
  Store,
  TopicProgressRecord,
  UserQuestionState,
  UserRecord,
} from '../../engine/ports/store.js';
import { advanceStreak } from './calendar-day.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface UserQuestionRow {
  readonly attempts: AttemptRecord[];
  hintsUsed: number;
  revealed: boolean;
}

interface ScoreCell {
  points: number;
  solved: number;
}

const ALL_TIME = 'all';

/** The port with every method synchronous: the memory store's body, wrapped into promises by toAsync. */
type SyncStore = {
  [K in keyof Store]: Store[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

/** One recorded platform event (the table the Prisma store prunes), with the question it created, if any. */
type StoredEvent = Mutable<EventRecord> & { readonly questionId?: number };

export function createMemoryStore(): Store {
  let nextUserId = 1;
  let nextScopeId = 1;
  let nextQuestionId = 1;
  let closed = false;

  const users = new Map<number, Mutable<UserRecord>>();
  const userIdByIdentity = new Map<string, number>();
  const scopes = new Map<number, Mutable<ScopeRecord>>();
  const scopeIdByIdentity = new Map<string, number>();
  const questions = new Map<number, Mutable<QuestionRecord>>();
  const latestByChannel = new Map<string, number>();
  const questionIdByMessage = new Map<string, number>();
  const userQuestions = new Map<string, UserQuestionRow>();
  const events = new Map<string, StoredEvent>();
  const progress = new Map<number, Map<string, Mutable<TopicProgressRecord>>>();
  /** scopeId -> period key ('all' or an ISO week) -> userId -> cell. */
  const scores = new Map<number, Map<string, Map<number, ScoreCell>>>();

  const key = (...parts: (string | number)[]): string => parts.join('\u0000');

  const live = (): void => {
    if (closed) throw new Error('memory store is closed');
  };

  const requireQuestion = (id: number): Mutable<QuestionRecord> => {
    const q = questions.get(id);
    if (!q) throw new Error(`question ${id} does not exist`);
    return q;
  };

  const requireUser = (id: number): Mutable<UserRecord> => {
    const u = users.get(id);
    if (!u) throw new Error(`user ${id} does not exist`);
    return u;
  };

  const userQuestion = (questionId: number, userId: number): UserQuestionRow => {
    const k = key(questionId, userId);
    let row = userQuestions.get(k);
    if (!row) {
      row = { attempts: [], hintsUsed: 0, revealed: false };
      userQuestions.set(k, row);
    }
    return row;
  };

  const scoreCell = (scopeId: number, period: string, userId: number): ScoreCell => {
    let byPeriod = scores.get(scopeId);
    if (!byPeriod) scores.set(scopeId, (byPeriod = new Map<string, Map<number, ScoreCell>>()));
    let byUser = byPeriod.get(period);
    if (!byUser) byPeriod.set(period, (byUser = new Map<number, ScoreCell>()));
    let cell = byUser.get(userId);
    if (!cell) byUser.set(userId, (cell = { points: 0, solved: 0 }));
    return cell;
  };

  return toAsync({
    upsertUser({ platform, platformUserId, displayName }) {
      live();
      const k = key(platform, platformUserId);
      const existing = userIdByIdentity.get(k);
      if (existing !== undefined) {
        const u = requireUser(existing);
        u.displayName = displayName;
        return copy(u);
      }
      const u: Mutable<UserRecord> = {
        id: nextUserId++,
        platform,
        platformUserId,
        displayName,
        timeZone: 'UTC',
        optOut: false,
        streakCurrent: 0,
        streakBest: 0,
        lastActiveDay: null,
      };
      users.set(u.id, u);
      userIdByIdentity.set(k, u.id);
      return copy(u);
    },

    upsertScope({ platform, platformScopeId, kind, title }) {
      live();
      const k = key(platform, platformScopeId);
      const existing = scopeIdByIdentity.get(k);
      if (existing !== undefined) {
        const s = scopes.get(existing) as Mutable<ScopeRecord>;
        s.kind = kind;
        if (title !== undefined) s.title = title;
        return copy(s);
      }
      const s: Mutable<ScopeRecord> = {
        id: nextScopeId++,
        platform,
        platformScopeId,
        kind,
        title: title ?? null,
      };
      scopes.set(s.id, s);
      scopeIdByIdentity.set(k, s.id);
      return copy(s);
    },

    createQuestion(input) {
      live();
      const seen = events.get(input.eventKey);
      if (seen) {
        if (seen.questionId === undefined) throw new Error(`event ${input.eventKey} created no question`);
        return { question: copy(requireQuestion(seen.questionId)), created: false };
      }
      if (!scopes.has(input.scopeId)) throw new Error(`scope ${input.scopeId} does not exist`);
      requireUser(input.createdByUserId);
      const q: Mutable<QuestionRecord> = {
        id: nextQuestionId++,
        scopeId: input.scopeId,
        channelId: input.channelId,
        topicId: input.topicId,
        seed: input.seed,
        createdByUserId: input.createdByUserId,
        createdAt: new Date(input.at),
        messageId: null,
        revealedAt: null,
      };
      questions.set(q.id, q);
      events.set(input.eventKey, {
        at: new Date(input.at),
        outcome: null,
        deliveredAt: null,
        questionId: q.id,
      });
      const channel = key(q.scopeId, q.channelId);
      const latestId = latestByChannel.get(channel);
      const latest = latestId === undefined ? undefined : questions.get(latestId);
      // Most recent by creation time; a later insert wins a tie (higher id).
      if (!latest || latest.createdAt.getTime() <= q.createdAt.getTime()) latestByChannel.set(channel, q.id);
      return { question: copy(q), created: true };
    },

    getQuestion(id) {
      live();
      const q = questions.get(id);
      return q ? copy(q) : undefined;
    },

    latestQuestion({ scopeId, channelId }) {
      live();
      const id = latestByChannel.get(key(scopeId, channelId));
      return id === undefined ? undefined : copy(requireQuestion(id));
    },

    setQuestionMessage({ questionId, messageId }) {
      live();
      const q = requireQuestion(questionId);
      if (q.messageId !== null) questionIdByMessage.delete(key(q.scopeId, q.messageId));
      q.messageId = messageId;
      questionIdByMessage.set(key(q.scopeId, messageId), q.id);
    },

    findQuestionByMessage({ scopeId, messageId }) {
      live();
      const id = questionIdByMessage.get(key(scopeId, messageId));
      return id === undefined ? undefined : copy(requireQuestion(id));
    },

    markQuestionRevealed({ questionId, at }) {
      live();
      const q = requireQuestion(questionId);
      if (q.revealedAt === null) q.revealedAt = new Date(at);
    },

    getUserQuestionState({ questionId, userId }) {
      live();
      const row = userQuestions.get(key(questionId, userId));
      const state: UserQuestionState = row
        ? { attempts: row.attempts.map(copy), hintsUsed: row.hintsUsed, revealed: row.revealed }
        : { attempts: [], hintsUsed: 0, revealed: false };
      return Object.freeze(state);
    },

    getAnswerContext({ questionId, platform, platformUserId }) {
      live();
      const question = questions.get(questionId);
      const userId = question ? userIdByIdentity.get(key(platform, platformUserId)) : undefined;
      const user = userId === undefined ? undefined : users.get(userId);
      const row = question && user ? userQuestions.get(key(questionId, user.id)) : undefined;
      const state: UserQuestionState = row
        ? { attempts: row.attempts.map(copy), hintsUsed: row.hintsUsed, revealed: row.revealed }
        : { attempts: [], hintsUsed: 0, revealed: false };
      return {
        question: question ? copy(question) : undefined,
        user: user ? copy(user) : undefined,
        state: Object.freeze(state),
      };
    },

    recordHint({ eventKey, questionId, userId }) {
      live();
      requireQuestion(questionId);
      requireUser(userId);
      const row = userQuestion(questionId, userId);
      const duplicate = events.has(eventKey);
      if (!duplicate) {
        events.set(eventKey, { at: new Date(), outcome: null, deliveredAt: null });
        row.hintsUsed += 1;
      }
      return { hintsUsed: row.hintsUsed, duplicate };
    },

    recordReveal({ questionId, userId }) {
      live();
      requireQuestion(questionId);
      requireUser(userId);
      userQuestion(questionId, userId).revealed = true;
    },

    recordAttempts(input: RecordAttemptsInput): RecordResult {
      live();
      if (events.has(input.eventKey)) return { status: 'duplicate' };
      requireQuestion(input.questionId);
      const user = requireUser(input.userId);
      if (!scopes.has(input.scopeId)) throw new Error(`scope ${input.scopeId} does not exist`);
      if (input.points < 0 || !Number.isFinite(input.points)) throw new RangeError('points must be >= 0');

      const row = userQuestion(input.questionId, input.userId);
      const taken = new Set(row.attempts.map((a) => key(a.partId, a.tryNo)));
      const incoming = new Set<string>();
      for (const a of input.attempts) {
        const k = key(a.partId, a.tryNo);
        if (taken.has(k)) return { status: 'conflict' };
        // Two attempts with the same (part, tryNo) in one submission violate the same unique key.
        if (incoming.has(k)) throw new Error(`duplicate attempt ${a.partId}#${a.tryNo} in one submission`);
        incoming.add(k);
      }

      // From here on nothing can fail: apply everything (the "transaction" commits).
      events.set(input.eventKey, {
        at: new Date(input.at),
        outcome: input.outcome ?? null,
        deliveredAt: null,
      });
      for (const a of input.attempts) {
        row.attempts.push(
          Object.freeze({
            partId: a.partId,
            tryNo: a.tryNo,
            answer: a.answer,
            status: a.status,
            credit: a.credit,
            createdAt: new Date(input.at),
          }),
        );
      }

      let byTopic = progress.get(input.userId);
      if (!byTopic) progress.set(input.userId, (byTopic = new Map<string, Mutable<TopicProgressRecord>>()));
      const p = byTopic.get(input.topicId) ?? {
        topicId: input.topicId,
        questions: 0,
        attempts: 0,
        correct: 0,
        firstTryCorrect: 0,
        partsAttempted: 0,
        lastSeenAt: new Date(input.at),
      };
      p.questions += input.firstAttemptOnQuestion ? 1 : 0;
      p.attempts += input.attempts.length;
      p.correct += input.attempts.filter((a) => a.status === 'correct').length;
      p.firstTryCorrect += input.attempts.filter((a) => a.firstTry).length;
      p.partsAttempted += input.attempts.filter((a) => a.tryNo === 1).length;
      if (p.lastSeenAt.getTime() <= input.at.getTime()) p.lastSeenAt = new Date(input.at);
      byTopic.set(input.topicId, p);

      if (input.points > 0 || input.solvedQuestion) {
        for (const period of [ALL_TIME, input.week]) {
          const cell = scoreCell(input.scopeId, period, input.userId);
          cell.points += input.points;
          cell.solved += input.solvedQuestion ? 1 : 0;
        }
      }

      const streak = advanceStreak(
        { current: user.streakCurrent, best: user.streakBest, lastActiveDay: user.lastActiveDay },
        input.day,
      );
      user.streakCurrent = streak.current;
      user.streakBest = streak.best;
      user.lastActiveDay = streak.lastActiveDay;
      return { status: 'recorded' };
    },

    getEvent(eventKey) {
      live();
      const e = events.get(eventKey);
      return e ? copy({ at: e.at, outcome: e.outcome, deliveredAt: e.deliveredAt }) : undefined;
    },

    markEventDelivered({ eventKey, at }) {
      live();
      const e = events.get(eventKey);
      if (!e) events.set(eventKey, { at: new Date(at), outcome: null, deliveredAt: new Date(at) });
      else if (e.deliveredAt === null) e.deliveredAt = new Date(at);
    },

    pruneEvents(before) {
      live();
      let pruned = 0;
      for (const [k, e] of events) {
        if (e.at.getTime() < before.getTime()) {
          events.delete(k);
          pruned += 1;
        }
      }
      return pruned;
    },

    getTopicProgress(userId) {
      live();
      const byTopic = progress.get(userId);
      return byTopic ? [...byTopic.values()].map(copy) : [];
    },

    getUser(userId) {
      live();
      const u = users.get(userId);
      return u ? copy(u) : undefined;
    },

    getTotalPoints(userId) {
      live();
      let total = 0;
      for (const byPeriod of scores.values()) total += byPeriod.get(ALL_TIME)?.get(userId)?.points ?? 0;
      return total;
    },

    getLeaderboard({ scopeId, period, week, limit, userId }) {
      live();
      const byUser = scores.get(scopeId)?.get(periodKey(period, week));
      const rows: ScoreRow[] = [];
      for (const [id, cell] of byUser ?? []) {
        const u = users.get(id);
        if (!u || u.optOut) continue;
        rows.push({
          userId: id,
          platformUserId: u.platformUserId,
          displayName: u.displayName,
          points: cell.points,
          solved: cell.solved,
        });
      }
      rows.sort((a, b) => b.points - a.points || b.solved - a.solved || a.userId - b.userId);
      const index = rows.findIndex((r) => r.userId === userId);
      const me = rows[index];
      const record: LeaderboardRecord = {
        top: rows.slice(0, Math.max(0, limit)).map((r) => Object.freeze(r)),
        ...(me ? { me: Object.freeze({ ...me, rank: index + 1 }) } : {}),
      };
      return Object.freeze(record);
    },

    setOptOut({ userId, optOut }) {
      live();
      requireUser(userId).optOut = optOut;
    },

    setTimeZone({ userId, timeZone }) {
      live();
      requireUser(userId).timeZone = timeZone;
    },

    resetLeaderboard({ scopeId, eventKey, at }) {
      live();
      if (events.has(eventKey)) return { reset: false };
      events.set(eventKey, { at: new Date(at), outcome: null, deliveredAt: null });
      scores.delete(scopeId);
      return { reset: true };
    },

    ping() {
      live();
    },

    close() {
      closed = true;
    },
  });
}

/**
 * Each call runs its synchronous body at once (atomic on Node's single thread) and hands back a promise, so
 * callers see the same async interface as a database; a throw becomes a rejected promise.
 */
function toAsync(sync: SyncStore): Store {
  return {
    upsertUser: promised(sync.upsertUser),
    upsertScope: promised(sync.upsertScope),
    createQuestion: promised(sync.createQuestion),
    getQuestion: promised(sync.getQuestion),
    latestQuestion: promised(sync.latestQuestion),
    setQuestionMessage: promised(sync.setQuestionMessage),
    findQuestionByMessage: promised(sync.findQuestionByMessage),
    markQuestionRevealed: promised(sync.markQuestionRevealed),
    getUserQuestionState: promised(sync.getUserQuestionState),
    getAnswerContext: promised(sync.getAnswerContext),
    recordHint: promised(sync.recordHint),
    recordReveal: promised(sync.recordReveal),
    recordAttempts: promised(sync.recordAttempts),
    getEvent: promised(sync.getEvent),
    markEventDelivered: promised(sync.markEventDelivered),
    pruneEvents: promised(sync.pruneEvents),
    getTopicProgress: promised(sync.getTopicProgress),
    getUser: promised(sync.getUser),
    getTotalPoints: promised(sync.getTotalPoints),
    getLeaderboard: promised(sync.getLeaderboard),
    setOptOut: promised(sync.setOptOut),
    setTimeZone: promised(sync.setTimeZone),
    resetLeaderboard: promised(sync.resetLeaderboard),
    ping: promised(sync.ping),
    close: promised(sync.close),
  };
}

function promised<A extends unknown[], R>(method: (...args: A) => R): (...args: A) => Promise<R> {
  return (...args) => {
    try {
      return Promise.resolve(method(...args));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}

function periodKey(period: Period, week: string): string {
  return period === 'all' ? ALL_TIME : week;
}

function copy<T extends object>(record: T): T {
  const out = { ...record } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (v instanceof Date) out[k] = new Date(v);
  return Object.freeze(out) as T;
}
