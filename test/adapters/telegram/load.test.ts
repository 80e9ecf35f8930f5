/**
 * The load test of issue 10, through the fake Bot API enforcing Telegram's flood limits (429 + retry_after): 30
 * students in one group answering one question and 100 students in private chats, all within one minute. Time
 * runs 20x faster for the limits on both sides (the fake's windows and the bot's pacing: a minute is 3 s, a
 * private chat's second 50 ms), so the test takes seconds; the engine and SQLite run at their real speed.
 * Every answer goes through the webhook, whose 200 means the student's feedback was sent, so the time to 200 is
 * the time to feedback. Printed: p50/p99, in test time and scaled back to real Telegram time.
 */
import type { Chat, Message, User } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/api.js';
import { createEngine } from '../../../src/engine/create-engine.js';
import {
  compressedLimits,
  FakeBotApi,
  postJson,
  TELEGRAM_FLOOD_LIMITS,
  type FloodLimits,
} from './support/fake-bot-api.js';
import { Harness, WEBHOOK_SECRET } from './support/harness.js';
import { answersOf, seededRandom, typedRight, typedWrong } from './support/quiz-helpers.js';
import { openTestStore, type TestStore } from './support/test-store.js';

const SPEED = 20;
const MINUTE_MS = 60_000 / SPEED;
const LIMITS = compressedLimits(TELEGRAM_FLOOD_LIMITS, SPEED);
/** The bot paces with a 10% margin: its clock and the fake's differ by the time a request takes to arrive. */
const PACING: FloodLimits = {
  perBot: { ...LIMITS.perBot, windowMs: LIMITS.perBot.windowMs * 1.1 },
  privateChat: { ...LIMITS.privateChat, windowMs: LIMITS.privateChat.windowMs * 1.1 },
  groupChat: { ...LIMITS.groupChat, windowMs: LIMITS.groupChat.windowMs * 1.1 },
};

const group: Chat.GroupChat = { id: -5001, type: 'group', title: 'NNDL revision' };
const student = (i: number): User => ({ id: 20_000 + i, is_bot: false, first_name: `Student${i}` });

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

