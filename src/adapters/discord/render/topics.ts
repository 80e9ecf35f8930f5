/** /topics: one field per group with its topic ids (what `/quiz topic:` accepts). */
import type { APIEmbed } from 'discord.js';
import type { TopicListView } from '../../../engine/api.js';
import { escapeText, inlineCode } from '../markdown.js';
import { COLOURS, cut, LIMITS } from './limits.js';
import { difficultyStars } from './question.js';

export function topicsEmbed(view: TopicListView): APIEmbed {
  return {
    color: COLOURS.question,
    title: 'Topics',
    description:
      'Start with `/quiz topic:<group or topic>`, e.g. `/quiz topic:cnn`. Leave it empty for any topic.',
    fields: view.groups.slice(0, LIMITS.embedFields).map((g) => ({
      name: cut(`${g.id}: ${g.title}`, LIMITS.fieldName),
      value: cut(
        g.topics.length > 0
          ? g.topics
              .map((t) => `${inlineCode(t.id)} ${escapeText(t.title)} ${difficultyStars(t.difficulty)}`)
              .join('\n')
          : escapeText(g.summary),
        LIMITS.fieldValue,
      ),
    })),
  };
}
