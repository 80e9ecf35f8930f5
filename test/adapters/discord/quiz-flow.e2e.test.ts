/**
 * The quiz flow through buttons and modals on the real discord.js client, the real engine and a temporary SQLite
 * database, which is checked afterwards with SQL.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type FakeMessage, type FakeUser } from './fake-discord.js';
import {
  answered,
  buttonsOf,
  callsWithMentionsEnabled,
  embedsOf,
  EPHEMERAL,
  expectEveryPostAccepted,
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

let bot: Bot;

interface AttemptRow {
  part_id: string;
  try_no: number;
  status: string;
  answer: string;
}

function attemptsOf(questionId: string, user: FakeUser): AttemptRow[] {
  return bot.sql<AttemptRow>(
    `SELECT a.part_id, a.try_no, a.status, a.answer FROM attempts a JOIN users u ON u.id = a.user_id
     WHERE a.question_id = ? AND u.platform_user_id = ? ORDER BY a.id`,
    Number(questionId),
    user.id,
  );
}

async function postQuiz(user: FakeUser, topic: string, where = bot.fake.inGuild(0, 0)): Promise<FakeMessage> {
  return answered(bot, bot.fake.slash({ user, where, name: 'quiz', options: { topic } }));
}

/** Clicks a button and returns the modal the bot opened (custom id and part ids of its fields). */
async function openModal(
  user: FakeUser,
  message: FakeMessage,
  label: string,
  where = bot.fake.inGuild(0, 0),
) {
  const customId = buttonsOf(message)[label];
  if (!customId) throw new Error(`no button "${label}" in ${JSON.stringify(buttonsOf(message))}`);
  const rec = bot.fake.click({ user, where, message, customId });
  await bot.settled(rec);
  expect(rec.callbacks.map((c) => c.type)).toEqual([9]);
  const modal = rec.callbacks[0]!.data!;
  return {
    customId: modal.custom_id as string,
    parts: FakeDiscord.modalFields(rec).map((f) => f.customId.replace(/^part:/, '')),
    required: FakeDiscord.modalFields(rec).map((f) => f.required),
  };
}

