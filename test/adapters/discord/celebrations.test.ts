/** One public line per burst of solvers (src/adapters/discord/celebrations.ts) and its wording. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Celebrations } from '../../../src/adapters/discord/celebrations.js';
import { DISCORD_TEXTS } from '../../../src/adapters/discord/texts.js';
import { createLogger, type Logger } from '../../../src/logger.js';

let lines: string[];
let logged: string[];
let logger: Logger;
beforeEach(() => {
  vi.useFakeTimers();
  lines = [];
  logged = [];
  logger = createLogger({ level: 'debug', write: (line) => logged.push(line) });
});
afterEach(() => {
  vi.useRealTimers();
});

const send = (content: string): Promise<void> => {
  lines.push(content);
  return Promise.resolve();
};
const solver = (name: string, points = 2) => ({ name: `**${name}**`, points });

describe('Celebrations', () => {
  it('sends one line per question and channel when its window closes', async () => {
    const c = new Celebrations(1000, DISCORD_TEXTS.celebrate, logger);
    c.add('ch1', 'q1', 'Conv sizes', solver('Ana', 4), send);
    c.add('ch1', 'q1', 'Conv sizes', solver('Ben'), () => Promise.reject(new Error('never used')));
    c.add('ch1', 'q2', 'RNN', solver('Cy'), send); // another question
    c.add('ch2', 'q1', 'Conv sizes', solver('Dee'), send); // another channel
    await vi.advanceTimersByTimeAsync(999);
    expect(lines).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(lines).toEqual([
      '🎉 **Ana** (+4) and **Ben** (+2) solved "Conv sizes"',
      '🎉 **Cy** solved "RNN" (+2 points)',
      '🎉 **Dee** solved "Conv sizes" (+2 points)',
    ]);
    // The window is per burst: a later solve starts a new line.
    c.add('ch1', 'q1', 'Conv sizes', solver('Eve'), send);
    await vi.advanceTimersByTimeAsync(1000);
    expect(lines.at(-1)).toBe('🎉 **Eve** solved "Conv sizes" (+2 points)');
  });

  it('flush sends what is waiting at once (a clean stop) and waits for it', async () => {
    const c = new Celebrations(60_000, DISCORD_TEXTS.celebrate, logger);
    let sent = false;
    c.add('ch', 'q', 'T', solver('Ana'), async (content) => {
      await Promise.resolve();
      sent = true;
      lines.push(content);
    });
    await c.flush();
    expect(sent).toBe(true);
    expect(lines).toEqual(['🎉 **Ana** solved "T" (+2 points)']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(lines).toHaveLength(1);
  });

  it('a line that cannot be posted is logged as a warning, never thrown', async () => {
    const c = new Celebrations(10, DISCORD_TEXTS.celebrate, logger);
    c.add('ch', 'q', 'T', solver('Ana'), () => Promise.reject(new Error('Unknown Webhook')));
    await vi.advanceTimersByTimeAsync(10);
    await c.flush();
    expect(logged.map((l) => JSON.parse(l) as { level: string; msg: string })).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'discord: could not post a celebration line' }),
    ]);
  });
});

describe('the celebration line', () => {
  it('names up to three solvers with their points, then counts the others', () => {
    const names = ['A', 'B', 'C', 'D', 'E'].map((n, i) => solver(n, i + 1));
    expect(DISCORD_TEXTS.celebrate(names.slice(0, 1), 'T')).toBe('🎉 **A** solved "T" (+1 point)');
    expect(DISCORD_TEXTS.celebrate(names.slice(0, 2), 'T')).toBe('🎉 **A** (+1) and **B** (+2) solved "T"');
    expect(DISCORD_TEXTS.celebrate(names.slice(0, 3), 'T')).toBe(
      '🎉 **A** (+1), **B** (+2) and **C** (+3) solved "T"',
    );
    expect(DISCORD_TEXTS.celebrate(names.slice(0, 4), 'T')).toBe(
      '🎉 **A** (+1), **B** (+2), **C** (+3) and 1 other solved "T"',
    );
    expect(DISCORD_TEXTS.celebrate(names, 'T')).toBe(
      '🎉 **A** (+1), **B** (+2), **C** (+3) and 2 others solved "T"',
    );
  });
});
