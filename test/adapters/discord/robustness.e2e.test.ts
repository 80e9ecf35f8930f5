/**
 * What goes wrong in real life: gateway reconnects, expired tokens, redelivered interactions, hostile input,
 * failing dependencies, slow answers that must be deferred.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/api.js';
import { snowflake, type FakeMessage, type FakeUser } from './fake-discord.js';
import {
  admin,
  answered,
  buttonsOf,
  callsWithMentionsEnabled,
  embedsOf,
  EPHEMERAL,
  fieldsFor,
  member,
  publicLine,
  questionIdOf,
  rightAnswers,
  MODES,
  startBot,
  textOf,
  type Bot,
} from './harness.js';

const GENERIC =
  'Sorry, something went wrong on my side. Your progress is safe; please try again in a moment.';

let bot: Bot | undefined;
afterEach(async () => {
  if (!bot) return;
  const b = bot;
  bot = undefined;
  await b.stop();
  expect(b.fake.unknownRoutes).toEqual([]);
  expect(callsWithMentionsEnabled(b.fake)).toEqual([]);
});

async function quiz(b: Bot, user: FakeUser, topic: string, where = b.fake.inGuild()): Promise<FakeMessage> {
  return answered(b, b.fake.slash({ user, where, name: 'quiz', options: { topic } }));
}

async function modalOf(
  b: Bot,
  user: FakeUser,
  question: FakeMessage,
  where = b.fake.inGuild(),
): Promise<string> {
  const rec = b.fake.click({ user, where, message: question, customId: buttonsOf(question).Answer! });
  await b.settled(rec);
  return rec.callbacks[0]!.data!.custom_id as string;
}

function errors(b: Bot) {
  return b.logs.filter((l) => l.level === 'error');
}

/** An engine whose startQuiz waits for `release()`: lets a test act while the bot is mid-interaction. */
function gated(real: Engine) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const engine: Engine = {
    ...real,
    startQuiz: async (input) => {
      await gate;
      return real.startQuiz(input);
    },
  };
  return { engine, release };
}

describe('gateway reconnect', () => {
  it('resumes in the middle of a quiz and handles the modal submitted while disconnected', async () => {
    bot = await startBot();
    const alice = member('Alice');
    const question = await quiz(bot, alice, 'conv-params');
    const qid = questionIdOf(question);
    const modalId = await modalOf(bot, alice, question);

    bot.fake.dropConnections();
    // Submitted while the bot is offline: Discord keeps it and replays it on RESUME.
    const rec = bot.fake.submitModal({
      user: alice,
      where: bot.fake.inGuild(),
      customId: modalId,
      values: fieldsFor(await rightAnswers(bot.engine, qid)),
    });
    await bot.settled(rec);
    expect(embedsOf(rec.original)[0]!.title).toMatch(/^✅ Solved/);
    expect(bot.fake.gateway).toMatchObject({ identifies: 1, resumes: 1 });
    expect(bot.fake.gateway.replayed).toBeGreaterThanOrEqual(1);
    expect(bot.logs.some((l) => l.msg === 'discord: gateway resumed')).toBe(true);

    // Discord asks for a reconnect (op 7): the bot resumes again and keeps answering.
    bot.fake.requestReconnect();
    await bot.fake.waitFor(() => bot!.fake.connectedSessions === 0, 'the client to close for the reconnect');
    const stats = bot.fake.slash({ user: alice, where: bot.fake.inGuild(), name: 'stats' });
    await bot.settled(stats);
    expect(bot.fake.gateway).toMatchObject({ identifies: 1, resumes: 2 });
    expect(textOf(stats.original)).toMatch(/\*\*[1-9]\d*\*\* points/);
    expect(errors(bot)).toEqual([]);
  });
});

