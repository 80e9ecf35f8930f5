/**
 * Store benchmark (`npm run bench store`), on SQLite:
 *
 * 1. Answers recorded per second THROUGH THE ENGINE (engine.submitAnswer: the answer context in one read, grading,
 *    one atomic write), sequential and 50 concurrent, with the p99 per answer; beside it the fair raw baseline:
 *    better-sqlite3 running exactly the statements the store runs (the same read, the same writes in one
 *    BEGIN IMMEDIATE transaction, one commit per answer). Every configuration is warmed up first, then they take
 *    turns over ROUNDS rounds; the median round is reported, and the ratio.
 * 2. The leaderboard (top 10 + the caller's rank) in scopes of 1k, 10k and 100k students, with 10k opted-out
 *    students in another scope, through the store and raw.
 * 3. Database size per million attempts of bot-like traffic (a month of days, events pruned daily with the
 *    default window), with the tables' shares.
 *
 * Numbers only: benchmarks never fail on timings.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatExpected } from '../src/core/answers/index.js';
import { createRng } from '../src/core/rng.js';
import { buildQuestion, findTopic } from '../src/core/topics/index.js';
import type { Actor, Engine, Place } from '../src/engine/api.js';
import { localDay, weekKey } from '../src/engine/calendar.js';
import { createEngine } from '../src/engine/create-engine.js';
import type { RecordAttemptsInput, Store } from '../src/engine/ports/store.js';
import { Prisma } from '../src/generated/sqlite/client.js';
import { DEFAULT_EVENT_WINDOW_MS } from '../src/store/create-store.js';
import { createPrismaStore, migrateDatabase } from '../src/store/prisma/create-prisma-store.js';
import { SQLITE_PRAGMAS } from '../src/store/prisma/sqlite-connection.js';
import {
  answerContextSql,
  leaderboardSql,
  recordWritesSql,
  streakUpdateSql,
} from '../src/store/prisma/statements.js';
import { fmtMs, report, summarize } from './stats.js';

const TOPIC = 'conv-output-size';
const STUDENTS = 300;
const QUESTIONS = 70;
const WARM_UP = 300;
const SEQUENTIAL = 1000;
const CONCURRENT = 2000;
const IN_FLIGHT = 50;
const ROUNDS = 3;

export default async function storeBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'studybot-bench-'));
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  report('machine', `${cpus().length} cores, load average ${load} (1 / 5 / 15 min) at start`);
  try {
    await benchAnswers(join(dir, 'answers.db'));
    await benchLeaderboards(join(dir, 'leaderboard.db'));
    await benchSize(join(dir, 'size.db'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Answers per second

interface Job {
  readonly student: number;
  readonly question: {
    readonly id: number;
    readonly scopeId: number;
    readonly answers: Record<string, string>;
  };
  readonly eventId: string;
}
type Submit = (job: Job) => Promise<void>;

const student = (i: number): Actor => ({ platform: 'discord', userId: `s${i}`, displayName: `Student ${i}` });
const place: Place = { scope: { platform: 'discord', scopeId: 'bench', kind: 'server' }, channelId: 'c' };

async function benchAnswers(file: string): Promise<void> {
  const store = await createPrismaStore({ url: `file:${file}` });
  const engine = createEngine({ store });
  const questions = await startQuestions(engine);
  const jobs = createRng(48).shuffle(
    questions.slice(1).flatMap((question) =>
      Array.from({ length: STUDENTS }, (_, s) => ({
        student: s,
        question,
        eventId: `q${question.id}-s${s}`,
      })),
    ),
  );
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
    if (!r.ok || r.value.pointsAwarded <= 0) throw new Error(`unexpected outcome for ${job.eventId}`);
  };
  // What the engine records for an all-correct first answer (captured from the store, so the raw baseline writes
  // exactly the rows the engine makes the store write).
  const recorded = new Map<
    number,
    Omit<RecordAttemptsInput, 'eventKey' | 'userId' | 'day' | 'week' | 'at'>
  >();
  const capture: Store = {
    ...store,
    recordAttempts: (input) => {
      const { eventKey: _e, userId: _u, day: _d, week: _w, at: _a, ...rest } = input;
      recorded.set(input.questionId, rest);
      return store.recordAttempts(input);
    },
  };
  const capturing = createEngine({ store: capture });
  // Every student exists before measuring (their first answer creates them, in every configuration alike).
  for (let s = 0; s < STUDENTS; s++) {
    for (const question of questions.slice(0, 1))
      await capturingSubmit(capturing, { student: s, question, eventId: `warm-${s}` });
  }
  for (const question of questions.slice(1))
    await capturingSubmit(capturing, { student: STUDENTS, question, eventId: `capture-${question.id}` });
  const raw = rawSqlite(file, recorded);
  const configs: [string, Submit][] = [
    ['engine.submitAnswer (Prisma store)', viaEngine],
    ['raw better-sqlite3, the same statements', raw.submit],
  ];
  for (const [, submit] of configs) await measure(take(WARM_UP), submit, 1);
  const runs = new Map<string, { seq: Run[]; conc: Run[] }>(
    configs.map(([name]) => [name, { seq: [], conc: [] }]),
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, submit] of configs) {
      runs.get(name)!.seq.push(await measure(take(SEQUENTIAL), submit, 1));
      runs.get(name)!.conc.push(await measure(take(CONCURRENT), submit, IN_FLIGHT));
    }
  }
  const median = (rs: Run[]): Run =>
    [...rs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(rs.length / 2)]!;
  const rates = new Map<string, { seq: number; conc: number }>();
  for (const [name, { seq, conc }] of runs) {
    const [s, c] = [median(seq), median(conc)];
    printRun(`SQLite · ${name} · sequential`, s, seq);
    printRun(`SQLite · ${name} · ${IN_FLIGHT} concurrent`, c, conc);
    rates.set(name, { seq: s.perSecond, conc: c.perSecond });
  }
  const e = rates.get(configs[0]![0])!;
  const r = rates.get(configs[1]![0])!;
  report(
    'SQLite · ratio engine / raw (sequential · concurrent)',
    `${ratio(e.seq, r.seq)} · ${ratio(e.conc, r.conc)}`,
  );
  raw.close();
  await store.close();
}

async function capturingSubmit(engine: Engine, job: Job): Promise<void> {
  const r = await engine.submitAnswer({
    actor: student(job.student),
    place,
    questionId: String(job.question.id),
    answer: { parts: job.question.answers },
    event: { eventId: job.eventId },
  });
  if (!r.ok) throw new Error(`warm-up answer failed: ${r.error}`);
}

async function startQuestions(engine: Engine): Promise<Job['question'][]> {
  const topic = findTopic(TOPIC)!;
  const out: Job['question'][] = [];
  for (let q = 0; q < QUESTIONS; q++) {
    const started = await engine.startQuiz({
      actor: student(0),
      place,
      selector: TOPIC,
      event: { eventId: `quiz-${q}` },
    });
    if (!started.ok) throw new Error(`startQuiz failed: ${started.error}`);
    const parts = buildQuestion(topic, started.value.seed).parts;
    const answers = Object.fromEntries(parts.map((p) => [p.id, formatExpected(p.expected, { exact: true })]));
    out.push({ id: Number(started.value.questionId), scopeId: 1, answers });
  }
  return out;
}

/**
 * better-sqlite3 with the store's pragmas, running the store's statements for one answer: the answer context,
 * then BEGIN IMMEDIATE, the writes, the streak update, COMMIT. Values are bound as the SQLite adapter stores them
 * (ISO dates with +00:00, booleans as 0/1), so both write the same rows.
 */
