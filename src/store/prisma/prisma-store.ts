/**
 * The store port on Prisma, for SQLite and PostgreSQL. Hot paths (everything a submitted answer touches, and
 * the leaderboard) are single raw statements (statements.ts) run by a SqlRunner (dialect.ts), with upserts and
 * increments done by the database. On this machine Prisma Client costs ~0.3-0.7 ms of CPU per raw call and
 * ~1 ms per typed call, more than SQLite itself, so the runner bypasses Prisma Client and sends the statements
 * straight to the driver adapter the client is connected through (adapter-runner.ts: same instance, so on SQLite
 * the same connection and mutex; ~3x cheaper per call; see bench/store.bench.ts). Occasional operations use the
 * typed client.
 *
 * recordAttempts is one atomic unit (see SqlRunner.atomically): processed event, attempts, topic progress,
 * all-time + weekly score and streak. Its unique keys decide races: a second use of an event key fails on
 * processed_events ('duplicate'), a second (question, user, part, tryNo) fails on attempts ('conflict'); either
 * way nothing of that submission is kept.
 */
import { Prisma } from '../../generated/sqlite/client.js';
import type {
  LeaderboardRecord,
  QuestionRecord,
  RecordAttemptsInput,
  RecordResult,
  Store,
  TopicProgressRecord,
  UserQuestionState,
} from '../../engine/ports/store.js';
import type { Db, Dialect, SqlRunner } from './dialect.js';
import { uniqueViolationOn } from './errors.js';
import {
  ALL_TIME,
  answerContextSql,
  findUserSql,
  getQuestionSql,
  hasEventSql,
  leaderboardSql,
  recordWritesSql,
  streakUpdateSql,
  upsertUserSql,
  userQuestionStateSql,
} from './statements.js';
import {
  QUESTION_COLUMNS,
  SCOPE_COLUMNS,
  USER_COLUMNS,
  num,
  toAnswerContext,
  toQuestionState,
  toQuestion,
  toScope,
  toScoreRow,
  toUser,
  type Row,
} from './rows.js';

const scopeColumns = Prisma.raw(SCOPE_COLUMNS);
const questionColumns = Prisma.raw(QUESTION_COLUMNS);

export interface PrismaStoreOptions {
  /** The typed client, for occasional operations, and closed by close(). */
  readonly db: Db;
  readonly dialect: Dialect;
  /** Runs the raw statements (the hot paths). */
  readonly sql: SqlRunner;
}

