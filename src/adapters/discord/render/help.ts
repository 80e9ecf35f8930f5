/** /help: the commands (from the shared specs), answer formats and the scoring rule. */
import type { APIEmbed } from 'discord.js';
import { commandsFor } from '../../shared/commands.js';
import { ANSWER_FORMATS, SCORING_RULE } from '../../shared/texts.js';
import { escapeText } from '../markdown.js';
import { COLOURS, cut, LIMITS } from './limits.js';

export function helpEmbed(): APIEmbed {
  const commands = commandsFor('discord').map((c) => {
    const options = c.options.map((o) => (o.required ? ` ${o.name}:` : ` [${o.name}]`)).join('');
    return `\`/${c.name}${options}\` ${escapeText(c.description)}`;
  });
  return {
    color: COLOURS.question,
    title: 'studybot: exam-style practice for Neural Networks and Deep Learning',
    description: cut(
      [
        'Start a question with `/quiz`, then press **Answer** to type your answer: only you see the feedback. Anyone in the channel can answer a posted question.',
        commands.join('\n'),
        `**Answer formats**\n${escapeText(ANSWER_FORMATS)}`,
        `**Scoring**\n${escapeText(SCORING_RULE)}`,
      ].join('\n\n'),
      LIMITS.embedDescription,
    ),
  };
}
