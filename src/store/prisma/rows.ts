/**
 * Raw-query rows -> port records. Raw results differ by provider (SQLite returns computed integers as BigInt and
 * booleans as 0/1 in some positions; PostgreSQL returns COUNT as BigInt), so every value goes through these.
 */
import type { Platform } from '../../core/vocabulary.js';
import type {
  AnswerContext,
  AttemptRecord,
  QuestionRecord,
  ScoreRow,
  UserQuestionState,
  UserRecord,
} from '../../engine/ports/store.js';

export type Row = Record<string, unknown>;

export function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || typeof v === 'string') return Number(v);
  throw new TypeError(`expected a number, got ${typeof v}`);
}

function bool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  return num(v) !== 0;
}

function str(v: unknown): string {
  if (typeof v === 'string') return v;
  throw new TypeError(`expected a string, got ${typeof v}`);
}

function strOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : str(v);
}

function date(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'string' || typeof v === 'number') return new Date(v);
  throw new TypeError(`expected a date, got ${typeof v}`);
}

function dateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : date(v);
}

export const USER_COLUMNS =
  'id, platform, platform_user_id, display_name, time_zone, opt_out, streak_current, streak_best, last_active_day';

export function toUser(r: Row): UserRecord {
  return {
    id: num(r['id']),
    platform: platformOf(str(r['platform'])),
    platformUserId: str(r['platform_user_id']),
    displayName: str(r['display_name']),
    timeZone: str(r['time_zone']),
    optOut: bool(r['opt_out']),
    streakCurrent: num(r['streak_current']),
    streakBest: num(r['streak_best']),
    lastActiveDay: strOrNull(r['last_active_day']),
  };
}

export const QUESTION_COLUMNS =
  'id, scope_id, channel_id, topic_id, seed, created_by_user_id, created_at, message_id, revealed_at';

export function toQuestion(r: Row): QuestionRecord {
  return {
    id: num(r['id']),
    scopeId: num(r['scope_id']),
    channelId: str(r['channel_id']),
    topicId: str(r['topic_id']),
    seed: num(r['seed']),
    createdByUserId: num(r['created_by_user_id']),
    createdAt: date(r['created_at']),
    messageId: strOrNull(r['message_id']),
    revealedAt: dateOrNull(r['revealed_at']),
  };
}

/** Columns `<alias>_<name>` of a row, without the prefix. */
function unprefixed(r: Row, alias: string): Row {
  const out: Row = {};
  const start = alias.length + 1;
  for (const k in r) if (k.startsWith(`${alias}_`)) out[k.slice(start)] = r[k];
  return out;
}

/** Rows of answerContextSql -> the port's AnswerContext (no rows: the question does not exist). */
export function toAnswerContext(rows: readonly Row[]): AnswerContext {
  const first = rows[0];
  const empty = { attempts: [], hintsUsed: 0, revealed: false };
  if (!first) return { question: undefined, user: undefined, state: empty };
  const question = toQuestion(unprefixed(first, 'q'));
  if (first['u_id'] === null || first['u_id'] === undefined)
    return { question, user: undefined, state: empty };
  return { question, user: toUser(unprefixed(first, 'u')), state: toQuestionState(rows) };
}

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

/**
 * Rows of the student's state joined with their attempts (userQuestionStateSql, answerContextSql) -> the state:
 * hints_used / revealed are null when the student has no state row, part_id when they made no attempt.
 */
export function toQuestionState(rows: readonly Row[]): UserQuestionState {
  const first = rows[0] ?? {};
  return {
    attempts: rows.filter((r) => !isNull(r['part_id'])).map(toAttempt),
    hintsUsed: isNull(first['hints_used']) ? 0 : num(first['hints_used']),
    revealed: isNull(first['revealed']) ? false : bool(first['revealed']),
  };
}

function toAttempt(r: Row): AttemptRecord {
  return {
    partId: str(r['part_id']),
    tryNo: num(r['try_no']),
    status: r['status'] === 'correct' ? 'correct' : 'wrong',
    credit: num(r['credit']),
    answer: str(r['answer']),
    createdAt: date(r['created_at']),
  };
}

export function toScoreRow(r: Row): ScoreRow {
  return {
    userId: num(r['user_id']),
    platformUserId: str(r['platform_user_id']),
    displayName: str(r['display_name']),
    points: num(r['points']),
    solved: num(r['solved']),
  };
}

const PLATFORMS: readonly Platform[] = ['discord', 'telegram', 'console'];

export function platformOf(v: string): Platform {
  const platform = PLATFORMS.find((p) => p === v);
  if (platform === undefined) throw new TypeError(`unknown platform ${v}`);
  return platform;
}
