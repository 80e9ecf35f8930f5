/**
 * The full Discord bot (real engine, real discord.js client) against the fake Discord, on an in-memory store or a
 * temporary SQLite database, with helpers to read what the bot posted.
 */
import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCustomId } from '../../../src/adapters/discord/custom-ids.js';
import { startDiscord, type DiscordHandle } from '../../../src/adapters/discord/index.js';
import { findTopic, buildQuestion } from '../../../src/core/topics/index.js';
import type { Expected } from '../../../src/core/types.js';
import { createRng } from '../../../src/core/rng.js';
import type { Engine } from '../../../src/engine/api.js';
import { createEngine } from '../../../src/engine/create-engine.js';
import { createLogger } from '../../../src/logger.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/engine/ports/store.js';
import {
  FakeDiscord,
  PERMISSIONS,
  snowflake,
  type FakeMessage,
  type FakeUser,
  type InteractionRecord,
} from './fake-discord.js';
import { formatExpected } from '../../../src/core/answers/index.js';

/** Log lines the router writes when it is done with an interaction. */
const FINAL_LOGS = new Set(['discord: interaction done']);

export interface LogLine {
  readonly level: string;
  readonly msg: string;
  readonly [key: string]: unknown;
}

export interface Bot {
  readonly mode: Mode;
  readonly fake: FakeDiscord;
  /** The adapter itself (stop() stops it, then the fake and the store). */
  readonly discord: DiscordHandle;
  readonly engine: Engine;
  readonly store: Store;
  readonly logs: LogLine[];
  /** Resolves when the bot's handler for this interaction has finished `times` times (its last log line). */
  settled(rec: InteractionRecord, times?: number): Promise<void>;
  /** The SQLite file, when the bot runs on SQLite. */
  readonly dbFile?: string;
  /** Read-only SQL on the bot's SQLite database. */
  sql<T>(query: string, ...params: unknown[]): T[];
  stop(): Promise<void>;
}

/** Both ways interactions reach the bot: the tests that do not depend on the gateway run in each. */
export const MODES = ['gateway', 'http'] as const;
export type Mode = (typeof MODES)[number];

export async function startBot(
  options: {
    /** Default 'gateway'. 'http': the interactions endpoint on 127.0.0.1, the fake POSTing signed interactions. */
    mode?: Mode;
    db?: 'memory' | 'sqlite';
    deferAfterMs?: number;
    drainMs?: number;
    onRateLimited?: () => void;
    /** Default 0: each solve's public line is sent at once (see publicLine). */
    celebrationWindowMs?: number;
    engine?: (engine: Engine) => Engine;
  } = {},
): Promise<Bot> {
  const fake = await FakeDiscord.start({
    guilds: [{ name: 'NTU SC4001', channels: 3 }, { name: 'Second server' }],
  });
  let dir: string | undefined;
  let store: Store;
  if (options.db === 'sqlite') {
    dir = mkdtempSync(join(tmpdir(), 'studybot-discord-'));
    store = await createStore({ databaseUrl: `file:${join(dir, 'bot.db')}` });
  } else {
    store = await createStore({ databaseUrl: 'memory:' });
  }
  const rng = createRng(2024);
  const real = createEngine({ store, random: () => rng.next() });
  const engine = options.engine ? options.engine(real) : real;
  const logs: LogLine[] = [];
  const logEvents = new EventEmitter();
  logEvents.setMaxListeners(0);
  const logger = createLogger({
    level: 'debug',
    write: (line) => {
      logs.push(JSON.parse(line) as LogLine);
      logEvents.emit('line');
    },
  });
  const settled = (rec: InteractionRecord, times = 1): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const finished = (id: string): boolean =>
        logs.filter((l) => l.interactionId === id && FINAL_LOGS.has(l.msg)).length >= times;
      if (finished(rec.id)) return resolve();
      const timer = setTimeout(() => {
        logEvents.off('line', check);
        reject(new Error(`the bot did not finish interaction ${rec.id} within 5 s`));
      }, 5000);
      const check = (): void => {
        if (!finished(rec.id)) return;
        clearTimeout(timer);
        logEvents.off('line', check);
        resolve();
      };
      logEvents.on('line', check);
    });
  let handle: DiscordHandle;
  try {
    const interactions =
      options.mode === 'http'
        ? { publicKey: fake.keys.publicKeyHex, port: 0, host: '127.0.0.1', path: '/discord/interactions' }
        : undefined;
    handle = await startDiscord({
      config: { token: 'fake-bot-token', apiBase: fake.api, ...(interactions ? { interactions } : {}) },
      engine,
      logger,
      ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
      ...(options.drainMs !== undefined ? { drainMs: options.drainMs } : {}),
      ...(options.onRateLimited !== undefined ? { onRateLimited: options.onRateLimited } : {}),
      celebrationWindowMs: options.celebrationWindowMs ?? 0,
    });
    if (handle.url !== undefined) fake.deliverOverHttp(handle.url);
  } catch (error) {
    await fake.stop();
    throw error;
  }
  const dbFile = dir ? join(dir, 'bot.db') : undefined;
  let reader: Database.Database | undefined;
  return {
    mode: options.mode ?? 'gateway',
    fake,
    discord: handle,
    engine,
    store,
    logs,
    settled,
    ...(dbFile ? { dbFile } : {}),
    sql<T>(query: string, ...params: unknown[]): T[] {
      if (!dbFile) throw new Error('sql() needs the SQLite store');
      reader ??= new Database(dbFile, { readonly: true, fileMustExist: true });
      return reader.prepare(query).all(...params) as T[];
    },
    async stop() {
      // discord.js first, then the fake (the other order makes discord.js loop on reconnects).
      await handle.stop();
      await fake.stop();
      reader?.close();
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * HTTP mode: every interaction POSTed to the endpoint was answered 202 (its response went through the callback
 * endpoint, as Discord asks); waits for the endpoint's answers still on their way. Nothing to check on the gateway.
 */
export async function expectEveryPostAccepted(bot: Bot): Promise<void> {
  if (bot.mode !== 'http') return;
  const records = [...bot.fake.interactions.values()];
  await bot.fake.waitFor(() => records.every((r) => r.posts.length > 0), 'the endpoint to answer every POST');
  const refused = records.flatMap((r) =>
    r.posts.filter((p) => p.status !== 202).map((p) => ({ id: r.id, ...p })),
  );
  if (refused.length > 0) throw new Error(`the endpoint did not accept: ${JSON.stringify(refused)}`);
}

// ------------------------------------------------------------------ people

let userCounter = 0;
export function member(name: string, extra: Partial<FakeUser> = {}): FakeUser {
  userCounter++;
  return { id: snowflake(), username: `${name}${userCounter}`, globalName: name, ...extra };
}

export function admin(name: string): FakeUser {
  return member(name, { permissions: PERMISSIONS.admin });
}

// ------------------------------------------------------------------ reading what the bot sent

export const EPHEMERAL = 64;

/** The public line celebrating a solve, posted through this interaction (after the celebration window). */
export function publicLine(bot: Bot, rec: InteractionRecord): Promise<FakeMessage> {
  return bot.fake.waitFor(
    () => rec.followUps.find((m) => (m.flags & EPHEMERAL) === 0),
    `a public line on interaction ${rec.id}`,
  );
}

/** The question id carried by the first button of a message. */
export function questionIdOf(message: FakeMessage): string {
  for (const row of message.components as { components: { custom_id?: string }[] }[]) {
    for (const c of row.components) {
      const id = c.custom_id ? parseCustomId(c.custom_id) : undefined;
      if (id) return id.questionId;
    }
  }
  throw new Error('message has no question buttons');
}

/** Custom ids of a message's buttons, by label. */
export function buttonsOf(message: FakeMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of message.components as { components: { label?: string; custom_id?: string }[] }[]) {
    for (const c of row.components) if (c.label && c.custom_id) out[c.label] = c.custom_id;
  }
  return out;
}

export function embedsOf(
  message: FakeMessage | undefined,
): { title?: string; description?: string; fields?: { name: string; value: string }[] }[] {
  return (message?.embeds ?? []) as { title?: string; description?: string }[];
}

/** Every visible text of a message (content, embed titles, descriptions, fields), for assertions. */
export function textOf(message: FakeMessage | undefined): string {
  if (!message) return '';
  const parts = [message.content];
  for (const e of embedsOf(message)) {
    parts.push(e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]));
  }
  return parts.filter((p) => p !== '').join('\n');
}

