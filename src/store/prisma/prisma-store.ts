/**
 * The store port on Prisma, for SQLite and PostgreSQL. Prisma Client's query builder does the occasional
 * operations; what every answer runs (its one read and its atomic write) and the leaderboard are raw statements
 * (statements.ts) on the same driver adapter (sql-runner.ts), because Prisma Client's per-call cost would be most of
 * an answer's time.
 *
 * Races are decided by unique keys: an event key is recorded once (events: a redelivery records nothing), an
 * attempt once per (question, user, part, try) (attempts: the later of two racing submissions records nothing).
 * Every call that finds no database in time rejects with StoreUnavailableError (store-errors.ts); a write that
 * fails leaves nothing behind (one transaction, or one statement).
 */
import { Prisma } from '../../generated/sqlite/client.js';
import type { ScopeRecord, Store } from '../../engine/ports/store.js';
import type { Db } from './db.js';
import type { SqlRunner } from './sql-runner.js';
import { classify, unavailableOr } from './store-errors.js';
import {
  ALL_TIME,
  answerContextSql,
  findUserSql,
  leaderboardSql,
  optOutSql,
  recordWritesSql,
  streakUpdateSql,
  upsertUserSql,
  userQuestionStateSql,
} from './statements.js';
import {
  USER_COLUMNS,
  num,
  platformOf,
  toAnswerContext,
  toQuestionState,
  toScoreRow,
  toUser,
  type Row,
} from './rows.js';

/** Events forgotten per statement by pruneEvents: small, so that answers slip in between. */
const PRUNE_BATCH = 500;

