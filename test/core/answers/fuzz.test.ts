/**
 * Grading cannot be slowed or fooled: every answer kind is fuzzed with fast-check (no exception, no huge or
 * non-finite value accepted), and adversarial inputs of 1,000 characters are timed against a plain input of the
 * same length (a parser that backtracks shows up as hundreds of times slower, far beyond timer noise).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradePart, MAX_ANSWER_LENGTH, splitAnswer } from '../../../src/core/answers/index.js';
import type { Expected, Part } from '../../../src/core/types.js';

const KINDS: readonly Expected[] = [
  { kind: 'number', value: 0.8135, dp: 2 },
  { kind: 'number', value: 3534, integer: true },
  { kind: 'vector', value: [1.3, -4.7, 3.6], dp: 1 },
  {
    kind: 'matrix',
    value: [
      [0.03, 0, 0],
      [0.07, 0, 0.125],
    ],
    dp: 2,
  },
  { kind: 'shape', value: [2, 1, 3] },
  { kind: 'ratio', value: [55, 294], dp: 4 },
  { kind: 'boolean', value: false },
  { kind: 'choice', value: 'C', options: ['A', 'B', 'C', 'D'] },
];
const PARTS: readonly Part[] = KINDS.map((expected, i) => ({ id: `p${i}`, name: expected.kind, expected }));

const answerChar = fc.constantFrom(..."0123456789.,;:+-−eE/xX×*^()[]{}` \n\tabcTFtf=≈_'9".split(''));
const answerish = fc.oneof(
  fc.string({ unit: answerChar, maxLength: MAX_ANSWER_LENGTH }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** The slowest of: grading `text` as each kind, and splitting it over every part (median of `runs`), in ms. */
function timeAll(text: string, runs = 5): number {
  const jobs: (() => unknown)[] = [
    ...PARTS.map((p) => () => gradePart(p, text)),
    () => splitAnswer(text, PARTS),
  ];
  let worst = 0;
  for (const job of jobs) {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      job();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    worst = Math.max(worst, times[Math.floor(runs / 2)] ?? 0);
  }
  return worst;
}

const ADVERSARIAL: readonly string[] = [
  `[${' '.repeat(998)}x`,
  `(${' '.repeat(998)}x`,
  `${' '.repeat(999)}x`,
  '('.repeat(MAX_ANSWER_LENGTH),
  '['.repeat(MAX_ANSWER_LENGTH),
  '[1,'.repeat(333),
  '1e'.repeat(500),
  'a) '.repeat(333),
  '(a '.repeat(333),
  '- '.repeat(500),
  '1/'.repeat(500),
  `${'1 x '.repeat(249)}1`,
  '1,000'.repeat(200),
  '1.1.'.repeat(250),
  `${'9'.repeat(499)}:${'9'.repeat(500)}`,
  `answer${' '.repeat(990)}:`,
  `option${' '.repeat(993)}x`,
  `${' ;,'.repeat(333)}x`,
  `${'a '.repeat(499)}x`,
  `part${' '.repeat(995)}a`,
];

describe('every answer kind, fuzzed', () => {
  it('never throws and never accepts a non-finite or absurdly large value', () => {
    fc.assert(
      fc.property(answerish, fc.constantFrom(...PARTS), (typed, part) => {
        const g = gradePart(part, typed);
        expect(['correct', 'coarse', 'wrong', 'invalid']).toContain(g.status);
        if (g.status === 'correct' && part.expected.kind !== 'boolean' && part.expected.kind !== 'choice') {
          expect(typed).not.toMatch(/Infinity|NaN|e\d{3,}/i);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses values that overflow, on every numeric kind', () => {
    const huge = '9'.repeat(400);
    for (const part of PARTS) {
      for (const text of [
        huge,
        `-${huge}`,
        '1e999',
        `[${huge}, 1, 2]`,
        `${huge}/${huge}`,
        'Infinity',
        'NaN',
      ]) {
        expect(gradePart(part, text).status, `${part.expected.kind} ${text.slice(0, 12)}`).not.toBe(
          'correct',
        );
      }
    }
  });

  it('regression: two integers of about 308 digits are no ratio of 55:294 (they overflowed to Infinity = Infinity)', () => {
    const ratio = PARTS.find((p) => p.expected.kind === 'ratio')!;
    expect(gradePart(ratio, `${'9'.repeat(308)}:${'9'.repeat(308)}`).status).toBe('wrong');
    expect(gradePart(ratio, `${'9'.repeat(306)}:${'9'.repeat(307)}`).status).toBe('wrong');
    // Exact integer arithmetic still recognises an equivalent ratio however long it is written.
    const k = `1${'0'.repeat(200)}`;
    expect(gradePart(ratio, `${55n * BigInt(k)}:${294n * BigInt(k)}`).status).toBe('correct');
  });

  it('stays linear: adversarial inputs of 1,000 characters cost about what a plain one does', () => {
    const plain = timeAll(
      `[${Array.from({ length: 250 }, (_, i) => (i % 10) / 10).join(', ')}]`.slice(0, 1000),
    );
    for (const text of ADVERSARIAL) {
      expect(text.length).toBeLessThanOrEqual(MAX_ANSWER_LENGTH);
      const t = timeAll(text);
      // Generous against timer noise on a loaded 2-core machine, tight against super-linear work (the cubic
      // bracket regex took about 120 ms here, a plain input about 0.05 ms).
      expect(
        t,
        `${JSON.stringify(text.slice(0, 16))}… took ${t.toFixed(2)} ms (plain ${plain.toFixed(2)} ms)`,
      ).toBeLessThan(Math.max(5, plain * 50));
    }
  });

  it('stays fast on random inputs of up to 1,000 characters', () => {
    const plain = timeAll('0.5 '.repeat(250));
    let worst = 0;
    fc.assert(
      fc.property(fc.string({ unit: answerChar, minLength: 900, maxLength: MAX_ANSWER_LENGTH }), (text) => {
        worst = Math.max(worst, timeAll(text, 3));
      }),
      { numRuns: 100 },
    );
    // 5 ms on an idle machine; a loaded CI machine stretches every timing alike, so the plain input scales it.
    expect(worst).toBeLessThan(Math.max(5, plain * 50));
  });
});
