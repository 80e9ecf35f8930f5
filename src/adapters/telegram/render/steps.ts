/** Worked-solution steps, hints and solutions as Telegram HTML. */
import type { Part, Step } from '../../../core/types.js';
import type { HintView, QuestionView, SolutionView } from '../../../engine/api.js';
import { escapeHtml, nameHtml } from './escape.js';
import { expectedHtml, monoHtml, namedValueHtml } from './values.js';

export function stepHtml(step: Step, index: number): string {
  const lines = [`<b>${index}. ${escapeHtml(step.title)}</b>`];
  if (step.formula) lines.push(monoHtml(step.formula));
  if (step.substitution) lines.push(monoHtml(step.substitution));
  if (step.result) lines.push(`⇒ ${namedValueHtml(step.result.name, step.result.value)}`);
  if (step.note) lines.push(`<i>${escapeHtml(step.note)}</i>`);
  return lines.join('\n');
}

export function stepsHtml(steps: readonly Step[]): string {
  return steps.map((s, i) => stepHtml(s, i + 1)).join('\n\n');
}

function partLabel(question: QuestionView, partId: string): string {
  return question.parts.find((p) => p.id === partId)?.label ?? partId;
}

export function answersHtml(question: QuestionView, answers: readonly Part[]): string {
  const lines = answers.map(
    (a) => `• <b>${escapeHtml(a.label || partLabel(question, a.id))}</b>: ${expectedHtml(a.expected)}`,
  );
  return [`<b>Answers</b>`, ...lines].join('\n');
}

/** A hint; `forName` (groups) says whose hint it is, since hints only cost the student who asked. */
export function hintHtml(hint: HintView, forName?: string): string {
  const who = forName === undefined ? '' : ` for ${nameHtml(forName)}`;
  return [
    `💡 <b>Hint ${hint.index}/${hint.total}</b>${who} · ${escapeHtml(hint.question.title)}`,
    '',
    stepHtml(hint.step, hint.index),
  ].join('\n');
}

export function solutionHtml(view: SolutionView, heading?: string): string {
  return [
    heading ?? `📖 <b>Worked solution</b> · ${escapeHtml(view.question.title)}`,
    '',
    stepsHtml(view.steps),
    '',
    answersHtml(view.question, view.answers),
  ].join('\n');
}
