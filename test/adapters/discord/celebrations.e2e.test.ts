/**
 * Solves of one question that arrive together are celebrated in ONE public line (src/adapters/discord/celebrations.ts),
 * posted through the first solver's interaction once the window closes; each solver still gets their own private
 * feedback at once. Real discord.js against the fake Discord, with a 2 s window (wide, so that a slow machine still gets the five solves into one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modalId } from '../../../src/adapters/discord/custom-ids.js';
import {
  answered,
  callsWithMentionsEnabled,
  embedsOf,
  EPHEMERAL,
  fieldsFor,
  member,
  publicLine,
  questionIdOf,
  rightAnswers,
  startBot,
  type Bot,
} from './harness.js';

let bot: Bot;
beforeAll(async () => {
  bot = await startBot({ db: 'sqlite', celebrationWindowMs: 2000 });
});
afterAll(async () => {
  await bot?.stop();
});

describe('celebrating solves on Discord', () => {
  it('names every student who solved a question within the window in one line, sent once', async () => {
    const students = ['Ana', 'Ben', 'Cy', 'Dee', 'Eve'].map((name) => member(name));
    const where = bot.fake.inGuild(0, 2);
    const question = await answered(
      bot,
      bot.fake.slash({ user: students[0]!, where, name: 'quiz', options: { topic: 'conv-params' } }),
    );
    const qid = questionIdOf(question);
    const values = fieldsFor(await rightAnswers(bot.engine, qid));
    const recs = students.map((user) =>
      bot.fake.submitModal({ user, where, customId: modalId(qid, 0), values }),
    );
    await Promise.all(recs.map((rec) => bot.settled(rec)));
    // Everyone's private feedback came at once, without waiting for the window.
    for (const rec of recs) {
      expect(rec.original!.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(embedsOf(rec.original)[0]!.title).toMatch(/^✅ Solved/);
    }

    const line = await publicLine(bot, recs[0]!);
    expect(line.content).toMatch(
      /^🎉 \*\*Ana\*\* \(\+\d+\), \*\*Ben\*\* \(\+\d+\), \*\*Cy\*\* \(\+\d+\) and 2 others solved "Parameters of convolution and fully connected layers"$/,
    );
    expect(line.allowed_mentions).toEqual({ parse: [] });
    // One request for the five solves: the other interactions post nothing public.
    expect(recs.slice(1).flatMap((rec) => rec.followUps)).toEqual([]);

    // A later solve of the same question opens a new window: its own line, through its own interaction.
    const late = member('Fay');
    const recLate = bot.fake.submitModal({ user: late, where, customId: modalId(qid, 0), values });
    expect((await publicLine(bot, recLate)).content).toMatch(
      /^🎉 \*\*Fay\*\* solved "Parameters of convolution and fully connected layers" \(\+\d+ points?\)$/,
    );
    expect(callsWithMentionsEnabled(bot.fake)).toEqual([]);
    expect(bot.logs.filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
  });
});
