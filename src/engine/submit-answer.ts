/**
 * Submitting an answer: grades each answered part, records the graded tries and the points in one store call,
 * and reports the student's state on every part.
 *
 * - Anyone in a scope may answer an open question there; each student's tries are their own.
 * - At most MAX_TRIES tries per part per student. Unreadable ('invalid') and too-coarsely rounded ('coarse')
 *   answers cost no try and are not recorded.
 * - Partial credit per matrix/vector cell is recorded with each attempt (credit 0..1); points follow scoring.ts.
 * - Idempotent: the platform event is the store's event key, so a redelivered event records nothing and comes back
 *   as `duplicate: true`. Two submissions racing for the same try: the store records one and answers 'conflict'
 *   to the other, which re-reads the student's state and re-grades the parts it answered (a later try), or, when
 *   those parts were settled meanwhile (the same answer sent twice), reports `duplicate: true`.
 */
import { gradePart, type PartGrade, type PartText } from '../core/answers/index.js';
import type { NewAttempt, UserQuestionState } from './ports/store.js';
import type {
  AnswerInput,
  EventRef,
  PartState,
  QuestionTarget,
  QuestionView,
  SubmitError,
  SubmitOutcome,
} from './api.js';
import { answerTargets, checkAnswerSize } from './answer-targets.js';
import { routeOf } from './follow-through.js';
import { localDay, weekKey } from './calendar.js';
import type { EngineDeps } from './deps.js';
import { eventKey } from './event-key.js';
import { loadTarget, stateOf, type Target } from './load-target.js';
import { partStates } from './part-states.js';
import { solutionOf } from './solution-of.js';
import { err, ok, type Result } from '../core/result.js';
import { REPLY_LEASE_MS } from './reply-lease.js';
import { pointsForSolvedPart } from './scoring.js';

/** Re-reads after a 'conflict' before giving up (each round means another submission won a race). */
const MAX_ROUNDS = 5;

type SubmitInput = QuestionTarget & { answer: AnswerInput; event: EventRef };

export async function submitAnswer(
  deps: EngineDeps,
  input: SubmitInput,
): Promise<Result<SubmitOutcome, SubmitError>> {
  const size = checkAnswerSize(input.answer);
  if (!size.ok) return size;
  const loaded = await loadTarget(deps, input);
  if (!loaded.ok) return loaded;
  const target = loaded.value;
  const key = eventKey(input.actor.platform, 'answer', input.event.eventId);

  let state = await stateOf(deps, target);
  let pinned: readonly PartText[] | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = partStates(target.instance.parts, state.attempts);
    let answers: readonly PartText[];
    let settled: readonly PartState[] = [];
    if (pinned === undefined) {
      const chosen = answerTargets(input.answer, target.instance.parts, before);
      if (!chosen.ok) return chosen;
      answers = chosen.value.answers;
      settled = chosen.value.settled;
      if (answers.length === 0) {
        // Nothing addressed is open: a redelivered event, or a genuine answer to settled parts.
        const seen = await seenEvent(deps, target, before, key);
        if (seen !== undefined) return ok(seen);
        const named = settled.length > 0 ? settled : before;
        return err(named.every((s) => s.status === 'solved') ? 'already-solved' : 'no-tries-left', {
          questionId: target.view.questionId,
          letters: named.map((s) => s.letter),
        });
      }
    } else {
      // After a lost race: the same parts, if they are still open. Otherwise the race winner settled them: this
      // answer is then reported as what it is now (already solved, or no tries left), never as a duplicate,
      // unless it was this very event that won (a redelivery racing its first delivery).
      const chosen = pinned;
      answers = chosen.filter((a) => before.find((s) => s.id === a.partId)?.status === 'open');
      if (answers.length === 0) {
        const seen = await seenEvent(deps, target, before, key);
        if (seen !== undefined) return ok(seen);
        return ok(
          outcome(
            target,
            before,
            [],
            0,
            false,
            before.filter((s) => chosen.some((a) => a.partId === s.id)),
          ),
        );
      }
    }

    const graded = grade(target, state, before, answers);
    if (graded.attempts.length === 0) {
      // Only unreadable or too-coarse answers: free, nothing recorded.
      return ok(outcome(target, before, graded.grades, 0, false, settled));
    }
    const at = deps.clock();
    const after = partStates(target.instance.parts, [
      ...state.attempts,
      ...graded.attempts.map((a) => ({ ...a, createdAt: at })),
    ]);
    const result = await deps.store.recordAttempts({
      eventKey: key,
      questionId: target.record.id,
      userId: target.user.id,
      scopeId: target.record.scopeId,
      topicId: target.record.topicId,
      attempts: graded.attempts,
      points: graded.points,
      solvedQuestion: after.every((s) => s.status === 'solved'),
      firstAttemptOnQuestion: state.attempts.length === 0,
      day: localDay(at, target.user.timeZone),
      week: weekKey(at),
      at,
      outcome: storedOutcome(graded.grades, graded.points),
    });
    if (result.status === 'recorded')
      return ok(outcome(target, after, graded.grades, graded.points, false, settled));
    if (result.status === 'duplicate') {
      const seen = await seenEvent(deps, target, before, key);
      return ok(seen ?? outcome(target, before, [], 0, true, []));
    }
    pinned = answers;
    state = await readState(deps, target);
  }
  throw new Error(`submission kept conflicting after ${MAX_ROUNDS} rounds (question ${target.record.id})`);
}

