import { describe, expect, it } from 'vitest';
import { actor, GROUP, harness, PLACE, value } from './support/harness.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { TEST_TOPICS, testCatalog, xOf } from './support/test-catalog.js';

describe('startQuiz', () => {
  it('posts a question rebuilt from topic + seed, with parts, hint count and tries', async () => {
    const h = harness();
    const q = value(
      await h.engine.startQuiz({ actor: actor('a'), place: PLACE, selector: 'two-part', event: h.event() }),
    );
    expect(q).toMatchObject({
      topicId: 'two-part',
      title: 'Two parts',
      difficulty: 2,
      hintCount: 2,
      maxTries: 3,
    });
    expect(q.parts).toEqual([
      { id: 'a', letter: 'a', name: 'x²', kind: 'number' },
      { id: 'b', letter: 'b', name: 'the vector', kind: 'vector' },
    ]);
    expect(q.question.text).toBe(`Let x = ${xOf(q.seed)}.`);
    expect(await h.engine.getQuestion(q.questionId)).toEqual(q);
  });

  it('resolves groups and "any", and suggests selectors for an unknown one', async () => {
    const h = harness();
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const q = value(
        await h.engine.startQuiz({ actor: actor('a'), place: PLACE, selector: 'cnn', event: h.event() }),
      );
      seen.add(q.topicId);
    }
    expect([...seen].sort()).toEqual(['hard', 'matrix']);
    const any = new Set<string>();
    for (let i = 0; i < 60; i++) {
      any.add(value(await h.engine.startQuiz({ actor: actor('a'), place: PLACE, event: h.event() })).topicId);
    }
    expect([...any].sort()).toEqual(TEST_TOPICS.map((t) => t.id).sort());
    expect(
      await h.engine.startQuiz({ actor: actor('a'), place: PLACE, selector: 'tw', event: h.event() }),
    ).toEqual({ ok: false, error: 'unknown-topic', detail: { suggestions: ['two-part'] } });
  });

  it('is idempotent per platform event: the same event gives the same question', async () => {
    const h = harness();
    const start = () =>
      h.engine.startQuiz({
        actor: actor('a'),
        place: PLACE,
        selector: 'mlp',
        event: { eventId: 'update-7' },
      });
    const first = value(await start());
    const again = value(await start());
    // The same question, flagged so that an adapter does not post it a second time.
    expect(again).toEqual({ ...first, duplicate: true });
    const other = value(
      await h.engine.startQuiz({
        actor: actor('a'),
        place: PLACE,
        selector: 'mlp',
        event: { eventId: 'update-8' },
      }),
    );
    expect(other.questionId).not.toBe(first.questionId);
  });

  it('records the message that shows a question, for reply matching', async () => {
    const h = harness();
    const q = await h.quiz(actor('a'), 'hard');
    await h.engine.attachMessage({ questionId: q.questionId, messageId: 'msg-1' });
    expect((await h.engine.findQuestionByMessage({ place: PLACE, messageId: 'msg-1' }))?.questionId).toBe(
      q.questionId,
    );
    const otherScope = { scope: { ...GROUP, scopeId: 'g2' }, channelId: 'g2' };
    expect(await h.engine.findQuestionByMessage({ place: otherScope, messageId: 'msg-1' })).toBeUndefined();
    await expect(h.engine.attachMessage({ questionId: 'nope', messageId: 'x' })).rejects.toThrow(RangeError);
  });

  it('lists non-empty groups with their topics', () => {
    const h = harness();
    const list = h.engine.listTopics();
    expect(list.groups.map((g) => [g.id, g.topics.map((t) => t.id)])).toEqual([
      ['mlp', ['two-part', 'third']],
      ['gradients', ['third']],
      ['cnn', ['hard', 'matrix']],
    ]);
  });
});

describe('nextQuestion', () => {
  it('posts the same topic with fresh numbers, which becomes the open question', async () => {
    const h = harness();
    const a = actor('a');
    const first = await h.quiz(a, 'third');
    const next = value(await h.engine.nextQuestion({ actor: a, place: PLACE, event: h.event() }));
    expect(next.topicId).toBe('third');
    expect(next.questionId).not.toBe(first.questionId);
    expect(next.seed).not.toBe(first.seed);
    const r = value(await h.answer(a, (xOf(next.seed) + 1 / 3).toFixed(2)));
    expect(r.question.questionId).toBe(next.questionId);
    // From an explicit (older) question id too, and idempotent per event.
    const byId = () =>
      h.engine.nextQuestion({
        actor: a,
        place: PLACE,
        questionId: first.questionId,
        event: { eventId: 'btn-1' },
      });
    const n1 = value(await byId());
    expect(n1.topicId).toBe('third');
    expect(value(await byId()).questionId).toBe(n1.questionId);
  });

  it('never repeats the seed even when the entropy source does', async () => {
    const h = harness();
    const engine = createEngine({ store: h.store, random: () => 0.5, catalog: testCatalog });
    const q = value(
      await engine.startQuiz({ actor: actor('a'), place: PLACE, selector: 'hard', event: h.event() }),
    );
    const n = value(await engine.nextQuestion({ actor: actor('a'), place: PLACE, event: h.event() }));
    expect(n.seed).not.toBe(q.seed);
  });

  it('needs a question to follow', async () => {
    const h = harness();
    expect(await h.engine.nextQuestion({ actor: actor('a'), place: PLACE, event: h.event() })).toMatchObject({
      ok: false,
      error: 'no-active-question',
    });
  });
});

describe('getPartStates', () => {
  it('reports the student own state per part without changing anything', async () => {
    const h = harness();
    const a = actor('a');
    const { seed } = await h.quiz(a, 'two-part');
    value(await h.answer(a, String(xOf(seed) ** 2)));
    const states = value(await h.engine.getPartStates!({ actor: a, place: PLACE }));
    expect(states.parts.map((p) => [p.id, p.status, p.triesLeft])).toEqual([
      ['a', 'solved', 0],
      ['b', 'open', 3],
    ]);
    const other = value(await h.engine.getPartStates!({ actor: actor('b'), place: PLACE }));
    expect(other.parts.every((p) => p.status === 'open' && p.triesLeft === 3)).toBe(true);
  });
});
