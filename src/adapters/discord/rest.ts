/**
 * The REST settings both modes share: every request (interaction responses, follow-ups, the gateway lookup at
 * login) is aborted after `timeoutMs` and retried at most `retries` times (@discordjs/rest retries timeouts,
 * connection resets and 5xx, never a refused connection or a 4xx), so no call waits on Discord forever.
 */
import { RESTEvents, REST, type RESTOptions } from 'discord.js';

export interface RestLimits {
  /** Abort a request after this many ms. Default 10000 (@discordjs/rest's own default is 15000). */
  readonly timeoutMs?: number;
  /** Retries after a timeout, a reset connection or a 5xx. Default 2 (@discordjs/rest's default is 3). */
  readonly retries?: number;
}

export const DEFAULT_REST_TIMEOUT_MS = 10_000;
export const DEFAULT_REST_RETRIES = 2;

/**
 * @discordjs/rest counts every non-callback request (follow-ups and edits of deferred replies included) against the
 * bot's global limit of 50 requests/s, but Discord exempts interaction endpoints from that limit: with the default,
 * a busy server would queue its follow-ups behind a limit that does not exist. The bot's only token-authenticated
 * request is GET /gateway/bot at login, and a real 429 is still honoured through its Retry-After.
 */
const INTERACTION_REQUESTS_PER_SECOND = 1000;

export function restOptions(apiBase: string | undefined, limits: RestLimits = {}): Partial<RESTOptions> {
  return {
    globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND,
    timeout: limits.timeoutMs ?? DEFAULT_REST_TIMEOUT_MS,
    retries: limits.retries ?? DEFAULT_REST_RETRIES,
    ...(apiBase !== undefined ? { api: apiBase } : {}),
  };
}

/** Calls `onRateLimited` for every 429 Discord answers (the metrics count them by platform). */
export function watchRateLimits(rest: REST, onRateLimited: (() => void) | undefined): void {
  if (onRateLimited === undefined) return;
  rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status === 429) onRateLimited();
  });
}

export function createRest(token: string, apiBase: string | undefined, limits?: RestLimits): REST {
  return new REST(restOptions(apiBase, limits)).setToken(token);
}
