/**
 * Two separate bot processes on one database, each submitting 500 answers at once through the engine for the same
 * 20 students on the same 25 questions (every answer races one from the other process; some events reach both
 * processes; some are redelivered). Afterwards every total is exact: nothing duplicated, nothing lost.
 * On PostgreSQL (the set-up for several instances) and on one SQLite file (WAL, busy timeout, BEGIN IMMEDIATE).
 */
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildQuestion, findTopic } from '../../src/core/topics/index.js';
import { pointsForSolvedPart } from '../../src/engine/scoring.js';
import { createPrismaStore } from '../../src/store/prisma/create-prisma-store.js';
import { GROUP_ID, PER_PROCESS, QUESTIONS, STUDENTS, TOPIC, pairOf } from './fixtures/two-process-plan.js';
import { TEST_POSTGRES_URL, createTempDatabase, noticeIfNoPostgres } from './support/temp-postgres.js';
import { tempSqlite } from './support/temp-sqlite.js';

noticeIfNoPostgres('two-processes');

interface ChildSummary {
  readonly sent: number;
  readonly duplicates: number;
  readonly errors: string[];
}

/** Bundles the child like `npm run build` does (mathjs tree-shaken, packages external): it starts much faster. */
async function bundleChild(outdir: string): Promise<string> {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
  const external = Object.keys(pkg.dependencies)
    .filter((name) => name !== 'mathjs')
    .flatMap((name) => [name, `${name}/*`]);
  const outfile = join(outdir, 'engine-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/engine-child.ts', import.meta.url))],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return outfile;
}

