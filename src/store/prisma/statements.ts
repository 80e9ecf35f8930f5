/**
 * The SQL of the store's hot paths (answering and leaderboards), as Prisma.Sql values (placeholders per provider:
 * `.sql` has `?`, `.text` has `$1`). Portable between SQLite and PostgreSQL except for `greatest` (MAX vs
 * GREATEST). The store bench's raw baseline runs these same statements on the raw drivers.
 */
import { Prisma } from '../../generated/sqlite/client.js';
import type { Platform } from '../../core/vocabulary.js';
import type { RecordAttemptsInput } from '../../engine/ports/store.js';
import { QUESTION_COLUMNS, USER_COLUMNS } from './rows.js';

export const ALL_TIME = 'all';
const userColumns = Prisma.raw(USER_COLUMNS);

export function upsertUserSql(input: {
  platform: Platform;
  platformUserId: string;
  displayName: string;
}): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO users (platform, platform_user_id, display_name)
    VALUES (${input.platform}, ${input.platformUserId}, ${input.displayName})
    ON CONFLICT (platform, platform_user_id) DO UPDATE SET display_name = excluded.display_name
    RETURNING ${userColumns}`;
}

/** The user as stored, to skip upsertUserSql (a write) when nothing would change. */
export function findUserSql(input: { platform: Platform; platformUserId: string }): Prisma.Sql {
  return Prisma.sql`
    SELECT ${userColumns} FROM users WHERE platform = ${input.platform} AND platform_user_id = ${input.platformUserId}`;
}

/** One round trip: the (possibly missing) state row, joined with the attempts in the order they were made. */
export function userQuestionStateSql(questionId: number, userId: number): Prisma.Sql {
  return Prisma.sql`
    SELECT uq.hints_used, uq.revealed, a.part_id, a.try_no, a.status, a.credit, a.answer, a.created_at
    FROM (SELECT CAST(${questionId} AS INTEGER) AS qid, CAST(${userId} AS INTEGER) AS uid) k
    LEFT JOIN user_questions uq ON uq.question_id = k.qid AND uq.user_id = k.uid
    LEFT JOIN attempts a ON a.question_id = k.qid AND a.user_id = k.uid
    ORDER BY a.id`;
}

const prefixed = (alias: string, columns: string): Prisma.Sql =>
  Prisma.raw(
    columns
      .split(', ')
      .map((c) => `${alias}.${c} AS ${alias}_${c}`)
      .join(', '),
  );
const questionColumnsAsQ = prefixed('q', QUESTION_COLUMNS);
const userColumnsAsU = prefixed('u', USER_COLUMNS);

/**
 * The answer path's three reads in one statement: the question (no row at all when it does not exist), the student
 * by platform identity (u_* null when unknown), and that student's state and attempts on it (see rows.ts
 * toAnswerContext). Columns are prefixed q_ / u_, as both tables have `id` and `created_at`.
 */
export function answerContextSql(input: {
  questionId: number;
  platform: Platform;
  platformUserId: string;
}): Prisma.Sql {
  return Prisma.sql`
    SELECT ${questionColumnsAsQ}, ${userColumnsAsU},
      uq.hints_used, uq.revealed, a.part_id, a.try_no, a.status, a.credit, a.answer, a.created_at
    FROM questions q
    LEFT JOIN users u ON u.platform = ${input.platform} AND u.platform_user_id = ${input.platformUserId}
    LEFT JOIN user_questions uq ON uq.question_id = q.id AND uq.user_id = u.id
    LEFT JOIN attempts a ON a.question_id = q.id AND a.user_id = u.id
    WHERE q.id = ${input.questionId}
    ORDER BY a.id`;
}

/**
 * The writes of one submission, in a fixed order (event, attempts, progress, scores); run them atomically, then
 * streakUpdateSql. The event row makes a redelivered event fail ('duplicate'); the attempts' unique key makes a
 * second submission of the same try fail ('conflict'). A new score row copies the student's opt-out (hidden).
 */
export function recordWritesSql(
  input: RecordAttemptsInput,
  { greatest, provider }: { greatest: Prisma.Sql; provider: 'sqlite' | 'postgres' },
): Prisma.Sql[] {
  const { attempts, at, userId } = input;
  const writes = [
    Prisma.sql`INSERT INTO events (key, created_at, outcome) VALUES (${input.eventKey}, ${at}, ${input.outcome ?? null})`,
  ];
  if (attempts.length > 0) {
    const values = attempts.map(
      (a) => Prisma.sql`(${input.questionId}, ${userId}, ${a.partId}, ${a.tryNo}, ${a.answer}, ${a.status},
                         ${a.credit}, ${a.firstTry}, ${at})`,
    );
    writes.push(Prisma.sql`
      INSERT INTO attempts (question_id, user_id, part_id, try_no, answer, status, credit, first_try, created_at)
      VALUES ${Prisma.join(values)}`);
  }
  const count = (p: (a: RecordAttemptsInput['attempts'][number]) => boolean): number =>
    attempts.filter(p).length;
  writes.push(Prisma.sql`
    INSERT INTO topic_progress
      (user_id, topic_id, questions, attempts, correct, first_try_correct, parts_attempted, last_seen_at)
    VALUES (${userId}, ${input.topicId}, ${input.firstAttemptOnQuestion ? 1 : 0}, ${attempts.length},
            ${count((a) => a.status === 'correct')}, ${count((a) => a.firstTry)}, ${count((a) => a.tryNo === 1)}, ${at})
    ON CONFLICT (user_id, topic_id) DO UPDATE SET
      questions = topic_progress.questions + excluded.questions,
      attempts = topic_progress.attempts + excluded.attempts,
      correct = topic_progress.correct + excluded.correct,
      first_try_correct = topic_progress.first_try_correct + excluded.first_try_correct,
      parts_attempted = topic_progress.parts_attempted + excluded.parts_attempted,
      last_seen_at = ${greatest}(topic_progress.last_seen_at, excluded.last_seen_at)`);
  if (input.points > 0 || input.solvedQuestion) {
    const solved = input.solvedQuestion ? 1 : 0;
    const hidden = Prisma.sql`(SELECT opt_out FROM users WHERE id = ${userId})`;
    // The student's visible rows leave their points bucket, change, and join their new one (score_counts).
    const mine = Prisma.sql`FROM scores WHERE scope_id = ${input.scopeId} AND user_id = ${userId}
      AND period IN (${ALL_TIME}, ${input.week}) AND hidden = FALSE`;
    // PostgreSQL: two students' writes would take the buckets' row locks in different orders (a deadlock), so a
    // scope's scoring writes take the scope's row lock first. SQLite: transactions run one at a time anyway.
    if (provider === 'postgres')
      writes.push(Prisma.sql`SELECT id FROM scopes WHERE id = ${input.scopeId} FOR UPDATE`);
    writes.push(
      Prisma.sql`UPDATE score_counts SET n = n - 1
        WHERE (scope_id, period, points) IN (SELECT scope_id, period, points ${mine})`,
      Prisma.sql`
        INSERT INTO scores (scope_id, period, user_id, points, solved, hidden)
        VALUES (${input.scopeId}, ${ALL_TIME}, ${userId}, ${input.points}, ${solved}, ${hidden}),
               (${input.scopeId}, ${input.week}, ${userId}, ${input.points}, ${solved}, ${hidden})
        ON CONFLICT (scope_id, period, user_id) DO UPDATE SET
          points = scores.points + excluded.points, solved = scores.solved + excluded.solved`,
      Prisma.sql`INSERT INTO score_counts (scope_id, period, points, n) SELECT scope_id, period, points, 1 ${mine}
        ON CONFLICT (scope_id, period, points) DO UPDATE SET n = score_counts.n + 1`,
    );
  }
  return writes;
}

/**
 * Opting out (or back in): the student's score rows leave (or join) their points buckets, then are hidden (or
 * shown), and the user row says so; run atomically.
 */
export function optOutSql(userId: number, optOut: boolean): Prisma.Sql[] {
  const rows = Prisma.sql`FROM scores WHERE user_id = ${userId} AND hidden = ${!optOut}`;
  return [
    optOut
      ? Prisma.sql`UPDATE score_counts SET n = n - 1 WHERE (scope_id, period, points) IN (SELECT scope_id, period, points ${rows})`
      : Prisma.sql`INSERT INTO score_counts (scope_id, period, points, n) SELECT scope_id, period, points, 1 ${rows}
          ON CONFLICT (scope_id, period, points) DO UPDATE SET n = score_counts.n + 1`,
    Prisma.sql`UPDATE scores SET hidden = ${optOut} WHERE user_id = ${userId}`,
    Prisma.sql`UPDATE users SET opt_out = ${optOut} WHERE id = ${userId}`,
  ];
}

/**
 * Streak for activity on `day`: the same day (or an earlier one, after a move west) changes nothing, the day
 * after the last active day extends it, a gap restarts it at 1; best is the maximum. Only the first activity of
 * a day updates the row: the other answers of the day write nothing (on SQLite, one page less to log per answer).
 */
export function streakUpdateSql(input: RecordAttemptsInput, greatest: Prisma.Sql): Prisma.Sql {
  const { day } = input;
  const next = Prisma.sql`CASE WHEN last_active_day = ${previousDay(day)} THEN streak_current + 1 ELSE 1 END`;
  return Prisma.sql`
    UPDATE users SET streak_current = ${next}, streak_best = ${greatest}(streak_best, ${next}),
      last_active_day = ${day}
    WHERE id = ${input.userId} AND (last_active_day IS NULL OR last_active_day < ${day})`;
}

/**
 * Top rows straight off the (scope, period, hidden, points DESC, solved DESC, user) index, plus the caller's row
 * (`me` = 1) with its rank: 1 + the visible rows ahead of it: those with more points, summed from the points
 * buckets (score_counts), and those tied on points, counted as two short ranges of that index (more solved; same
 * solved, lower id). Opted-out students are `hidden` rows, never counted, so nothing outside the scope is read.
 */
export function leaderboardSql(input: {
  scopeId: number;
  period: string;
  limit: number;
  userId: number;
}): Prisma.Sql {
  const { scopeId, period, userId } = input;
  const ahead = Prisma.sql`o.scope_id = s.scope_id AND o.period = s.period AND o.hidden = FALSE`;
  return Prisma.sql`
    SELECT * FROM (
      SELECT 0 AS me, s.user_id, u.platform_user_id, u.display_name, s.points, s.solved, 0 AS rank
      FROM scores s JOIN users u ON u.id = s.user_id
      WHERE s.scope_id = ${scopeId} AND s.period = ${period} AND s.hidden = FALSE
      ORDER BY s.points DESC, s.solved DESC, s.user_id ASC
      LIMIT ${Math.max(0, Math.floor(input.limit))}
    ) top
    UNION ALL
    SELECT 1 AS me, s.user_id, u.platform_user_id, u.display_name, s.points, s.solved,
      1 + (SELECT COALESCE(SUM(c.n), 0) FROM score_counts c
           WHERE c.scope_id = s.scope_id AND c.period = s.period AND c.points > s.points)
        + (SELECT COUNT(*) FROM scores o WHERE ${ahead} AND o.points = s.points AND o.solved > s.solved)
        + (SELECT COUNT(*) FROM scores o
           WHERE ${ahead} AND o.points = s.points AND o.solved = s.solved AND o.user_id < s.user_id) AS rank
    FROM scores s JOIN users u ON u.id = s.user_id
    WHERE s.scope_id = ${scopeId} AND s.period = ${period} AND s.user_id = ${userId} AND s.hidden = FALSE`;
}

/** The calendar day before a 'YYYY-MM-DD' day. */
export function previousDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a calendar day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) - 1)).toISOString().slice(0, 10);
}
