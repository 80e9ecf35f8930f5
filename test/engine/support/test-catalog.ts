/**
 * A small, fully known catalog for engine tests: answers are simple functions of one drawn integer, so tests can
 * compute them from the seed through the same Rng the topics use.
 */
import { createRng } from '../../../src/core/rng.js';
import type { GroupInfo } from '../../../src/core/topics/groups.js';
import type { Selection } from '../../../src/core/topics/index.js';
import type { Topic } from '../../../src/core/types.js';
import type { Catalog } from '../../../src/engine/deps.js';

interface P {
  readonly x: number;
}

const gen = (rng: { int(a: number, b: number): number }): P => ({ x: rng.int(2, 9) });
const parse = (input: unknown): P => input as P;

/** Two parts: (a) x² as an integer, (b) the vector [x/4, -x/8] to 2 dp. Difficulty 2, three steps (two hints). */
export const twoPart: Topic<P> = {
  id: 'two-part',
  title: 'Two parts',
  summary: 'a square and a vector',
  groups: ['mlp'],
  difficulty: 2,
  generate: gen,
  parseParams: parse,
  question: ({ x }) => ({
    text: `Let x = ${x}.`,
    givens: [{ name: 'x', value: x }],
    parts: [
      { id: 'a', prompt: 'x squared' },
      { id: 'b', prompt: 'the vector [x/4, -x/8]' },
    ],
  }),
  solve: ({ x }) => [
    { id: 'a', name: 'x²', expected: { kind: 'number', value: x * x, integer: true } },
    { id: 'b', name: 'the vector', expected: { kind: 'vector', value: [x / 4, -x / 8], dp: 2 } },
  ],
  explain: ({ x }) => [
    { title: 'Square', formula: 'x²', substitution: `${x}²`, result: { name: 'a', value: x * x }, part: 'a' },
    { title: 'Divide', formula: 'x/4', substitution: `${x}/4`, result: { name: 'x/4', value: x / 4 } },
    { title: 'Vector', result: { name: 'b', value: [x / 4, -x / 8] }, part: 'b' },
  ],
};

/** One part: x + 1/3 to 2 dp (never a whole number, so "4.3" is too coarse). Difficulty 1, two steps (one hint). */
export const third: Topic<P> = {
  id: 'third',
  title: 'A third',
  summary: 'divide by three',
  groups: ['mlp', 'gradients'],
  difficulty: 1,
  generate: gen,
  parseParams: parse,
  question: ({ x }) => ({ text: `x = ${x}`, givens: [], parts: [{ id: 'a', prompt: 'x + 1/3 to 2 dp' }] }),
  solve: ({ x }) => [{ id: 'a', name: 'x + 1/3', expected: { kind: 'number', value: x + 1 / 3, dp: 2 } }],
  explain: ({ x }) => [
    { title: 'Formula', formula: 'x + 1/3' },
    { title: 'Result', substitution: `${x} + 1/3`, result: { name: 'x + 1/3', value: x + 1 / 3 }, part: 'a' },
  ],
};

/** One integer part 10x, difficulty 3, a single step (no hints). */
export const hard: Topic<P> = {
  id: 'hard',
  title: 'Hard',
  summary: 'ten times',
  groups: ['cnn'],
  difficulty: 3,
  generate: gen,
  parseParams: parse,
  question: ({ x }) => ({ text: `x = ${x}`, givens: [], parts: [{ id: 'a', prompt: '10x' }] }),
  solve: ({ x }) => [{ id: 'a', name: '10x', expected: { kind: 'number', value: 10 * x, integer: true } }],
  explain: ({ x }) => [{ title: 'Multiply', result: { name: '10x', value: 10 * x }, part: 'a' }],
};

/** One 2x2 integer matrix part [[x, 1], [2, x]] (partial credit per cell). Difficulty 2. */
export const matrix: Topic<P> = {
  id: 'matrix',
  title: 'Matrix',
  summary: 'a 2x2 matrix',
  groups: ['cnn'],
  difficulty: 2,
  generate: gen,
  parseParams: parse,
  question: ({ x }) => ({ text: `x = ${x}`, givens: [], parts: [{ id: 'm', prompt: 'the matrix' }] }),
  solve: ({ x }) => [
    {
      id: 'm',
      name: 'M',
      expected: {
        kind: 'matrix',
        value: [
          [x, 1],
          [2, x],
        ],
        integer: true,
      },
    },
  ],
  explain: ({ x }) => [
    { title: 'Fill in', formula: 'M = [[x, 1], [2, x]]' },
    {
      title: 'Matrix',
      result: {
        name: 'M',
        value: [
          [x, 1],
          [2, x],
        ],
      },
      part: 'm',
    },
  ],
};

export const TEST_TOPICS = [twoPart, third, hard, matrix] as unknown as readonly Topic<unknown>[];

const TEST_GROUPS: readonly GroupInfo[] = [
  { id: 'mlp', title: 'MLP', summary: 'mlp things' },
  { id: 'gradients', title: 'Gradients', summary: 'gradient things' },
  { id: 'cnn', title: 'CNN', summary: 'cnn things' },
  { id: 'rnn', title: 'RNN', summary: 'empty group' },
];

export const testCatalog: Catalog = {
  topics: TEST_TOPICS,
  groups: TEST_GROUPS,
  resolveSelection(selector): Selection | undefined {
    const s = (selector ?? '').trim().toLowerCase();
    if (s === '') return { kind: 'any', topics: TEST_TOPICS };
    const topic = TEST_TOPICS.find((t) => t.id === s);
    if (topic) return { kind: 'topic', topic };
    const group = TEST_GROUPS.find((g) => g.id === s);
    if (group) {
      return {
        kind: 'group',
        group: group.id,
        topics: TEST_TOPICS.filter((t) => t.groups.includes(group.id)),
      };
    }
    return undefined;
  },
  findTopic: (id) => TEST_TOPICS.find((t) => t.id === id),
  suggestSelectors: (selector) =>
    TEST_TOPICS.map((t) => t.id).filter((id) => id.startsWith(selector.slice(0, 2))),
};

/** The x a test topic draws for a seed (the same Rng calls as `gen`). */
export function xOf(seed: number): number {
  return createRng(seed).int(2, 9);
}
