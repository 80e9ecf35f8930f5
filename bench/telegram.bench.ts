/**
 * The Telegram path (`npm run bench telegram`): quiz answers per second and p50/p99 latency through the webhook,
 * full bot (grammY + engine + SQLite, feedback sent to the Bot API) against a bare grammY handler (replies "ok")
 * on the same fake Bot API in the same run, printed as a ratio. Target: the full bot keeps at least half of the bare
 * handler's throughput.
 *
 * Each request is one answer a student typed as a reply to the group's question, POSTed to the webhook like
 * Telegram does; it completes when the update is handled (the feedback message already sent to the fake).
 * Throughput = 20 requests in flight (Telegram's webhook default max_connections is 40), each student's own answers
 * in order; latency = one request at a time. Every configuration first answers WARMUP_STUDENTS x 4 answers (a
 * running bot is JIT-compiled; the full bot has far more code to compile than the bare handler, so a short warm-up
 * measures the compiler, not the bot). Then the configurations take turns for ROUNDS rounds and the median round
 * is reported, so a burst of load from other processes does not favour one side.
 */
import Database from 'better-sqlite3';
import { Bot, webhookCallback } from 'grammy';
import type { Chat, Message, Update, User } from 'grammy/types';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTelegram } from '../src/adapters/telegram/index.js';
import { createEngine } from '../src/engine/create-engine.js';
import { silentLogger } from '../src/logger.js';
import { createStore } from '../src/store/create-store.js';
import { FakeBotApi, postJson } from '../test/adapters/telegram/support/fake-bot-api.js';
import {
  answersOf,
  questionIdOf,
  seededRandom,
  typedRight,
  typedWrong,
} from '../test/adapters/telegram/support/quiz-helpers.js';
import { fmtMs, report, summarize } from './stats.js';

const SECRET = 'bench-secret';
export const GROUP: Chat.GroupChat = { id: -777, type: 'group', title: 'bench group' };
const SEQUENTIAL_STUDENTS = 100;
const CONCURRENT_STUDENTS = 200;
const IN_FLIGHT = 20;
const WARMUP_STUDENTS = 250;
const ROUNDS = 3;

interface Target {
  readonly url: string;
  readonly fake: FakeBotApi;
}

interface Run {
  readonly answers: number;
  readonly seconds: number;
  readonly latencies: number[];
}

export function student(id: number): User {
  return { id, is_bot: false, first_name: `Student ${id}` };
}

/** Four answers per student: part 1 wrong twice then right, then part 2 right (all graded and recorded). */
function answersFor(fake: FakeBotApi, user: User, question: Message, texts: readonly string[]): Update[] {
  return texts.map((text) =>
    fake.prepare(fake.message({ chat: GROUP, from: user, text, replyTo: question })),
  );
}

async function post(target: Target, update: Update): Promise<number> {
  const t0 = performance.now();
  const status = await postJson(target.url, update, SECRET);
  if (status !== 200) throw new Error(`webhook answered ${status}`);
  return performance.now() - t0;
}

/** Runs students' answer sequences with `inFlight` students at a time (each student's answers in order). */
export async function run(target: Target, sequences: readonly Update[][], inFlight: number): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  async function worker(): Promise<void> {
    while (next < sequences.length) {
      const seq = sequences[next++]!;
      for (const update of seq) latencies.push(await post(target, update));
    }
  }
  await Promise.all(Array.from({ length: inFlight }, () => worker()));
  return { answers: latencies.length, seconds: (performance.now() - t0) / 1000, latencies };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/** The full bot: startTelegram in webhook mode, the real engine, SQLite in a temp file. */
