/**
 * The quiz engine's public API: the one place quiz rules live. Discord, Telegram and the terminal call these
 * use cases and only translate in and out. Every mutating call carries the platform event id so that an event
 * delivered twice is recorded once.
 */
import type { Part, ExpectedKind, GroupId, QuestionText, Step } from '../core/types.js';
import type { PartGrade } from '../core/answers/index.js';
import type { Result } from '../core/result.js';
import type { Period, Platform } from '../core/vocabulary.js';

export type { Period, Platform } from '../core/vocabulary.js';

/** A student, identified per platform. */
export interface Actor {
  readonly platform: Platform;
  readonly userId: string;
  readonly displayName: string;
}

/** Where leaderboards live: a Discord server, a Telegram group, or a private chat / DM / the terminal. */
export interface ScopeRef {
  readonly platform: Platform;
  readonly scopeId: string;
  readonly kind: 'server' | 'group' | 'private';
  readonly title?: string;
}

/** Where a question is posted: a scope plus a channel (Discord channel, Telegram chat, 'local'). */
export interface Place {
  readonly scope: ScopeRef;
  readonly channelId: string;
}

/** The platform event that caused a mutation (interaction id, `update_id`/message id, console line number). */
export interface EventRef {
  readonly eventId: string;
}

export interface QuestionView {
  readonly questionId: string;
  readonly topicId: string;
  readonly title: string;
  readonly difficulty: 1 | 2 | 3;
  readonly seed: number;
  readonly question: QuestionText;
  /** In question order; students see each as "letter) name" and type the letter. */
  readonly parts: readonly PartView[];
  /** How many hint steps exist (hints reveal the worked solution's steps one at a time). */
  readonly hintCount: number;
  /** Tries each student has per part. */
  readonly maxTries: number;
  /**
   * startQuiz / nextQuestion only: this platform event already posted the question (another instance, or an
   * earlier delivery): the adapter posts nothing.
   */
  readonly duplicate?: boolean;
}

/** A part as students see it: "a) h₁". The id is internal (never shown). */
export interface PartView {
  readonly id: string;
  readonly letter: string;
  readonly name: string;
  readonly kind: ExpectedKind;
}

/** Where a student stands on a part. */
export type PartStatus = 'open' | 'solved' | 'failed';

/** One student's state on one part. */
export interface PartState extends PartView {
  readonly status: PartStatus;
  readonly triesUsed: number;
  readonly triesLeft: number;
}

export interface SubmitOutcome {
  readonly question: QuestionView;
  /** One grade per part answered in this submission. `invalid` and `coarse` grades cost no try. */
  readonly grades: readonly PartGrade[];
  /** This student's state on every part after the submission. */
  readonly parts: readonly PartState[];
  /** Parts the submission named that were already settled (solved, or out of tries): reported, not graded. */
  readonly settled: readonly PartState[];
  /** Every part solved by this student. */
  readonly solved: boolean;
  /** Every part is solved or out of tries: nothing left to answer. */
  readonly finished: boolean;
  readonly pointsAwarded: number;
  /** The event was already processed and answered (or is being answered): send nothing. */
  readonly duplicate: boolean;
  /** A redelivered event whose reply may never have been sent: the stored feedback, to be sent again. */
  readonly replayed?: boolean;
  /** Present when finished: the worked solution and exact answers. */
  readonly solution?: Solution;
  /** First part still open, so chat adapters can prompt for it. */
  readonly nextPart?: PartView & { readonly prompt: string };
}

export interface HintView {
  readonly question: QuestionView;
  readonly step: Step;
  /** 1-based index of this hint. */
  readonly index: number;
  readonly total: number;
  /** This platform event's hint was already shown (another instance, or an earlier delivery): send nothing. */
  readonly duplicate?: boolean;
}

/** The worked solution of a question and its exact answers. */
export interface Solution {
  readonly steps: readonly Step[];
  readonly answers: readonly Part[];
  /**
   * Multi-step topics: the answers on the rounded route (every intermediate rounded to the asked precision),
   * for the parts where that route gives a different value at the asked precision. Both are accepted.
   */
  readonly roundedRoute: readonly { readonly partId: string; readonly value: string }[];
}

export interface SolutionView extends Solution {
  readonly question: QuestionView;
}

export interface TopicProgressView {
  readonly topicId: string;
  readonly title: string;
  readonly questions: number;
  readonly attempts: number;
  readonly correct: number;
  /** correct / attempts, 0..1 */
  readonly accuracy: number;
  /** parts answered right at the first try / parts attempted, 0..1 */
  readonly firstTryAccuracy: number;
  readonly lastSeen: Date;
}