/**
 * A platform event already recorded: `duplicate` (send nothing) when its reply was delivered, or when it is so
 * recent that the process that recorded it is still replying; otherwise the reply may never have been sent (a
 * crash between the commit and the send), so the stored outcome is replayed. A second copy of a reply is
 * acceptable; silence is not.
 */
async function seenEvent(
  deps: EngineDeps,
  target: Target,
  states: readonly PartState[],
  key: string,
): Promise<SubmitOutcome | undefined> {
  const event = await deps.store.getEvent(key);
  if (event === undefined) return undefined;
  const age = deps.clock().getTime() - event.at.getTime();
  const stored = event.deliveredAt === null && age >= REPLY_LEASE_MS ? readOutcome(event.outcome) : undefined;
  if (stored === undefined) return outcome(target, states, [], 0, true, []);
  return { ...outcome(target, states, stored.grades, stored.points, false, []), replayed: true };
}

function storedOutcome(grades: readonly PartGrade[], points: number): string {
  return JSON.stringify({ grades, points });
}

function readOutcome(text: string | null): { grades: PartGrade[]; points: number } | undefined {
  if (text === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const grades: unknown = 'grades' in parsed ? parsed.grades : undefined;
    const points: unknown = 'points' in parsed ? parsed.points : undefined;
    if (!Array.isArray(grades) || typeof points !== 'number') return undefined;
    return { grades: grades.filter(isGrade), points };
  } catch {
    return undefined;
  }
}

function isGrade(g: unknown): g is PartGrade {
  return typeof g === 'object' && g !== null && 'partId' in g && 'status' in g && 'typed' in g;
}

function readState(deps: EngineDeps, target: Target): Promise<UserQuestionState> {
  return deps.store.getUserQuestionState({ questionId: target.record.id, userId: target.user.id });
}

interface Graded {
  readonly grades: PartGrade[];
  readonly attempts: NewAttempt[];
  readonly points: number;
}

function grade(
  target: Target,
  state: UserQuestionState,
  before: readonly PartState[],
  answers: readonly PartText[],
): Graded {
  const revealed = state.revealed || target.record.revealedAt !== null;
  const hinted = state.hintsUsed > 0;
  const grades: PartGrade[] = [];
  const attempts: NewAttempt[] = [];
  let points = 0;
  // The student's own values for follow-through: their latest recorded answers, then this submission's.
  const route = routeOf(target.instance, state.attempts);
  for (const answer of answers) {
    const part = target.instance.parts.find((p) => p.id === answer.partId);
    const status = before.find((s) => s.id === answer.partId);
    if (!part || !status) continue;
    const g = gradePart(part, answer.text, route.alternatives(part.id));
    grades.push(g);
    route.record(part, g);
    if (g.status !== 'correct' && g.status !== 'wrong') continue;
    const tryNo = status.triesUsed + 1;
    const correct = g.status === 'correct';
    attempts.push({
      partId: part.id,
      tryNo,
      answer: g.typed,
      status: g.status,
      credit: correct ? 1 : g.credit,
      firstTry: correct && tryNo === 1,
    });
    if (correct) {
      points += pointsForSolvedPart({ difficulty: target.instance.difficulty, tryNo, hinted, revealed });
    }
  }
  return { grades, attempts, points };
}

function outcome(
  target: Target,
  states: readonly PartState[],
  grades: readonly PartGrade[],
  points: number,
  duplicate: boolean,
  settled: readonly PartState[],
): SubmitOutcome {
  const solved = states.every((s) => s.status === 'solved');
  const finished = states.every((s) => s.status !== 'open');
  const next = states.find((s) => s.status === 'open');
  return {
    question: target.view,
    grades,
    parts: states,
    settled,
    solved,
    finished,
    pointsAwarded: points,
    duplicate,
    ...(finished ? { solution: solutionOf(target.instance) } : {}),
    ...(next
      ? {
          nextPart: {
            id: next.id,
            letter: next.letter,
            name: next.name,
            kind: next.kind,
            prompt: promptOf(target.view, next.id),
          },
        }
      : {}),
  };
}

function promptOf(view: QuestionView, partId: string): string {
  return view.question.parts.find((p) => p.id === partId)?.prompt ?? '';
}
