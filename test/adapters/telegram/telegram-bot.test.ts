/**
 * End to end: the real grammY client (through `startTelegram`) against the fake Bot API on 127.0.0.1, with the real
 * engine on a temp SQLite database, in long-polling and in webhook mode. Every wait is deterministic: the adapter
 * reports each update handled (no sleeps). The fake refuses invalid HTML like Telegram, so every reply checked here
 * is also proof that its markup and escaping are valid.
 */
import Database from 'better-sqlite3';
import type { Chat, Message, User } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERIC_FAILURE, RATE_LIMITED } from '../../../src/adapters/shared/texts.js';
import { actorOf } from '../../../src/adapters/telegram/identity.js';
import { TG_TEXTS } from '../../../src/adapters/telegram/texts.js';
import { partLetter } from '../../../src/core/answers/index.js';
import type { Part } from '../../../src/core/types.js';
import type { Engine } from '../../../src/engine/api.js';
import { createEngine } from '../../../src/engine/create-engine.js';
import { alice, bob, group, Harness, privateChat, supergroup, type Mode } from './support/harness.js';
import { answersOf, buttonData, seededRandom, typedRight, typedWrong } from './support/quiz-helpers.js';
import { openTestStore, type TestStore } from './support/test-store.js';

const modes: readonly Mode[] = ['polling', 'webhook'];

/** The store identity the adapter records for a Telegram user (same display name, so a lookup changes nothing). */
function identityOf(user: User): { platform: 'telegram'; platformUserId: string; displayName: string } {
  const actor = actorOf(user);
  return { platform: 'telegram', platformUserId: actor.userId, displayName: actor.displayName };
}
const BOT = 'StudyTestBot';