describe('expired and repeated interactions', () => {
  it('logs an interaction whose token expired and keeps working', async () => {
    bot = await startBot();
    const rec = bot.fake.slash({ user: member('Ann'), where: bot.fake.inGuild(), name: 'help' });
    bot.fake.expire(rec);
    await bot.settled(rec);
    expect(rec.refused).toEqual([{ path: `/interactions/${rec.id}/${rec.token}/callback`, code: 10062 }]);
    expect(rec.original).toBeUndefined();
    const warn = bot.logs.find((l) => l.msg === 'discord: interaction expired or was already answered');
    expect(warn).toMatchObject({ level: 'warn', interactionId: rec.id, code: 10062 });
    expect(JSON.stringify(bot.logs)).not.toContain(rec.token);
    expect(errors(bot)).toEqual([]);

    const next = await answered(
      bot,
      bot.fake.slash({ user: member('Ann'), where: bot.fake.inGuild(), name: 'help' }),
    );
    expect(textOf(next)).toContain('Answer formats');
  });

  it('logs a token that expired between the deferral and the answer', async () => {
    const { engine, release } = (() => {
      let g: ReturnType<typeof gated> | undefined;
      return {
        engine: (real: Engine) => (g = gated(real)).engine,
        release: () => g!.release(),
      };
    })();
    bot = await startBot({ deferAfterMs: 0, engine });
    const rec = bot.fake.slash({
      user: member('Ann'),
      where: bot.fake.inGuild(),
      name: 'quiz',
      options: { topic: 'cnn' },
    });
    await bot.fake.waitFor(() => rec.callbacks.length === 1, 'the deferral');
    expect(rec.callbacks[0]!.type).toBe(5);
    bot.fake.expire(rec);
    release();
    await bot.settled(rec);
    expect(rec.refused.map((r) => r.code)).toEqual([10015]);
    expect(
      bot.logs.find((l) => l.msg === 'discord: interaction expired or was already answered'),
    ).toMatchObject({
      code: 10015,
    });
    expect(errors(bot)).toEqual([]);
  });

  it('records an answer delivered twice only once (the interaction id is the event id)', async () => {
    bot = await startBot({ db: 'sqlite' });
    const alice = member('Alice');
    const question = await quiz(bot, alice, 'conv-params');
    const qid = questionIdOf(question);
    const modalId = await modalOf(bot, alice, question);
    const right = await rightAnswers(bot.engine, qid);
    const first = Object.keys(right)[0]!;
    const rec = bot.fake.submitModal({
      user: alice,
      where: bot.fake.inGuild(),
      customId: modalId,
      values: fieldsFor({ [first]: '-7' }),
    });
    await bot.settled(rec);
    bot.fake.redeliver(rec);
    await bot.settled(rec, 2);
    expect(rec.refused.map((r) => r.code)).toEqual([40060]);
    expect(bot.sql('SELECT part_id, try_no FROM attempts WHERE question_id = ?', Number(qid))).toEqual([
      { part_id: first, try_no: 1 },
    ]);
    expect(errors(bot)).toEqual([]);
  });
});

