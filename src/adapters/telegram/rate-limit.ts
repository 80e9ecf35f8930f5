/**
 * Per-user limit on commands and button presses (a token bucket), so one student cannot flood a group.
 * The first refusal gets a friendly message; further refusals are silent until the user is allowed again.
 * This is flood control only: no quiz state lives here.
 */
import type { CommandRateLimitConfig } from './config.js';

export type RateDecision = 'allow' | 'warn' | 'silent';

interface Bucket {
  tokens: number;
  at: number;
  warned: boolean;
}

export class CommandRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly config: CommandRateLimitConfig,
    private readonly now: () => number = Date.now,
  ) {}

  check(userId: string): RateDecision {
    const t = this.now();
    const bucket = this.buckets.get(userId) ?? { tokens: this.config.burst, at: t, warned: false };
    bucket.tokens = Math.min(this.config.burst, bucket.tokens + (t - bucket.at) / this.config.refillMs);
    bucket.at = t;
    this.buckets.set(userId, bucket);
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

  /** Forgets users whose bucket has refilled (they are indistinguishable from new users). */
  private prune(t: number): void {
    const full = this.config.burst * this.config.refillMs;
    for (const [id, b] of this.buckets) if (t - b.at >= full) this.buckets.delete(id);
  }
}
