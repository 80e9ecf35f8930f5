/**
 * Discord path: a quiz answer (modal submit) through the full bot (discord.js client, router, engine, SQLite)
 * against the fake Discord on 127.0.0.1, next to a bare discord.js handler (reads the field, replies) on the same
 * fake in the same run. Interactions per second with 16 in flight, and latency (dispatch to the bot's last
 * response) one at a time. The configurations take turns over several rounds and the median round is reported,
 * so a burst of load from other processes does not favour one side; every configuration is warmed up first (the
 * full bot has far more code for the JIT to compile than the bare handler). Target: full bot / bare >= 0.5.
 */
import { Client, Events, GatewayIntentBits, MessageFlags, Partials } from 'discord.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modalId, parseCustomId, partFieldId } from '../src/adapters/discord/custom-ids.js';
import { startDiscord } from '../src/adapters/discord/index.js';
import { buildQuestion, findTopic } from '../src/core/topics/index.js';
import type { Engine } from '../src/engine/api.js';
import { createEngine } from '../src/engine/create-engine.js';
import { createLogger } from '../src/logger.js';
import { createStore } from '../src/store/create-store.js';
import type { Store } from '../src/engine/ports/store.js';
import {
  FakeDiscord,
  snowflake,
  type FakeUser,
  type InteractionRecord,
} from '../test/adapters/discord/fake-discord.js';
import { fmtMs, report, summarize } from './stats.js';

const ROUNDS = 3;
/** Before the rounds, each configuration answers this many (JIT-compiled like a running bot; see telegram.bench). */
const WARMUP_FIRST = 600;
const WARMUP = 20;
const SEQUENTIAL = 100;
const CONCURRENT = 300;
const IN_FLIGHT = 16;

interface Run {
  readonly ips: number;
  readonly latencies: readonly number[];
}

