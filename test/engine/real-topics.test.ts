/**
 * The engine with the real topic registry: every topic can be started, answered in one labelled message the way
 * the terminal shows the parts ("a) ..." for labels written "(a) ...", otherwise the part id), and solved at the
 * first try for the scoring rule's points.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { TOPICS } from '../../src/core/topics/index.js';
import type { Place } from '../../src/engine/api.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { formatExpected, partLetter } from '../../src/core/answers/index.js';

const place: Place = {
  scope: { platform: 'console', scopeId: 'local', kind: 'private' },
  channelId: 'local',
};

describe('engine with the real topic registry', () => {
  it('has topics registered', () => {
    expect(TOPICS.length).toBeGreaterThan(5);
  });

  it.each(TOPICS.map((t) => [t.id]))(
    '%s: solved in one labelled message at the first try',
    async (topicId) => {
      const rng = createRng(99);
      const engine = createEngine({ store: createMemoryStore(), random: () => rng.next() });
      for (let round = 0; round < 5; round++) {
        const actor = { platform: 'console' as const, userId: `u${round}`, displayName: 'U' };
        const started = await engine.startQuiz({
          actor,
          place,
          selector: topicId,
          event: { eventId: `q${round}` },
        });
        if (!started.ok) throw new Error(started.error);
        const solution = await engine.revealSolution({
          actor: { ...actor, userId: 'peek' },
          place,
          public: false,
          event: { eventId: `s${round}` },
        });
        if (!solution.ok) throw new Error(solution.error);
        const text = solution.value.answers
          .map((p, i) => `${partLetter(i)}) ${formatExpected(p.expected, { exact: true })}`)
          .join('\n');
        const r = await engine.submitAnswer({
          actor,
          place,
          answer: { text },
          event: { eventId: `a${round}` },
        });
        if (!r.ok) throw new Error(`${r.error} for ${JSON.stringify(text)}`);
        const wrong = r.value.grades.filter((g) => g.status !== 'correct');
        expect(wrong, text).toEqual([]);
        expect(r.value.solved).toBe(true);
        const parts = started.value.parts.length;
        expect(r.value.pointsAwarded).toBe(parts * 2 * started.value.difficulty);
      }
    },
  );
});
