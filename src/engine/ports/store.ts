/**
 * The store port: what the quiz engine needs from persistence. Owned by the engine; implemented by
 * `memory/` (tests, zero set-up) and `prisma/` (SQLite by default, PostgreSQL for several instances).
 * Every method is atomic on its own. Nothing here knows about Discord or Telegram.
 */
import type { Period, Platform } from '../../core/vocabulary.js';

export interface UserRecord {
  readonly id: number;
  readonly platform: Platform;
  readonly platformUserId: string;
  readonly displayName: string;
  readonly timeZone: string;
  readonly optOut: boolean;
  readonly streakCurrent: number;
  readonly streakBest: number;
  /** Local calendar day (YYYY-MM-DD, in the user's time zone) of the last attempt, or null. */
  readonly lastActiveDay: string | null;
}

export interface ScopeRecord {
  readonly id: number;
  readonly platform: Platform;
  readonly platformScopeId: string;
  readonly kind: 'server' | 'group' | 'private';
  readonly title: string | null;
}

export interface QuestionRecord {
  readonly id: number;
  readonly scopeId: number;
  readonly channelId: string;
  readonly topicId: string;
  readonly seed: number;
  readonly createdByUserId: number;
  readonly createdAt: Date;
  /** Platform message showing the question (for reply matching), or null. */
  readonly messageId: string | null;
  /** Set when the solution was posted publicly: nobody earns points on it afterwards. */
  readonly revealedAt: Date | null;
}

export interface AttemptRecord {
  readonly partId: string;
  /** 1-based per (question, user, part). */
  readonly tryNo: number;
  /** The text recorded for this try (follow-through marking carries a student's own earlier values forward). */
  readonly answer: string;
  readonly status: 'correct' | 'wrong';
  readonly credit: number;
  readonly createdAt: Date;
}

/** One student's state on one question. */
export interface UserQuestionState {
  readonly attempts: readonly AttemptRecord[];
  readonly hintsUsed: number;
  /** This student asked for the solution (privately or publicly). */
  readonly revealed: boolean;
}

/** What answering a question needs, read together (Store.getAnswerContext). */
export interface AnswerContext {
  readonly question: QuestionRecord | undefined;
  /** The student, looked up by platform identity (undefined: not seen before, or no such question). */
  readonly user: UserRecord | undefined;
  /** The student's state on the question; empty when either is unknown. */
  readonly state: UserQuestionState;
}

export interface NewAttempt {
  readonly partId: string;
  readonly tryNo: number;
  readonly answer: string;
  readonly status: 'correct' | 'wrong';
  readonly credit: number;
  /** First try and correct (for first-try accuracy). */
  readonly firstTry: boolean;
}

export interface RecordAttemptsInput {
  /** Platform-qualified event key, e.g. 'telegram:update:123'; a key seen before records nothing. */
  readonly eventKey: string;
  readonly questionId: number;
  readonly userId: number;
  readonly scopeId: number;
  readonly topicId: string;
  /** Graded attempts that count (invalid and too-coarse answers are never recorded). */
  readonly attempts: readonly NewAttempt[];
  /** Points earned by this submission (>= 0: practice never takes points away). */
  readonly points: number;
  /** This submission completed the question (every part solved). */
  readonly solvedQuestion: boolean;
  /** First attempt of this user on this question (counts a new question in topic progress). */
  readonly firstAttemptOnQuestion: boolean;
  /** The user's local calendar day (YYYY-MM-DD) and the leaderboard week key (ISO week of `at`, in UTC, e.g. '2026-W48'). */
  readonly day: string;
  readonly week: string;
  readonly at: Date;
  /** Opaque text stored with the event row, to answer a redelivery of this event again (see getEvent). */
  readonly outcome?: string;
}

/** A platform event the store has recorded (idempotency and replay). */
export interface EventRecord {
  readonly at: Date;
  /** Opaque text the engine stored with the event to answer a redelivery again, or null. */
  readonly outcome: string | null;
  /** When the adapter confirmed its reply was sent, or null. */
  readonly deliveredAt: Date | null;
}

export type RecordResult =
  | { readonly status: 'recorded' }
  /** The event key was recorded before: nothing changed. */
  | { readonly status: 'duplicate' }
  /** Another submission recorded the same (question, user, part, tryNo) first: nothing changed; re-read and retry. */
  | { readonly status: 'conflict' };

export interface TopicProgressRecord {
  readonly topicId: string;
  readonly questions: number;
  readonly attempts: number;
  readonly correct: number;
  readonly firstTryCorrect: number;
  /** Distinct parts attempted (denominator of first-try accuracy). */
  readonly partsAttempted: number;
  readonly lastSeenAt: Date;
}

