/**
 * Per-user rate limits: the in-process token bucket, and the shared stores (Redis, PostgreSQL) holding one limit
 * across two instances. Redis runs when TEST_REDIS_URL is set, PostgreSQL when TEST_POSTGRES_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InProcessRateLimiter,
  postgresRateLimits,
  redisRateLimits,
  type RateLimitStore,
} from '../../../src/adapters/shared/rate-limiter.js';
import {
  TEST_POSTGRES_URL,
  createTempDatabase,
  noticeIfNoPostgres,
  type TempPostgres,
} from '../../store/support/temp-postgres.js';

const TEST_REDIS_URL = process.env['TEST_REDIS_URL']?.trim() || undefined;
noticeIfNoPostgres('rate-limiter');
if (TEST_REDIS_URL === undefined) {
  console.warn(
    '\n[rate-limiter] NOTICE: TEST_REDIS_URL is not set, so the Redis rate-limit tests are SKIPPED.\n',
  );
}

describe('InProcessRateLimiter', () => {
  it('allows a burst, warns once, then stays silent until a token refills', async () => {
    let now = 0;
    const limiter = new InProcessRateLimiter({ burst: 3, refillMs: 1000 }, () => now);
    expect(await Promise.all([1, 2, 3].map(() => limiter.check('u1')))).toEqual(['allow', 'allow', 'allow']);
    expect(await limiter.check('u1')).toBe('warn');
    expect(await limiter.check('u1')).toBe('silent');
    // Another student is not affected.
    expect(await limiter.check('u2')).toBe('allow');
    now = 999;
    expect(await limiter.check('u1')).toBe('silent');
    now = 1000;
    expect(await limiter.check('u1')).toBe('allow');
    // After being allowed again, the next refusal warns again (once).
    expect(await limiter.check('u1')).toBe('warn');
  });

  it('refills at most up to the burst', async () => {
    let now = 0;
    const limiter = new InProcessRateLimiter({ burst: 2, refillMs: 100 }, () => now);
    now = 10_000;
    expect([await limiter.check('u'), await limiter.check('u'), await limiter.check('u')]).toEqual([
      'allow',
      'allow',
      'warn',
    ]);
  });
});

/** Two stores = two instances; one user's actions alternate between them. */
async function holdsAcrossInstances(a: RateLimitStore, b: RateLimitStore): Promise<void> {
  const rule = { burst: 4, refillMs: 60_000 };
  const name = `cmd-${randomBytes(3).toString('hex')}`;
  const [la, lb] = [await a.limiter(name, rule), await b.limiter(name, rule)];
  const decisions: string[] = [];
  for (let i = 0; i < 8; i++) decisions.push(await (i % 2 === 0 ? la : lb).check('user-1'));
  expect(decisions).toEqual(['allow', 'allow', 'allow', 'allow', 'warn', 'silent', 'silent', 'silent']);
  expect(await lb.check('user-2')).toBe('allow');
}

describe.skipIf(TEST_REDIS_URL === undefined)('Redis rate limits', () => {
  it('hold across two instances', async () => {
    const prefix = `studybot-test-${randomBytes(4).toString('hex')}`;
    const a = redisRateLimits(TEST_REDIS_URL!, { keyPrefix: prefix });
    const b = redisRateLimits(TEST_REDIS_URL!, { keyPrefix: prefix });
    try {
      await holdsAcrossInstances(a, b);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('fall back to this process when Redis is unreachable, never blocking or throwing', async () => {
    const down = redisRateLimits('redis://127.0.0.1:1', { keyPrefix: 'studybot-down', readyTimeoutMs: 200 });
    try {
      const limiter = await down.limiter('cmd', { burst: 2, refillMs: 60_000 });
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push(await limiter.check('u'));
      expect(decisions).toEqual(['allow', 'allow', 'warn', 'silent']);
    } finally {
      await down.close();
    }
  });
});

describe.skipIf(TEST_POSTGRES_URL === undefined)('PostgreSQL rate limits', () => {
  let db: TempPostgres;
  beforeAll(async () => {
    db = await createTempDatabase('ratelimit');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('hold across two instances on one database (they create the table together)', async () => {
    const a = postgresRateLimits(db.url, { keyPrefix: 'studybot' });
    const b = postgresRateLimits(db.url, { keyPrefix: 'studybot' });
    try {
      await holdsAcrossInstances(a, b);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
