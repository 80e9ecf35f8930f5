/**
 * Store benchmark (`npm run bench store`), on SQLite and on PostgreSQL in the same run:
 *
 * 1. Answers submitted and recorded per second THROUGH THE ENGINE (engine.submitAnswer: load the student and the
 *    question, read the student's state, grade, record atomically), sequential and 50 concurrent, p50/p99.
 * 2. The same store calls without the engine (Prisma only), to split engine CPU from Prisma.
 * 3. The same SQL statements on the raw driver (better-sqlite3 with cached prepared statements; pg), the limit,
 *    printed as a ratio.
 * 4. The leaderboard query (top 10 + the caller's rank) at 10k users / 1M attempts, seeded with raw SQL, through
 *    the Prisma store and on the raw driver.
 *
 * PostgreSQL: BENCH_POSTGRES_URL, else TEST_POSTGRES_URL, else postgresql://postgres@127.0.0.1:5432/test; a fresh
 * database is created and dropped. Numbers only: benchmarks never fail on timings.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createRng, type Rng } from '../src/core/rng.js';
import { buildQuestion, findTopic } from '../src/core/topics/index.js';
import type { Actor, Engine, Place } from '../src/engine/api.js';
import { localDay, weekKey } from '../src/engine/calendar.js';
import { createEngine } from '../src/engine/create-engine.js';
import type { Prisma } from '../src/generated/sqlite/client.js';
import type { NewAttempt, RecordAttemptsInput, Store } from '../src/engine/ports/store.js';
import { createPrismaStore, migrateDatabase } from '../src/store/prisma/create-prisma-store.js';
import { postgresDialect, sqliteDialect } from '../src/store/prisma/dialect.js';
import { SQLITE_PRAGMAS } from '../src/store/prisma/sqlite-adapter.js';
import {
  getQuestionSql,
  leaderboardSql,
  recordWritesSql,
  streakUpdateSql,
  upsertUserSql,
  userQuestionStateSql,
  withWritesSql,
} from '../src/store/prisma/statements.js';
import { fmtMs, report, summarize } from './stats.js';
import { formatExpected } from '../src/core/answers/index.js';

const TOPIC = 'conv-output-size';
const STUDENTS = 300;
const QUESTIONS = 40;
const SEQUENTIAL = 1000;
const CONCURRENT = 2000;
const IN_FLIGHT = 50;
const LB_USERS = 10_000;
const LB_QUESTIONS = 100; // x 10k users = 1M attempts
const LB_CALLS = 2000;

type Provider = 'sqlite' | 'postgres';

/** One answer to submit: a student answering every part of a question right. */
interface Job {
  readonly student: number;
  readonly question: Question;
  readonly eventId: string;
}

interface Question {
  readonly id: number;
  readonly seed: number;
  readonly scopeId: number;
  readonly answers: Record<string, string>;
  /** What the engine records for an all-correct first submission (for the store-only and raw runs). */
  readonly attempts: NewAttempt[];
  readonly points: number;
}

/** A way of submitting one answer: the engine, the Prisma store calls, or raw SQL. */
type Submit = (job: Job) => Promise<void>;