export function createStoreOnPrisma({ db, sql }: { db: Db; sql: SqlRunner }): Store {
  const { client } = db;
  const one = async (query: Prisma.Sql): Promise<Row | undefined> => (await sql.query(query))[0];

  return {
    upsertUser: guard(async (input) => {
      // Almost always stored as is already: a read is far cheaper than a write (no write lock, no WAL append).
      const found = await one(findUserSql(input));
      if (found && found['display_name'] === input.displayName) return toUser(found);
      return toUser(required(await one(upsertUserSql(input)), 'upsertUser'));
    }),

    upsertScope: guard(async ({ platform, platformScopeId, kind, title }) => {
      const scope = await client.scope.upsert({
        where: { platform_platformScopeId: { platform, platformScopeId } },
        create: { platform, platformScopeId, kind, title: title ?? null },
        update: { kind, ...(title !== undefined ? { title } : {}) },
      });
      return { ...scope, platform: platformOf(scope.platform), kind: scopeKind(scope.kind) };
    }),

    createQuestion: guard(async ({ eventKey, at, ...fields }) => {
      try {
        const question = await db.transaction(async (tx) => {
          const created = await tx.question.create({ data: { ...fields, createdAt: at } });
          await tx.event.create({ data: { key: eventKey, createdAt: at, questionId: created.id } });
          return created;
        });
        return { question, created: true };
      } catch (error) {
        if (classify(error) !== 'event') throw error;
      }
      const event = await client.event.findUnique({ where: { key: eventKey } });
      const question =
        event?.questionId == null
          ? null
          : await client.question.findUnique({ where: { id: event.questionId } });
      if (!question) throw new Error(`event ${eventKey} is recorded but created no question`);
      return { question, created: false };
    }),

    getQuestion: guard(async (id) => (await client.question.findUnique({ where: { id } })) ?? undefined),

    latestQuestion: guard(
      async ({ scopeId, channelId }) =>
        (await client.question.findFirst({
          where: { scopeId, channelId },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        })) ?? undefined,
    ),

    setQuestionMessage: guard(async ({ questionId, messageId }) => {
      await client.question.update({ where: { id: questionId }, data: { messageId } });
    }),

    findQuestionByMessage: guard(
      async ({ scopeId, messageId }) =>
        (await client.question.findFirst({ where: { scopeId, messageId }, orderBy: [{ id: 'desc' }] })) ??
        undefined,
    ),

    markQuestionRevealed: guard(async ({ questionId, at }) => {
      await client.question.updateMany({
        where: { id: questionId, revealedAt: null },
        data: { revealedAt: at },
      });
    }),

    getAnswerContext: guard(async (input) => toAnswerContext(await sql.query(answerContextSql(input)))),

    getUserQuestionState: guard(async ({ questionId, userId }) =>
      toQuestionState(await sql.query(userQuestionStateSql(questionId, userId))),
    ),

    recordHint: guard(async ({ eventKey, questionId, userId }) => {
      try {
        const rows = await db.transaction(async (tx) => {
          await tx.event.create({ data: { key: eventKey, createdAt: new Date() } });
          return tx.$queryRaw(Prisma.sql`
            INSERT INTO user_questions (question_id, user_id, hints_used, revealed) VALUES (${questionId}, ${userId}, 1, FALSE)
            ON CONFLICT (question_id, user_id) DO UPDATE SET hints_used = user_questions.hints_used + 1
            RETURNING hints_used AS n`);
        });
        const first: unknown = Array.isArray(rows) ? rows[0] : undefined;
        const hintsUsed = typeof first === 'object' && first !== null && 'n' in first ? num(first.n) : 0;
        return { hintsUsed, duplicate: false };
      } catch (error) {
        if (classify(error) !== 'event') throw error;
      }
      const state = await client.userQuestion.findUnique({
        where: { questionId_userId: { questionId, userId } },
      });
      return { hintsUsed: state?.hintsUsed ?? 0, duplicate: true };
    }),

    recordReveal: guard(async ({ questionId, userId }) => {
      await client.$executeRaw(Prisma.sql`
        INSERT INTO user_questions (question_id, user_id, hints_used, revealed) VALUES (${questionId}, ${userId}, 0, TRUE)
        ON CONFLICT (question_id, user_id) DO UPDATE SET revealed = TRUE`);
    }),

    recordAttempts: guard(async (input) => {
      checkSubmission(input);
      try {
        await sql.atomically(recordWritesSql(input, sql), streakUpdateSql(input, sql.greatest));
        return { status: 'recorded' };
      } catch (error) {
        const failure = classify(error);
        if (failure === 'event') return { status: 'duplicate' };
        if (failure !== 'attempt') throw error;
        // The same event racing with itself also collides on attempts, and PostgreSQL may report that violation
        // first: it is a duplicate when the event is (by now, committed) recorded.
        const seen = await client.event.findUnique({ where: { key: input.eventKey } });
        return { status: seen ? 'duplicate' : 'conflict' };
      }
    }),

    getEvent: guard(async (eventKey) => {
      const event = await client.event.findUnique({ where: { key: eventKey } });
      return event
        ? { at: event.createdAt, outcome: event.outcome, deliveredAt: event.deliveredAt }
        : undefined;
    }),

    markEventDelivered: guard(async ({ eventKey, at }) => {
      await client.$executeRaw(Prisma.sql`
        INSERT INTO events (key, created_at, delivered_at) VALUES (${eventKey}, ${at}, ${at})
        ON CONFLICT (key) DO UPDATE SET delivered_at = COALESCE(events.delivered_at, excluded.delivered_at)`);
    }),

    pruneEvents: guard(async (before) => {
      let pruned = 0;
      for (;;) {
        const old = await client.event.findMany({
          where: { createdAt: { lt: before } },
          select: { key: true },
          take: PRUNE_BATCH,
        });
        if (old.length === 0) return pruned;
        const { count } = await client.event.deleteMany({ where: { key: { in: old.map((e) => e.key) } } });
        pruned += count;
      }
    }),

    getTopicProgress: guard(async (userId) => {
      const rows = await client.topicProgress.findMany({ where: { userId }, orderBy: { topicId: 'asc' } });
      return rows.map(({ userId: _user, ...progress }) => progress);
    }),

    getUser: guard(async (userId) => {
      const row = await one(Prisma.sql`SELECT ${Prisma.raw(USER_COLUMNS)} FROM users WHERE id = ${userId}`);
      return row ? toUser(row) : undefined;
    }),

    getTotalPoints: guard(async (userId) => {
      const total = await client.score.aggregate({
        where: { userId, period: ALL_TIME },
        _sum: { points: true },
      });
      return total._sum.points ?? 0;
    }),

    getLeaderboard: guard(async ({ scopeId, period, week, limit, userId }) => {
      const rows = await sql.query(
        leaderboardSql({ scopeId, period: period === 'all' ? ALL_TIME : week, limit, userId }),
      );
      const top = rows
        .filter((r) => num(r['me']) === 0)
        .map(toScoreRow)
        .sort((a, b) => b.points - a.points || b.solved - a.solved || a.userId - b.userId);
      const mine = rows.find((r) => num(r['me']) === 1);
      return mine ? { top, me: { ...toScoreRow(mine), rank: num(mine['rank']) } } : { top };
    }),

    setOptOut: guard(async ({ userId, optOut }) => {
      await sql.atomically(optOutSql(userId, optOut), Prisma.sql`SELECT 1 AS done`);
    }),

    setTimeZone: guard(async ({ userId, timeZone }) => {
      await client.user.update({ where: { id: userId }, data: { timeZone } });
    }),

    resetLeaderboard: guard(async ({ scopeId, eventKey, at }) => {
      try {
        await db.transaction(async (tx) => {
          await tx.event.create({ data: { key: eventKey, createdAt: at } });
          await tx.score.deleteMany({ where: { scopeId } });
          await tx.scoreCount.deleteMany({ where: { scopeId } });
        });
        return { reset: true };
      } catch (error) {
        if (classify(error) === 'event') return { reset: false };
        throw error;
      }
    }),

    ping: guard(async () => {
      await client.$queryRaw(Prisma.sql`SELECT 1`);
    }),

    close: () => db.disconnect(),
  };
}

/** A store method whose failures to reach the database in time become StoreUnavailableError. */
function guard<A extends unknown[], R>(method: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => method(...args).catch(unavailableOr);
}

function required(row: Row | undefined, what: string): Row {
  if (!row) throw new Error(`${what}: the database returned no row`);
  return row;
}

function scopeKind(kind: string): ScopeRecord['kind'] {
  if (kind === 'server' || kind === 'group' || kind === 'private') return kind;
  throw new TypeError(`unknown scope kind ${kind}`);
}

/** Mistakes in the caller, not races: thrown, never reported as a conflict. */
function checkSubmission(input: Parameters<Store['recordAttempts']>[0]): void {
  if (!(input.points >= 0) || !Number.isFinite(input.points)) throw new RangeError('points must be >= 0');
  const seen = new Set<string>();
  for (const a of input.attempts) {
    const k = `${a.partId}\u0000${a.tryNo}`;
    if (seen.has(k)) throw new Error(`duplicate attempt ${a.partId}#${a.tryNo} in one submission`);
    seen.add(k);
  }
}