export interface ScoreRow {
  readonly userId: number;
  readonly platformUserId: string;
  readonly displayName: string;
  readonly points: number;
  readonly solved: number;
}

export interface LeaderboardRecord {
  /** Top rows by points (ties: more solved first, then earlier user id), opted-out users excluded. */
  readonly top: readonly ScoreRow[];
  /** The asking user's row and 1-based rank, when present and not opted out. */
  readonly me?: ScoreRow & { readonly rank: number };
}

export interface Store {
  /** Creates or updates (display name) the user for a platform identity. */
  upsertUser(input: { platform: Platform; platformUserId: string; displayName: string }): Promise<UserRecord>;
  upsertScope(input: {
    platform: Platform;
    platformScopeId: string;
    kind: ScopeRecord['kind'];
    title?: string;
  }): Promise<ScopeRecord>;

  /**
   * Creates a question, idempotently: a second call with the same eventKey returns the first question
   * (`created: false`).
   */
  createQuestion(input: {
    eventKey: string;
    scopeId: number;
    channelId: string;
    topicId: string;
    seed: number;
    createdByUserId: number;
    at: Date;
  }): Promise<{ question: QuestionRecord; created: boolean }>;
  getQuestion(id: number): Promise<QuestionRecord | undefined>;
  /** The most recent question posted in a channel of a scope. */
  latestQuestion(input: { scopeId: number; channelId: string }): Promise<QuestionRecord | undefined>;
  setQuestionMessage(input: { questionId: number; messageId: string }): Promise<void>;
  findQuestionByMessage(input: { scopeId: number; messageId: string }): Promise<QuestionRecord | undefined>;
  /** Marks the solution shown publicly (revealedAt, first time only). */
  markQuestionRevealed(input: { questionId: number; at: Date }): Promise<void>;

  getUserQuestionState(input: { questionId: number; userId: number }): Promise<UserQuestionState>;
  /**
   * The question, the student and the student's state on it in one read (one statement on the Prisma store): the
   * answer path's three lookups. Creates nothing; the caller upserts a student it does not find.
   */
  getAnswerContext(input: {
    questionId: number;
    platform: Platform;
    platformUserId: string;
  }): Promise<AnswerContext>;
  /**
   * Increments hints used, idempotent per eventKey; returns the count after (`duplicate`: the event was seen,
   * nothing changed).
   */
  recordHint(input: {
    eventKey: string;
    questionId: number;
    userId: number;
  }): Promise<{ hintsUsed: number; duplicate: boolean }>;
  /** Marks that this student saw the solution (they earn no more points on it). */
  recordReveal(input: { questionId: number; userId: number }): Promise<void>;

  /**
   * Atomically: inserts the attempts (unique per question, user, part, tryNo), updates per-topic progress,
   * adds points to the scope's all-time and weekly scores (maintained table, never a sum over attempts),
   * and advances the user's streak for `day`.
   */
  recordAttempts(input: RecordAttemptsInput): Promise<RecordResult>;
  /**
   * The event as recorded (by recordAttempts, recordHint, createQuestion, resetLeaderboard or
   * markEventDelivered), or undefined: never seen, or pruned (see pruneEvents).
   */
  getEvent(eventKey: string): Promise<EventRecord | undefined>;
  /** Idempotent; records the event first if the store has not seen it (an event that recorded nothing else). */
  markEventDelivered(input: { eventKey: string; at: Date }): Promise<void>;
  /**
   * Forgets the events recorded before `before` (older than any platform redelivers); resolves with how many.
   * Works in small batches, so answers are never kept waiting behind it.
   */
  pruneEvents(before: Date): Promise<number>;

  getTopicProgress(userId: number): Promise<readonly TopicProgressRecord[]>;
  getUser(userId: number): Promise<UserRecord | undefined>;
  /** Sum of points over every scope (all-time). */
  getTotalPoints(userId: number): Promise<number>;

  getLeaderboard(input: {
    scopeId: number;
    period: Period;
    week: string;
    limit: number;
    userId: number;
  }): Promise<LeaderboardRecord>;
  setOptOut(input: { userId: number; optOut: boolean }): Promise<void>;
  setTimeZone(input: { userId: number; timeZone: string }): Promise<void>;
  /**
   * Deletes the scope's scores (all-time and weekly). Attempts and personal progress are kept. Idempotent per
   * event key: a redelivered reset deletes nothing (points earned since the first delivery are kept) and
   * resolves `{ reset: false }`.
   */
  resetLeaderboard(input: { scopeId: number; eventKey: string; at: Date }): Promise<{ reset: boolean }>;

  /** Resolves when the database answers a trivial query (health checks); rejects otherwise. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

/**
 * Thrown by a store when the database cannot answer in time (a statement or transaction timeout, no connection):
 * nothing was recorded half-way. Adapters tell the student to try again in a moment.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
