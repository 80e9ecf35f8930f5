/**
 * Follow-through marking (issue #8, item 3), 1,000 seeds of every topic with a route: the properties are in
 * follow-through-properties.ts; the question-2 network topics run in dense/follow-through.test.ts (a second
 * worker), the others here.
 */
import { expect, it } from 'vitest';
import { describeFollowThrough, NETWORK_TOPICS, ROUTED_TOPICS } from './follow-through-properties.js';
import { STUDENTS } from './follow-through-students.js';

const HERE = [
  'dense-params',
  'linear-neuron-gradients',
  'l2-gradients',
  'activation-derivatives',
  'conv-output-size',
  'depthwise-separable',
  'rnn-forward',
  'positional-encoding',
  'tensor-shapes',
];

it('covers every topic with a route, each with a student model', () => {
  const ids = ROUTED_TOPICS.map((t) => t.id).sort();
  expect([...HERE, ...NETWORK_TOPICS].sort()).toEqual(ids);
  expect(Object.keys(STUDENTS).sort()).toEqual(ids);
});

for (const id of HERE) describeFollowThrough(id);