export default async function storeBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'studybot-bench-'));
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  report('machine', `${cpus().length} cores, load average ${load} (1 / 5 / 15 min) at start`);
  try {
    await benchProvider('sqlite', `file:${join(dir, 'answers.db')}`, rawSqliteSubmit);
    await benchSqliteLeaderboard(join(dir, 'leaderboard.db'));
    const admin = process.env['BENCH_POSTGRES_URL'] ?? process.env['TEST_POSTGRES_URL'] ?? DEFAULT_PG;
    if (!(await reachable(admin))) {
      console.log(`PostgreSQL not reachable at ${redact(admin)}: PostgreSQL numbers skipped.`);
      return;
    }
    await withTempDatabase(admin, (url) => benchProvider('postgres', url, rawPostgresSubmit));
    await withTempDatabase(admin, (url) => benchPostgresLeaderboard(url));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DEFAULT_PG = 'postgresql://postgres@127.0.0.1:5432/test';

// ---------------------------------------------------------------------------------------------------------------
// Answers per second

async function benchProvider(
  provider: Provider,
  url: string,
  makeRaw: (url: string, scopeId: number) => Promise<{ submit: Submit; close(): Promise<void> }>,
): Promise<void> {
  const store = await createPrismaStore({ url });
  const engine = createEngine({ store });
  const place: Place = {
    scope: { platform: 'discord', scopeId: 'bench-server', kind: 'server' },
    channelId: 'c',
  };
  const questions = await startQuestions(engine, store, place);
  const jobs = shuffledJobs(questions, createRng(48));
  let next = 0;
  const take = (n: number): Job[] => jobs.slice(next, (next += n));

  const viaEngine: Submit = async (job) => {
    const r = await engine.submitAnswer({
      actor: student(job.student),
      place,
      questionId: String(job.question.id),
      answer: { parts: job.question.answers },
      event: { eventId: job.eventId },
    });
    if (!r.ok || r.value.pointsAwarded !== job.question.points)
      throw new Error(`unexpected outcome for ${job.eventId}`);
  };
  const viaStore = storeSubmit(store);
  const raw = await makeRaw(url, questions[0]!.scopeId);
  try {
    const label = provider === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const rawName = provider === 'sqlite' ? 'raw better-sqlite3' : 'raw pg';
    const rows: [string, Submit][] = [
      ['engine.submitAnswer (Prisma store)', viaEngine],
      ['Prisma store calls only (no engine)', viaStore],
      [`${rawName}, same statements`, raw.submit],
    ];
    const results = new Map<string, { seq: number; conc: number }>();
    for (const [name, submit] of rows) {
      const seq = await measure(take(SEQUENTIAL), submit, 1);
      const conc = await measure(take(CONCURRENT), submit, IN_FLIGHT);
      printRun(`${label} · ${name} · sequential`, seq);
      printRun(`${label} · ${name} · ${IN_FLIGHT} concurrent`, conc);
      results.set(name, { seq: seq.perSecond, conc: conc.perSecond });
    }
    const engineRate = results.get(rows[0]![0])!;
    const storeRate = results.get(rows[1]![0])!;
    const rawRate = results.get(rows[2]![0])!;
    report(
      `${label} · ratio engine / ${rawName} (seq · conc)`,
      `${ratio(engineRate.seq, rawRate.seq)} · ${ratio(engineRate.conc, rawRate.conc)}`,
    );
    report(
      `${label} · ratio Prisma store / ${rawName} (seq · conc)`,
      `${ratio(storeRate.seq, rawRate.seq)} · ${ratio(storeRate.conc, rawRate.conc)}`,
    );
    if (provider === 'sqlite') {
      // Above 1x when concurrent: the store commits the answers that arrive together in one transaction
      // (src/store/prisma/group-commit.ts); the raw baseline, synchronous, commits each answer on its own.
      report('SQLite · (concurrent: the store groups commits, the raw baseline does not)', '');
      const best = Math.max(engineRate.seq, engineRate.conc);
      report(
        'SQLite · target >= 1,000 answers/s through the engine',
        best >= 1000 ? 'met' : `NOT met (${Math.round(best)}/s)`,
      );
    }
  } finally {
    await raw.close();
    await store.close();
  }
}

function student(i: number): Actor {
  return { platform: 'discord', userId: `student-${i}`, displayName: `Student ${i}` };
}

async function startQuestions(engine: Engine, store: Store, place: Place): Promise<Question[]> {
  const topic = findTopic(TOPIC);
  if (!topic) throw new Error(`no topic ${TOPIC}`);
  const scope = await store.upsertScope({
    platform: 'discord',
    platformScopeId: 'bench-server',
    kind: 'server',
  });
  const questions: Question[] = [];
  for (let q = 0; q < QUESTIONS; q++) {
    const started = await engine.startQuiz({
      actor: student(0),
      place,
      selector: TOPIC,
      event: { eventId: `quiz-${q}` },
    });
    if (!started.ok) throw new Error(`startQuiz failed: ${started.error}`);
    const instance = buildQuestion(topic, started.value.seed);
    const answers = Object.fromEntries(
      instance.parts.map((p) => [p.id, formatExpected(p.expected, { exact: true })]),
    );
    const attempts = instance.parts.map((p) => ({
      partId: p.id,
      tryNo: 1,
      answer: answers[p.id]!,
      status: 'correct' as const,
      credit: 1,
      firstTry: true,
    }));
    // Scoring rule (src/engine/scoring.ts): difficulty x 2 per part solved at the first try.
    const points = instance.parts.length * instance.difficulty * 2;
    questions.push({
      id: Number(started.value.questionId),
      seed: started.value.seed,
      scopeId: scope.id,
      answers,
      attempts,
      points,
    });
  }
  return questions;
}

function shuffledJobs(questions: readonly Question[], rng: Rng): Job[] {
  const jobs: Job[] = [];
  for (const question of questions) {
    for (let s = 0; s < STUDENTS; s++) jobs.push({ student: s, question, eventId: `q${question.id}-s${s}` });
  }
  return rng.shuffle(jobs);
}

/** The calls engine.submitAnswer makes for an all-correct first answer with an explicit question id. */
function storeSubmit(store: Store): Submit {
  return async (job) => {
    const a = student(job.student);
    const [user] = await Promise.all([
      store.upsertUser({ platform: a.platform, platformUserId: a.userId, displayName: a.displayName }),
      store.getQuestion(job.question.id),
    ]);
    await store.getUserQuestionState({ questionId: job.question.id, userId: user.id });
    const result = await store.recordAttempts(recordInput(job, user.id, user.timeZone));
    if (result.status !== 'recorded') throw new Error(`unexpected ${result.status}`);
  };
}

function recordInput(job: Job, userId: number, timeZone: string): RecordAttemptsInput {
  const at = new Date();
  return {
    eventKey: `discord:answer:${job.eventId}`,
    questionId: job.question.id,
    userId,
    scopeId: job.question.scopeId,
    topicId: TOPIC,
    attempts: job.question.attempts,
    points: job.question.points,
    solvedQuestion: true,
    firstAttemptOnQuestion: true,
    day: localDay(at, timeZone),
    week: weekKey(at),
    at,
  };
}

interface Run {
  readonly n: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

async function measure(jobs: readonly Job[], submit: Submit, inFlight: number): Promise<Run> {
  const latencies: number[] = [];
  let i = 0;
  const worker = async (): Promise<void> => {
    while (i < jobs.length) {
      const job = jobs[i++]!;
      const t = performance.now();
      await submit(job);
      latencies.push(performance.now() - t);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = performance.now() - start;
  const s = summarize(latencies);
  return { n: jobs.length, perSecond: (jobs.length / elapsed) * 1000, p50: s.p50, p99: s.p99 };
}

function printRun(label: string, run: Run): void {
  report(
    label,
    `${Math.round(run.perSecond).toLocaleString('en')} answers/s · p50 ${fmtMs(run.p50)} · p99 ${fmtMs(run.p99)} (n=${run.n})`,
  );
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}x`;
}

// ---------------------------------------------------------------------------------------------------------------
// Raw drivers: the same statements the Prisma store runs, without Prisma

/** better-sqlite3 with the store's pragmas, prepared statements cached by SQL text, BEGIN IMMEDIATE. */
async function rawSqliteSubmit(url: string): Promise<{ submit: Submit; close(): Promise<void> }> {
  const db = new Database(url.slice('file:'.length), { timeout: 5000 });
  db.exec(SQLITE_PRAGMAS);
  const cache = new Map<string, Database.Statement>();
  const prepare = (q: Prisma.Sql): Database.Statement => {
    let stmt = cache.get(q.sql);
    if (!stmt) cache.set(q.sql, (stmt = db.prepare(q.sql)));
    return stmt;
  };
  const values = (q: Prisma.Sql): unknown[] => q.values.map(sqliteValue);
  const all = (q: Prisma.Sql) => prepare(q).all(...values(q)) as Record<string, unknown>[];
  const run = (q: Prisma.Sql) => prepare(q).run(...values(q));
  const record = db.transaction((input: RecordAttemptsInput) => {
    for (const w of recordWritesSql(input, SQLITE_MAX)) run(w);
    run(streakUpdateSql(input, SQLITE_MAX));
  });
  const submit: Submit = (job) => {
    const a = student(job.student);
    const user = all(
      upsertUserSql({ platform: a.platform, platformUserId: a.userId, displayName: a.displayName }),
    )[0]!;
    all(getQuestionSql(job.question.id));
    all(userQuestionStateSql(job.question.id, Number(user['id'])));
    record.immediate(recordInput(job, Number(user['id']), String(user['time_zone'])));
    return Promise.resolve();
  };
  return Promise.resolve({
    submit,
    close: () => {
      db.close();
      return Promise.resolve();
    },
  });
}

/** The SQLite driver adapter's encoding of parameters (ISO dates with +00:00, booleans as 0/1). */
function sqliteValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace('Z', '+00:00');
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

const SQLITE_MAX = sqliteDialect.greatest;
const PG_GREATEST = postgresDialect.greatest;

/** pg Pool (10 connections, as the store), the store's statements; recordAttempts as one CTE statement. */
async function rawPostgresSubmit(url: string): Promise<{ submit: Submit; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server must not crash the benchmark (the next query reconnects).
  pool.on('error', () => undefined);
  const query = async (q: Prisma.Sql) =>
    (await pool.query({ text: q.text, values: q.values })).rows as Record<string, unknown>[];
  const submit: Submit = async (job) => {
    const a = student(job.student);
    const [users] = await Promise.all([
      query(upsertUserSql({ platform: a.platform, platformUserId: a.userId, displayName: a.displayName })),
      query(getQuestionSql(job.question.id)),
    ]);
    const user = users[0]!;
    await query(userQuestionStateSql(job.question.id, Number(user['id'])));
    const input = recordInput(job, Number(user['id']), String(user['time_zone']));
    await query(withWritesSql(recordWritesSql(input, PG_GREATEST), streakUpdateSql(input, PG_GREATEST)));
  };
  return Promise.resolve({ submit, close: () => pool.end() });
}

// ---------------------------------------------------------------------------------------------------------------
// Leaderboard at 10k users / 1M attempts

/** Scores with many ties (points mod 997, solved mod 40); 1% of users opted out. */
const SEED_SQL = {
  users: (n: string) => `INSERT INTO users (id, platform, platform_user_id, display_name, opt_out)
    SELECT i, 'discord', 'u' || i, 'User ' || i, (i % 100 = 0) FROM ${n}`,
  questions: (
    n: string,
    at: string,
  ) => `INSERT INTO questions (id, event_key, scope_id, channel_id, topic_id, seed,
      created_by_user_id, created_at)
    SELECT i, 'q' || i, 1, 'c', '${TOPIC}', i, 1, ${at} FROM ${n}`,
  attempts: (
    n: string,
    at: string,
    div: string,
  ) => `INSERT INTO attempts (question_id, user_id, part_id, try_no, answer,
      status, credit, first_try, created_at)
    SELECT 1 + ${div}, 1 + (i - 1) % ${LB_USERS}, 'out1', 1, '42', CASE WHEN i % 3 = 0 THEN 'wrong' ELSE 'correct' END,
      CASE WHEN i % 3 = 0 THEN 0 ELSE 1 END, (i % 3 <> 0), ${at} FROM ${n}`,
  scores: (
    n: string,
    period: string,
    scale: number,
  ) => `INSERT INTO scores (scope_id, period, user_id, points, solved)
    SELECT 1, '${period}', i, ((i * 7919) % 997) * ${scale}, (i * 31) % 40 FROM ${n}`,
};

async function benchSqliteLeaderboard(file: string): Promise<void> {
  await migrateDatabase({ url: `file:${file}` });
  const db = new Database(file);
  db.exec(SQLITE_PRAGMAS);
  db.pragma('foreign_keys = OFF');
  const t = performance.now();
  const series = (n: number) =>
    `(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${n}) SELECT i FROM s)`;
  const at = `'2026-11-24T10:00:00.000+00:00'`;
  db.transaction(() => {
    db.exec(SEED_SQL.users(series(LB_USERS)));
    db.exec(
      `INSERT INTO scopes (id, platform, platform_scope_id, kind) VALUES (1, 'discord', 'lb', 'server')`,
    );
    db.exec(SEED_SQL.questions(series(LB_QUESTIONS), at));
    db.exec(SEED_SQL.attempts(series(LB_USERS * LB_QUESTIONS), at, `(i - 1) / ${LB_USERS}`));
    db.exec(SEED_SQL.scores(series(LB_USERS), 'all', 3));
    db.exec(SEED_SQL.scores(series(LB_USERS), '2026-W48', 1));
  })();
  db.exec('ANALYZE');
  const seeded = performance.now() - t;
  const rawLeaderboard = (input: LeaderboardInput) => {
    const q = leaderboardSql({ ...input, period: input.period === 'all' ? 'all' : input.week });
    return Promise.resolve(db.prepare(q.sql).all(...q.values.map(sqliteValue)));
  };
  await compareLeaderboards('SQLite', `file:${file}`, seeded, rawLeaderboard, 'raw better-sqlite3');
  db.close();
}

async function benchPostgresLeaderboard(url: string): Promise<void> {
  await migrateDatabase({ url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t = performance.now();
  const at = `'2026-11-24 10:00:00'`;
  // Foreign-key triggers off while seeding (superuser), as a bulk load would.
  await client.query('SET session_replication_role = replica');
  await client.query(SEED_SQL.users(`generate_series(1, ${LB_USERS}) AS s(i)`));
  await client.query(
    `INSERT INTO scopes (id, platform, platform_scope_id, kind) VALUES (1, 'discord', 'lb', 'server')`,
  );
  await client.query(SEED_SQL.questions(`generate_series(1, ${LB_QUESTIONS}) AS s(i)`, at));
  await client.query(
    SEED_SQL.attempts(`generate_series(1, ${LB_USERS * LB_QUESTIONS}) AS s(i)`, at, `(i - 1) / ${LB_USERS}`),
  );
  await client.query(SEED_SQL.scores(`generate_series(1, ${LB_USERS}) AS s(i)`, 'all', 3));
  await client.query(SEED_SQL.scores(`generate_series(1, ${LB_USERS}) AS s(i)`, '2026-W48', 1));
  await client.query('SET session_replication_role = DEFAULT');
  for (const table of ['users', 'questions', 'scopes']) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`,
    );
  }
  await client.query('VACUUM ANALYZE');
  const seeded = performance.now() - t;
  const rawLeaderboard = async (input: LeaderboardInput) => {
    const q = leaderboardSql({ ...input, period: input.period === 'all' ? 'all' : input.week });
    return (await client.query({ text: q.text, values: q.values })).rows;
  };
  await compareLeaderboards('PostgreSQL', url, seeded, rawLeaderboard, 'raw pg');
  await client.end();
}

