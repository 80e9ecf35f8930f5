/** /start, /help and /topics. */
import type { TopicListView } from '../../../engine/api.js';
import { commandsFor } from '../../shared/commands.js';
import { ANSWER_FORMATS, SCORING_RULE } from '../../shared/texts.js';
import { TG_TEXTS } from '../texts.js';
import { escapeHtml } from './escape.js';

export function commandListHtml(): string {
  return commandsFor('telegram')
    .map((c) => {
      const args = c.options
        // Telegram has no user picker: /stats always shows your own progress.
        .filter((o) => o.type !== 'user')
        .map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`))
        .join(' ');
      return `/${c.name}${args ? ` ${escapeHtml(args)}` : ''} · ${escapeHtml(c.description)}`;
    })
    .join('\n');
}

export function helpHtml(options: { inGroup: boolean }): string {
  return [
    `<b>${escapeHtml(TG_TEXTS.commandsTitle)}</b>`,
    commandListHtml(),
    '',
    `<b>Answering</b>`,
    escapeHtml(options.inGroup ? TG_TEXTS.groupTip : `${TG_TEXTS.answerInPrivate} ${TG_TEXTS.privateTip}`),
    escapeHtml(ANSWER_FORMATS),
    '',
    `<b>Scoring</b>`,
    escapeHtml(SCORING_RULE),
  ].join('\n');
}

export function welcomeHtml(options: { inGroup: boolean }): string {
  return [
    `👋 ${escapeHtml(TG_TEXTS.welcome)}`,
    '',
    'Try <code>/quiz</code> for any topic, <code>/quiz cnn</code> for a group, or <code>/topics</code> to see them all.',
    '',
    helpHtml(options),
  ].join('\n');
}

function stars(d: 1 | 2 | 3): string {
  return '★'.repeat(d);
}

export function topicsHtml(view: TopicListView): string {
  const blocks = view.groups.map((g) => {
    const head = `<b>${escapeHtml(g.title)}</b> · <code>/quiz ${escapeHtml(g.id)}</code>\n<i>${escapeHtml(g.summary)}</i>`;
    const topics = g.topics.map(
      (t) => `• <code>${escapeHtml(t.id)}</code> ${stars(t.difficulty)} ${escapeHtml(t.title)}`,
    );
    return [head, ...topics].join('\n');
  });
  return ['📚 <b>Topics</b> (<code>/quiz</code> alone picks any)', ...blocks].join('\n\n');
}
