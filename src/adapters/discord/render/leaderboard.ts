/** A scope's leaderboard. Display names are user text: escaped, mentions defused (and never parsed anyway). */
import type { APIEmbed } from 'discord.js';
import type { LeaderboardEntry, LeaderboardView } from '../../../engine/api.js';
import { escapeUserText } from '../markdown.js';
import { COLOURS, cut, LIMITS } from './limits.js';

const MEDALS = ['🥇', '🥈', '🥉'];

export function leaderboardLine(e: LeaderboardEntry): string {
  const rank = MEDALS[e.rank - 1] ?? `**${e.rank}.**`;
  const solved = e.solved === 1 ? '1 solved' : `${e.solved} solved`;
  return `${rank} ${escapeUserText(e.displayName, 64)}: ${e.points} pts (${solved})`;
}

export function leaderboardEmbed(view: LeaderboardView, scopeTitle?: string): APIEmbed {
  const period = view.period === 'week' ? 'this week' : 'all time';
  const lines =
    view.entries.length > 0
      ? view.entries.map(leaderboardLine)
      : ['No points yet. Be the first: start a question with /quiz.'];
  if (view.me && !view.entries.some((e) => e.userId === view.me?.userId))
    lines.push('…', `You: ${leaderboardLine(view.me)}`);
  return {
    color: COLOURS.question,
    title: cut(
      `🏆 Leaderboard, ${period}${scopeTitle ? `: ${escapeUserText(scopeTitle, 100)}` : ''}`,
      LIMITS.embedTitle,
    ),
    description: cut(lines.join('\n'), LIMITS.embedDescription),
  };
}
