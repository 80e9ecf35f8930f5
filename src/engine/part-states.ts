/** A student's state on each part of a question, derived from their recorded attempts. */
import type { AnswerPart } from '../core/types.js';
import type { AttemptRecord } from './ports/store.js';
import type { PartProgress, PartState } from './api.js';
import { MAX_TRIES } from './rules.js';

export interface PartStatus extends PartProgress {
  /** Tries used so far (recorded attempts on this part). */
  readonly triesUsed: number;
  /** The try that solved it, when solved. */
  readonly solvedOnTry?: number;
}

export function partStates(parts: readonly AnswerPart[], attempts: readonly AttemptRecord[]): PartStatus[] {
  return parts.map((part) => {
    const mine = attempts.filter((a) => a.partId === part.id);
    const triesUsed = mine.reduce((max, a) => Math.max(max, a.tryNo), 0);
    const solvedOn = mine.filter((a) => a.status === 'correct').map((a) => a.tryNo);
    const solvedOnTry = solvedOn.length > 0 ? Math.min(...solvedOn) : undefined;
    const state: PartState =
      solvedOnTry !== undefined ? 'solved' : triesUsed >= MAX_TRIES ? 'failed' : 'open';
    return {
      id: part.id,
      label: part.label,
      state,
      triesLeft: state === 'open' ? MAX_TRIES - triesUsed : 0,
      triesUsed,
      ...(solvedOnTry !== undefined ? { solvedOnTry } : {}),
    };
  });
}

/** The public view of part states (drops the engine-internal fields). */
export function toPartProgress(states: readonly PartStatus[]): PartProgress[] {
  return states.map(({ id, label, state, triesLeft }) => ({ id, label, state, triesLeft }));
}
