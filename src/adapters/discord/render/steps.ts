/** Worked solutions (Step[]) as Discord embeds: one block per step, packed into as few embeds as fit. */
import type { APIEmbed } from 'discord.js';
import type { Step } from '../../../core/types.js';
import type { PartView, Solution } from '../../../engine/api.js';
import { partTitle, ROUNDED_ROUTE } from '../../shared/texts.js';
import { escapeText } from '../markdown.js';
import { COLOURS, cut, LIMITS, packBlocks, packEmbeds } from './limits.js';
import { expectedText, mono, namedValue } from './values.js';

export function stepBlock(step: Step, index?: number): string {
  const lines = [`**${index !== undefined ? `${index}. ` : ''}${escapeText(step.title)}**`];
  if (step.formula) lines.push(mono(step.formula));
  if (step.substitution) lines.push(mono(step.substitution));
  if (step.result) lines.push(`→ ${namedValue(step.result.name, step.result.value)}`);
  if (step.note) lines.push(`*${escapeText(step.note)}*`);
  return lines.join('\n');
}

export function answersBlock(
  solution: Pick<Solution, 'answers' | 'roundedRoute'>,
  views: readonly PartView[],
): string {
  const title = (id: string): string => {
    const view = views.find((v) => v.id === id);
    return escapeText(view ? partTitle(view) : '');
  };
  const line = (id: string, text: string): string =>
    text.includes('\n') ? `${title(id)}:\n${mono(text)}` : `${title(id)}: ${mono(text)}`;
  const rounded = solution.roundedRoute.map((r) => line(r.partId, r.value));
  return [
    '**Answers**',
    ...solution.answers.map((p) => line(p.id, expectedText(p.expected))),
    ...(rounded.length > 0 ? [`*${escapeText(ROUNDED_ROUTE)}*`, ...rounded] : []),
  ].join('\n');
}

/**
 * The full worked solution as messages of embeds (usually one message; very long solutions continue in more).
 */
export function solutionMessages(
  input: Solution & { readonly title: string; readonly parts: readonly PartView[] },
): APIEmbed[][] {
  const blocks = [...input.steps.map((s, i) => stepBlock(s, i + 1)), answersBlock(input, input.parts)];
  const descriptions = packBlocks(blocks);
  const embeds: APIEmbed[] = descriptions.map((description, i) => ({
    color: COLOURS.info,
    ...(i === 0 ? { title: cut(`Worked solution: ${escapeText(input.title)}`, LIMITS.embedTitle) } : {}),
    description,
  }));
  return packEmbeds(embeds);
}
