/** A question as a Telegram HTML message: statement, givens in monospace, the parts, and how to answer. */
import type { ExpectedKind } from '../../../core/types.js';
import type { QuestionView } from '../../../engine/api.js';
import { multiPartText } from '../../shared/texts.js';
import { TG_TEXTS } from '../texts.js';
import { escapeHtml } from './escape.js';
import { namedValueHtml } from './values.js';

const FORMAT_HINT: Record<ExpectedKind, string> = {
  number: 'a number',
  vector: 'a vector like [1, 2, 3]',
  matrix: 'a matrix like [[1, 2], [3, 4]]',
  shape: 'a shape like (2, 1, 3)',
  ratio: 'a ratio like 55:294',
  boolean: 'T or F',
  choice: 'an option letter',
};

export function formatHint(kind: ExpectedKind): string {
  return FORMAT_HINT[kind];
}

/** The format hint in HTML, or nothing when the prompt already says what to type. */
export function formatHintHtml(kind: ExpectedKind, prompt: string): string {
  const p = prompt.toLowerCase();
  const says =
    kind === 'boolean' ? /\b(t or f|true or false)\b/.test(p) : kind !== 'choice' && p.includes(kind);
  return says ? '' : ` <i>(${FORMAT_HINT[kind]})</i>`;
}

function stars(difficulty: 1 | 2 | 3): string {
  return '★'.repeat(difficulty) + '☆'.repeat(3 - difficulty);
}

export interface QuestionRenderOptions {
  /** In a group students answer by replying to the question message. */
  readonly inGroup: boolean;
}

export function questionHtml(view: QuestionView, options: QuestionRenderOptions): string {
  const blocks: string[] = [`❓ <b>${escapeHtml(view.title)}</b> ${stars(view.difficulty)}`];
  if (view.question.text.trim() !== '') blocks.push(escapeHtml(view.question.text.trim()));
  if (view.question.givens.length > 0) {
    blocks.push(view.question.givens.map((g) => namedValueHtml(g.name, g.value)).join('\n'));
  }
  const multi = view.parts.length > 1;
  const partLines = view.parts.map((part) => {
    const prompt = view.question.parts.find((p) => p.id === part.id)?.prompt ?? part.name;
    const head = multi ? `<b>${escapeHtml(part.letter)})</b> ` : '';
    return `${head}${escapeHtml(prompt)}${formatHintHtml(part.kind, prompt)}`;
  });
  blocks.push(partLines.join('\n'));
  const how = [
    options.inGroup ? TG_TEXTS.answerInGroup : TG_TEXTS.answerInPrivate,
    multi ? multiPartText(view.parts.map((p) => p.letter)) : '',
    `${view.maxTries} ${view.maxTries === 1 ? 'try' : 'tries'} per part.`,
    TG_TEXTS.buttons,
  ]
    .filter((s) => s !== '')
    .join(' ');
  blocks.push(`<i>${escapeHtml(how)}</i>`);
  return blocks.join('\n\n');
}
