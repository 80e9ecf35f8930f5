/**
 * Every Bot API call bounded: a timeout per attempt, a bounded number of retries for network failures, timeouts
 * and 5xx (with exponential backoff), 429s waited out for their `retry_after` when it is short enough, and every
 * wait cut short when the adapter stops. Installed with `bot.api.config.use`, grammY's documented hook, instead of
 * `@grammyjs/auto-retry`, which retries network errors without counting them (a bot that never starts or stops).
 * When it gives up it rethrows the last network error or returns the last refusal, so callers see grammY's own
 * HttpError / GrammyError.
 */
// grammY's Node build types its signals with this package: a controller of the same kind passes them on unchanged.
import { AbortController } from 'abort-controller';
import type { Transformer } from 'grammy';
import { abortablePause } from './abortable-pause.js';

export interface ApiCallPolicy {
  /** Time allowed for one attempt (a long poll gets its own `timeout` on top). */
  readonly callTimeoutMs: number;
  /** Retries after the first attempt, for network failures, timeouts, 5xx and 429. */
  readonly maxRetries: number;
  /** A 429 asking to wait longer than this is not waited out: the call fails (the caller decides). */
  readonly maxRetryAfterSeconds: number;
  /** First backoff after a network failure or 5xx; doubled at each retry. */
  readonly backoffMs: number;
}

export const DEFAULT_API_CALL_POLICY: ApiCallPolicy = {
  callTimeoutMs: 10_000,
  maxRetries: 3,
  maxRetryAfterSeconds: 30,
  backoffMs: 250,
};

/** How a Bot API call failed, for metrics (`onApiError`). */
export type ApiErrorKind =
  | 'network'
  | 'timeout'
  | 'rate-limited'
  | 'server-error'
  | 'unauthorized'
  | 'forbidden'
  | 'bad-request'
  | 'conflict';

export interface ApiCallEvents {
  /** A 429 from Telegram, with the wait it asked for. */
  readonly onRateLimited?: (retryAfterSeconds: number, method: string) => void;
  /** Any failed attempt, by kind. */
  readonly onApiError?: (kind: ApiErrorKind, method: string) => void;
  /** Whether the Bot API answered the last attempt at all (any HTTP answer counts as reachable). */
  readonly onReachability?: (reachable: boolean) => void;
}

export interface BoundedApiCallsOptions {
  readonly policy: ApiCallPolicy;
  /** Aborted when the adapter stops: in-flight calls and waits end at once. */
  readonly shutdown: AbortSignal;
  readonly events?: ApiCallEvents;
}

function kindOf(errorCode: number): ApiErrorKind {
  if (errorCode === 429) return 'rate-limited';
  if (errorCode === 401) return 'unauthorized';
  if (errorCode === 403) return 'forbidden';
  if (errorCode === 409) return 'conflict';
  if (errorCode >= 500) return 'server-error';
  return 'bad-request';
}

function longPollSeconds(payload: unknown): number {
  if (typeof payload !== 'object' || payload === null || !('timeout' in payload)) return 0;
  const timeout = payload.timeout;
  return typeof timeout === 'number' && timeout > 0 ? timeout : 0;
}

export function boundedApiCalls(options: BoundedApiCallsOptions): Transformer {
  const { policy, shutdown, events = {} } = options;
  return async (prev, method, payload, signal) => {
    const attemptMs = policy.callTimeoutMs + longPollSeconds(payload) * 1000;
    for (let attempt = 0; ; attempt++) {
      const attemptSignal = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        attemptSignal.abort();
      }, attemptMs);
      const abort = (): void => attemptSignal.abort();
      shutdown.addEventListener('abort', abort, { once: true });
      signal?.addEventListener('abort', abort, { once: true });
      if (shutdown.aborted || signal?.aborted === true) abort();
      const release = (): void => {
        clearTimeout(timer);
        shutdown.removeEventListener('abort', abort);
        signal?.removeEventListener('abort', abort);
      };
      const last = attempt >= policy.maxRetries;
      try {
        const response = await prev(method, payload, attemptSignal.signal).finally(release);
        events.onReachability?.(true);
        if (response.ok) return response;
        const kind = kindOf(response.error_code);
        events.onApiError?.(kind, method);
        if (kind === 'rate-limited') {
          const retryAfter = response.parameters?.retry_after ?? 1;
          events.onRateLimited?.(retryAfter, method);
          if (last || retryAfter > policy.maxRetryAfterSeconds || shutdown.aborted) return response;
          await abortablePause(retryAfter * 1000, shutdown);
          if (shutdown.aborted) return response;
          continue;
        }
        if (kind !== 'server-error' || last || shutdown.aborted) return response;
      } catch (error) {
        // The caller cancelled (bot.stop aborts the pending poll) or the adapter stops: no retry.
        if (signal?.aborted === true || shutdown.aborted) throw error;
        events.onReachability?.(false);
        events.onApiError?.(timedOut ? 'timeout' : 'network', method);
        if (last) throw error;
      }
      await abortablePause(policy.backoffMs * 2 ** attempt, shutdown);
    }
  };
}
