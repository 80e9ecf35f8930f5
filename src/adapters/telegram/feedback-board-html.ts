/**
 * The HTML of a group's feedback board: one line per student with the result of their latest answer, so a busy
 * group gets one message edited in place instead of one reply per answer.
 */
import type { GradeStatus } from '../../core/answers/index.js';
import type { SubmitOutcome } from '../../engine/api.js';
import { gradeText, partTitle, triesLeftText } from '../shared/texts.js';
import { escapeHtml, nameHtml, truncate, typedHtml } from './render/escape.js';
import { TG_TEXTS } from './texts.js';

const ICON: Record<GradeStatus, string> = { correct: '✅', wrong: '❌', coarse: '⚠️', invalid: '❓' };

/** One student's line: each part graded in this answer, then where they stand. */
export function boardLineHtml(
  outcome: SubmitOutcome,
  displayName: string,
  options: { readonly solutionSentPrivately: boolean },
): string {
  const grades = outcome.grades.map((grade) => {
    const part = outcome.parts.find((p) => p.id === grade.partId);
    const label = escapeHtml(part ? partTitle(part) : '');
    const typed = grade.typed.trim() === '' ? '' : ` ${typedHtml(grade.typed, 40)}`;
    const letterOf = (id: string): string => outcome.parts.find((p) => p.id === id)?.letter ?? id;
    const text = gradeText(grade, letterOf);
    const detail =
      grade.status === 'correct' && !grade.followThrough ? '' : ` ${escapeHtml(truncate(text, 140))}`;
    const tries = grade.status === 'wrong' && part ? ` ${escapeHtml(triesLeftText(part.triesLeft))}` : '';
    return `${ICON[grade.status]} ${label}${typed}${detail}${tries}`;
  });
  const status = outcome.solved
    ? ` 🎉${outcome.pointsAwarded > 0 ? ` +${outcome.pointsAwarded}` : ''}`
    : outcome.finished
      ? ` · ${escapeHtml(options.solutionSentPrivately ? TG_TEXTS.boardSolutionSent : TG_TEXTS.boardOutOfTries)}`
      : outcome.nextPart
        ? ` · ${escapeHtml(TG_TEXTS.boardNext)} <b>${escapeHtml(`${outcome.nextPart.letter})`)}</b>`
        : '';
  return `<b>${nameHtml(displayName)}</b>: ${grades.join('; ')}${status}`;
}

/** The whole board: a title and the students' lines in the order they first answered. */
export function boardHtml(lines: readonly string[]): string {
  return [`<b>${escapeHtml(TG_TEXTS.boardTitle)}</b>`, ...lines].join('\n');
}
