/**
 * Busy groups, end to end: once a group is busy, answers are reported on one board per question (a reply to the
 * question, edited in place) instead of a reply each; a student out of tries gets the worked solution in their
 * private chat with the bot when they have one.
 */
import type { Chat, Message, User } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { partLetter } from '../../../src/core/answers/index.js';
import type { Engine } from '../../../src/engine/api.js';
import { createEngine } from '../../../src/engine/create-engine.js';
import { alice, bob, group, Harness, privateChat } from './support/harness.js';
import { answersOf, seededRandom, typedRight, typedWrong } from './support/quiz-helpers.js';
import { openTestStore, type TestStore } from './support/test-store.js';

const carol: User = { id: 1003, is_bot: false, first_name: 'Carol' };

describe('Telegram in a busy group', () => {
  let db: TestStore;
  let engine: Engine;
  let h: Harness;

  beforeEach(async () => {
    db = await openTestStore();
    engine = createEngine({ store: db.store, random: seededRandom(9) });
    h = await Harness.start({
      mode: 'webhook',
      engine,
      tuning: {
        // A real minute for the group window, so "busy" does not depend on how fast the test runs.
        pacing: {
          perBot: { count: 1000, windowMs: 1000 },
          privateChat: { count: 1000, windowMs: 1000 },
          groupChat: { count: 1000, windowMs: 60_000 },
        },
        feedbackBoard: { busyAfter: 2, intervalMs: 20 },
      },
    });
  });
  afterEach(async () => {
    await h.stop();
    await db.close();
  });

  it('reports answers on one board edited in place, and sends a failed student the solution privately', async () => {
    await h.say(privateChat(alice), alice, '/start');
    const sent = await h.say(group, carol, '/quiz conv-output-size');
    const question = sent.replies.at(-1) as Message.TextMessage;
    const { parts } = await answersOf(engine, question);
    const all = (typed: (e: (typeof parts)[number]['expected']) => string): string =>
      parts.map((p, i) => `${partLetter(i)}) ${typed(p.expected)}`).join('\n');

    // Quiet so far (one message in the group): Carol gets a reply of her own.
    const first = await h.say(group, carol, all(typedRight), question);
    expect(first.replies[0]!.reply_to_message?.message_id).toBe(first.message!.message_id);
    expect(first.replies[0]!.text).toContain('Solved!');

    // Busy now: Bob's answer starts the board, a reply to the question.
    const mark = h.fake.mark();
    const bobs = await h.say(group, bob, all(typedWrong), question);
    const board = bobs.replies[0]!;
    expect(bobs.replies).toHaveLength(1);
    expect(board.reply_to_message?.message_id).toBe(question.message_id);
    expect(board.text).toMatch(/^Results so far/);
    expect(board.text).toMatch(/Bob Tan: ❌/);
    expect(board.text).toContain('2 tries left.');

    // Alice fails three times: the board is edited (no new group message) and the solution goes to her privately.
    for (let i = 0; i < 3; i++) await h.say(group, alice, all(typedWrong), question);
    const groupSends = h.fake.sentSince(mark).filter((s) => s.message.chat.id === group.id);
    expect(groupSends).toHaveLength(1);
    expect(h.fake.callsSince(mark, 'editMessageText').length).toBeGreaterThanOrEqual(3);
    const shown = h.fake.textOf(group.id, board.message_id) ?? '';
    expect(shown).toMatch(/Bob Tan: ❌/);
    expect(shown).toMatch(/Alice: ❌.*I sent you the worked solution in our private chat/);
    const dm = h.fake
      .sentTo(privateChat(alice).id)
      .map((m) => m.text)
      .join('\n');
    expect(dm).toContain('The worked solution of');
    expect(dm).toContain('Answers');

    // Bob never started the bot: after his third wrong answer the board points to the Solution button instead.
    await h.say(group, bob, all(typedWrong), question);
    await h.say(group, bob, all(typedWrong), question);
    expect(h.fake.textOf(group.id, board.message_id)).toMatch(/Bob Tan: ❌.*Solution button/);
    const chat: Chat = privateChat(bob);
    expect(h.fake.sentTo(chat.id)).toEqual([]);
  });
});