describe.each(MODES)('%s mode', (mode) => {
  beforeAll(async () => {
    bot = await startBot({ db: 'sqlite', mode });
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

  describe('button, modal and submit', () => {
    it('answers a question part by part, with private feedback and a public celebration, recorded in SQLite', async () => {
      const alice = member('Alice');
      const question = await postQuiz(alice, 'conv-output-size');
      const qid = questionIdOf(question);
      expect(
        bot.sql<{ message_id: string }>('SELECT message_id FROM questions WHERE id = ?', Number(qid)),
      ).toEqual([{ message_id: question.id }]);
      const right = await rightAnswers(bot.engine, qid);
      const partIds = Object.keys(right);
      const [first, ...others] = partIds as [string, ...string[]];

      // Answer opens a modal straight away (no defer before it), one optional field per part.
      const modal = await openModal(alice, question, 'Answer');
      expect(modal.parts).toEqual(partIds);
      expect(modal.required.every((r) => !r)).toBe(true);

      // A wrong first part: private feedback, a try used, a button for the rest.
      const wrong = String(Number(right[first]) + 1);
      const rec1 = bot.fake.submitModal({
        user: alice,
        where: bot.fake.inGuild(),
        customId: modal.customId,
        values: fieldsFor({ [first]: wrong }),
      });
      const feedback1 = await answered(bot, rec1);
      expect(feedback1.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(textOf(feedback1)).toContain('Not quite.');
      expect(textOf(feedback1)).toContain('2 tries left.');
      expect(rec1.followUps).toEqual([]);
      expect(attemptsOf(qid, alice)).toEqual([{ part_id: first, try_no: 1, status: 'wrong', answer: wrong }]);

      // The feedback's button opens a modal with this student's open parts.
      const again = await openModal(alice, feedback1, 'Answer the remaining parts');
      expect(again.parts).toEqual(partIds);
      const rec2 = bot.fake.submitModal({
        user: alice,
        where: bot.fake.inGuild(),
        customId: again.customId,
        values: fieldsFor(right),
      });
      await bot.settled(rec2);
      const feedback2 = rec2.original!;
      expect(feedback2.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(embedsOf(feedback2)[0]!.title).toBe('✅ Solved: Convolution and pooling output sizes');
      // The worked solution comes in the same private message; one public line follows.
      expect(embedsOf(feedback2)[1]!.title).toBe('Worked solution: Convolution and pooling output sizes');
      const line = await publicLine(bot, rec2);
      expect(rec2.followUps.map((m) => m.flags & EPHEMERAL)).toEqual([0]);
      expect(line.content).toMatch(
        /^🎉 \*\*Alice\*\* solved "Convolution and pooling output sizes" \(\+\d+ points?\)$/,
      );

      expect(attemptsOf(qid, alice)).toEqual([
        { part_id: first, try_no: 1, status: 'wrong', answer: wrong },
        { part_id: first, try_no: 2, status: 'correct', answer: right[first] },
        ...others.map((id) => ({ part_id: id, try_no: 1, status: 'correct', answer: right[id] })),
      ]);
      const score = bot.sql<{ points: number }>(
        `SELECT SUM(s.points) AS points FROM scores s JOIN users u ON u.id = s.user_id WHERE u.platform_user_id = ?`,
        alice.id,
      );
      expect(score[0]!.points).toBeGreaterThan(0);

      // Nothing left to answer: the Answer button says so instead of opening a modal.
      const done = bot.fake.click({
        user: alice,
        where: bot.fake.inGuild(),
        message: question,
        customId: buttonsOf(question).Answer!,
      });
      const msg = await answered(bot, done);
      expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(msg.content).toBe('You have already solved this one. Try /next for a fresh question.');
    });

    it('lets two students answer one question, each with their own feedback and record', async () => {
      const [ana, ben] = [member('Ana'), member('Ben')];
      const where = bot.fake.inGuild(0, 1);
      const question = await postQuiz(ana, 'conv-params', where);
      const qid = questionIdOf(question);
      const right = await rightAnswers(bot.engine, qid);
      const firstId = Object.keys(right)[0]!;

      const modalA = await openModal(ana, question, 'Answer', where);
      const modalB = await openModal(ben, question, 'Answer', where);
      // Both submit at the same time: Ana everything right, Ben one wrong part.
      const recA = bot.fake.submitModal({
        user: ana,
        where,
        customId: modalA.customId,
        values: fieldsFor(right),
      });
      const recB = bot.fake.submitModal({
        user: ben,
        where,
        customId: modalB.customId,
        values: fieldsFor({ [firstId]: '1' + right[firstId] }),
      });
      await Promise.all([bot.settled(recA), bot.settled(recB)]);

      expect(embedsOf(recA.original)[0]!.title).toMatch(/^✅ Solved/);
      expect(embedsOf(recB.original)[0]!.title).toMatch(/^Answer checked/);
      expect(recA.original!.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(recB.original!.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect((await publicLine(bot, recA)).content).toContain('**Ana** solved');
      expect(recB.followUps).toEqual([]);
      expect(attemptsOf(qid, ana).every((a) => a.status === 'correct')).toBe(true);
      expect(attemptsOf(qid, ana)).toHaveLength(Object.keys(right).length);
      expect(attemptsOf(qid, ben)).toEqual([
        { part_id: firstId, try_no: 1, status: 'wrong', answer: '1' + right[firstId] },
      ]);

      // Ben's modal now only offers his open parts: all of them (a wrong part keeps its remaining tries).
      const modalB2 = await openModal(ben, question, 'Answer', where);
      expect(modalB2.parts).toEqual(Object.keys(right));
    });

    it('splits a nine-part question over two modals and takes the parts page by page', async () => {
      const cho = member('Cho');
      const where = bot.fake.inGuild(0, 2);
      const question = await postQuiz(cho, 'depthwise-separable', where);
      const qid = questionIdOf(question);
      const right = await rightAnswers(bot.engine, qid);
      const ids = Object.keys(right);
      expect(ids).toHaveLength(9);
      expect(Object.keys(buttonsOf(question))).toEqual([
        'Answer parts 1-5',
        'Answer parts 6-9',
        'Hint',
        'Solution',
        'New question',
      ]);

      const page1 = await openModal(cho, question, 'Answer parts 1-5', where);
      expect(page1.parts).toEqual(ids.slice(0, 5));
      const rec1 = bot.fake.submitModal({
        user: cho,
        where,
        customId: page1.customId,
        values: fieldsFor(Object.fromEntries(ids.slice(0, 5).map((id) => [id, right[id]!]))),
      });
      const feedback = await answered(bot, rec1);
      // Only parts 6-9 remain: the follow-up button opens exactly those.
      const page2 = await openModal(cho, feedback, 'Answer the remaining parts', where);
      expect(page2.parts).toEqual(ids.slice(5));
      const rec2 = bot.fake.submitModal({
        user: cho,
        where,
        customId: page2.customId,
        values: fieldsFor(Object.fromEntries(ids.slice(5).map((id) => [id, right[id]!]))),
      });
      await bot.settled(rec2);
      expect(embedsOf(rec2.original)[0]!.title).toMatch(/^✅ Solved/);
      expect(attemptsOf(qid, cho).map((a) => a.part_id)).toEqual(ids);

      // The first page is done: its button says so.
      const rec3 = bot.fake.click({
        user: cho,
        where,
        message: question,
        customId: buttonsOf(question)['Answer parts 1-5']!,
      });
      expect((await answered(bot, rec3)).content).toBe(
        'You have already solved this one. Try /next for a fresh question.',
      );
    });

    it('Hint, Solution and New question buttons answer the student who clicked', async () => {
      const [dee, eli] = [member('Dee'), member('Eli')];
      const where = bot.fake.inGuild(1, 0);
      const question = await postQuiz(dee, 'rnn-forward', where);
      const qid = questionIdOf(question);

      const hint = await answered(
        bot,
        bot.fake.click({ user: eli, where, message: question, customId: buttonsOf(question).Hint! }),
      );
      expect(hint.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(embedsOf(hint)[0]!.title).toMatch(/^💡 Hint 1\/\d+: /);
      expect(
        bot.sql<{ hints_used: number }>(
          'SELECT uq.hints_used FROM user_questions uq JOIN users u ON u.id = uq.user_id WHERE uq.question_id = ? AND u.platform_user_id = ?',
          Number(qid),
          eli.id,
        ),
      ).toEqual([{ hints_used: 1 }]);

      const solution = await answered(
        bot,
        bot.fake.click({ user: eli, where, message: question, customId: buttonsOf(question).Solution! }),
      );
      expect(solution.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(textOf(solution)).toContain('**Answers**');

      // Solving after seeing the solution earns nothing and is not celebrated in public.
      const modal = await openModal(eli, question, 'Answer', where);
      const late = bot.fake.submitModal({
        user: eli,
        where,
        customId: modal.customId,
        values: fieldsFor(await rightAnswers(bot.engine, qid)),
      });
      await bot.settled(late);
      expect(embedsOf(late.original)[0]!.title).toMatch(/^✅ Solved/);
      expect(textOf(late.original)).not.toContain('points**');

      const next = await answered(
        bot,
        bot.fake.click({
          user: eli,
          where,
          message: question,
          customId: buttonsOf(question)['New question']!,
        }),
      );
      // By now a celebration (sent 0 ms after the solve in these tests) would have been posted.
      expect(late.followUps).toEqual([]);
      expect(next.flags & EPHEMERAL).toBe(0);
      const nextId = questionIdOf(next);
      expect(nextId).not.toBe(qid);
      expect(
        bot.sql<{ topic_id: string; message_id: string }>(
          'SELECT topic_id, message_id FROM questions WHERE id = ?',
          Number(nextId),
        ),
      ).toEqual([{ topic_id: 'rnn-forward', message_id: next.id }]);
    });
  });
});