/** Runs `n` interactions, `inFlight` at a time; each resolves when the bot has sent everything it will send. */
export async function measure(n: number, inFlight: number, one: () => Promise<void>): Promise<Run> {
  const latencies: number[] = [];
  let started = 0;
  const t0 = performance.now();
  const worker = async (): Promise<void> => {
    while (started < n) {
      started++;
      const t = performance.now();
      await one();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { ips: (n / (performance.now() - t0)) * 1000, latencies };
}

let userCount = 0;
function newUser(): FakeUser {
  userCount++;
  return { id: snowflake(), username: `student${userCount}`, globalName: `Student ${userCount}` };
}

async function done(fake: FakeDiscord, rec: InteractionRecord, followUps: number): Promise<void> {
  await fake.waitFor(
    () => (rec.original !== undefined && rec.followUps.length >= followUps) || rec.refused.length > 0,
    `interaction ${rec.id}`,
    30_000,
  );
  if (rec.refused.length > 0) throw new Error(`interaction refused: ${JSON.stringify(rec.refused)}`);
}

/** What one configuration does per interaction, on a client that is logged in for the duration of a round. */
interface Config {
  readonly label: string;
  start(fake: FakeDiscord): Promise<{ one: () => Promise<void>; stop: () => Promise<void> }>;
}

export function bare(): Config {
  return {
    label: 'bare discord.js handler',
    async start(fake) {
      const client = new Client({
        intents: [GatewayIntentBits.Guilds],
        partials: [Partials.Channel],
        rest: { api: fake.api },
      });
      client.on(Events.InteractionCreate, (interaction) => {
        if (!interaction.isModalSubmit()) return;
        const value = interaction.fields.getTextInputValue(partFieldId('a'));
        void interaction.reply({
          content: `You typed ${value.length} characters.`,
          flags: MessageFlags.Ephemeral,
          allowedMentions: { parse: [] },
        });
      });
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login('bench-bare');
      await ready;
      const where = fake.inGuild();
      return {
        one: async () => {
          const rec = fake.submitModal({
            user: newUser(),
            where,
            customId: 'bare',
            values: { [partFieldId('a')]: '42' },
          });
          await done(fake, rec, 0);
        },
        stop: () => client.destroy(),
      };
    },
  };
}

/** Public lines posted / answers, per configuration, in its last run. */
const publicLines = new Map<string, { answers: number; lines: number }>();

/** The full bot answering one posted question: a wrong first part (one reply) or every part right. */
export function full(label: string, engine: Engine, answer: 'wrong' | 'right'): Config {
  return {
    label,
    async start(fake) {
      const logger = createLogger({ level: 'info', write: () => undefined });
      const bot = await startDiscord({ config: { token: 'bench', apiBase: fake.api }, engine, logger });
      const where = fake.inGuild();
      const post = fake.slash({ user: newUser(), where, name: 'quiz', options: { topic: 'conv-params' } });
      await done(fake, post, 0);
      const buttons = (post.original!.components as { components: { custom_id: string }[] }[])[0]!.components;
      const view = await engine.getQuestion(parseCustomId(buttons[0]!.custom_id)!.questionId);
      if (!view) throw new Error('no question posted');
      const parts = buildQuestion(findTopic(view.topicId)!, view.seed).parts;
      const values =
        answer === 'right'
          ? Object.fromEntries(parts.map((p) => [partFieldId(p.id), String(p.expected.value as number)]))
          : { [partFieldId(parts[0]!.id)]: '-1' };
      const customId = modalId(view.questionId, 0);
      // An interaction is done when its private feedback is sent. A right answer also adds its solver to the public
      // line of its burst, sent through the burst's first interaction when the window closes (celebrations.ts);
      // those requests are made during the run like any other, and the last burst's at stop().
      const recs: InteractionRecord[] = [];
      return {
        one: async () => {
          const rec = fake.submitModal({ user: newUser(), where, customId, values });
          recs.push(rec);
          await done(fake, rec, 0);
        },
        stop: async () => {
          await bot.stop();
          const lines = recs.filter((r) => r.followUps.some((m) => (m.flags & MessageFlags.Ephemeral) === 0));
          publicLines.set(label, { answers: recs.length, lines: lines.length });
        },
      };
    },
  };
}

/** The engine alone on the same store (no Discord at all): the ceiling for the full bot. */
function engineAlone(label: string, engine: Engine): Config {
  return {
    label,
    async start() {
      const place = {
        scope: { platform: 'discord' as const, scopeId: 'bench-alone', kind: 'server' as const },
        channelId: 'c',
      };
      const posted = await engine.startQuiz({
        actor: { platform: 'discord', userId: 'poster', displayName: 'Poster' },
        place,
        selector: 'conv-params',
        event: { eventId: `alone-${snowflake()}` },
      });
      if (!posted.ok) throw new Error(posted.error);
      const first = posted.value.parts[0]!.id;
      return {
        one: async () => {
          const u = newUser();
          const r = await engine.submitAnswer({
            actor: { platform: 'discord', userId: u.id, displayName: u.username },
            place,
            questionId: posted.value.questionId,
            answer: { parts: { [first]: '-1' } },
            event: { eventId: `alone-${u.id}` },
          });
          if (!r.ok) throw new Error(r.error);
        },
        stop: () => Promise.resolve(),
      };
    },
  };
}

interface Result {
  readonly seq: Run[];
  readonly conc: Run[];
}

async function round(fake: FakeDiscord, config: Config, result: Result): Promise<void> {
  const { one, stop } = await config.start(fake);
  try {
    await measure(WARMUP, 1, one);
    result.seq.push(await measure(SEQUENTIAL, 1, one));
    result.conc.push(await measure(CONCURRENT, IN_FLIGHT, one));
  } finally {
    await stop();
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function line(label: string, r: Result): void {
  const seq = summarize(r.seq.flatMap((x) => x.latencies));
  const ips = median(r.conc.map((x) => x.ips));
  report(
    label,
    `${ips.toFixed(0).padStart(5)}/s (${IN_FLIGHT} in flight)   one at a time: p50 ${fmtMs(seq.p50)}, p99 ${fmtMs(seq.p99)}`,
  );
}

export async function openStore(
  kind: 'sqlite' | 'memory',
): Promise<{ store: Store; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'studybot-bench-discord-'));
  const store = await createStore({
    databaseUrl: kind === 'sqlite' ? `file:${join(dir, 'bench.db')}` : 'memory:',
  });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export default async function discordBench(): Promise<void> {
  const fake = await FakeDiscord.start();
  const sqlite = await openStore('sqlite');
  const memory = await openStore('memory');
  try {
    const onSqlite = createEngine({ store: sqlite.store });
    const onMemory = createEngine({ store: memory.store });
    const configs = [
      bare(),
      full('full bot + SQLite, wrong answer', onSqlite, 'wrong'),
      full('full bot + SQLite, right answer (+ public lines)', onSqlite, 'right'),
      full('full bot + memory store, wrong answer', onMemory, 'wrong'),
      full('full bot + memory store, right answer (+ public lines)', onMemory, 'right'),
      engineAlone('engine.submitAnswer alone on SQLite, wrong answer', onSqlite),
    ];
    const results = new Map<Config, Result>(configs.map((c) => [c, { seq: [], conc: [] }]));
    for (const c of configs) {
      const { one, stop } = await c.start(fake);
      await measure(WARMUP_FIRST, IN_FLIGHT, one).finally(stop);
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (const c of configs) await round(fake, c, results.get(c)!);
    }
    if (fake.unknownRoutes.length > 0)
      throw new Error(`unknown routes: ${JSON.stringify(fake.unknownRoutes)}`);

    console.log(
      `modal submits on the fake Discord (127.0.0.1), ${ROUNDS} rounds taking turns; throughput is the median round`,
    );
    for (const c of configs) line(c.label, results.get(c)!);
    const ratio = (c: Config): string => {
      const perRound = results.get(c)!.conc.map((x, i) => x.ips / results.get(configs[0]!)!.conc[i]!.ips);
      return `${median(perRound).toFixed(2)} (rounds: ${perRound.map((x) => x.toFixed(2)).join(', ')})`;
    };
    report('ratio full bot + SQLite / bare, wrong answer (target >= 0.5)', ratio(configs[1]!));
    report('ratio full bot + SQLite / bare, right answer', ratio(configs[2]!));
    const right = publicLines.get(configs[2]!.label);
    if (right)
      report(
        '  public lines / right answers (one per burst of solvers)',
        `${right.lines} / ${right.answers}`,
      );
    report('ratio full bot + memory store / bare (adapter cost)', ratio(configs[3]!));
    const ceiling = results
      .get(configs[5]!)!
      .conc.map((x, i) => results.get(configs[1]!)!.conc[i]!.ips / x.ips);
    report(
      'ratio full bot + SQLite / engine alone on SQLite',
      `${median(ceiling).toFixed(2)} (rounds: ${ceiling.map((x) => x.toFixed(2)).join(', ')})`,
    );
  } finally {
    await fake.stop();
    await sqlite.dispose();
    await memory.dispose();
  }
}