export async function fullBot(database: 'sqlite' | 'memory'): Promise<{
  target: Target;
  question(): Promise<{ message: Message; texts: string[] }>;
  countAttempts(): number;
  /** The same answers straight into the engine (no Telegram): where the full bot's time goes. */
  engineOnly(students: number, from: number): Promise<Run>;
  close(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'studybot-tg-bench-'));
  const file = join(dir, 'bench.db');
  const store = await createStore({ databaseUrl: database === 'sqlite' ? `file:${file}` : 'memory:' });
  const engine = createEngine({ store, random: seededRandom(5) });
  const fake = await FakeBotApi.start();
  const handle = await startTelegram({
    config: {
      token: fake.token,
      apiRoot: fake.apiRoot,
      webhook: { url: 'https://bench.example/tg', secret: SECRET, port: 0, host: '127.0.0.1' },
    },
    engine,
    logger: silentLogger,
    // The bench measures the adapter's own cost, so Telegram's flood limits (pacing, busy-group boards) are off.
    tuning: {
      pacing: {
        perBot: { count: 1e9, windowMs: 1 },
        privateChat: { count: 1e9, windowMs: 1 },
        groupChat: { count: 1e9, windowMs: 1 },
      },
      feedbackBoard: { busyAfter: Number.POSITIVE_INFINITY },
    },
  });
  const target = { url: `http://127.0.0.1:${handle.webhook!.port}${handle.webhook!.path}`, fake };
  let quizzes = 0;
  async function askQuestion(): Promise<{ message: Message; texts: string[] }> {
    const mark = fake.mark();
    const asker = student(1_000_000 + quizzes++);
    await post(
      target,
      fake.prepare(fake.message({ chat: GROUP, from: asker, text: '/quiz conv-output-size' })),
    );
    const message = fake.sentSince(mark).at(-1)!.message;
    const { parts } = await answersOf(engine, message);
    const [p1, p2] = parts;
    const texts = [
      typedWrong(p1!.expected),
      typedWrong(p1!.expected),
      typedRight(p1!.expected),
      typedRight(p2!.expected),
    ];
    return { message, texts };
  }
  return {
    target,
    question: askQuestion,
    async engineOnly(students, from) {
      const { message, texts } = await askQuestion();
      const questionId = questionIdOf(message);
      const place = {
        scope: { platform: 'telegram' as const, scopeId: String(GROUP.id), kind: 'group' as const },
        channelId: String(GROUP.id),
      };
      const latencies: number[] = [];
      const t0 = performance.now();
      for (let i = 0; i < students; i++) {
        const actor = {
          platform: 'telegram' as const,
          userId: String(from + i),
          displayName: `Student ${from + i}`,
        };
        for (const [j, text] of texts.entries()) {
          const t = performance.now();
          const r = await engine.submitAnswer({
            actor,
            place,
            questionId,
            answer: { text },
            event: { eventId: `bench:${from + i}:${j}` },
          });
          if (!r.ok) throw new Error(r.error);
          latencies.push(performance.now() - t);
        }
      }
      return { answers: latencies.length, seconds: (performance.now() - t0) / 1000, latencies };
    },
    countAttempts() {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n;
      } finally {
        db.close();
      }
    },
    async close() {
      await handle.stop();
      await fake.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The ceiling: a bare grammY bot that replies "ok" to every text, via grammY's own webhook adapter. */
export async function bareBot(): Promise<{ target: Target; close(): Promise<void> }> {
  const fake = await FakeBotApi.start();
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  bot.on('message:text', async (ctx) => {
    await ctx.reply('ok', { reply_parameters: { message_id: ctx.message.message_id } });
  });
  await bot.init();
  const handleUpdate = webhookCallback(bot, 'http', { secretToken: SECRET });
  const server = createServer((req, res) => {
    void handleUpdate(req, res);
  });
  const port = await listen(server);
  return {
    target: { url: `http://127.0.0.1:${port}/`, fake },
    async close() {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await fake.close();
    },
  };
}

export function sequencesFor(
  fake: FakeBotApi,
  question: Message,
  texts: readonly string[],
  from: number,
  n: number,
): Update[][] {
  return Array.from({ length: n }, (_, i) => answersFor(fake, student(from + i), question, texts));
}

/** One configuration under test: how to get a question its students answer, and its target. */
interface Config {
  readonly label: string;
  readonly target: Target;
  question(): Promise<{ message: Message; texts: readonly string[] }>;
}

interface Rounds {
  readonly seq: Run[];
  readonly conc: Run[];
}

const rate = (r: Run): number => r.answers / r.seconds;

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

let nextStudent = 10_000;
async function roundOf(config: Config, students: number): Promise<Update[][]> {
  const q = await config.question();
  const from = nextStudent;
  nextStudent += students;
  return sequencesFor(config.target.fake, q.message, q.texts, from, students);
}

function line(label: string, r: Rounds): void {
  const s = summarize(r.seq.flatMap((x) => x.latencies));
  report(
    label,
    `${median(r.conc.map(rate)).toFixed(0).padStart(5)} answers/s (${IN_FLIGHT} in flight)   one at a time: ` +
      `p50 ${fmtMs(s.p50)}, p99 ${fmtMs(s.p99)}   (rounds: ${r.conc.map((x) => rate(x).toFixed(0)).join(', ')})`,
  );
}

function ratioLine(label: string, of: readonly Run[], to: readonly Run[]): void {
  const perRound = of.map((r, i) => rate(r) / rate(to[i]!));
  report(label, `${median(perRound).toFixed(2)} (rounds: ${perRound.map((x) => x.toFixed(2)).join(', ')})`);
}

export default async function telegramBench(): Promise<void> {
  const full = await fullBot('sqlite');
  const mem = await fullBot('memory');
  const bare = await bareBot();
  try {
    // The bare bot ignores the content; it gets the same texts, as replies to a message of its own chat.
    const texts = (await full.question()).texts;
    const bareQuestion = bare.target.fake.prepare(
      bare.target.fake.message({ chat: GROUP, from: student(999), text: 'question' }),
    ).message!;
    const configs: Config[] = [
      {
        label: 'bare grammY handler',
        target: bare.target,
        question: () => Promise.resolve({ message: bareQuestion, texts }),
      },
      { label: 'full bot + SQLite', target: full.target, question: () => full.question() },
      { label: 'full bot + in-memory store', target: mem.target, question: () => mem.question() },
    ];
    const results = new Map<Config, Rounds>(configs.map((c) => [c, { seq: [], conc: [] }]));
    const calls = new Map<Config, number>();
    for (const c of configs) await run(c.target, await roundOf(c, WARMUP_STUDENTS), 1);
    for (let r = 0; r < ROUNDS; r++) {
      for (const c of configs) {
        const mark = c.target.fake.mark();
        const seq = await run(c.target, await roundOf(c, SEQUENTIAL_STUDENTS), 1);
        calls.set(c, c.target.fake.callsSince(mark).length / seq.answers);
        results.get(c)!.seq.push(seq);
        results.get(c)!.conc.push(await run(c.target, await roundOf(c, CONCURRENT_STUDENTS), IN_FLIGHT));
      }
    }
    const engineSeq = await full.engineOnly(SEQUENTIAL_STUDENTS, nextStudent);

    const [bareC, fullC, memC] = configs as [Config, Config, Config];
    const at = (c: Config): Rounds => results.get(c)!;
    console.log(`answers through the webhook, ${ROUNDS} rounds taking turns; throughput is the median round`);
    for (const c of configs) line(c.label, at(c));
    const e = summarize(engineSeq.latencies);
    report(
      '  (engine.submitAnswer alone on the same SQLite)',
      `one at a time: p50 ${fmtMs(e.p50)}, p99 ${fmtMs(e.p99)}`,
    );
    // Like for like: both send one message per answer (the feedback / "ok"); say so if that ever changes.
    report(
      'Bot API calls per answer, full bot / bare',
      `${calls.get(fullC)!.toFixed(2)} / ${calls.get(bareC)!.toFixed(2)}`,
    );
    ratioLine(
      `ratio full bot + SQLite / bare, ${IN_FLIGHT} in flight (target >= 0.5)`,
      at(fullC).conc,
      at(bareC).conc,
    );
    ratioLine('ratio full bot + SQLite / bare, one at a time', at(fullC).seq, at(bareC).seq);
    ratioLine('  (ratio full bot + in-memory store / bare: adapter cost)', at(memC).conc, at(bareC).conc);
    const expected =
      (WARMUP_STUDENTS + ROUNDS * (SEQUENTIAL_STUDENTS + CONCURRENT_STUDENTS)) * 4 + SEQUENTIAL_STUDENTS * 4;
    report('answers recorded in SQLite / submitted', `${full.countAttempts()} / ${expected}`);
  } finally {
    await full.close();
    await mem.close();
    await bare.close();
  }
}
