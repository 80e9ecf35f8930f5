/** Feedback on a submitted answer: one line per graded part, tries left, points, and what to do next. */
import type { GradeStatus, PartGrade } from '../../../core/answers/index.js';
import type { SubmitOutcome } from '../../../engine/api.js';
import { gradeText, partTitle, settledText, triesLeftText } from '../../shared/texts.js';
import { TG_TEXTS } from '../texts.js';
import { escapeHtml, nameHtml, typedHtml } from './escape.js';
import { formatHintHtml } from './question.js';
import { solutionHtml } from './steps.js';

const ICON: Record<GradeStatus, string> = { correct: '✅', wrong: '❌', coarse: '⚠️', invalid: '❓' };

export interface OutcomeRenderOptions {
  readonly inGroup: boolean;
  /** Shown in groups so everyone sees whose feedback this is. */
  readonly displayName: string;
}

function gradeLine(outcome: SubmitOutcome, grade: PartGrade): string {
  const part = outcome.parts.find((p) => p.id === grade.partId);
  const label = part ? partTitle(part) : '';
  const typed = grade.typed.trim() === '' ? '' : ` ${typedHtml(grade.typed)}`;
  let text = gradeText(grade, (id) => outcome.parts.find((p) => p.id === id)?.letter ?? id);
  if (grade.status === 'wrong' && part) text += ` ${triesLeftText(part.triesLeft)}`;
  return `${ICON[grade.status]} <b>${escapeHtml(label)}</b>${typed}: ${escapeHtml(text)}`;
}

/** The feedback message (without the worked solution, which `outcomeSolutionHtml` renders separately). */
export function outcomeHtml(outcome: SubmitOutcome, options: OutcomeRenderOptions): string {
  const lines: string[] = [];
  if (options.inGroup) lines.push(`<b>${nameHtml(options.displayName)}</b>`);
  lines.push(...outcome.grades.map((g) => gradeLine(outcome, g)));
  if (outcome.settled.length > 0) lines.push(escapeHtml(settledText(outcome.settled)));
  if (outcome.pointsAwarded > 0)
    lines.push(`+${outcome.pointsAwarded} ${outcome.pointsAwarded === 1 ? 'point' : 'points'}`);
  if (outcome.solved) {
    lines.push(`🎉 ${escapeHtml(TG_TEXTS.solvedAll)}`);
  } else if (outcome.finished) {
    lines.push(escapeHtml(TG_TEXTS.outOfTries));
  } else if (outcome.nextPart) {
    const kind = outcome.question.parts.find((p) => p.id === outcome.nextPart?.id)?.kind;
    const hint = kind ? formatHintHtml(kind, outcome.nextPart.prompt) : '';
    lines.push(
      `Next: <b>${escapeHtml(outcome.nextPart.letter)})</b> ${escapeHtml(outcome.nextPart.prompt)}${hint}`,
    );
    if (options.inGroup) lines.push(`<i>${escapeHtml(TG_TEXTS.answerInGroup)}</i>`);
  }
  return lines.join('\n');
}

/** The worked solution shown once a student is finished with a question, or undefined. */
export function outcomeSolutionHtml(outcome: SubmitOutcome): string | undefined {
  if (!outcome.finished || !outcome.solution) return undefined;
  return solutionHtml({ question: outcome.question, ...outcome.solution });
}
