/** /leaderboard: top students of this chat, this week or all time, plus the caller's own rank. */
import type { LeaderboardEntry, LeaderboardView } from '../../../engine/api.js';
import { TG_TEXTS } from '../texts.js';
import { escapeHtml, nameHtml } from './escape.js';

const MEDALS = ['🥇', '🥈', '🥉'];

function entryLine(e: LeaderboardEntry, me: boolean): string {
  const rank = MEDALS[e.rank - 1] ?? `${e.rank}.`;
  const name = me ? `<b>${nameHtml(e.displayName)}</b>` : nameHtml(e.displayName);
  return `${rank} ${name} · ${e.points} pts · ${e.solved} solved`;
}

export interface LeaderboardRenderOptions {
  readonly optedOut: boolean;
  readonly title?: string;
}

export function leaderboardHtml(view: LeaderboardView, options: LeaderboardRenderOptions): string {
  const period = view.period === 'week' ? 'this week' : 'all time';
  const where = options.title ? ` · ${escapeHtml(options.title)}` : '';
  const lines = [`🏆 <b>Leaderboard, ${period}</b>${where}`];
  if (view.entries.length === 0) lines.push(escapeHtml(TG_TEXTS.leaderboardEmpty));
  lines.push(...view.entries.map((e) => entryLine(e, e.userId === view.me?.userId)));
  const meShown = view.me !== undefined && view.entries.some((e) => e.userId === view.me?.userId);
  if (view.me && !meShown) lines.push('…', entryLine(view.me, true));
  if (options.optedOut) lines.push(`<i>${escapeHtml(TG_TEXTS.leaderboardHidden)}</i>`);
  else if (!view.me && view.entries.length > 0)
    lines.push(`<i>${escapeHtml(TG_TEXTS.leaderboardUnranked)}</i>`);
  const other = view.period === 'week' ? '/leaderboard all' : '/leaderboard week';
  lines.push(`<i>Also: ${other}</i>`);
  return lines.join('\n');
}
