/**
 * Part letters and follow-through through the engine, on real topics: a solved part re-sent is reported as
 * solved (never graded as another part); a line with solved and open parts grades the open ones; a later part
 * that follows from the student's own (wrong) earlier answer, recorded in an earlier message, earns the marks.
 */
import { describe, expect, it } from 'vitest';
import { carryOf, formatExpected, roundVector } from '../../src/core/answers/index.js';
import { buildQuestion, findTopic, TOPICS } from '../../src/core/topics/index.js';
import { registryCatalog } from '../../src/engine/default-catalog.js';
import { actor, harness, PLACE, value } from './support/harness.js';

function shown(topicId: string, seed: number): string[] {
  const topic = findTopic(topicId);
  if (!topic) throw new Error(topicId);
  return buildQuestion(topic, seed).parts.map((p) => formatExpected(p.expected));
}

describe('part letters through the engine', () => {
  it('reports a re-sent solved part as solved, and grades the open parts of a mixed line', async () => {
    const h = harness({ catalog: registryCatalog });
    const ana = actor('ana');
    const { seed } = await h.quiz(ana, 'mlp-forward');
    const values = shown('mlp-forward', seed);
    const first = value(await h.answer(ana, `a) ${values[0] ?? ''}`));
    expect(first.grades.map((g) => g.status)).toEqual(['correct']);

    const again = await h.answer(ana, `a) ${values[0] ?? ''}`);
    expect(again).toMatchObject({ ok: false, error: 'already-solved', detail: { letters: ['a'] } });

    const mixed = value(await h.answer(ana, `a) ${values[0] ?? ''}\nb) ${values[1] ?? ''}`));
    expect(mixed.grades.map((g) => [g.partId, g.status])).toEqual([[mixed.parts[1]?.id, 'correct']]);
    expect(mixed.settled.map((p) => [p.letter, p.status])).toEqual([['a', 'solved']]);
  });

  it('shows every part by letter and name, never by internal id', async () => {
    const h = harness({ catalog: registryCatalog });
    for (const topic of TOPICS) {
      const { seed } = await h.quiz(actor(`s-${topic.id}`), topic.id);
      const view = buildQuestion(topic, seed);
      const started = value(await h.engine.getPartStates!({ actor: actor(`s-${topic.id}`), place: PLACE }));
      expect(started.parts.map((p) => p.letter)).toEqual(
        view.parts.map((_, i) => String.fromCharCode(97 + i)),
      );
    }
  });
});

describe('follow-through through the engine', () => {
  it('credits a later part that follows from the student wrong earlier answer, in a later message', async () => {
    const h = harness({ catalog: registryCatalog });
    const ben = actor('ben');
    let credited = 0;
    for (let round = 0; round < 20; round++) {
      const { seed } = await h.quiz(ben, 'mlp-forward');
      const topic = findTopic('mlp-forward');
      if (!topic) throw new Error('mlp-forward');
      const q = buildQuestion(topic, seed);
      // a) h₁ and b) h₂: both vectors; h₂ = tanh(W₂ᵀ h₁ + b₂) follows from h₁.
      const [h1, h2] = q.parts;
      if (!h1 || !h2 || h1.expected.kind !== 'vector' || h2.expected.kind !== 'vector' || !q.route) {
        throw new Error('mlp-forward starts with two hidden-layer vectors');
      }
      // A wrong h₁ (every entry 0.1 too large), typed at 2 dp.
      const wrongH = roundVector(
        h1.expected.value.map((x) => x + 0.1),
        h1.expected.dp ?? 2,
      );
      const r1 = value(await h.answer(ben, `a) ${formatExpected({ ...h1.expected, value: wrongH })}`));
      expect(r1.grades[0]?.status).toBe('wrong');
      // u₂ computed from that wrong h₁, as the student would.
      const route = q.route(carryOf({ parts: q.parts, given: new Map([[h1.id, wrongH]]), rounded: false }));
      const h2FromWrong = route[h2.id];
      if (!Array.isArray(h2FromWrong) || !h2FromWrong.every((x) => typeof x === 'number')) continue;
      const typed = formatExpected({
        ...h2.expected,
        value: h2FromWrong.filter((x) => typeof x === 'number'),
      });
      // A route that lands on the right answer anyway teaches nothing here.
      if (typed === formatExpected(h2.expected)) continue;
      const r2 = value(await h.answer(ben, `b) ${typed}`));
      expect(r2.grades[0]).toMatchObject({ status: 'correct', followThrough: { from: [h1.id] } });
      credited++;
    }
    expect(credited).toBeGreaterThan(10);
  });
});
