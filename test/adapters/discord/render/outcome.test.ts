import { describe, expect, it } from 'vitest';
import { parseCustomId } from '../../../../src/adapters/discord/custom-ids.js';
import { COLOURS } from '../../../../src/adapters/discord/render/limits.js';
import { outcomeMessage } from '../../../../src/adapters/discord/render/outcome.js';
import { answers, outcome, steps } from '../fixtures.js';

const ids = (o: ReturnType<typeof outcomeMessage>) =>
  o.components.flatMap((r) =>
    r.components.map((b) => ('custom_id' in b ? parseCustomId(b.custom_id) : undefined)),
  );

describe('submit outcome', () => {
  it('echoes the typed answer verbatim in inline code with mentions defused', () => {
    const o = outcomeMessage(outcome());
    const d = o.embeds[0]!.description!;
    expect(d).toContain('❌ **a) value 1** `@\u200beveryone **3**`');
    expect(d).not.toMatch(/@everyone/);
    expect(d).toContain('Not quite.');
    expect(d).toContain('⏳ **a) value 1** open · 2 tries left.');
    expect(o.embeds[0]!.color).toBe(COLOURS.neutral);
  });

  it('offers the remaining parts, a hint and the solution while parts are open', () => {
    expect(ids(outcomeMessage(outcome()))).toEqual([
      { kind: 'button', action: 'answer', questionId: '42', page: 0 },
      { kind: 'button', action: 'hint', questionId: '42', page: 0 },
      { kind: 'button', action: 'solution', questionId: '42', page: 0 },
    ]);
  });

  it('shows points, the worked solution and a new-question button when solved', () => {
    const o = outcomeMessage(
      outcome({
        grades: [{ partId: 'b', kind: 'matrix', status: 'correct', credit: 1, typed: '[[1,0],[0,1]]' }],
        parts: outcome().parts.map((p) => ({ ...p, status: 'solved' as const, triesLeft: 0 })),
        solved: true,
        finished: true,
        pointsAwarded: 4,
        solution: { steps, answers, roundedRoute: [] },
      }),
    );
    expect(o.embeds[0]!.title).toBe('✅ Solved: Dense layer forward pass');
    expect(o.embeds[0]!.description).toContain('**+4 points**');
    expect(o.embeds[0]!.color).toBe(COLOURS.correct);
    expect(ids(o)).toEqual([{ kind: 'button', action: 'next', questionId: '42', page: 0 }]);
    const solution = o.solution
      .flat()
      .map((e) => e.description)
      .join('\n');
    expect(solution).toContain('**1. Pre-activation**');
    expect(solution).toContain('→ **u** = `[3.1, 2.35]`');
    expect(solution).toContain('**W** =\n```\n[ 0.5  -1.25 ]\n[   2  0.125 ]\n```');
    expect(solution).toContain('*rows are output units*');
    expect(solution).toContain('a) value 1: `3.10`');
  });

  it('explains a coarse answer and an unreadable one without counting them', () => {
    const o = outcomeMessage(
      outcome({
        grades: [
          { partId: 'a', kind: 'number', status: 'coarse', credit: 0, typed: '3', requiredDp: 2 },
          {
            partId: 'b',
            kind: 'matrix',
            status: 'invalid',
            credit: 0,
            typed: 'abc',
            syntax: { code: 'not-a-matrix', expected: 'a 2x2 matrix' },
          },
        ],
      }),
    );
    const d = o.embeds[0]!.description!;
    expect(d).toContain('give it to 2 decimal places');
    expect(d).toContain('I could not read a matrix. I expected a 2x2 matrix.');
  });
});
