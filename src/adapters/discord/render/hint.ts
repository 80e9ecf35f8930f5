/** One hint (a step of the worked solution), shown only to the student who asked. */
import type { APIEmbed } from 'discord.js';
import type { HintView } from '../../../engine/api.js';
import { escapeText } from '../markdown.js';
import { COLOURS, cut, LIMITS } from './limits.js';
import { stepBlock } from './steps.js';

export function hintEmbed(hint: HintView): APIEmbed {
  return {
    color: COLOURS.info,
    title: cut(`💡 Hint ${hint.index}/${hint.total}: ${escapeText(hint.question.title)}`, LIMITS.embedTitle),
    description: cut(stepBlock(hint.step), LIMITS.embedDescription),
  };
}
