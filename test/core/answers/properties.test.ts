import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradePart, MAX_ANSWER_LENGTH, splitAnswer } from '../../../src/core/answers/index.js';
import type { Part, Expected } from '../../../src/core/types.js';
import { part } from './helpers.js';

const PARTS: readonly Part[] = [
  part({ kind: 'number', value: 0.8135, dp: 2 }, [{ id: 'half', message: 'm', value: 0.40675 }]),
  part({ kind: 'number', value: 3534, integer: true }, [{ id: 'bias', message: 'm', value: 3520 }]),
  part({ kind: 'number', value: -1 / 3 }),
  part({ kind: 'vector', value: [1.3, -4.7, 3.6], dp: 1 }, [
    { id: 'short', message: 'm', value: [1.3, -4.7] },
  ]),
  part({
    kind: 'matrix',
    value: [
      [0.03, 0, 0],
      [0.07, 0, 0.125],
    ],
    dp: 2,
  }),
  part({ kind: 'matrix', value: [[1], [2]] }),
  part({ kind: 'shape', value: [2, 1, 3] }),
  part({ kind: 'ratio', value: [55, 294], dp: 4 }),
  part({ kind: 'boolean', value: false }),
  part({ kind: 'choice', value: 'C', options: ['A', 'B', 'C', 'D'] }),
];

