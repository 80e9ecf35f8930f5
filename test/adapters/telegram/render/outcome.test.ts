import { describe, expect, it } from 'vitest';
import { outcomeHtml, outcomeSolutionHtml } from '../../../../src/adapters/telegram/render/outcome.js';
import { parseTelegramHtml } from '../support/telegram-html.js';
import { outcome } from '../support/views.js';

function plain(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(parsed.description);
  return parsed.text;
}

const opts = { inGroup: false, displayName: 'Alice' };

describe('outcomeHtml', () => {
  it('gives one line per graded part with tries left on a wrong part', () => {
    const html = outcomeHtml(
      outcome({
        grades: [
          { partId: 'a', kind: 'vector', status: 'correct', credit: 1, typed: '[-2.4, 10.75]' },
          {
            partId: 'b',
            kind: 'number',
            status: 'wrong',
            credit: 0,
            typed: '0.3',
            slip: { id: 'forgot-bias', message: 'It looks like you forgot the bias.' },
          },
        ],
        parts: [
          { id: 'a', letter: 'a', name: 'u', kind: 'vector', status: 'solved', triesUsed: 1, triesLeft: 0 },
          { id: 'b', letter: 'b', name: 'y', kind: 'number', status: 'open', triesUsed: 1, triesLeft: 2 },
        ],
        nextPart: { id: 'b', letter: 'b', name: 'y', kind: 'number', prompt: 'What is y = σ(u₁)?' },
      }),
      opts,
    );
    const text = plain(html);
    expect(text).toContain('✅ a) u [-2.4, 10.75]: Correct.');
    expect(text).toContain('❌ b) y 0.3: Not quite. It looks like you forgot the bias. 2 tries left.');
    expect(text).toContain('Next: b) What is y = σ(u₁)? (a number)');
  });

  it('says when a value is rounded too coarsely and when input could not be read, without costing a try', () => {
    const text = plain(
      outcomeHtml(
        outcome({
          grades: [
            {
              partId: 'a',
              kind: 'vector',
              status: 'invalid',
              credit: 0,
              typed: 'abc',
              syntax: { code: 'not-a-vector', expected: 'a vector of 2 numbers' },
            },
            { partId: 'b', kind: 'number', status: 'coarse', credit: 0, typed: '0.8', requiredDp: 2 },
          ],
        }),
        opts,
      ),
    );
    expect(text).toContain('❓ a) u abc: I could not read a vector. I expected a vector of 2 numbers.');
    expect(text).toContain(
      '⚠️ b) y 0.8: Right value, but rounded too coarsely: give it to 2 decimal places. This try is free.',
    );
    expect(text).not.toContain('tries left');
  });

  it('escapes an HTML-injection answer and display name so nothing changes the formatting', () => {
    const html = outcomeHtml(
      outcome({
        grades: [{ partId: 'b', kind: 'number', status: 'wrong', credit: 0, typed: '</code><b>1</b>&amp;' }],
      }),
      { inGroup: true, displayName: '<a href="http://evil">Mallory</a>' },
    );
    expect(html).not.toContain('<a href');
    expect(html).not.toContain('<b>1</b>');
    const text = plain(html);
    expect(text).toContain('<a href="http://evil">Mallory</a>');
    expect(text).toContain('</code><b>1</b>&amp;');
  });

  it('celebrates a solve with the points and appends the worked solution when finished', () => {
    const done = outcome({
      grades: [{ partId: 'b', kind: 'number', status: 'correct', credit: 1, typed: '0.81' }],
      solved: true,
      finished: true,
      pointsAwarded: 4,
      solution: {
        steps: [
          {
            title: 'Sigmoid',
            formula: 'y = 1/(1+e^(-u))',
            substitution: 'y = 1/(1+e^(-1.47))',
            result: { name: 'y', value: 0.8131 },
            part: 'b',
          },
        ],
        answers: [{ id: 'b', name: 'y', expected: { kind: 'number', value: 0.81307, dp: 2 } }],
        roundedRoute: [],
      },
    });
    expect(plain(outcomeHtml(done, opts))).toContain('+4 points');
    expect(plain(outcomeHtml(done, opts))).toContain('Solved!');
    const solution = plain(outcomeSolutionHtml(done) ?? '');
    expect(solution).toContain('1. Sigmoid');
    expect(solution).toContain('y = 1/(1+e^(-1.47))');
    expect(solution).toContain('⇒ y = 0.8131');
    // The exact answer shown at the precision the question asks (dp 2).
    expect(solution).toContain('b) y: 0.81');
  });

  it('renders no solution while parts are still open', () => {
    expect(outcomeSolutionHtml(outcome({}))).toBeUndefined();
  });
});