export interface ProgressView {
  readonly displayName: string;
  readonly totalPoints: number;
  readonly topics: readonly TopicProgressView[];
  /** Up to 3 topic ids with the lowest accuracy among topics with enough attempts. */
  readonly weakest: readonly string[];
  readonly streak: { readonly current: number; readonly best: number };
  readonly timeZone: string;
  readonly optedOut: boolean;
}

export interface LeaderboardEntry {
  readonly rank: number;
  readonly displayName: string;
  readonly userId: string;
  readonly points: number;
  readonly solved: number;
}

export interface LeaderboardView {
  readonly period: Period;
  readonly entries: readonly LeaderboardEntry[];
  /** The caller's own row when they are ranked (also when outside the top 10); undefined when opted out or unranked. */
  readonly me?: LeaderboardEntry;
}

export interface TopicListView {
  readonly groups: readonly {
    readonly id: GroupId;
    readonly title: string;
    readonly summary: string;
    readonly topics: readonly {
      readonly id: string;
      readonly title: string;
      readonly summary: string;
      readonly difficulty: 1 | 2 | 3;
    }[];
  }[];
}

export type StartError = 'unknown-topic';
export type ActiveQuestionError = 'no-active-question' | 'question-not-found';
export type SubmitError =
  | ActiveQuestionError
  | 'empty-answer'
  | 'answer-too-long'
  | 'unknown-part'
  /** Several unlabelled answers that could be read more than one way: the student is asked to label them. */
  | 'needs-labels'
  | 'already-solved'
  | 'no-tries-left';
export type HintError = ActiveQuestionError | 'no-more-hints';
export type AdminError = 'forbidden';
export type TimeZoneError = 'invalid-timezone';

/** Which question a call is about: an explicit id (button, reply), or the latest question in the place. */
export interface QuestionTarget {
  readonly actor: Actor;
  readonly place: Place;
  readonly questionId?: string;
}

export type AnswerInput =
  /** Free text: one answer for the next open part, or several parts labelled `a) ... b) ...` / one per line. */
  | { readonly text: string }
  /** One text per part id (Discord modal fields). */
  | { readonly parts: Readonly<Record<string, string>> };

export interface Engine {
  listTopics(): TopicListView;
  startQuiz(input: {
    actor: Actor;
    place: Place;
    selector?: string;
    event: EventRef;
  }): Promise<Result<QuestionView, StartError>>;
  /** Same topic as the target question, fresh numbers. */
  nextQuestion(
    input: QuestionTarget & { event: EventRef },
  ): Promise<Result<QuestionView, ActiveQuestionError>>;
  /** Records the platform message that shows a question, so replies to it can be matched. */
  attachMessage(input: { questionId: string; messageId: string }): Promise<void>;
  findQuestionByMessage(input: { place: Place; messageId: string }): Promise<QuestionView | undefined>;
  getQuestion(questionId: string): Promise<QuestionView | undefined>;
  /**
   * Read-only: this student's state on every part of the target question, so an adapter can offer only the parts
   * still open (Discord's answer modal). Optional: an adapter falls back to offering every part.
   */
  getPartStates?(
    input: QuestionTarget,
  ): Promise<
    Result<{ readonly question: QuestionView; readonly parts: readonly PartState[] }, ActiveQuestionError>
  >;
  submitAnswer(
    input: QuestionTarget & { answer: AnswerInput; event: EventRef },
  ): Promise<Result<SubmitOutcome, SubmitError>>;
  /** The adapter delivered its reply to this event: a redelivery of it is then a silent duplicate. */
  markDelivered(input: { actor: Actor; event: EventRef; use?: 'answer' | 'hint' }): Promise<void>;
  getHint(input: QuestionTarget & { event: EventRef }): Promise<Result<HintView, HintError>>;
  /**
   * Shows the worked solution. After it, this student earns no points on the question; with `public`
   * (the solution is posted where everyone sees it) nobody in the scope does.
   */
  revealSolution(
    input: QuestionTarget & { public: boolean; event: EventRef },
  ): Promise<Result<SolutionView, ActiveQuestionError>>;
  getProgress(input: { actor: Actor }): Promise<ProgressView>;
  getLeaderboard(input: { actor: Actor; scope: ScopeRef; period: Period }): Promise<LeaderboardView>;
  setOptOut(input: { actor: Actor; optOut: boolean }): Promise<{ optedOut: boolean }>;
  setTimeZone(input: {
    actor: Actor;
    timeZone: string;
  }): Promise<Result<{ timeZone: string }, TimeZoneError>>;
  /** Admin only: the adapter says whether the actor holds the platform's admin permission. */
  resetLeaderboard(input: {
    actor: Actor;
    scope: ScopeRef;
    isAdmin: boolean;
    event: EventRef;
  }): Promise<Result<{ reset: true; duplicate: boolean }, AdminError>>;
}