describe.each(modes)('Telegram bot over %s', (mode) => {
  let db: TestStore;
  let engine: Engine;
  let h: Harness;
  const dm = privateChat(alice);

  beforeEach(async () => {
    db = await openTestStore();
    engine = createEngine({ store: db.store, random: seededRandom(7) });
    h = await Harness.start({ mode, engine });
  });

  afterEach(async () => {
    await h.stop();
    await db.close();
  });

  /** Starts a quiz and returns the question message (the one with the buttons). */
  async function quiz(chat: Chat, text: string, from: User = alice): Promise<Message.TextMessage> {
    const sent = await h.say(chat, from, text);
    const question = sent.replies.at(-1);
    expect(question?.reply_markup?.inline_keyboard.flat().length).toBe(3);
    return question!;
  }

  /** Bot API calls other than polling made since the mark. */
  function actionsSince(mark: number): string[] {
    return h.fake
      .callsSince(mark)
      .filter((c) => c.method !== 'getUpdates')
      .map((c) => c.method);
  }

  async function attemptsOf(user: User, questionId: string): Promise<[string, number, string][]> {
    // Same identity (and display name) as the adapter records, so this lookup changes nothing.
    const u = await db.store.upsertUser(identityOf(user));
    const state = await db.store.getUserQuestionState({ questionId: Number(questionId), userId: u.id });
    return state.attempts.map((a) => [a.partId, a.tryNo, a.status]);
  }

  it('publishes the command menu for private chats and for groups', () => {
    const all = [
      'start',
      'help',
      'topics',
      'quiz',
      'hint',
      'solution',
      'next',
      'stats',
      'leaderboard',
      'optout',
    ];
    expect(
      h.fake.commands
        .get('all_private_chats')
        ?.map((c) => c.command)
        .sort(),
    ).toEqual([...all].sort());
    expect(
      h.fake.commands
        .get('all_group_chats')
        ?.map((c) => c.command)
        .sort(),
    ).toEqual(all.filter((c) => c !== 'start').sort());
  });

  it('runs a full quiz in a private chat: question, wrong answer, hint, right answers, progress, leaderboard', async () => {
    const question = await quiz(dm, '/quiz conv-output-size');
    expect(question.text).toContain('Send your answer as a message');
    const { view, parts } = await answersOf(engine, question);
    expect(view.topicId).toBe('conv-output-size');
    const [p1, p2] = parts;

    const wrong = await h.say(dm, alice, typedWrong(p1!.expected));
    expect(wrong.replies).toHaveLength(1);
    expect(wrong.replies[0]!.reply_to_message?.message_id).toBe(wrong.message!.message_id);
    expect(wrong.replies[0]!.text).toContain(`❌ ${titleAt(parts, 0)}`);
    expect(wrong.replies[0]!.text).toContain('2 tries left.');

    const hint = await h.press(alice, question, buttonData(question, 'h'));
    expect(h.fake.callbackAnswered(hint.callbackId)).toBe(true);
    expect(hint.replies[0]!.text).toMatch(/^💡 Hint 1\/\d+/);

    const right1 = await h.say(dm, alice, typedRight(p1!.expected));
    expect(right1.replies[0]!.text).toContain(`✅ ${titleAt(parts, 0)}`);
    expect(right1.replies[0]!.text).toContain('Next: b)');

    const right2 = await h.say(dm, alice, typedRight(p2!.expected));
    const finished = right2.replies.map((m) => m.text).join('\n');
    expect(finished).toContain('Solved!');
    expect(finished).toMatch(/\+\d+ points?/);
    expect(finished).toContain('Worked solution');
    expect(finished).toContain('Answers');

    const stats = await h.say(dm, alice, '/stats');
    expect(stats.replies[0]!.text).toMatch(/Convolution and pooling o\S* +3 +67% +50%/);
    const board = await h.say(dm, alice, '/leaderboard all');
    expect(board.replies[0]!.text).toMatch(/🥇 Alice · \d+ pts · 1 solved/);

    // The database, through the store: the tries in order, the hint, the points.
    expect(await attemptsOf(alice, view.questionId)).toEqual([
      [p1!.id, 1, 'wrong'],
      [p1!.id, 2, 'correct'],
      [p2!.id, 1, 'correct'],
    ]);
    const user = await db.store.upsertUser(identityOf(alice));
    expect(
      (await db.store.getUserQuestionState({ questionId: Number(view.questionId), userId: user.id }))
        .hintsUsed,
    ).toBe(1);
    const total = await db.store.getTotalPoints(user.id);
    expect(finished).toContain(`+${total - pointsBefore(right1.replies[0]!.text)} point`);
    // And the SQLite file itself, read directly.
    const raw = new Database(db.file, { readonly: true });
    try {
      const rows = raw
        .prepare(
          `SELECT a.part_id AS part, a.status AS status FROM attempts a JOIN users u ON u.id = a.user_id
           WHERE u.platform = 'telegram' AND u.platform_user_id = ? ORDER BY a.id`,
        )
        .all(String(alice.id));
      expect(rows).toEqual([
        { part: p1!.id, status: 'wrong' },
        { part: p1!.id, status: 'correct' },
        { part: p2!.id, status: 'correct' },
      ]);
      const q = raw.prepare('SELECT message_id FROM questions WHERE id = ?').get(Number(view.questionId)) as {
        message_id: string;
      };
      expect(q.message_id).toBe(String(question.message_id));
    } finally {
      raw.close();
    }
  });

  /** Points shown in a feedback message ("+3 points"), 0 when none. */
  function pointsBefore(text: string): number {
    return Number(/\+(\d+) point/.exec(text)?.[1] ?? 0);
  }

  it('answers every command in a private chat', async () => {
    const say = async (text: string) => {
      const sent = await h.say(dm, alice, text);
      expect(sent.replies.length).toBeGreaterThan(0);
      expect(sent.replies[0]!.reply_to_message?.message_id).toBe(sent.message!.message_id);
      return sent.replies.map((m) => m.text).join('\n');
    };
    expect(await say('/start')).toContain('Hi! I am studybot');
    expect(await say('/help')).toContain('/leaderboard [period]');
    expect(await say('/topics')).toContain('/quiz cnn');
    expect(await say('/hint')).toContain('There is no open question here');
    expect(await say('/quiz cnn')).toMatch(/^❓ /);
    expect(await say('/hint')).toMatch(/^💡 Hint 1\//);
    expect(await say('/solution')).toContain('Worked solution');
    expect(await say('/next')).toMatch(/^❓ /);
    expect(await say('/stats')).toContain('Alice');
    expect(await say('/leaderboard')).toContain('Leaderboard, this week');
    expect(await say('/leaderboard all')).toContain('Leaderboard, all time');
    expect(await say('/leaderboard yesterday')).toContain(TG_TEXTS.leaderboardUsage);
    expect(await say('/optout')).toContain(TG_TEXTS.optedOut);
    expect(await say('/leaderboard')).toContain('/optout off');
    expect(await say('/optout off')).toContain(TG_TEXTS.optedIn);
    expect(await say('/quiz nonsense-topic')).toContain("I don't know that topic");
    expect(await say('/start conv-output-size')).toContain('Convolution and pooling output sizes');
    expect(await say('/frobnicate')).toContain(TG_TEXTS.unknownCommand);
    const sticker = await h.deliver(h.fake.sticker({ chat: dm, from: alice }));
    expect(sticker.replies[0]!.text).toBe(TG_TEXTS.textOnly);
  });

  it('answers every command in a group, with and without @BotName', async () => {
    const say = async (text: string, replyTo?: Message) => {
      const sent = await h.say(group, alice, text, replyTo);
      expect(sent.replies.length).toBeGreaterThan(0);
      return sent.replies.map((m) => m.text).join('\n');
    };
    expect(await say(`/start@${BOT}`)).toContain('reply to my question message');
    expect(await say('/help')).toContain('reply to my question message');
    expect(await say(`/topics@${BOT}`)).toContain('/quiz rnn');
    const question = (await h.say(group, alice, `/quiz@${BOT} cnn`)).replies.at(-1)!;
    expect(question.text).toContain('Reply to the question message');
    expect(await say('/hint', question)).toMatch(/^💡 Hint 1\/\d+ for Alice/);
    expect(await say(`/next@${BOT}`)).toMatch(/^❓ /);
    expect(await say('/solution')).toContain('Worked solution');
    expect(await say(`/stats@${BOT}`)).toContain('Alice');
    expect(await say('/leaderboard week')).toContain('NNDL study group');
    expect(await say(`/leaderboard@${BOT} all`)).toContain('all time');
    expect(await say('/optout')).toContain(TG_TEXTS.optedOut);
    expect(await say(`/optout@${BOT} off`)).toContain(TG_TEXTS.optedIn);
    expect(await say(`/frobnicate@${BOT}`)).toContain(TG_TEXTS.unknownCommand);
    // A bare unknown command in a group may be another bot's: no answer.
    const mark = h.fake.mark();
    await h.say(group, alice, '/frobnicate');
    expect(actionsSince(mark)).toEqual([]);
  });

  it('lets two students answer the same group question by replying, each with their own tries', async () => {
    const question = await quiz(group, `/quiz@${BOT} conv-output-size`);
    const { view, parts } = await answersOf(engine, question);
    const p1 = parts[0]!;

    const bobWrong = await h.say(group, bob, typedWrong(p1.expected), question);
    expect(bobWrong.replies[0]!.reply_to_message?.message_id).toBe(bobWrong.message!.message_id);
    expect(bobWrong.replies[0]!.text).toMatch(/^Bob Tan\n❌/);
    expect(bobWrong.replies[0]!.text).toContain('2 tries left.');

    const aliceRight = await h.say(group, alice, typedRight(p1.expected), question);
    expect(aliceRight.replies[0]!.text).toMatch(/^Alice\n✅/);
    // Bob's wrong try does not cost Alice anything: her next part is open with all tries.
    expect(aliceRight.replies[0]!.text).toContain('Next: b)');

    // Replying to the bot's feedback (not the question) still answers the latest question here.
    const bobRight = await h.say(group, bob, typedRight(p1.expected), bobWrong.replies[0]);
    expect(bobRight.replies[0]!.text).toMatch(/^Bob Tan\n✅/);

    // Group chatter that is not a reply to the bot is not an answer (a bot with privacy mode off sees it).
    const mark = h.fake.mark();
    await h.say(group, bob, 'lol this one is hard');
    expect(actionsSince(mark)).toEqual([]);

    expect(await attemptsOf(bob, view.questionId)).toEqual([
      [p1.id, 1, 'wrong'],
      [p1.id, 2, 'correct'],
    ]);
    expect(await attemptsOf(alice, view.questionId)).toEqual([[p1.id, 1, 'correct']]);
    const board = await h.say(group, alice, '/leaderboard');
    expect(board.replies[0]!.text).toMatch(/🥇 Alice[\s\S]*🥈 Bob Tan/);
  });

  it('records an update delivered twice once, in the same process and after a restart', async () => {
    const question = await quiz(dm, '/quiz conv-output-size');
    const { view, parts } = await answersOf(engine, question);
    const answer = h.fake.message({ chat: dm, from: alice, text: typedWrong(parts[0]!.expected) });
    const first = await h.deliver(answer);
    expect(first.replies).toHaveLength(1);

    // Telegram delivers it again to the same process.
    let mark = h.fake.mark();
    h.fake.redeliver(first.updateId, answer);
    await h.tracker.waitFor(first.updateId, 2);
    expect(actionsSince(mark)).toEqual([]);

    // The process restarts before the update was confirmed; the new process receives it again.
    await h.stop({ keepFake: true });
    h = await Harness.start({ mode, engine, fake: h.fake });
    mark = h.fake.mark();
    h.fake.redeliver(first.updateId, answer);
    await h.tracker.waitFor(first.updateId);
    expect(actionsSince(mark)).toEqual([]);
    expect(h.logs.some((l) => l.msg === 'duplicate answer ignored')).toBe(true);

    expect(await attemptsOf(alice, view.questionId)).toEqual([[parts[0]!.id, 1, 'wrong']]);
  });

  it('after a restart, a reply to an older question still answers that question (nothing kept only in memory)', async () => {
    const older = await quiz(group, `/quiz@${BOT} conv-output-size`);
    const newer = await quiz(group, `/quiz@${BOT} dense-params`);
    await h.stop({ keepFake: true });
    h = await Harness.start({ mode, engine, fake: h.fake });

    const { view, parts } = await answersOf(engine, older);
    const reply = await h.say(group, bob, typedRight(parts[0]!.expected), older);
    expect(reply.replies[0]!.text).toContain(`✅ ${titleAt(parts, 0)}`);
    expect(await attemptsOf(bob, view.questionId)).toEqual([[parts[0]!.id, 1, 'correct']]);
    const newest = await answersOf(engine, newer);
    expect(await attemptsOf(bob, newest.view.questionId)).toEqual([]);
  });

  it('names a recognised slip and asks for more digits on a too-coarse value, without costing a try', async () => {
    const dense = await quiz(dm, '/quiz dense-params');
    const { parts } = await answersOf(engine, dense);
    const part = parts.find((p) => p.slips?.some((x) => x.id === 'forgot-bias'))!;
    const slip = part.slips!.find((x) => x.id === 'forgot-bias')!;
    const at = parts.indexOf(part);
    const slipped = await h.say(dm, alice, `${partLetter(at)}) ${String(slip.value)}`);
    expect(slipped.replies[0]!.text).toContain(`❌ ${titleAt(parts, at)}`);
    expect(slipped.replies[0]!.text).toContain(slip.message);
    expect(slipped.replies[0]!.text).toContain('2 tries left.');

    const grad = await quiz(dm, '/quiz linear-neuron-gradients');
    const g = await answersOf(engine, grad);
    const dy = g.parts[0]!.expected;
    if (dy.kind !== 'number' || dy.dp === undefined)
      throw new Error('expected a number part with decimal places');
    const coarse = dy.value.toFixed(dy.dp - 1);
    expect(Number(coarse)).not.toBe(dy.value);
    const fb = await h.say(dm, alice, coarse);
    expect(fb.replies[0]!.text).toContain(`⚠️ ${titleAt(g.parts, 0)}`);
    expect(fb.replies[0]!.text).toContain(`give it to ${dy.dp} decimal places. This try is free.`);
    expect(await attemptsOf(alice, g.view.questionId)).toEqual([]);
  });

  it('splits a long finished answer over several messages under the limit, valid HTML in each', async () => {
    const question = await quiz(dm, '/quiz backprop-weights');
    const { parts, steps } = await answersOf(engine, question);
    // Every part at once, one per line with its label.
    const all = await h.say(
      dm,
      alice,
      parts.map((p, i) => `${partLetter(i)}) ${typedRight(p.expected)}`).join('\n'),
    );
    expect(all.replies.length).toBeGreaterThan(1);
    for (const html of all.html) expect(html.length).toBeLessThanOrEqual(4096);
    expect(all.replies[0]!.reply_to_message?.message_id).toBe(all.message!.message_id);
    const text = all.replies.map((m) => m.text).join('');
    expect(text.match(/✅/g)).toHaveLength(parts.length);
    expect(text).toContain('Solved!');
    // Every step of the worked solution made it, in order.
    const titles = [...text.matchAll(/^(\d+)\. (.*)$/gm)].map((m) => `${m[1]}. ${m[2]}`);
    expect(titles).toEqual(steps.map((st, i) => `${i + 1}. ${st.title}`));
  });

  it('retries a 429 from the Bot API after retry_after', async () => {
    const mark = h.fake.mark();
    h.fake.failNext('sendMessage', 1, { error_code: 429, retry_after: 0.05 });
    const sent = await h.say(dm, alice, '/help');
    expect(sent.replies).toHaveLength(1);
    expect(
      h.fake.callsSince(mark, 'sendMessage').map((c) => (c.response.ok ? 200 : c.response.error_code)),
    ).toEqual([429, 200]);
  });

  it('handles malformed, empty, huge and HTML-injection answers without counting them or breaking markup', async () => {
    const question = await quiz(dm, '/quiz conv-output-size');
    const { view } = await answersOf(engine, question);

    const malformed = await h.say(dm, alice, 'twelve-ish');
    expect(malformed.replies[0]!.text).toContain('❓');
    expect(malformed.replies[0]!.text).toContain('This try is free.');

    const empty = await h.say(dm, alice, 'answer:');
    expect(empty.replies[0]!.text).toContain('Your answer is empty');

    const huge = await h.say(dm, alice, '9'.repeat(4000));
    expect(huge.replies[0]!.text).toContain('That answer is too long');

    const injection = '</code><b>5</b> & <i>x &amp;';
    const injected = await h.say(dm, alice, injection);
    expect(injected.replies[0]!.text).toContain(injection);
    expect(injected.html[0]).toContain('&lt;/code&gt;&lt;b&gt;5&lt;/b&gt; &amp; &lt;i&gt;x &amp;amp;');
    // A letter past the last part is named back to the student, escaped too.
    const labelled = await h.say(dm, alice, 'a) 3 <b>) 4');
    expect(labelled.replies[0]!.text).toContain('<b>) 4');
    const stray = await h.say(dm, alice, 'a) 3 z) 4');
    expect(stray.replies[0]!.text).toContain('no part z)');

    const selector = await h.say(dm, alice, '/quiz <i>cnn</i>');
    expect(selector.replies[0]!.text).toContain("I don't know that topic");

    // None of that cost a try.
    expect(await attemptsOf(alice, view.questionId)).toEqual([]);
  });

  it('escapes display names and chat titles, and strips direction overrides', async () => {
    const eve: User = {
      id: 1003,
      is_bot: false,
      first_name: '<i>Eve</i> &amp;',
      last_name: '\u202E</b>' + 'x'.repeat(200),
    };
    const question = await quiz(supergroup, `/quiz@${BOT} conv-output-size`);
    const { parts } = await answersOf(engine, question);
    const fb = await h.say(supergroup, eve, typedRight(parts[0]!.expected), question);
    const firstLine = fb.replies[0]!.text.split('\n')[0]!;
    expect(firstLine.startsWith('<i>Eve</i> &amp; </b>xxx')).toBe(true);
    expect(firstLine).not.toContain('\u202E');
    expect(firstLine.length).toBeLessThanOrEqual(48);
    const board = await h.say(supergroup, eve, '/leaderboard');
    expect(board.replies[0]!.text).toContain('· SC4001 <2024>');
    expect(board.replies[0]!.text).toContain('🥇 <i>Eve</i> &amp; </b>');
  });

  it('treats each forum topic (thread) of a supergroup as its own channel and answers in it', async () => {
    const forum: Chat.SupergroupChat = { ...supergroup, is_forum: true };
    const inThread = (text: string, thread: number) => {
      const update = h.fake.message({ chat: forum, from: alice, text });
      return h.deliver({
        ...update,
        message: { ...update.message!, is_topic_message: true, message_thread_id: thread },
      });
    };
    const posted = await inThread(`/quiz@${BOT} conv-output-size`, 77);
    expect(posted.replies.length).toBeGreaterThan(0);
    expect(posted.replies.map((m) => m.message_thread_id)).toEqual(posted.replies.map(() => 77));
    expect((await inThread('/hint', 78)).replies[0]!.text).toContain('There is no open question here');
    const hint = await inThread('/hint', 77);
    expect(hint.replies[0]!.text).toMatch(/^💡 Hint 1\//);
    expect(hint.replies[0]!.message_thread_id).toBe(77);
  });

  it('ignores commands addressed to another bot, even as a reply to a question', async () => {
    const question = await quiz(group, `/quiz@${BOT} cnn`);
    const mark = h.fake.mark();
    await h.say(group, alice, '/quiz@OtherBot cnn');
    await h.say(group, alice, '/hint@OtherBot', question);
    await h.say(dm, alice, '/help@OtherBot');
    expect(actionsSince(mark)).toEqual([]);
  });

  it('posts the solution and a new question from the buttons, and refuses stale buttons', async () => {
    const question = await quiz(group, `/quiz@${BOT} conv-output-size`);
    const solution = await h.press(bob, question, buttonData(question, 's'));
    expect(h.fake.callbackAnswered(solution.callbackId)).toBe(true);
    expect(solution.replies[0]!.text).toContain('Worked solution');
    expect(solution.replies[0]!.reply_to_message?.message_id).toBe(question.message_id);

    const next = await h.press(bob, question, buttonData(question, 'n'));
    const fresh = next.replies.at(-1)!;
    expect(fresh.text).toMatch(/^❓ Convolution and pooling output sizes/);
    expect(buttonData(fresh, 'h')).not.toBe(buttonData(question, 'h'));
    // Replies to the new question are answers to it.
    const { view, parts } = await answersOf(engine, fresh);
    await h.say(group, alice, typedRight(parts[0]!.expected), fresh);
    expect(await attemptsOf(alice, view.questionId)).toEqual([[parts[0]!.id, 1, 'correct']]);

    const stale = await h.press(bob, question, 'garbage');
    expect(stale.replies).toEqual([]);
    const answered = h.fake.callsSince(0, 'answerCallbackQuery').at(-1)!;
    expect(answered.payload.text).toBe(TG_TEXTS.callbackStale);
  });
});

describe.each(modes)('Telegram bot limits and failures over %s', (mode) => {
  let db: TestStore;
  let engine: Engine;
  let h: Harness | undefined;
  const dm = privateChat(alice);

  beforeEach(async () => {
    db = await openTestStore();
    engine = createEngine({ store: db.store, random: seededRandom(11) });
  });

  afterEach(async () => {
    await h?.stop();
    h = undefined;
    await db.close();
  });

  it('rate-limits commands per user: a friendly message once, then silence, others unaffected', async () => {
    let now = 0;
    h = await Harness.start({
      mode,
      engine,
      tuning: { commandRateLimit: { burst: 2, refillMs: 10_000 } },
      now: () => now,
    });
    const texts = async (from: User, chat: Chat, text: string) =>
      (await h!.say(chat, from, text)).replies.map((m) => m.text);
    expect(await texts(alice, group, '/help')).toHaveLength(1);
    expect(await texts(alice, group, '/topics')).toHaveLength(1);
    expect(await texts(alice, group, '/help')).toEqual([RATE_LIMITED]);
    expect(await texts(alice, group, '/help')).toEqual([]);
    expect(await texts(alice, group, '/stats')).toEqual([]);
    expect(await texts(bob, group, '/help')).toHaveLength(1);
    now = 10_000;
    expect(await texts(alice, group, '/help')).toHaveLength(1);
  });

  it('rate-limits answers in groups (every one makes the bot post) but not in private chats', async () => {
    h = await Harness.start({
      mode,
      engine,
      tuning: { groupAnswerRateLimit: { burst: 2, refillMs: 60_000 } },
    });
    const question = (await h.say(group, alice, `/quiz@StudyTestBot conv-output-size`)).replies.at(-1)!;
    const texts = async (chat: Chat, text: string, replyTo?: Message) =>
      (await h!.say(chat, alice, text, replyTo)).replies.map((m) => m.text);
    expect((await texts(group, 'abc', question))[0]).toContain('❓');
    expect((await texts(group, 'def', question))[0]).toContain('❓');
    expect(await texts(group, 'ghi', question)).toEqual([RATE_LIMITED]);
    expect(await texts(group, 'jkl', question)).toEqual([]);
    // Private answers are between the student and the bot: not limited.
    await h.say(dm, alice, '/quiz conv-output-size');
    for (const t of ['a', 'b', 'c', 'd']) expect((await texts(dm, t))[0]).toContain('❓');
  });

  it('answers a failing handler with a friendly message, logs the cause and keeps running', async () => {
    let failures = 1;
    const flaky: Engine = {
      ...engine,
      getProgress: (input) =>
        failures-- > 0 ? Promise.reject(new Error('database is down')) : engine.getProgress(input),
    };
    h = await Harness.start({ mode, engine: flaky });
    const failed = await h.say(dm, alice, '/stats');
    expect(failed.replies.map((m) => m.text)).toEqual([GENERIC_FAILURE]);
    expect(failed.replies[0]!.text).not.toContain('database is down');
    const logged = h.logs.find((l) => l.level === 'error' && l.msg.startsWith('handler failed (internal)'));
    expect(logged?.message).toBe('database is down');

    // A Bot API refusal is logged as such, and the student still hears about it.
    h.fake.failNext('sendMessage', 1, { error_code: 400, description: 'Bad Request: something odd' });
    const refused = await h.say(dm, alice, '/help');
    expect(refused.replies.map((m) => m.text)).toEqual([GENERIC_FAILURE]);
    const apiLog = h.logs.find((l) => l.msg.startsWith('handler failed (telegram-api)'));
    expect(apiLog?.description).toBe('Bad Request: something odd');

    // The bot did not stop.
    expect((await h.say(dm, alice, '/stats')).replies[0]!.text).toContain('Alice');
  });

  it('answers a button whose handler fails with an alert', async () => {
    const broken: Engine = { ...engine, getHint: () => Promise.reject(new Error('boom')) };
    h = await Harness.start({ mode, engine: broken });
    const question = (await h.say(dm, alice, '/quiz conv-output-size')).replies.at(-1)!;
    const pressed = await h.press(alice, question, buttonData(question, 'h'));
    const answer = h.fake.callsSince(0, 'answerCallbackQuery').at(-1)!;
    expect(answer.payload).toMatchObject({
      callback_query_id: pressed.callbackId,
      text: GENERIC_FAILURE,
      show_alert: true,
    });
    expect(pressed.replies).toEqual([]);
  });
});

/** How feedback names a part: "a) name". */
function titleAt(parts: readonly Part[], i: number): string {
  return `${partLetter(i)}) ${parts[i]?.name ?? ''}`;
}

describe('Telegram bot webhook delivery', () => {
  it('answers Telegram 200 once for an update whose handler failed, so it is not redelivered', async () => {
    const db = await openTestStore();
    const engine = createEngine({ store: db.store, random: seededRandom(3) });
    const broken: Engine = { ...engine, getProgress: () => Promise.reject(new Error('down')) };
    const h = await Harness.start({ mode: 'webhook', engine: broken });
    try {
      expect(h.fake.webhook).toEqual({
        url: 'https://bot.example.test/telegram/hook',
        secret: 'test-secret_123',
      });
      const sent = await h.say(privateChat(alice), alice, '/stats');
      expect(sent.replies.map((m) => m.text)).toEqual([GENERIC_FAILURE]);
      expect(await h.fake.deliveriesOf(sent.updateId)).toEqual([200]);
    } finally {
      await h.stop();
      await db.close();
    }
  });
});
