/**
 * Every slash command through the real discord.js client, the real engine and the in-memory store.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { snowflake } from './fake-discord.js';
import {
  admin,
  answered,
  buttonsOf,
  callsWithMentionsEnabled,
  embedsOf,
  EPHEMERAL,
  expectEveryPostAccepted,
  fieldsFor,
  member,
  questionIdOf,
  rightAnswers,
  MODES,
  startBot,
  textOf,
  type Bot,
} from './harness.js';

let bot: Bot;

describe.each(MODES)('%s mode', (mode) => {
  beforeAll(async () => {
    bot = await startBot({ mode });
  });
  afterAll(async () => {
    await bot?.stop();
  });
  afterEach(async () => {
    expect(bot.fake.unknownRoutes).toEqual([]);
    expect(callsWithMentionsEnabled(bot.fake)).toEqual([]);
    expect(bot.logs.filter((l) => l.level === 'error')).toEqual([]);
    await expectEveryPostAccepted(bot);
  });

  describe('start', () => {
    it('registers no commands at start', () => {
      expect(bot.fake.calls.filter((c) => c.method === 'PUT')).toEqual([]);
    });

    it('connects the way the mode says: a gateway session, or only the interactions endpoint', () => {
      if (mode === 'gateway') {
        expect(bot.fake.gateway.identifies).toBe(1);
        expect(bot.fake.calls[0]).toMatchObject({
          method: 'GET',
          path: '/gateway/bot',
          auth: 'Bot fake-bot-token',
        });
        expect(bot.logs.some((l) => l.msg === 'discord: ready')).toBe(true);
      } else {
        expect(bot.fake.gateway.connections).toBe(0);
        expect(bot.logs.some((l) => l.msg === 'discord: interactions endpoint listening')).toBe(true);
      }
    });
  });

  describe('commands in a server', () => {
    const where = () => bot.fake.inGuild(0, 0);

    it('/help answers privately with the commands and answer formats', async () => {
      const rec = bot.fake.slash({ user: member('Ann'), where: where(), name: 'help' });
      const msg = await answered(bot, rec);
      expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(textOf(msg)).toContain('/quiz [topic]');
      expect(textOf(msg)).toContain('/reset-leaderboard');
      expect(textOf(msg)).toContain('Answer formats');
    });

    it('/topics lists the groups and topic ids privately', async () => {
      const rec = bot.fake.slash({ user: member('Ann'), where: where(), name: 'topics' });
      const msg = await answered(bot, rec);
      expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
      const names = embedsOf(msg)[0]!.fields!.map((f) => f.name.split(':')[0]);
      expect(names).toEqual(
        expect.arrayContaining(['mlp', 'cnn', 'rnn', 'transformer', 'gradients', 'concepts']),
      );
      expect(textOf(msg)).toContain('`conv-output-size`');
    });

    it('/quiz autocompletes topics and groups', async () => {
      const rec = bot.fake.autocomplete({
        user: member('Ann'),
        where: where(),
        name: 'quiz',
        option: 'topic',
        value: 'conv',
      });
      await bot.fake.waitFor(() => rec.callbacks[0], 'autocomplete choices');
      expect(rec.callbacks[0]!.type).toBe(8);
      const values = (rec.callbacks[0]!.data!.choices as { value: string }[]).map((c) => c.value);
      expect(values[0]).toBe('cnn');
      expect(values).toContain('conv-output-size');
      expect(values).toContain('conv-params');
    });

    it('/quiz posts a public question with buttons and records its message', async () => {
      const rec = bot.fake.slash({
        user: member('Ann'),
        where: bot.fake.inGuild(0, 1),
        name: 'quiz',
        options: { topic: 'cnn' },
      });
      const msg = await answered(bot, rec);
      expect(msg.flags & EPHEMERAL).toBe(0);
      expect(Object.keys(buttonsOf(msg))).toEqual(['Answer', 'Hint', 'Solution', 'New question']);
      const view = await bot.engine.getQuestion(questionIdOf(msg));
      expect(['conv-output-size', 'conv-params', 'depthwise-separable', 'concepts-cnn']).toContain(
        view!.topicId,
      );
      expect((embedsOf(msg)[0] as { footer?: { text: string } }).footer?.text).toContain(
        `seed ${view!.seed}`,
      );
      const found = await bot.engine.findQuestionByMessage({
        place: {
          scope: { platform: 'discord', scopeId: bot.fake.guild.id, kind: 'server' },
          channelId: bot.fake.inGuild(0, 1).channelId,
        },
        messageId: msg.id,
      });
      expect(found?.questionId).toBe(view!.questionId);
    });

    it('/quiz with an unknown topic explains privately and suggests one', async () => {
      const rec = bot.fake.slash({
        user: member('Ann'),
        where: where(),
        name: 'quiz',
        options: { topic: 'cnnn' },
      });
      const msg = await answered(bot, rec);
      expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(msg.content).toContain('I don\'t know that topic. Did you mean "cnn"');
    });

    it('/hint, /next and /solution act on the latest question in the channel', async () => {
      const ann = member('Ann');
      const channel = bot.fake.inGuild(0, 2);
      const quiz = await answered(
        bot,
        bot.fake.slash({ user: ann, where: channel, name: 'quiz', options: { topic: 'conv-output-size' } }),
      );
      const first = questionIdOf(quiz);

      const hint = await answered(bot, bot.fake.slash({ user: ann, where: channel, name: 'hint' }));
      expect(hint.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(embedsOf(hint)[0]!.title).toMatch(/^💡 Hint 1\/\d+: Convolution and pooling output sizes$/);

      const next = await answered(bot, bot.fake.slash({ user: ann, where: channel, name: 'next' }));
      expect(next.flags & EPHEMERAL).toBe(0);
      const second = questionIdOf(next);
      expect(second).not.toBe(first);
      expect((await bot.engine.getQuestion(second))!.topicId).toBe('conv-output-size');

      const solution = await answered(bot, bot.fake.slash({ user: ann, where: channel, name: 'solution' }));
      expect(solution.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(embedsOf(solution)[0]!.title).toBe('Worked solution: Convolution and pooling output sizes');
      expect(textOf(solution)).toContain('**Answers**');
    });

    it('/hint with no question in the channel says how to start one', async () => {
      const rec = bot.fake.slash({ user: member('Ann'), where: bot.fake.inGuild(1, 0), name: 'hint' });
      const msg = await answered(bot, rec);
      expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(msg.content).toBe(
        'There is no open question here. Start one with /quiz (for example /quiz cnn).',
      );
    });

    it('/stats shows my progress, or another member’s, privately', async () => {
      const ann = member('Ann', { nick: 'Annie' });
      const mine = await answered(bot, bot.fake.slash({ user: ann, where: where(), name: 'stats' }));
      expect(mine.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(embedsOf(mine)[0]!.title).toBe('📈 Progress: Annie');
      const bob = member('Bob');
      const theirs = await answered(
        bot,
        bot.fake.slash({ user: ann, where: where(), name: 'stats', options: { user: bob } }),
      );
      expect(embedsOf(theirs)[0]!.title).toBe('📈 Progress: Bob');
    });

    it('/leaderboard is public and honours the period', async () => {
      const week = await answered(
        bot,
        bot.fake.slash({ user: member('Ann'), where: where(), name: 'leaderboard' }),
      );
      expect(week.flags & EPHEMERAL).toBe(0);
      // Discord sends the server's name over the gateway only (GUILD_CREATE); an HTTP interaction carries its id.
      expect(embedsOf(week)[0]!.title).toBe(
        mode === 'gateway' ? '🏆 Leaderboard, this week: NTU SC4001' : '🏆 Leaderboard, this week',
      );
      const all = await answered(
        bot,
        bot.fake.slash({
          user: member('Ann'),
          where: where(),
          name: 'leaderboard',
          options: { period: 'all' },
        }),
      );
      expect(embedsOf(all)[0]!.title).toBe(
        mode === 'gateway' ? '🏆 Leaderboard, all time: NTU SC4001' : '🏆 Leaderboard, all time',
      );
    });

    it('/optout toggles leaderboard visibility', async () => {
      const ann = member('Ann');
      const off = await answered(bot, bot.fake.slash({ user: ann, where: where(), name: 'optout' }));
      expect(off.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(off.content).toContain('You are now hidden from leaderboards');
      expect(
        (await bot.engine.getProgress({ actor: { platform: 'discord', userId: ann.id, displayName: 'Ann' } }))
          .optedOut,
      ).toBe(true);
      const on = await answered(bot, bot.fake.slash({ user: ann, where: where(), name: 'optout' }));
      expect(on.content).toBe('You are visible on leaderboards again.');
    });

    it('/reset-leaderboard works for Manage Server and is refused otherwise', async () => {
      const denied = await answered(
        bot,
        bot.fake.slash({ user: member('Eve'), where: where(), name: 'reset-leaderboard' }),
      );
      expect(denied.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(denied.content).toBe('Only server admins (Manage Server) can do that.');

      const ok = await answered(
        bot,
        bot.fake.slash({ user: admin('Prof'), where: where(), name: 'reset-leaderboard' }),
      );
      expect(ok.flags & EPHEMERAL).toBe(0);
      expect(ok.content).toBe('The leaderboard of this server has been reset. Fresh start for everyone!');
    });

    it('an unknown command gets a friendly answer', async () => {
      const msg = await answered(bot, bot.fake.slash({ user: member('Ann'), where: where(), name: 'dance' }));
      expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(msg.content).toContain('/help');
    });
  });

  describe.each([
    ['the bot DM', (id: string) => ({ dmChannelId: id })],
    ['a private channel reached through a user install', (id: string) => ({ privateChannelId: id })],
  ] as const)('commands in %s (no server, no member, no permissions)', (_name, at) => {
    it('/quiz, /hint, /stats and /leaderboard work with the channel as the scope', async () => {
      const channelId = snowflake();
      const dm = at(channelId);
      const ann = member('Ann');
      const quiz = await answered(
        bot,
        bot.fake.slash({ user: ann, where: dm, name: 'quiz', options: { topic: 'rnn-forward' } }),
      );
      expect(quiz.flags & EPHEMERAL).toBe(0);
      expect(embedsOf(quiz)[0]!.title).toContain('RNN');
      const hint = await answered(bot, bot.fake.slash({ user: ann, where: dm, name: 'hint' }));
      expect(embedsOf(hint)[0]!.title).toMatch(/^💡 Hint 1\//);
      const board = await answered(bot, bot.fake.slash({ user: ann, where: dm, name: 'leaderboard' }));
      expect(embedsOf(board)[0]!.title).toBe('🏆 Leaderboard, this week');
      const found = await bot.engine.findQuestionByMessage({
        place: {
          scope: { platform: 'discord', scopeId: channelId, kind: 'private' },
          channelId,
        },
        messageId: quiz.id,
      });
      expect(found?.questionId).toBe(questionIdOf(quiz));

      // Buttons and modals work in the DM too.
      const click = bot.fake.click({
        user: ann,
        where: dm,
        message: quiz,
        customId: buttonsOf(quiz).Answer!,
      });
      await bot.settled(click);
      const modal = click.callbacks[0]!.data!;
      const submit = bot.fake.submitModal({
        user: ann,
        where: dm,
        customId: modal.custom_id as string,
        values: fieldsFor(await rightAnswers(bot.engine, questionIdOf(quiz))),
      });
      const feedback = await answered(bot, submit);
      expect(feedback.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(embedsOf(feedback)[0]!.title).toMatch(/^✅ Solved/);
      const after = await answered(bot, bot.fake.slash({ user: ann, where: dm, name: 'leaderboard' }));
      expect(textOf(after)).toMatch(/🥇 Ann: [1-9]\d* pts \(1 solved\)/);
      const stats = await answered(bot, bot.fake.slash({ user: ann, where: dm, name: 'stats' }));
      expect(stats.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(textOf(stats)).toContain('Ann');
    });

    it('/reset-leaderboard explains it is for servers', async () => {
      const msg = await answered(
        bot,
        bot.fake.slash({
          user: admin('Prof'),
          where: at(snowflake()),
          name: 'reset-leaderboard',
        }),
      );
      expect(msg.content).toBe('The leaderboard can only be reset inside a server.');
    });
  });
});
