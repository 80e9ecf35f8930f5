/**
 * The Engine with metrics around it (a decorator: the engine itself knows nothing of metrics). Every submitted
 * answer is counted by outcome and timed; every error thrown by any use case is counted by kind and rethrown
 * unchanged, so adapters' error boundaries see exactly what they saw before.
 */
import type { Engine, SubmitOutcome } from '../engine/api.js';
import { StoreUnavailableError } from '../engine/ports/store.js';
import type { AnswerOutcome, ErrorKind, Metrics } from './metrics.js';

export function errorKindOf(error: unknown): ErrorKind {
  return error instanceof StoreUnavailableError ? 'store-unavailable' : 'unexpected';
}

export function outcomeOf(outcome: SubmitOutcome): AnswerOutcome {
  if (outcome.duplicate) return 'duplicate';
  const graded = outcome.grades.filter((g) => g.status === 'correct' || g.status === 'wrong');
  if (graded.length === 0) return 'unreadable';
  const right = graded.filter((g) => g.status === 'correct').length;
  if (right === graded.length) return 'correct';
  return right === 0 ? 'wrong' : 'partial';
}

export function instrumentEngine(engine: Engine, metrics: Metrics): Engine {
  const counted = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      metrics.error(errorKindOf(error));
      throw error;
    }
  };
  const getPartStates = engine.getPartStates?.bind(engine);
  return {
    listTopics: () => engine.listTopics(),
    startQuiz: (input) => counted(() => engine.startQuiz(input)),
    nextQuestion: (input) => counted(() => engine.nextQuestion(input)),
    attachMessage: (input) => counted(() => engine.attachMessage(input)),
    findQuestionByMessage: (input) => counted(() => engine.findQuestionByMessage(input)),
    getQuestion: (questionId) => counted(() => engine.getQuestion(questionId)),
    ...(getPartStates ? { getPartStates: (input) => counted(() => getPartStates(input)) } : {}),
    async submitAnswer(input) {
      const started = performance.now();
      const seconds = (): number => (performance.now() - started) / 1000;
      const platform = input.actor.platform;
      try {
        const result = await engine.submitAnswer(input);
        metrics.answer(platform, result.ok ? outcomeOf(result.value) : 'refused', seconds());
        return result;
      } catch (error) {
        metrics.answer(platform, 'failed', seconds());
        metrics.error(errorKindOf(error));
        throw error;
      }
    },
    markDelivered: (input) => counted(() => engine.markDelivered(input)),
    getHint: (input) => counted(() => engine.getHint(input)),
    revealSolution: (input) => counted(() => engine.revealSolution(input)),
    getProgress: (input) => counted(() => engine.getProgress(input)),
    getLeaderboard: (input) => counted(() => engine.getLeaderboard(input)),
    setOptOut: (input) => counted(() => engine.setOptOut(input)),
    setTimeZone: (input) => counted(() => engine.setTimeZone(input)),
    resetLeaderboard: (input) => counted(() => engine.resetLeaderboard(input)),
  };
}