/** Characters answers are made of, so that generated strings reach deep into the parsers. */
const answerChar = fc.constantFrom(..."0123456789.,;:+-−eE/xX×*^()[]{}` \n\tabcTFtf=≈_'".split(''));
const answerish = fc.oneof(
  fc.string({ unit: answerChar, maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

const STATUSES = new Set(['correct', 'coarse', 'wrong', 'invalid']);

describe('gradePart is total', () => {
  it('never throws and always returns a consistent grade', () => {
    fc.assert(
      fc.property(answerish, fc.constantFrom(...PARTS), (typed, p) => {
        const g = gradePart(p, typed);
        expect(STATUSES.has(g.status)).toBe(true);
        expect(g.partId).toBe(p.id);
        expect(g.credit).toBeGreaterThanOrEqual(0);
        expect(g.credit).toBeLessThanOrEqual(1);
        expect(g.status === 'invalid').toBe(g.syntax !== undefined);
        if (g.status === 'correct') expect(g.credit).toBe(1);
        if (g.status === 'invalid') expect(g.credit).toBe(0);
        if (g.status === 'coarse') expect(g.requiredDp).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1500 },
    );
  });

  it('stays fast on adversarial input (no catastrophic backtracking)', () => {
    const nasty = [
      '1'.repeat(MAX_ANSWER_LENGTH),
      '('.repeat(MAX_ANSWER_LENGTH),
      '[1,'.repeat(250),
      '1e'.repeat(500),
      'a) '.repeat(333),
      '- '.repeat(500),
      '1/'.repeat(500),
      `${'1 x '.repeat(249)}1`,
      '1,000'.repeat(200),
      ' '.repeat(999) + 'x',
    ];
    for (const text of nasty) {
      const started = performance.now();
      for (const p of PARTS) gradePart(p, text);
      splitAnswer(text, PARTS);
      expect(performance.now() - started, JSON.stringify(text.slice(0, 12))).toBeLessThan(200);
    }
  });
});

describe('splitAnswer is total', () => {
  it('never throws; answers name open parts once, with text', () => {
    const open = PARTS.slice(0, 4).map((p, k) => ({ ...p, id: ['a', 'b', 'dW2', 'u1'][k] ?? 'z' }));
    fc.assert(
      fc.property(answerish, fc.integer({ min: 0, max: 4 }), fc.boolean(), (text, n, typedParts) => {
        const parts = open.slice(0, n).map((p) => (typedParts ? p : { id: p.id, name: p.name }));
        const r = splitAnswer(text, parts);
        if (!r.ok) {
          expect(['empty', 'too-long', 'unknown-part', 'needs-labels']).toContain(r.code);
          return;
        }
        const ids = r.answers.map((x) => x.partId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const a of r.answers) {
          expect(parts.map((p) => p.id)).toContain(a.partId);
          expect(a.text.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

// Values an exam would use: up to 4 decimals, |x| < 1000.
const examValue = fc.integer({ min: -9_999_999, max: 9_999_999 }).map((n) => n / 10_000);
const dpArb = fc.integer({ min: 0, max: 4 });

describe('the rounding rule, as properties', () => {
  it('any correct rounding with at least dp places is right; fewer places is right or coarse', () => {
    fc.assert(
      fc.property(
        examValue,
        fc.double({ min: -1, max: 1, noNaN: true }),
        dpArb,
        fc.integer({ min: 0, max: 6 }),
        (base, noise, dp, k) => {
          const x = base + noise / 1e5; // an exact value with more digits than any exam shows
          const g = gradePart(part({ kind: 'number', value: x, dp }), x.toFixed(k));
          if (k >= dp) expect(g.status).toBe('correct');
          else expect(['correct', 'coarse']).toContain(g.status);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('two units off in the last place typed is wrong', () => {
    fc.assert(
      fc.property(
        examValue,
        dpArb,
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(-2, 2),
        (x, dp, k, units) => {
          const typed = (Number(x.toFixed(k)) + units * 10 ** -k).toFixed(k);
          expect(gradePart(part({ kind: 'number', value: x, dp }), typed).status).toBe('wrong');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('grades a matrix cell by cell whatever syntax it is typed in', () => {
    const dims = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }));
    fc.assert(
      fc.property(
        dims.chain(([m, n]) =>
          fc.tuple(
            fc.array(fc.array(examValue, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
            fc.integer({ min: 0, max: m - 1 }),
            fc.integer({ min: 0, max: n - 1 }),
          ),
        ),
        fc.constantFrom('nested', 'semicolons', 'lines', 'matlab'),
        ([value, wi, wj], style) => {
          const dp = 2;
          const expected: Expected = { kind: 'matrix', value, dp };
          const show = (rows: readonly (readonly number[])[]) => {
            const cells = rows.map((r) => r.map((c) => c.toFixed(dp)));
            if (style === 'nested') return `[${cells.map((r) => `[${r.join(', ')}]`).join(', ')}]`;
            if (style === 'semicolons') return cells.map((r) => r.join(', ')).join('; ');
            if (style === 'lines') return cells.map((r) => r.join(' ')).join('\n');
            return `[${cells.map((r) => r.join(' ')).join('; ')}]`;
          };
          expect(gradePart(part(expected), show(value)).status).toBe('correct');
          const wrong = value.map((r, i) => r.map((c, j) => (i === wi && j === wj ? c + 1 : c)));
          const g = gradePart(part(expected), show(wrong));
          const cells = value.length * (value[0]?.length ?? 0);
          expect(g.status).toBe('wrong');
          expect(g.wrongCells).toEqual([[wi, wj]]);
          expect(g.credit).toBeCloseTo((cells - 1) / cells, 12);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('names every transposed non-symmetric matrix', () => {
    const dims = fc.tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 4 }));
    fc.assert(
      fc.property(
        dims.chain(([m, n]) =>
          fc
            .uniqueArray(fc.integer({ min: -99, max: 99 }), { minLength: m * n, maxLength: m * n })
            .map((flat) =>
              Array.from({ length: m }, (_, i) => flat.slice(i * n, (i + 1) * n).map((v) => v / 10)),
            ),
        ),
        (value) => {
          const t = (value[0] ?? []).map((_, j) => value.map((r) => r[j] ?? NaN));
          const typed = `[${t.map((r) => `[${r.join(', ')}]`).join(', ')}]`;
          const g = gradePart(part({ kind: 'matrix', value, dp: 1 }), typed);
          expect(g).toMatchObject({
            status: 'wrong',
            credit: value.length === t.length ? expect.any(Number) : 0,
          });
          expect(g.slip?.id).toBe('transposed');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splits labelled answers back into their parts', () => {
    // Internal ids are never typed: the letters a) to f) name the parts by position.
    const ids = ['u1', 'h1', 'y', 'dW1', 'db2', 'loss'];
    const letters = ['a', 'b', 'c', 'd', 'e', 'f'];
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 1 }),
        fc.array(examValue, { minLength: 6, maxLength: 6 }),
        fc.constantFrom('x) ', '(x) ', 'x: ', 'x = ', 'part x: ', 'X) ', 'x. '),
        fc.constantFrom(' ', '; ', ', ', '\n'),
        (chosen, values, style, sep) => {
          const open = ids.map((id) => ({ id, name: `name of ${id}` }));
          const text = chosen
            .map(
              (i, k) =>
                `${style.replace(/x/i, (m) => (m === 'X' ? (letters[i] ?? '').toUpperCase() : (letters[i] ?? '')))}${values[k]}`,
            )
            .join(sep);
          const r = splitAnswer(text, open);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const got = Object.fromEntries(r.answers.map((a) => [a.partId, a.text]));
          expect(got).toEqual(Object.fromEntries(chosen.map((i, k) => [ids[i], String(values[k])])));
        },
      ),
      { numRuns: 500 },
    );
  });
});