interface LeaderboardInput {
  readonly scopeId: number;
  readonly period: 'all' | 'week';
  readonly week: string;
  readonly limit: number;
  readonly userId: number;
}

async function compareLeaderboards(
  label: string,
  url: string,
  seededMs: number,
  raw: (input: LeaderboardInput) => Promise<unknown[]>,
  rawName: string,
): Promise<void> {
  report(
    `${label} · seeded 10k users, 1M attempts, 20k score rows (raw SQL)`,
    `${(seededMs / 1000).toFixed(1)} s`,
  );
  const store = await createPrismaStore({ url, migrate: false });
  try {
    const rng = createRng(7);
    const inputs: LeaderboardInput[] = Array.from({ length: LB_CALLS }, (_, i) => ({
      scopeId: 1,
      period: i % 2 === 0 ? 'all' : 'week',
      week: '2026-W48',
      limit: 10,
      userId: rng.int(1, LB_USERS),
    }));
    const check = await store.getLeaderboard(inputs[0]!);
    if (check.top.length !== 10) throw new Error('leaderboard seed is wrong');
    const timed = async (call: (input: LeaderboardInput) => Promise<unknown>) => {
      for (const input of inputs.slice(0, 100)) await call(input); // warm-up
      const samples: number[] = [];
      for (const input of inputs) {
        const t = performance.now();
        await call(input);
        samples.push(performance.now() - t);
      }
      return summarize(samples);
    };
    const prisma = await timed((input) => store.getLeaderboard(input));
    const direct = await timed(raw);
    report(
      `${label} · leaderboard top 10 + own rank, Prisma store`,
      `p50 ${fmtMs(prisma.p50)} · p99 ${fmtMs(prisma.p99)} (n=${prisma.n})`,
    );
    report(
      `${label} · leaderboard top 10 + own rank, ${rawName}`,
      `p50 ${fmtMs(direct.p50)} · p99 ${fmtMs(direct.p99)} (n=${direct.n})`,
    );
    report(
      `${label} · leaderboard ratio Prisma / raw (p50 latency)`,
      `${(prisma.p50 / direct.p50).toFixed(2)}x slower`,
    );
    report(
      `${label} · target leaderboard p99 < 5 ms`,
      prisma.p99 < 5 ? 'met' : `NOT met (${fmtMs(prisma.p99)})`,
    );
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function withTempDatabase(admin: string, fn: (url: string) => Promise<void>): Promise<void> {
  const name = `studybot_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const adminQuery = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await adminQuery(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(admin);
    url.pathname = `/${name}`;
    await fn(url.toString());
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured URL';
  }
}