/** Waits until the bot is done with the interaction, and returns its original response message. */
export async function answered(bot: Bot, rec: InteractionRecord): Promise<FakeMessage> {
  await bot.settled(rec);
  if (!rec.original)
    throw new Error(`interaction ${rec.id} has no response message: ${JSON.stringify(rec.callbacks)}`);
  return rec.original;
}

// ------------------------------------------------------------------ answers

/** The exact answer of a part, typed the way a student would (full precision, so it rounds correctly). */
export function typedAnswer(expected: Expected): string {
  return formatExpected(expected, { exact: true });
}

/**
 * Right answers for a posted question, rebuilt by the core from (topic, seed) as stored by the engine; the adapter
 * under test never sees them.
 */
export async function rightAnswers(engine: Engine, questionId: string): Promise<Record<string, string>> {
  const view = await engine.getQuestion(questionId);
  if (!view) throw new Error(`no question ${questionId}`);
  const topic = findTopic(view.topicId);
  if (!topic) throw new Error(`no topic ${view.topicId}`);
  return Object.fromEntries(
    buildQuestion(topic, view.seed).parts.map((p) => [p.id, typedAnswer(p.expected)]),
  );
}

/** Right answers for a posted question, rebuilt from the topic and seed its footer shows (no engine needed). */
export function rightAnswersFor(message: FakeMessage): Record<string, string> {
  const footer = (message.embeds[0] as { footer?: { text?: string } } | undefined)?.footer?.text ?? '';
  const m = /^(\S+) · seed (\d+) ·/.exec(footer);
  const topic = m ? findTopic(m[1]!) : undefined;
  if (!m || !topic) throw new Error(`no topic and seed in the footer: ${footer}`);
  return Object.fromEntries(
    buildQuestion(topic, Number(m[2])).parts.map((p) => [p.id, typedAnswer(p.expected)]),
  );
}

/** Modal field custom ids for part ids ('part:<id>'). */
export function fieldsFor(answers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(answers).map(([id, v]) => [`part:${id}`, v]));
}

/** Calls that carried message content without `allowed_mentions: { parse: [] }` (should be none). */
export function callsWithMentionsEnabled(fake: FakeDiscord): unknown[] {
  return fake.calls.filter((call) => {
    const body = call.body as { type?: number; data?: Record<string, unknown> } & Record<string, unknown>;
    if (!body || typeof body !== 'object') return false;
    const message = call.path.endsWith('/callback')
      ? body.type === 4 || body.type === 7
        ? body.data
        : undefined
      : call.path.startsWith('/webhooks/') && call.method !== 'GET' && call.method !== 'DELETE'
        ? body
        : undefined;
    if (!message) return false;
    const allowed = message.allowed_mentions as
      { parse?: unknown[]; users?: unknown[]; roles?: unknown[] } | undefined;
    return !(
      allowed &&
      Array.isArray(allowed.parse) &&
      allowed.parse.length === 0 &&
      !allowed.users?.length &&
      !allowed.roles?.length
    );
  });
}
