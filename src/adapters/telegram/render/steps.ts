/** Worked-solution steps, hints and solutions as Telegram HTML. */
import type { Step } from '../../../core/types.js';
import type { HintView, QuestionView, Solution, SolutionView } from '../../../engine/api.js';
import { partTitle, ROUNDED_ROUTE } from '../../shared/texts.js';
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

export function answersHtml(
  question: QuestionView,
  solution: Pick<Solution, 'answers' | 'roundedRoute'>,
): string {
  const title = (id: string): string => {
    const view = question.parts.find((p) => p.id === id);
    return view ? partTitle(view) : '';
  };
  const lines = solution.answers.map(
    (a) => `• <b>${escapeHtml(title(a.id))}</b>: ${expectedHtml(a.expected)}`,
  );
  const rounded = solution.roundedRoute.map(
    (r) => `• <b>${escapeHtml(title(r.partId))}</b>: <code>${escapeHtml(r.value)}</code>`,
  );
  return [
    `<b>Answers</b>`,
    ...lines,
    ...(rounded.length > 0 ? ['', `<i>${escapeHtml(ROUNDED_ROUTE)}</i>`, ...rounded] : []),
  ].join('\n');
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
    answersHtml(view.question, view),
  ].join('\n');
}
