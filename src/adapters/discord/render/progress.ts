/** A student's progress: points, streak, accuracy per topic, weakest topics. */
import type { APIEmbed } from 'discord.js';
import type { ProgressView } from '../../../engine/api.js';
import { escapeText, escapeUserText } from '../markdown.js';
import { COLOURS, cut, LIMITS } from './limits.js';

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function progressEmbed(view: ProgressView): APIEmbed {
  const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);
  const head = [
    `**${view.totalPoints}** points`,
    `Streak: ${days(view.streak.current)} (best ${days(view.streak.best)}, ${escapeText(view.timeZone)})`,
  ];
  if (view.optedOut) head.push('Hidden from leaderboards (/optout to show).');
  const topics =
    view.topics.length > 0
      ? view.topics.map(
          (t) =>
            `**${escapeText(t.title)}**: ${t.correct}/${t.attempts} right (${pct(t.accuracy)}), first try ${pct(t.firstTryAccuracy)}, ${t.questions} questions`,
        )
      : ['No answers yet. Try /quiz to start.'];
  const titles = new Map(view.topics.map((t) => [t.topicId, t.title]));
  const blocks = [head.join('\n'), topics.join('\n')];
  if (view.weakest.length > 0) {
    blocks.push(`Practise next: ${view.weakest.map((id) => escapeText(titles.get(id) ?? id)).join(', ')}`);
  }
  return {
    color: COLOURS.question,
    title: cut(`📈 Progress: ${escapeUserText(view.displayName, 100)}`, LIMITS.embedTitle),
    description: cut(blocks.join('\n\n'), LIMITS.embedDescription),
  };
}
