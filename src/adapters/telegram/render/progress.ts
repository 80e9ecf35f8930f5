/** /stats: points, streak, a per-topic table in monospace, weakest topics. */
import type { ProgressView } from '../../../engine/api.js';
import { TG_TEXTS } from '../texts.js';
import { escapeHtml, nameHtml, truncate } from './escape.js';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

export function progressHtml(view: ProgressView): string {
  const lines = [
    `📊 <b>${nameHtml(view.displayName)}</b> · ${view.totalPoints} ${view.totalPoints === 1 ? 'point' : 'points'}`,
    `🔥 Streak: ${view.streak.current} ${view.streak.current === 1 ? 'day' : 'days'} (best ${view.streak.best}) · ${escapeHtml(view.timeZone)}`,
  ];
  if (view.optedOut) lines.push(`<i>${escapeHtml(TG_TEXTS.leaderboardHidden)}</i>`);
  if (view.topics.length === 0) {
    lines.push('', escapeHtml(TG_TEXTS.noStatsYet));
    return lines.join('\n');
  }
  const rows = view.topics.map((t) => ({
    title: truncate(t.title, 26),
    tries: String(t.attempts),
    acc: pct(t.accuracy),
    first: pct(t.firstTryAccuracy),
  }));
  const w = Math.max(5, ...rows.map((r) => r.title.length));
  const table = [
    `${'Topic'.padEnd(w)}  tries   acc  1st`,
    ...rows.map(
      (r) => `${r.title.padEnd(w)}  ${r.tries.padStart(5)}  ${r.acc.padStart(4)} ${r.first.padStart(4)}`,
    ),
  ].join('\n');
  lines.push(`<pre>${escapeHtml(table)}</pre>`);
  if (view.weakest.length > 0) {
    const titles = view.weakest.map((id) => view.topics.find((t) => t.topicId === id)?.title ?? id);
    lines.push(`Weakest: ${titles.map((t) => escapeHtml(t)).join(', ')}`);
    lines.push(`Practise one: <code>/quiz ${escapeHtml(view.weakest[0] ?? '')}</code>`);
  }
  return lines.join('\n');
}