export function createStoreOnPrisma({ db, dialect, sql }: PrismaStoreOptions): Store {
  const one = async (query: Prisma.Sql): Promise<Row | undefined> => (await sql.query(query))[0];
  const question = async (query: Prisma.Sql): Promise<QuestionRecord | undefined> => {
    const row = await one(query);
    return row ? toQuestion(row) : undefined;
  };
  const hasEvent = async (eventKey: string): Promise<boolean> =>
    (await one(hasEventSql(eventKey))) !== undefined;

  return {
    // Both upserts read first and write only when the row is missing or would change: a student answering or a
    // group being looked up is almost always already stored as is, and a read is far cheaper than a write
    // (SQLite: no write lock, no WAL append). A row changing in between is caught by the upsert as before.
    async upsertUser(input) {
      const found = await one(findUserSql(input));
      if (found && found['display_name'] === input.displayName) return toUser(found);
      // A write: on SQLite it joins the answers being committed together (group-commit.ts) instead of paying a
      // commit of its own; a student's first answer creates them here.
      const rows = await sql.atomically([], upsertUserSql(input));
      return toUser(required(rows[0], 'upsertUser'));
    },

    async upsertScope({ platform, platformScopeId, kind, title }) {
      const found = await one(Prisma.sql`
        SELECT ${scopeColumns} FROM scopes WHERE platform = ${platform} AND platform_scope_id = ${platformScopeId}`);
      if (found && found['kind'] === kind && (title === undefined || found['title'] === title))
        return toScope(found);
      const row = await one(Prisma.sql`
        INSERT INTO scopes (platform, platform_scope_id, kind, title) VALUES (${platform}, ${platformScopeId}, ${kind}, ${title ?? null})
        ON CONFLICT (platform, platform_scope_id)
          DO UPDATE SET kind = excluded.kind, title = COALESCE(excluded.title, scopes.title)
        RETURNING ${scopeColumns}`);
      return toScope(required(row, 'upsertScope'));
    },

    async createQuestion(input) {
      // On a repeated event key the no-op update makes RETURNING give back the first question.
      const row = await one(Prisma.sql`
        INSERT INTO questions (event_key, scope_id, channel_id, topic_id, seed, created_by_user_id, created_at)
        VALUES (${input.eventKey}, ${input.scopeId}, ${input.channelId}, ${input.topicId}, ${input.seed},
                ${input.createdByUserId}, ${input.at})
        ON CONFLICT (event_key) DO UPDATE SET event_key = excluded.event_key
        RETURNING ${questionColumns}`);
      return toQuestion(required(row, 'createQuestion'));
    },

    getQuestion(id) {
      return question(getQuestionSql(id));
    },

    latestQuestion({ scopeId, channelId }) {
      return question(Prisma.sql`
        SELECT ${questionColumns} FROM questions WHERE scope_id = ${scopeId} AND channel_id = ${channelId}
        ORDER BY created_at DESC, id DESC LIMIT 1`);
    },

    async setQuestionMessage({ questionId, messageId }) {
      await db.question.update({ where: { id: questionId }, data: { messageId } });
    },

    findQuestionByMessage({ scopeId, messageId }) {
      return question(Prisma.sql`
        SELECT ${questionColumns} FROM questions WHERE scope_id = ${scopeId} AND message_id = ${messageId}
        ORDER BY id DESC LIMIT 1`);
    },

    async markQuestionRevealed({ questionId, at }) {
      await db.question.updateMany({ where: { id: questionId, revealedAt: null }, data: { revealedAt: at } });
    },

    async getAnswerContext(input) {
      return toAnswerContext(await sql.query(answerContextSql(input)));
    },

    async getUserQuestionState({ questionId, userId }): Promise<UserQuestionState> {
      return toQuestionState(await sql.query(userQuestionStateSql(questionId, userId)));
    },

    async recordHint({ eventKey, questionId, userId }) {
      try {
        const rows = await sql.atomically(
          [
            Prisma.sql`INSERT INTO processed_events (kind, key, created_at) VALUES ('hint', ${eventKey}, ${new Date()})`,
          ],
          Prisma.sql`
            INSERT INTO user_questions (question_id, user_id, hints_used, revealed) VALUES (${questionId}, ${userId}, 1, FALSE)
            ON CONFLICT (question_id, user_id) DO UPDATE SET hints_used = user_questions.hints_used + 1
            RETURNING hints_used`,
        );
        return num(required(rows[0], 'recordHint')['hints_used']);
      } catch (error) {
        if (uniqueViolationOn(error) !== 'event') throw error;
        const row = await one(Prisma.sql`
          SELECT hints_used FROM user_questions WHERE question_id = ${questionId} AND user_id = ${userId}`);
        return row ? num(row['hints_used']) : 0;
      }
    },

    async recordReveal({ questionId, userId }) {
      await sql.execute(Prisma.sql`
        INSERT INTO user_questions (question_id, user_id, hints_used, revealed) VALUES (${questionId}, ${userId}, 0, TRUE)
        ON CONFLICT (question_id, user_id) DO UPDATE SET revealed = TRUE`);
    },

    async recordAttempts(input: RecordAttemptsInput): Promise<RecordResult> {
      checkSubmission(input);
      try {
        await sql.atomically(
          recordWritesSql(input, dialect.greatest),
          streakUpdateSql(input, dialect.greatest),
        );
        return { status: 'recorded' };
      } catch (error) {
        switch (uniqueViolationOn(error)) {
          case 'event':
            return { status: 'duplicate' };
          case 'attempt':
            // The same event racing with itself also collides on attempts, and PostgreSQL may report that
            // violation first: it is a duplicate when the event is (by now, committed) recorded.
            return { status: (await hasEvent(input.eventKey)) ? 'duplicate' : 'conflict' };
          default:
            throw error;
        }
      }
    },

    hasEvent,

    async getTopicProgress(userId): Promise<TopicProgressRecord[]> {
      const rows = await db.topicProgress.findMany({ where: { userId }, orderBy: { topicId: 'asc' } });
      return rows.map((r) => ({
        topicId: r.topicId,
        questions: r.questions,
        attempts: r.attempts,
        correct: r.correct,
        firstTryCorrect: r.firstTryCorrect,
        partsAttempted: r.partsAttempted,
        lastSeenAt: r.lastSeenAt,
      }));
    },

    async getUser(userId) {
      const row = await one(Prisma.sql`SELECT ${Prisma.raw(USER_COLUMNS)} FROM users WHERE id = ${userId}`);
      return row ? toUser(row) : undefined;
    },

    async getTotalPoints(userId) {
      const row = await one(Prisma.sql`
        SELECT COALESCE(SUM(points), 0) AS total FROM scores WHERE user_id = ${userId} AND period = ${ALL_TIME}`);
      return row ? num(row['total']) : 0;
    },

    async getLeaderboard({ scopeId, period, week, limit, userId }): Promise<LeaderboardRecord> {
      const rows = await sql.query(
        leaderboardSql({ scopeId, period: period === 'all' ? ALL_TIME : week, limit, userId }),
      );
      const top = rows
        .filter((r) => num(r['me']) === 0)
        .map(toScoreRow)
        .sort((a, b) => b.points - a.points || b.solved - a.solved || a.userId - b.userId);
      const mine = rows.find((r) => num(r['me']) === 1);
      return mine ? { top, me: { ...toScoreRow(mine), rank: num(mine['rank']) } } : { top };
    },

    async setOptOut({ userId, optOut }) {
      await db.user.update({ where: { id: userId }, data: { optOut } });
    },

    async setTimeZone({ userId, timeZone }) {
      await db.user.update({ where: { id: userId }, data: { timeZone } });
    },

    async resetLeaderboard({ scopeId, eventKey, at }) {
      try {
        await sql.atomically(
          [
            Prisma.sql`INSERT INTO processed_events (kind, key, created_at) VALUES ('reset', ${eventKey}, ${at})`,
            Prisma.sql`DELETE FROM scores WHERE scope_id = ${scopeId}`,
          ],
          Prisma.sql`SELECT 1 AS done`,
        );
        return { reset: true };
      } catch (error) {
        if (uniqueViolationOn(error) === 'event') return { reset: false };
        throw error;
      }
    },

    async ping() {
      await db.$queryRaw`SELECT 1`;
    },

    async close() {
      await db.$disconnect();
    },
  };
}

function required(row: Row | undefined, what: string): Row {
  if (!row) throw new Error(`${what}: the database returned no row`);
  return row;
}

/** Mistakes in the caller, not races: thrown, never reported as a conflict. */
function checkSubmission(input: RecordAttemptsInput): void {
  if (!(input.points >= 0) || !Number.isFinite(input.points)) throw new RangeError('points must be >= 0');
  const seen = new Set<string>();
  for (const a of input.attempts) {
    const k = `${a.partId}\u0000${a.tryNo}`;
    if (seen.has(k)) throw new Error(`duplicate attempt ${a.partId}#${a.tryNo} in one submission`);
    seen.add(k);
  }
}