describe('Telegram under load, within the flood limits', () => {
  let db: TestStore;
  let engine: Engine;
  let h: Harness;

  beforeEach(async () => {
    db = await openTestStore();
    engine = createEngine({ store: db.store, random: seededRandom(11) });
    const fake = await FakeBotApi.start({ limits: LIMITS, webhookRetries: 0 });
    h = await Harness.start({
      mode: 'webhook',
      engine,
      fake,
      tuning: {
        pacing: PACING,
        feedbackBoard: { busyAfter: 4, intervalMs: 5000 / SPEED },
        apiCalls: { maxRetries: 5 },
      },
    });
  });

  afterEach(async () => {
    await h.stop();
    await db.close();
  });

  /** Posts an update to the webhook as Telegram would; resolves with the status and the time to it. */
  async function post(update: ReturnType<FakeBotApi['message']>): Promise<{ status: number; ms: number }> {
    const t0 = performance.now();
    const status = await postJson(h.webhookUrl, h.fake.prepare(update), WEBHOOK_SECRET);
    return { status, ms: performance.now() - t0 };
  }

  async function questionIn(chat: Chat, from: User): Promise<Message.TextMessage> {
    const mark = h.fake.mark();
    const { status } = await post(h.fake.message({ chat, from, text: '/quiz conv-output-size' }));
    expect(status).toBe(200);
    const question = h.fake.sentSince(mark).at(-1)?.message;
    expect(question?.reply_markup).toBeDefined();
    return question!;
  }

  it('30 students in one group and 100 in private chats within a minute: all answered, no 429 left unretried', async () => {
    const groupQuestion = await questionIn(group, student(0));
    const groupAnswers = (await answersOf(engine, groupQuestion)).parts[0]!.expected;
    const privates = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const from = student(100 + i);
        const chat: Chat.PrivateChat = { id: from.id, type: 'private', first_name: from.first_name };
        const question = await questionIn(chat, from);
        return { from, chat, expected: (await answersOf(engine, question)).parts[0]!.expected };
      }),
    );
    const mark = h.fake.mark();
    // Pacing keeps the bot under the fake's limits, so 429s are forced too (another instance, Telegram's mood).
    h.fake.failNext('sendMessage', 3, { error_code: 429, retry_after: 0.05 });
    h.fake.failNext('editMessageText', 2, { error_code: 429, retry_after: 0.05 });
    const spread = (): Promise<void> => new Promise((r) => setTimeout(r, Math.random() * MINUTE_MS * 0.8));

    const groupRuns = Array.from({ length: 30 }, async (_, i) => {
      await spread();
      const update = h.fake.message({
        chat: group,
        from: student(1 + i),
        text: i % 3 === 0 ? typedWrong(groupAnswers) : typedRight(groupAnswers),
        replyTo: groupQuestion,
      });
      return post(update);
    });
    const privateRuns = privates.map(async (p, i) => {
      await spread();
      const update = h.fake.message({
        chat: p.chat,
        from: p.from,
        text: i % 4 === 0 ? typedWrong(p.expected) : typedRight(p.expected),
      });
      return { ...(await post(update)), messageId: update.message!.message_id, chatId: p.chat.id };
    });
    const groupResults = await Promise.all(groupRuns);
    const privateResults = await Promise.all(privateRuns);

    // Every answer was acknowledged only after its feedback was sent.
    expect([...groupResults, ...privateResults].map((r) => r.status).every((s) => s === 200)).toBe(true);

    // Every private student got a reply to their answer.
    const sent = h.fake.sentSince(mark);
    for (const r of privateResults) {
      const reply = sent.find(
        (s) => s.message.chat.id === r.chatId && s.message.reply_to_message?.message_id === r.messageId,
      );
      expect(reply, `feedback for ${r.chatId}`).toBeDefined();
    }

    // Every group student can read their result: in a reply to them or on the board.
    const groupCalls = h.fake
      .callsSince(mark)
      .filter((c) => c.response.ok && Number(c.payload.chat_id) === group.id)
      .filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText');
    const groupMessageIds = new Set(
      groupCalls.map((c) => (c.response as { result: Message }).result.message_id),
    );
    const shown = [...groupMessageIds].map((id) => h.fake.textOf(group.id, id) ?? '').join('\n');
    for (let i = 1; i <= 30; i++) expect(shown, `Student${i}`).toMatch(new RegExp(`Student${i}\\b`));

    // Fewer messages into the group than Telegram allows in a minute (the question included).
    expect(groupCalls.length + 1).toBeLessThan(20);

    // Every 429 was retried: a later successful call with the same method, chat and text.
    const limited = h.fake.rateLimitedCalls();
    expect(limited.length).toBeGreaterThanOrEqual(4);
    for (const c of limited) {
      const retried = h.fake.calls.some(
        (later) =>
          later.index > c.index &&
          later.response.ok &&
          later.method === c.method &&
          later.payload.chat_id === c.payload.chat_id &&
          later.payload.text === c.payload.text,
      );
      expect(retried, `429 on ${c.method} to ${String(c.payload.chat_id)} retried`).toBe(true);
    }

    const g = groupResults.map((r) => r.ms);
    const p = privateResults.map((r) => r.ms);
    const line = (name: string, v: number[]): string =>
      `${name}: p50 ${percentile(v, 50).toFixed(0)} ms, p99 ${percentile(v, 99).toFixed(0)} ms ` +
      `(x${SPEED} = ${((percentile(v, 50) * SPEED) / 1000).toFixed(1)} s / ${((percentile(v, 99) * SPEED) / 1000).toFixed(1)} s in Telegram time)`;
    console.log(
      `time to feedback, limits ${SPEED}x faster: ${line('group of 30', g)}; ${line('100 private chats', p)}; ` +
        `${groupCalls.length} group messages after the question, ${limited.length} 429s, all retried`,
    );
  }, 30_000);
});
