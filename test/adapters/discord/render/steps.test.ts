import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedLength, LIMITS } from '../../../../src/adapters/discord/render/limits.js';
import { solutionMessages } from '../../../../src/adapters/discord/render/steps.js';
import type { Step } from '../../../../src/core/types.js';

describe('solution messages', () => {
  it('stay inside every embed and message limit, keeping the steps in order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            title: fc.string({ minLength: 1, maxLength: 80 }),
            size: fc.integer({ min: 1, max: 16 }),
            note: fc.string({ maxLength: 400 }),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        (specs) => {
          const steps: Step[] = specs.map((s, i) => ({
            title: `S${i} ${s.title}`,
            formula: 'h = tanh(W x + b)',
            result: {
              name: `h${i}`,
              value: Array.from({ length: s.size }, (_, r) =>
                Array.from({ length: s.size }, (_, c) => (r - c) / 7),
              ),
            },
            note: s.note,
          }));
          const messages = solutionMessages({
            title: 'Backprop',
            steps,
            answers: [],
            roundedRoute: [],
            parts: [],
          });
          let seen = -1;
          for (const embeds of messages) {
            expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
            expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
            for (const e of embeds) {
              expect(e.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
              expect((e.description!.match(/```/g) ?? []).length % 2).toBe(0);
              for (const m of e.description!.matchAll(/\*\*(\d+)\. S(\d+) /g)) {
                const index = Number(m[2]);
                expect(index).toBeGreaterThan(seen);
                seen = index;
              }
            }
          }
          expect(seen).toBe(steps.length - 1);
        },
      ),
      { numRuns: 60 },
    );
  });
});
