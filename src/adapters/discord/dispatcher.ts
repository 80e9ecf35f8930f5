/**
 * What both modes share once an interaction has been read: the router, the celebration lines, the set of
 * interactions in flight, and a stop that waits for them at most `drainMs` (then flushes the waiting celebration
 * lines, at most `flushMs`), so shutting down takes seconds whatever is in flight.
 */
import type { Engine } from '../../engine/api.js';
import type { Logger } from '../../logger.js';
import { Celebrations } from './celebrations.js';
import { errorFields } from './errors.js';
import type { Incoming } from './interaction.js';
import { createInteractionRouter } from './router.js';
import { DISCORD_TEXTS } from './texts.js';
import type { Transport } from './transport.js';

export interface DispatcherOptions {
  readonly engine: Engine;
  readonly logger: Logger;
  readonly deferAfterMs: number;
  readonly celebrationWindowMs: number;
}

export interface Dispatcher {
  /** Handles one interaction; resolves when its handler is done. Refuses (false) once stopping. */
  dispatch(interaction: Incoming, transport: Transport): Promise<void> | false;
  stop(limits: { drainMs: number; flushMs: number }): Promise<void>;
}

/** Resolves when `work` settles or after `ms`, whichever comes first (never rejects). */
export async function within(ms: number, work: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([
    work.then(
      () => undefined,
      () => undefined,
    ),
    timeout,
  ]);
  clearTimeout(timer);
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { logger } = options;
  const celebrations = new Celebrations(options.celebrationWindowMs, DISCORD_TEXTS.celebrate, logger);
  const route = createInteractionRouter({
    engine: options.engine,
    logger,
    deferAfterMs: options.deferAfterMs,
    celebrations,
  });
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  return {
    dispatch(interaction, transport) {
      if (stopping) return false;
      const p = route(interaction, transport).catch((error: unknown) => {
        logger.error('discord: unexpected error outside the error boundary', errorFields(error));
      });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      return p;
    },
    async stop({ drainMs, flushMs }) {
      stopping = true;
      const pending = inFlight.size;
      await within(drainMs, Promise.allSettled([...inFlight]));
      if (inFlight.size > 0) {
        logger.warn('discord: stopped with interactions still in flight', { pending, left: inFlight.size });
      }
      await within(flushMs, celebrations.flush());
    },
  };
}