describe('hostile and malformed input', () => {
  it('treats an unreadable answer as free, and refuses a huge one politely', async () => {
    bot = await startBot();
    const ann = member('Ann');
    const question = await quiz(bot, ann, 'conv-params');
    const qid = questionIdOf(question);
    const first = Object.keys(await rightAnswers(bot.engine, qid))[0]!;
    const modalId = await modalOf(bot, ann, question);

    const junk = await answered(
      bot,
      bot.fake.submitModal({
        user: ann,
        where: bot.fake.inGuild(),
        customId: modalId,
        values: fieldsFor({ [first]: 'twelve-ish' }),
      }),
    );
    expect(junk.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(textOf(junk)).toContain('I could not read a number there.');
    expect(textOf(junk)).toContain('This try is free.');

    const huge = await answered(
      bot,
      bot.fake.submitModal({
        user: ann,
        where: bot.fake.inGuild(),
        customId: modalId,
        values: fieldsFor({ [first]: '9'.repeat(50_000) }),
      }),
    );
    expect(huge.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(huge.content).toBe(
      'That answer is too long (the limit is 1000 characters). Please send just the values.',
    );

    const empty = await answered(
      bot,
      bot.fake.submitModal({
        user: ann,
        where: bot.fake.inGuild(),
        customId: modalId,
        values: fieldsFor({ [first]: '   ' }),
      }),
    );
    expect(empty.content).toContain('You left every field empty');

    const forged = await answered(
      bot,
      bot.fake.submitModal({
        user: ann,
        where: bot.fake.inGuild(),
        customId: 'sb:modal:999999:0',
        values: fieldsFor({ [first]: '1' }),
      }),
    );
    expect(forged.content).toBe('I could not find that question any more. Start a new one with /quiz.');

    const stale = await answered(
      bot,
      bot.fake.click({ user: ann, where: bot.fake.inGuild(), message: question, customId: 'legacy-button' }),
    );
    expect(stale.content).toContain('older version of the bot');

    const states = await bot.engine.getPartStates!({
      actor: { platform: 'discord', userId: ann.id, displayName: 'Ann' },
      place: {
        scope: { platform: 'discord', scopeId: bot.fake.guild.id, kind: 'server' },
        channelId: bot.fake.inGuild().channelId,
      },
      questionId: qid,
    });
    expect(states.ok && states.value.parts.every((p) => p.triesLeft === 3)).toBe(true);
    expect(errors(bot)).toEqual([]);
  });

  it('never lets a display name or an answer mention anyone or change the formatting', async () => {
    bot = await startBot();
    const mallory = member('@everyone', { nick: '@here **boss** <@&123456789012345678>' });
    const question = await quiz(bot, mallory, 'conv-params');
    const qid = questionIdOf(question);
    const right = await rightAnswers(bot.engine, qid);
    const first = Object.keys(right)[0]!;
    const modalId = await modalOf(bot, mallory, question);

    const echo = await answered(
      bot,
      bot.fake.submitModal({
        user: mallory,
        where: bot.fake.inGuild(),
        customId: modalId,
        values: fieldsFor({ [first]: '@everyone `x` **y**' }),
      }),
    );
    expect(textOf(echo)).toContain('`@\u200beveryone ˋxˋ **y**`');

    const win = bot.fake.submitModal({
      user: mallory,
      where: bot.fake.inGuild(),
      customId: modalId,
      values: fieldsFor(right),
    });
    await bot.settled(win);
    const celebration = await publicLine(bot, win);
    expect(celebration.content).toContain(
      '**@\u200bhere \\*\\*boss\\*\\* <@\u200b&123456789012345678>** solved',
    );
    expect(celebration.allowed_mentions).toEqual({ parse: [] });

    const board = await answered(
      bot,
      bot.fake.slash({ user: mallory, where: bot.fake.inGuild(), name: 'leaderboard' }),
    );
    expect(textOf(board)).toContain('@\u200bhere \\*\\*boss\\*\\*');
    // No message the bot sent contains a live mention.
    for (const m of bot.fake.messages.values()) expect(textOf(m)).not.toMatch(/@(everyone|here)|<@&?\d/);
  });
  it.each(MODES)(
    'cleans direction overrides, line separators and hidden characters out of names (%s mode)',
    async (mode) => {
      bot = await startBot({ mode });
      // U+202E RIGHT-TO-LEFT OVERRIDE would flip what follows; U+2028/U+2029 and \n break lines; U+200B hides.
      const spoofer = member('x', {
        nick: 'Ann\u202e\u2066evil\u2069\u2028line\u2029two\nthree\u200b\u0007',
      });
      const question = await quiz(bot, spoofer, 'conv-params');
      const right = await rightAnswers(bot.engine, questionIdOf(question));
      const win = bot.fake.submitModal({
        user: spoofer,
        where: bot.fake.inGuild(),
        customId: await modalOf(bot, spoofer, question),
        values: fieldsFor(right),
      });
      await bot.settled(win);
      expect((await publicLine(bot, win)).content).toContain('**Annevil line two three** solved');
      const board = await answered(
        bot,
        bot.fake.slash({ user: spoofer, where: bot.fake.inGuild(), name: 'leaderboard' }),
      );
      expect(textOf(board)).toContain('Annevil line two three');
      for (const m of bot.fake.messages.values()) {
        expect(textOf(m)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u2028\u2029\u200b]/);
      }
    },
  );
});

describe('admin permission', () => {
  it('keeps the scores when a member without Manage Server tries to reset, and resets for an admin', async () => {
    bot = await startBot({ db: 'sqlite' });
    const ann = member('Ann');
    const question = await quiz(bot, ann, 'conv-params');
    const modalId = await modalOf(bot, ann, question);
    await bot.settled(
      bot.fake.submitModal({
        user: ann,
        where: bot.fake.inGuild(),
        customId: modalId,
        values: fieldsFor(await rightAnswers(bot.engine, questionIdOf(question))),
      }),
    );
    const scores = () => bot!.sql<{ n: number }>('SELECT COUNT(*) AS n FROM scores')[0]!.n;
    const before = scores();
    expect(before).toBeGreaterThan(0);

    const denied = await answered(
      bot,
      bot.fake.slash({ user: member('Eve'), where: bot.fake.inGuild(), name: 'reset-leaderboard' }),
    );
    expect(denied.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(denied.content).toBe('Only server admins (Manage Server) can do that.');
    expect(scores()).toBe(before);

    const done = await answered(
      bot,
      bot.fake.slash({ user: admin('Prof'), where: bot.fake.inGuild(), name: 'reset-leaderboard' }),
    );
    expect(done.flags & EPHEMERAL).toBe(0);
    expect(scores()).toBe(0);
  });
});

describe('slow answers and failures', () => {
  it('defers when the answer is not ready in time, then edits the deferred reply', async () => {
    bot = await startBot({ deferAfterMs: 0 });
    const rec = bot.fake.slash({
      user: member('Ann'),
      where: bot.fake.inGuild(),
      name: 'quiz',
      options: { topic: 'cnn' },
    });
    const msg = await answered(bot, rec);
    expect(rec.callbacks.map((c) => c.type)).toEqual([5]);
    expect(msg.flags & EPHEMERAL).toBe(0);
    expect(embedsOf(msg)).toHaveLength(1);
    const view = await bot.engine.findQuestionByMessage({
      place: {
        scope: { platform: 'discord', scopeId: bot.fake.guild.id, kind: 'server' },
        channelId: bot.fake.inGuild().channelId,
      },
      messageId: msg.id,
    });
    expect(view?.questionId).toBe(questionIdOf(msg));

    const hint = bot.fake.slash({ user: member('Ann'), where: bot.fake.inGuild(), name: 'hint' });
    await answered(bot, hint);
    expect(hint.callbacks).toEqual([{ type: 5, data: { flags: EPHEMERAL } }]);
    expect(hint.original!.flags & EPHEMERAL).toBe(EPHEMERAL);

    // A modal is never preceded by a deferral, even with deferAfterMs 0.
    const click = bot.fake.click({
      user: member('Ben'),
      where: bot.fake.inGuild(),
      message: msg,
      customId: buttonsOf(msg).Answer!,
    });
    await bot.settled(click);
    expect(click.callbacks.map((c) => c.type)).toEqual([9]);
  });

  it('answers a failing command with a friendly private message and a log line', async () => {
    bot = await startBot({
      engine: (real) => ({
        ...real,
        getProgress: () => Promise.reject(new Error('database is on fire')),
      }),
    });
    const rec = bot.fake.slash({ user: member('Ann'), where: bot.fake.inGuild(), name: 'stats' });
    const msg = await answered(bot, rec);
    expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(msg.content).toBe(GENERIC);
    expect(JSON.stringify(bot.fake.calls)).not.toContain('on fire');
    expect(errors(bot)).toEqual([
      expect.objectContaining({
        msg: 'discord: interaction failed',
        interactionId: rec.id,
        command: 'stats',
      }),
    ]);
    // The bot keeps working.
    expect(
      textOf(
        await answered(bot, bot.fake.slash({ user: member('Ann'), where: bot.fake.inGuild(), name: 'help' })),
      ),
    ).toContain('/quiz');
  });

  it('reports a failure after a public deferral privately', async () => {
    let g: ReturnType<typeof gated> | undefined;
    bot = await startBot({
      deferAfterMs: 0,
      engine: (real) => {
        g = gated({ ...real, startQuiz: () => Promise.reject(new Error('boom')) });
        return g.engine;
      },
    });
    const rec = bot.fake.slash({ user: member('Ann'), where: { dmChannelId: snowflake() }, name: 'quiz' });
    await bot.fake.waitFor(() => rec.callbacks.length === 1, 'the deferral');
    g!.release();
    await bot.settled(rec);
    expect(rec.callbacks.map((c) => c.type)).toEqual([5]);
    expect(rec.deleted).toBe(true);
    expect(rec.followUps.map((m) => [m.content, m.flags & EPHEMERAL])).toEqual([[GENERIC, EPHEMERAL]]);
  });
});
