/** An engine on the memory store with a settable clock, seeded randomness and the small test catalog. */
import { createRng } from '../../../src/core/rng.js';
import type { Actor, AnswerInput, Engine, Place, ScopeRef } from '../../../src/engine/api.js';
import { createEngine } from '../../../src/engine/create-engine.js';
import type { Catalog } from '../../../src/engine/deps.js';
import type { Store } from '../../../src/engine/ports/store.js';
import { createMemoryStore } from '../../../src/store/memory/memory-store.js';
import { testCatalog } from './test-catalog.js';

export const GROUP: ScopeRef = { platform: 'telegram', scopeId: 'g1', kind: 'group', title: 'Study group' };
export const PLACE: Place = { scope: GROUP, channelId: 'g1' };

export function actor(userId: string, displayName = userId): Actor {
  return { platform: 'telegram', userId, displayName };
}

export interface Harness {
  readonly engine: Engine;
  readonly store: Store;
  /** Moves the clock. */
  setNow(iso: string): void;
  now(): Date;
  /** A fresh event id each call. */
  event(): { eventId: string };
  quiz(who: Actor, selector?: string, place?: Place): Promise<{ questionId: string; seed: number }>;
  answer(
    who: Actor,
    answer: string | Record<string, string>,
    opts?: { questionId?: string; eventId?: string; place?: Place },
  ): ReturnType<Engine['submitAnswer']>;
}

export function harness(
  options: { catalog?: Catalog; store?: Store; now?: string; seed?: number } = {},
): Harness {
  const store = options.store ?? createMemoryStore();
  let now = new Date(options.now ?? '2026-03-02T10:00:00Z');
  let n = 0;
  const rng = createRng(options.seed ?? 7);
  const engine = createEngine({
    store,
    clock: () => new Date(now),
    random: () => rng.next(),
    catalog: options.catalog ?? testCatalog,
  });
  const event = () => ({ eventId: `e${++n}` });
  return {
    engine,
    store,
    setNow: (iso) => {
      now = new Date(iso);
    },
    now: () => new Date(now),
    event,
    async quiz(who, selector, place = PLACE) {
      const r = await engine.startQuiz({
        actor: who,
        place,
        event: event(),
        ...(selector !== undefined ? { selector } : {}),
      });
      if (!r.ok) throw new Error(`quiz failed: ${r.error}`);
      return { questionId: r.value.questionId, seed: r.value.seed };
    },
    answer(who, answer, opts = {}) {
      const input: AnswerInput = typeof answer === 'string' ? { text: answer } : { parts: answer };
      return engine.submitAnswer({
        actor: who,
        place: opts.place ?? PLACE,
        answer: input,
        event: opts.eventId !== undefined ? { eventId: opts.eventId } : event(),
        ...(opts.questionId !== undefined ? { questionId: opts.questionId } : {}),
      });
    },
  };
}

/** Unwraps an ok Result or fails the test with its error code. */
export function value<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error}`);
  return r.value;
}
