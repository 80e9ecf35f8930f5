/**
 * Builds the quiz engine: every use case bound to its dependencies. Adapters receive the Engine and nothing else.
 *
 *   const engine = createEngine({ store });                           // production: real clock, crypto entropy
 *   const engine = createEngine({ store, clock, random, catalog });   // tests
 */
import { randomBytes } from 'node:crypto';
import type { Store } from './ports/store.js';
import type { Engine } from './api.js';
import { registryCatalog } from './default-catalog.js';
import type { Catalog, EngineDeps } from './deps.js';
import { getHint } from './get-hint.js';
import { getLeaderboard } from './get-leaderboard.js';
import { getPartStates } from './get-part-states.js';
import { getProgress } from './get-progress.js';
import { listTopics } from './list-topics.js';
import { nextQuestion } from './next-question.js';
import { attachMessage, findQuestionByMessage, getQuestion } from './question-lookup.js';
import { createQuestionSource } from './question-source.js';
import { resetLeaderboard } from './reset-leaderboard.js';
import { revealSolution } from './reveal-solution.js';
import { QUESTION_CACHE_SIZE } from './rules.js';
import { setOptOut } from './set-opt-out.js';
import { setTimeZone } from './set-time-zone.js';
import { startQuiz } from './start-quiz.js';
import { submitAnswer } from './submit-answer.js';
import { markDelivered } from './mark-delivered.js';

export interface CreateEngineOptions {
  readonly store: Store;
  readonly clock?: () => Date;
  /** Uniform in [0, 1) (default: crypto randomness). */
  readonly random?: () => number;
  /** Topics (default: the registry in src/core/topics). */
  readonly catalog?: Catalog;
  /** Built questions kept in memory (default 1000). */
  readonly questionCacheSize?: number;
}

/** Uniform in [0, 1) from the OS entropy source (53 random bits). */
export function cryptoRandom(): number {
  const b = randomBytes(7);
  // 53 bits: 5 bits of the first byte, then 48 bits.
  return ((b.readUInt8(0) & 0x1f) * 2 ** 48 + b.readUIntBE(1, 6)) / 2 ** 53;
}

export function createEngine(options: CreateEngineOptions): Engine {
  const catalog = options.catalog ?? registryCatalog;
  const deps: EngineDeps = {
    store: options.store,
    clock: options.clock ?? (() => new Date()),
    random: options.random ?? cryptoRandom,
    catalog,
    questions: createQuestionSource(catalog, options.questionCacheSize ?? QUESTION_CACHE_SIZE),
  };
  return {
    listTopics: () => listTopics(catalog),
    startQuiz: (input) => startQuiz(deps, input),
    nextQuestion: (input) => nextQuestion(deps, input),
    attachMessage: (input) => attachMessage(deps, input),
    findQuestionByMessage: (input) => findQuestionByMessage(deps, input),
    getQuestion: (questionId) => getQuestion(deps, questionId),
    getPartStates: (input) => getPartStates(deps, input),
    submitAnswer: (input) => submitAnswer(deps, input),
    markDelivered: (input) => markDelivered(deps, input),
    getHint: (input) => getHint(deps, input),
    revealSolution: (input) => revealSolution(deps, input),
    getProgress: (input) => getProgress(deps, input),
    getLeaderboard: (input) => getLeaderboard(deps, input),
    setOptOut: (input) => setOptOut(deps, input),
    setTimeZone: (input) => setTimeZone(deps, input),
    resetLeaderboard: (input) => resetLeaderboard(deps, input),
  };
}
