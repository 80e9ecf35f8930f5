/**
 * Per-user rate limits (flood control), platform-neutral so every adapter can use them. One process keeps them
 * in memory (a token bucket); several instances share them through Redis when REDIS_URL is set, or through the
 * PostgreSQL database otherwise, with rate-limiter-flexible (a fixed window of `burst` per `burst x refillMs`,
 * the same average rate). The first refusal in a run gets a friendly message ('warn'), later ones are silent.
 * If the shared store fails, an in-memory limiter takes over for that call (rate-limiter-flexible's insurance
 * limiter): flood control degrades to per process, answers keep flowing.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export type RateDecision = 'allow' | 'warn' | 'silent';

export interface RateRule {
  /** Actions a user may take in a burst. */
  readonly burst: number;
  /** One more allowed every `refillMs`. */
  readonly refillMs: number;
}

export interface RateLimiter {
  check(key: string): Promise<RateDecision>;
}

export interface RateLimitStore {
  readonly kind: 'memory' | 'redis' | 'postgres';
  /** A limiter for one kind of action (`name` keeps the counters of different limiters apart). */
  limiter(name: string, rule: RateRule): Promise<RateLimiter>;
  close(): Promise<void>;
}

interface Bucket {
  tokens: number;
  at: number;
  warned: boolean;
}

/** A token bucket per key, in this process: for one process (SQLite, memory) and as the shared stores' fallback. */
export class InProcessRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rule: RateRule,
    private readonly now: () => number = Date.now,
  ) {}

  check(key: string): Promise<RateDecision> {
    return Promise.resolve(this.decide(key));
  }

  decide(key: string): RateDecision {
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.rule.burst, at: t, warned: false };
    bucket.tokens = Math.min(this.rule.burst, bucket.tokens + (t - bucket.at) / this.rule.refillMs);
    bucket.at = t;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.prune(t);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.warned = false;
      return 'allow';
    }
    if (bucket.warned) return 'silent';
    bucket.warned = true;
    return 'warn';
  }

  /** Forgets keys whose bucket has refilled (they are indistinguishable from new ones). */
  private prune(t: number): void {
    const full = this.rule.burst * this.rule.refillMs;
    for (const [key, b] of this.buckets) if (t - b.at >= full) this.buckets.delete(key);
  }
}

export function inProcessRateLimits(now?: () => number): RateLimitStore {
  return {
    kind: 'memory',
    limiter: (_name, rule) => Promise.resolve(new InProcessRateLimiter(rule, now)),
    close: () => Promise.resolve(),
  };
}

/** Wraps a rate-limiter-flexible limiter: the first refusal of a window warns, the rest are silent. */
class FlexibleRateLimiter implements RateLimiter {
  constructor(
    private readonly inner: RateLimiterAbstract,
    private readonly points: number,
  ) {}

  async check(key: string): Promise<RateDecision> {
    try {
      await this.inner.consume(key, 1);
      return 'allow';
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return rejection.consumedPoints === this.points + 1 ? 'warn' : 'silent';
      }
      // The store and its insurance both failed: flood control must never block a student.
      return 'allow';
    }
  }
}

function windowOf(rule: RateRule): { points: number; duration: number } {
  return { points: rule.burst, duration: Math.max(1, Math.ceil((rule.burst * rule.refillMs) / 1000)) };
}

export interface SharedRateLimitOptions {
  /** Keeps this deployment's keys apart from anything else in the same Redis or database. */
  readonly keyPrefix: string;
  /** Redis: how long the first limiter waits for the connection before the insurance limiter answers. */
  readonly readyTimeoutMs?: number;
}

export function redisRateLimits(url: string, options: SharedRateLimitOptions): RateLimitStore {
  // Commands fail fast while Redis is down (the insurance limiter answers) instead of queueing without end.
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  client.on('error', () => undefined);
  // Commands before the connection is up would all go to the insurance limiter: wait for it, a bounded time.
  const ready = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, options.readyTimeoutMs ?? 3000);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    kind: 'redis',
    async limiter(name, rule) {
      await ready;
      const window = windowOf(rule);
      const inner = new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${options.keyPrefix}:${name}`,
        ...window,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${options.keyPrefix}:${name}`, ...window }),
      });
      return new FlexibleRateLimiter(inner, window.points);
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

export function postgresRateLimits(url: string, options: SharedRateLimitOptions): RateLimitStore {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined);
  const tableName = `${options.keyPrefix.replace(/[^A-Za-z0-9_]/g, '_')}_rate_limits`;
  const create = (name: string, rule: RateRule): Promise<RateLimiterPostgres> => {
    const window = windowOf(rule);
    return new Promise((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        {
          storeClient: pool,
          storeType: 'pool',
          tableName,
          keyPrefix: name,
          ...window,
          clearExpiredByTimeout: true,
          insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, ...window }),
        },
        (error?: Error) => (error ? reject(error) : resolve(limiter)),
      );
    });
  };
  return {
    kind: 'postgres',
    async limiter(name, rule) {
      // Two instances creating the table at once can collide in PostgreSQL's catalog; the second try finds it.
      const inner = await create(name, rule).catch(async () => {
        await new Promise((r) => setTimeout(r, 200));
        return create(name, rule);
      });
      return new FlexibleRateLimiter(inner, windowOf(rule).points);
    },
    close: () => pool.end(),
  };
}

/**
 * The store for this deployment: Redis when configured, else the PostgreSQL database when that is the database,
 * else this process's memory (SQLite and memory databases run one process).
 */
export function createRateLimitStore(options: {
  readonly redisUrl?: string;
  readonly databaseUrl: string;
  readonly databaseKind: 'sqlite' | 'postgres' | 'memory';
  readonly keyPrefix?: string;
}): RateLimitStore {
  const shared = { keyPrefix: options.keyPrefix ?? 'studybot' };
  if (options.redisUrl !== undefined) return redisRateLimits(options.redisUrl, shared);
  if (options.databaseKind === 'postgres') return postgresRateLimits(options.databaseUrl, shared);
  return inProcessRateLimits();
}
