/**
 * The metrics decorator around the real engine on the memory store: answers counted by outcome and timed, the
 * engine's results passed through unchanged.
 */
import { describe, expect, it } from 'vitest';
import { buildQuestion, findTopic } from '../../src/core/topics/index.js';
import { formatExpected } from '../../src/core/answers/index.js';
import type { Actor, Place } from '../../src/engine/api.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { instrumentEngine } from '../../src/ops/instrumented-engine.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { createStore } from '../../src/store/create-store.js';
import { sample } from './prometheus.js';

describe('instrumentEngine', () => {
  it('counts answers by platform and outcome and times each one', async () => {
    const store = await createStore({ databaseUrl: 'memory:' });
    const metrics = createMetrics({ processMetrics: false });
    const engine = instrumentEngine(createEngine({ store }), metrics);
    const actor: Actor = { platform: 'discord', userId: 'u1', displayName: 'Ann' };
    const place: Place = { scope: { platform: 'discord', scopeId: 'g1', kind: 'server' }, channelId: 'c1' };
    const started = await engine.startQuiz({
      actor,
      place,
      selector: 'conv-params',
      event: { eventId: 'e1' },
    });
    if (!started.ok) throw new Error(started.error);
    const q = started.value;
    const parts = buildQuestion(findTopic(q.topicId)!, q.seed).parts;
    const first = parts[0]!;
    const submit = (eventId: string, text: string) =>
      engine.submitAnswer({
        actor,
        place,
        questionId: q.questionId,
        answer: { parts: { [first.id]: text } },
        event: { eventId },
      });

    const wrong = await submit('e2', '-123456789');
    expect(wrong.ok && wrong.value.grades[0]?.status).toBe('wrong');
    await submit('e3', 'not a number at all');
    const right = await submit('e4', formatExpected(first.expected, { exact: true }));
    expect(right.ok && right.value.grades[0]?.status).toBe('correct');
    await submit('e4', formatExpected(first.expected, { exact: true }));
    await engine.submitAnswer({
      actor,
      place,
      questionId: '999999',
      answer: { parts: { a: '1' } },
      event: { eventId: 'e5' },
    });

    const text = await metrics.registry.metrics();
    const answers = (outcome: string) =>
      sample(text, `studybot_answers_total{platform="discord",outcome="${outcome}"}`);
    expect(answers('wrong')).toBe(1);
    expect(answers('unreadable')).toBe(1);
    expect(answers('correct')).toBe(1);
    expect(answers('duplicate')).toBe(1);
    expect(answers('refused')).toBe(1);
    expect(sample(text, 'studybot_answer_duration_seconds_count{platform="discord"}')).toBe(5);
    expect(sample(text, 'studybot_answer_duration_seconds_bucket{le="+Inf",platform="discord"}')).toBe(5);
    await store.close();
  });
});
