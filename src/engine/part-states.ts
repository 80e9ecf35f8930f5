/** A student's state on each part of a question, derived from their recorded attempts. */
import { partLetter } from '../core/answers/index.js';
import type { Part } from '../core/types.js';
import type { AttemptRecord } from './ports/store.js';
import type { PartState, PartStatus, PartView } from './api.js';
import { MAX_TRIES } from './rules.js';

export function partView(part: Part, index: number): PartView {
  return { id: part.id, letter: partLetter(index), name: part.name, kind: part.expected.kind };
}

export function partStates(parts: readonly Part[], attempts: readonly AttemptRecord[]): PartState[] {
  return parts.map((part, index) => {
    let triesUsed = 0;
    let solved = false;
    for (const a of attempts) {
      if (a.partId !== part.id) continue;
      triesUsed = Math.max(triesUsed, a.tryNo);
      if (a.status === 'correct') solved = true;
    }
    const status: PartStatus = solved ? 'solved' : triesUsed >= MAX_TRIES ? 'failed' : 'open';
    return {
      ...partView(part, index),
      status,
      triesUsed,
      triesLeft: status === 'open' ? MAX_TRIES - triesUsed : 0,
    };
  });
}
