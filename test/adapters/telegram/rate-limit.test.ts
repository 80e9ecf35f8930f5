import { describe, expect, it } from 'vitest';
import { CommandRateLimiter } from '../../../src/adapters/telegram/rate-limit.js';

describe('CommandRateLimiter', () => {
  it('allows a burst, warns once, then stays silent until a token refills', () => {
    let now = 0;
    const limiter = new CommandRateLimiter({ burst: 3, refillMs: 1000 }, () => now);
    expect([1, 2, 3].map(() => limiter.check('u1'))).toEqual(['allow', 'allow', 'allow']);
    expect(limiter.check('u1')).toBe('warn');
    expect(limiter.check('u1')).toBe('silent');
    expect(limiter.check('u1')).toBe('silent');
    // Another student is not affected.
    expect(limiter.check('u2')).toBe('allow');
    now = 999;
    expect(limiter.check('u1')).toBe('silent');
    now = 1000;
    expect(limiter.check('u1')).toBe('allow');
    // After being allowed again, the next refusal warns again (once).
    expect(limiter.check('u1')).toBe('warn');
  });

  it('refills at most up to the burst', () => {
    let now = 0;
    const limiter = new CommandRateLimiter({ burst: 2, refillMs: 100 }, () => now);
    now = 10_000;
    expect([1, 2, 3].map(() => limiter.check('u'))).toEqual(['allow', 'allow', 'warn']);
  });
});
