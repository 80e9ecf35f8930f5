/** What starting the Discord adapter takes and gives back, in either mode (gateway or HTTP interactions). */
import type { DiscordConfig } from './settings.js';
import type { Engine } from '../../engine/api.js';
import type { Logger } from '../../logger.js';
import type { RestLimits } from './rest.js';

export interface StartDiscordOptions {
  readonly config: DiscordConfig;
  readonly engine: Engine;
  readonly logger: Logger;
  /** Defer an interaction whose answer is not ready after this many ms (Discord's limit is 3 s). Default 2000. */
  readonly deferAfterMs?: number;
  /** How long stop() waits for interactions in flight. Default 3000 ms. */
  readonly drainMs?: number;
  /** Solves of one question within this many ms share one public line (celebrations.ts). Default 1500. */
  readonly celebrationWindowMs?: number;
  /** Gateway mode: give up connecting after this many ms. Default 30000. */
  readonly startTimeoutMs?: number;
  /** REST timeouts and retries (rest.ts). */
  readonly rest?: RestLimits;
  /** Called for every 429 Discord answers (metrics). */
  readonly onRateLimited?: () => void;
}

export interface DiscordHandle {
  /** Gateway mode: the gateway session is ready. HTTP mode: the endpoint is listening. */
  connected(): boolean;
  /** HTTP mode: the URL the interactions endpoint listens on (for tests and logs). */
  readonly url?: string;
  stop(): Promise<void>;
}