async function runChildren(url: string, n: number): Promise<ChildSummary[]> {
  // Inside the project (git-ignored .vitest-tmp/) so the bundle resolves its external packages from node_modules.
  mkdirSync('.vitest-tmp', { recursive: true });
  const outdir = mkdtempSync(join(process.cwd(), '.vitest-tmp', 'two-process-'));
  try {
    return await runBundledChildren(await bundleChild(outdir), url, n);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

async function runBundledChildren(script: string, url: string, n: number): Promise<ChildSummary[]> {
  const children = Array.from({ length: n }, (_, i) =>
    spawn(process.execPath, [script, url, String(i)], { stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const exited = children.map(
    (c) => new Promise<number | null>((resolve) => c.once('exit', (code) => resolve(code))),
  );
  const lines = children.map((c) => createInterface({ input: c.stdout })[Symbol.asyncIterator]());
  for (const it of lines) expect((await it.next()).value).toBe('ready');
  for (const c of children) c.stdin.end('go\n');
  const out: ChildSummary[] = [];
  for (const it of lines) out.push(JSON.parse((await it.next()).value as string) as ChildSummary);
  expect(await Promise.all(exited)).toEqual(children.map(() => 0));
  return out;
}

interface Stored {
  readonly questions: { event_key: string; seed: number }[];
  readonly users: number;
  readonly attempts: number;
}

async function readPostgres(url: string): Promise<Stored> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
    return {
      questions: (
        await client.query<{ event_key: string; seed: number }>(
          'SELECT e.key AS event_key, q.seed FROM questions q JOIN events e ON e.question_id = q.id',
        )
      ).rows,
      users: await count('SELECT COUNT(*) AS n FROM users'),
      attempts: await count('SELECT COUNT(*) AS n FROM attempts'),
    };
  } finally {
    await client.end();
  }
}

function readSqlite(url: string): Promise<Stored> {
  const db = new Database(url.slice('file:'.length), { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return Promise.resolve({
      questions: db
        .prepare('SELECT e.key AS event_key, q.seed FROM questions q JOIN events e ON e.question_id = q.id')
        .all() as Stored['questions'],
      users: count('SELECT COUNT(*) AS n FROM users'),
      attempts: count('SELECT COUNT(*) AS n FROM attempts'),
    });
  } finally {
    db.close();
  }
}

const TITLE = '2 x 500 concurrent answers through the engine for overlapping students: every total exact';

describe('two bot processes on one SQLite file', () => {
  it(
    TITLE,
    async () => {
      const db = tempSqlite('two-processes');
      try {
        await runAndCheck(db.url, readSqlite);
      } finally {
        db.remove();
      }
    },
    60_000,
  );
});

describe.skipIf(TEST_POSTGRES_URL === undefined)('two bot processes on one PostgreSQL database', () => {
  it(
    TITLE,
    async () => {
      const db = await createTempDatabase('twoproc');
      try {
        await runAndCheck(db.url, readPostgres);
      } finally {
        await db.drop();
      }
    },
    60_000,
  );
});

async function runAndCheck(url: string, read: (url: string) => Promise<Stored>): Promise<void> {
  const summaries = await runChildren(url, 2);
  // Each 'right' pair is answered by two different events (one per process) unless the event is shared. The twin
  // that reads after the other process committed is told 'already-solved' (right: that student's part is solved);
  // one that read before loses the race on the try number and comes back as a duplicate. Nothing else may fail.
  // Only the process that lost the pair can be told so: once, or twice when it also got its event redelivered
  // (both deliveries may read after the other process committed; its own event was never recorded).
  let mostAlreadySolved = 0;
  for (let j = 0; j < PER_PROCESS; j++) {
    const pair = pairOf(j);
    if (pair.kind === 'right' && !pair.sharedEvent) mostAlreadySolved += pair.redelivered ? 2 : 1;
  }
  for (const s of summaries) expect(s.errors.filter((e) => e !== 'already-solved')).toEqual([]);
  expect(summaries.reduce((n, s) => n + s.errors.length, 0)).toBeLessThanOrEqual(mostAlreadySolved);

  // The questions both processes started (same event ids, so the same 25 questions), rebuilt from their seeds.
  const stored = await read(url);
  expect(stored.questions).toHaveLength(QUESTIONS);
  const topic = findTopic(TOPIC)!;
  const partsOf = new Map<number, number>();
  for (const r of stored.questions) {
    partsOf.set(Number(/quiz-(\d+)$/.exec(r.event_key)![1]), buildQuestion(topic, r.seed).parts.length);
  }
  const difficulty = buildQuestion(topic, 1).difficulty;
  const firstTry = pointsForSolvedPart({ difficulty, tryNo: 1, hinted: false, revealed: false });

  // Expected, per (question, student) pair: 'right' pairs score every part at the first try, once (the racing
  // twin finds the parts solved: a duplicate); 'wrong' pairs use two tries of the first part (the loser of the
  // race re-grades at try 2), or one when both processes got the same event.
  const expected = Array.from({ length: STUDENTS }, () => ({
    points: 0,
    solved: 0,
    attempts: 0,
    correct: 0,
  }));
  for (let j = 0; j < PER_PROCESS; j++) {
    const pair = pairOf(j);
    const e = expected[pair.s]!;
    const parts = partsOf.get(pair.q)!;
    if (pair.kind === 'right') {
      e.points += parts * firstTry;
      e.solved += 1;
      e.attempts += parts;
      e.correct += parts;
    } else {
      e.attempts += pair.sharedEvent ? 1 : 2;
    }
  }

  const store = await createPrismaStore({ url, migrate: false });
  try {
    const scope = await store.upsertScope({
      platform: 'telegram',
      platformScopeId: GROUP_ID,
      kind: 'group',
    });
    const board = await store.getLeaderboard({
      scopeId: scope.id,
      period: 'all',
      week: '',
      limit: 100,
      userId: 0,
    });
    for (let s = 0; s < STUDENTS; s++) {
      const user = await store.upsertUser({
        platform: 'telegram',
        platformUserId: `student-${s}`,
        displayName: `Student ${s}`,
      });
      const progress = await store.getTopicProgress(user.id);
      expect(progress).toHaveLength(1);
      expect(progress[0]).toMatchObject({
        topicId: TOPIC,
        questions: QUESTIONS,
        attempts: expected[s]!.attempts,
        correct: expected[s]!.correct,
      });
      expect(await store.getTotalPoints(user.id)).toBe(expected[s]!.points);
      const row = board.top.find((r) => r.userId === user.id);
      if (expected[s]!.points > 0 || expected[s]!.solved > 0) {
        expect(row).toMatchObject({ points: expected[s]!.points, solved: expected[s]!.solved });
      } else {
        expect(row).toBeUndefined();
      }
    }
  } finally {
    await store.close();
  }

  expect(stored.users).toBe(STUDENTS);
  expect(stored.attempts).toBe(expected.reduce((t, e) => t + e.attempts, 0));
}
