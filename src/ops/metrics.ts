/**
 * The bot's Prometheus metrics, on a registry of its own (prom-client's global one would mix in anything else a
 * process registers): answers by platform and outcome, the time the engine took to grade and record an answer,
 * errors by kind, and the 429s each platform answered. Label values come from closed sets, so the number of series
 * stays small.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Platform } from '../core/vocabulary.js';

/** What became of a submitted answer. */
export type AnswerOutcome =
  | 'correct'
  | 'partial'
  | 'wrong'
  /** Nothing gradable: unreadable, or right but too coarsely rounded (costs no try). */
  | 'unreadable'
  /** The platform event was already recorded. */
  | 'duplicate'
  /** An expected refusal (no open question, already solved, no tries left...). */
  | 'refused'
  /** The engine threw (database unavailable, a bug). */
  | 'failed';

/** Why something failed: a thrown error's kind (StoreUnavailableError -> store-unavailable), or a platform's. */
/** Errors by kind: the engine's, start failures, and failed platform API calls (`platform-api`). */
export type ErrorKind = 'store-unavailable' | 'unexpected' | 'platform-start' | 'platform-api';

export interface Metrics {
  readonly registry: Registry;
  answer(platform: Platform, outcome: AnswerOutcome, seconds: number): void;
  error(kind: ErrorKind): void;
  rateLimited(platform: Platform): void;
}

/** Answers take milliseconds; the buckets reach the seconds a frozen database would cost. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'studybot_' });
  const answers = new Counter({
    name: 'studybot_answers_total',
    help: 'Answers submitted, by platform and outcome.',
    labelNames: ['platform', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'studybot_answer_duration_seconds',
    help: 'Time the engine took to grade and record an answer, by platform.',
    labelNames: ['platform'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'studybot_errors_total',
    help: 'Errors by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const rateLimits = new Counter({
    name: 'studybot_platform_rate_limited_total',
    help: 'HTTP 429 answers from a platform API, by platform.',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  return {
    registry,
    answer(platform, outcome, seconds) {
      answers.inc({ platform, outcome });
      latency.observe({ platform }, seconds);
    },
    error(kind) {
      errors.inc({ kind });
    },
    rateLimited(platform) {
      rateLimits.inc({ platform });
    },
  };
}
