/** Worked solutions (Step[]) as Discord embeds: one block per step, packed into as few embeds as fit. */
import type { APIEmbed } from 'discord.js';
import type { Part, Step } from '../../../core/types.js';
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

export function answersBlock(parts: readonly Part[]): string {
  return [
    '**Answers**',
    ...parts.map((p) => {
      const text = expectedText(p.expected);
      return text.includes('\n')
        ? `${escapeText(p.label)}:\n${mono(text)}`
        : `${escapeText(p.label)}: ${mono(text)}`;
    }),
  ].join('\n');
}

/**
 * The full worked solution as messages of embeds (usually one message; very long solutions continue in more).
 */
export function solutionMessages(input: {
  title: string;
  steps: readonly Step[];
  answers: readonly Part[];
}): APIEmbed[][] {
  const blocks = [...input.steps.map((s, i) => stepBlock(s, i + 1)), answersBlock(input.answers)];
  const descriptions = packBlocks(blocks);
  const embeds: APIEmbed[] = descriptions.map((description, i) => ({
    color: COLOURS.info,
    ...(i === 0 ? { title: cut(`Worked solution: ${escapeText(input.title)}`, LIMITS.embedTitle) } : {}),
    description,
  }));
  return packEmbeds(embeds);
}