function rawSqlite(
  file: string,
  recorded: ReadonlyMap<number, Omit<RecordAttemptsInput, 'eventKey' | 'userId' | 'day' | 'week' | 'at'>>,
) {
  const db = new Database(file, { timeout: 5000 });
  db.exec(SQLITE_PRAGMAS);
  const cache = new Map<string, Database.Statement>();
  const prepare = (q: Prisma.Sql): Database.Statement => {
    let stmt = cache.get(q.sql);
    if (!stmt) cache.set(q.sql, (stmt = db.prepare(q.sql)));
    return stmt;
  };
  const bind = (q: Prisma.Sql): unknown[] => q.values.map(sqliteValue);
  const greatest = Prisma.raw('MAX');
  const record = db.transaction((input: RecordAttemptsInput) => {
    for (const w of recordWritesSql(input, { greatest, provider: 'sqlite' })) prepare(w).run(...bind(w));
    const streak = streakUpdateSql(input, greatest);
    prepare(streak).run(...bind(streak));
  });
  const submit: Submit = (job) => {
    const a = student(job.student);
    const context = answerContextSql({
      questionId: job.question.id,
      platform: a.platform,
      platformUserId: a.userId,
    });
    const rows = prepare(context).all(...bind(context)) as Record<string, unknown>[];
    const user = rows[0]!;
    const at = new Date();
    const tz = String(user['u_time_zone']);
    record.immediate({
      ...recorded.get(job.question.id)!,
      eventKey: `discord:answer:${job.eventId}`,
      userId: Number(user['u_id']),
      day: localDay(at, tz),
      week: weekKey(at),
      at,
    });
    return Promise.resolve();
  };
  return { submit, close: () => db.close() };
}

function sqliteValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace('Z', '+00:00');
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

interface Run {
  readonly n: number;
  readonly perSecond: number;
  readonly latencies: number[];
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
  return { n: jobs.length, perSecond: (jobs.length / (performance.now() - start)) * 1000, latencies };
}

function printRun(label: string, median: Run, all: readonly Run[]): void {
  const s = summarize(all.flatMap((r) => r.latencies));
  const rounds = all.map((r) => Math.round(r.perSecond).toLocaleString('en')).join(' / ');
  report(
    label,
    `${Math.round(median.perSecond).toLocaleString('en')} answers/s (rounds ${rounds}) · p50 ${fmtMs(s.p50)} · p99 ${fmtMs(s.p99)}`,
  );
}

const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;

// ---------------------------------------------------------------------------------------------------------------
// Leaderboards in scopes of 1k, 10k and 100k students, 10k opted-out students elsewhere

const BOARD_SIZES = [1000, 10_000, 100_000];
const OPTED_OUT_ELSEWHERE = 10_000;
const BOARD_CALLS = 1000;

async function benchLeaderboards(file: string): Promise<void> {
  await migrateDatabase({ url: `file:${file}` });
  const db = new Database(file);
  db.exec(SQLITE_PRAGMAS);
  const series = (from: number, n: number) =>
    `(WITH RECURSIVE s(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM s WHERE i < ${from + n - 1}) SELECT i FROM s)`;
  const scopes: { id: number; first: number; n: number }[] = [];
  let nextUser = 1;
  db.transaction(() => {
    const addScope = (id: number, n: number, optOut: boolean) => {
      const first = nextUser;
      nextUser += n;
      db.exec(
        `INSERT INTO scopes (id, platform, platform_scope_id, kind) VALUES (${id}, 'discord', 'lb${id}', 'server')`,
      );
      db.exec(`INSERT INTO users (id, platform, platform_user_id, display_name, opt_out)
        SELECT i, 'discord', 'u' || i, 'User ' || i, ${optOut ? 1 : 0} FROM ${series(first, n)}`);
      // Many ties (points mod 997, solved mod 40), as on a real board.
      db.exec(`INSERT INTO scores (scope_id, period, user_id, points, solved, hidden)
        SELECT ${id}, 'all', i, ((i * 7919) % 997) * 3, (i * 31) % 40, ${optOut ? 1 : 0} FROM ${series(first, n)}`);
      return { id, first, n };
    };
    addScope(100, OPTED_OUT_ELSEWHERE, true);
    BOARD_SIZES.forEach((n, i) => scopes.push(addScope(i + 1, n, false)));
    db.exec(`INSERT INTO score_counts (scope_id, period, points, n)
      SELECT scope_id, period, points, COUNT(*) FROM scores WHERE hidden = 0 GROUP BY scope_id, period, points`);
  })();
  db.exec('ANALYZE');
  const store = await createPrismaStore({ url: `file:${file}` });
  const rng = createRng(7);
  try {
    for (const scope of scopes) {
      const pick = () => scope.first + Math.floor(rng.next() * scope.n);
      const input = (userId: number) => ({
        scopeId: scope.id,
        period: 'all' as const,
        week: '',
        limit: 10,
        userId,
      });
      const viaStore = (userId: number) => store.getLeaderboard(input(userId));
      const raw = (userId: number) => {
        const q = leaderboardSql({ ...input(userId), period: 'all' });
        return Promise.resolve(db.prepare(q.sql).all(...q.values.map(sqliteValue)));
      };
      for (const [name, call] of [
        ['store.getLeaderboard', viaStore],
        ['raw better-sqlite3', raw],
      ] as const) {
        for (let i = 0; i < 100; i++) await call(pick());
        const latencies: number[] = [];
        for (let i = 0; i < BOARD_CALLS; i++) {
          const t = performance.now();
          await call(pick());
          latencies.push(performance.now() - t);
        }
        const sum = summarize(latencies);
        report(
          `SQLite · leaderboard · ${scope.n.toLocaleString('en')} students · ${name}`,
          `p50 ${fmtMs(sum.p50)} · p99 ${fmtMs(sum.p99)} (10k opted out elsewhere)`,
        );
      }
    }
  } finally {
    await store.close();
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Database size per million attempts, pruning on

const DAYS = 20;
const ANSWERS_PER_DAY = 800;
const SIZE_STUDENTS = 500;

async function benchSize(file: string): Promise<void> {
  const store = await createPrismaStore({ url: `file:${file}` });
  const rng = createRng(11);
  const scope = await store.upsertScope({ platform: 'telegram', platformScopeId: 'group', kind: 'group' });
  const users: number[] = [];
  for (let s = 0; s < SIZE_STUDENTS; s++)
    users.push(
      (
        await store.upsertUser({
          platform: 'telegram',
          platformUserId: `${1e9 + s}`,
          displayName: `Student ${s}`,
        })
      ).id,
    );
  const start = Date.UTC(2026, 10, 2);
  let attempts = 0;
  let update = 400_000_000;
  const t = performance.now();
  for (let day = 0; day < DAYS; day++) {
    const at = new Date(start + day * 86_400_000 + 9 * 3600_000);
    // A question per 20 answers, each answered by students in turn: 1-3 parts, a wrong first try a third of the time.
    let question = 0;
    let tries = new Map<string, number>();
    for (let a = 0; a < ANSWERS_PER_DAY; a++) {
      if (a % 20 === 0) {
        const created = await store.createQuestion({
          eventKey: `telegram:quiz:${update++}`,
          scopeId: scope.id,
          channelId: 'group',
          topicId: TOPIC,
          seed: Math.floor(rng.next() * 2 ** 31),
          createdByUserId: users[0]!,
          at,
        });
        question = created.question.id;
        tries = new Map();
      }
      const userId = users[Math.floor(rng.next() * users.length)]!;
      const parts = 1 + Math.floor(rng.next() * 3);
      const list = Array.from({ length: parts }, (_, p) => {
        const key = `${userId}:${p}`;
        const tryNo = (tries.get(key) ?? 0) + 1;
        tries.set(key, tryNo);
        const correct = rng.next() > 0.33;
        return {
          partId: `p${p}`,
          tryNo,
          answer: (rng.next() * 100).toFixed(4),
          status: correct ? ('correct' as const) : ('wrong' as const),
          credit: correct ? 1 : 0,
          firstTry: correct && tryNo === 1,
        };
      });
      const r = await store.recordAttempts({
        eventKey: `telegram:answer:${update++}`,
        questionId: question,
        userId,
        scopeId: scope.id,
        topicId: TOPIC,
        attempts: list,
        points: list.filter((x) => x.status === 'correct').length * 2,
        solvedQuestion: list.every((x) => x.status === 'correct'),
        firstAttemptOnQuestion: list.some((x) => x.tryNo === 1),
        day: localDay(at, 'UTC'),
        week: weekKey(at),
        at,
        outcome: JSON.stringify({ reply: 'graded', parts: list.map((x) => x.status) }),
      });
      if (r.status === 'recorded') attempts += list.length;
    }
    await store.pruneEvents(new Date(at.getTime() - DEFAULT_EVENT_WINDOW_MS));
  }
  const elapsed = (performance.now() - t) / 1000;
  await store.close();
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const tables = db
    .prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC')
    .all() as { name: string; bytes: number }[];
  db.close();
  const total = statSync(file).size;
  const perMillion = (bytes: number) => `${(((bytes / attempts) * 1e6) / 2 ** 20).toFixed(0)} MiB`;
  report(
    'SQLite · database size per million attempts (pruning on)',
    `${perMillion(total)} (${attempts.toLocaleString('en')} attempts over ${DAYS} days, ${ANSWERS_PER_DAY} answers/day, ${elapsed.toFixed(1)} s)`,
  );
  const share = tables
    .slice(0, 6)
    .map((t) => `${t.name} ${((t.bytes / total) * 100).toFixed(0)}%`)
    .join(', ');
  report('SQLite · largest tables and indexes', share);
}
