import { describe, expect, it } from 'vitest';
import { helpHtml, topicsHtml, welcomeHtml } from '../../../../src/adapters/telegram/render/help.js';
import { leaderboardHtml } from '../../../../src/adapters/telegram/render/leaderboard.js';
import { progressHtml } from '../../../../src/adapters/telegram/render/progress.js';
import type { LeaderboardView, ProgressView } from '../../../../src/engine/api.js';
import { parseTelegramHtml } from '../support/telegram-html.js';

function plain(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(parsed.description);
  return parsed.text;
}

const board: LeaderboardView = {
  period: 'week',
  entries: [
    { rank: 1, displayName: 'Alice <3', userId: '1', points: 12, solved: 3 },
    { rank: 2, displayName: 'Bob', userId: '2', points: 8, solved: 2 },
    { rank: 3, displayName: 'Carol', userId: '3', points: 4, solved: 1 },
    { rank: 4, displayName: 'Dan', userId: '4', points: 2, solved: 1 },
  ],
  me: { rank: 2, displayName: 'Bob', userId: '2', points: 8, solved: 2 },
};

describe('leaderboardHtml', () => {
  it('ranks with medals, escapes names, and bolds the caller', () => {
    const html = leaderboardHtml(board, { optedOut: false, title: 'NNDL <study>' });
    expect(html).toContain('🥇 Alice &lt;3 · 12 pts · 3 solved');
    expect(html).toContain('🥈 <b>Bob</b> · 8 pts');
    expect(html).toContain('4. Dan');
    expect(plain(html)).toContain('Leaderboard, this week · NNDL <study>');
  });

  it('shows the caller below the top when outside it, and says so when hidden', () => {
    const outside = { ...board, me: { rank: 14, displayName: 'Eve', userId: '9', points: 1, solved: 1 } };
    expect(plain(leaderboardHtml(outside, { optedOut: false }))).toContain('…\n14. Eve · 1 pts');
    const hidden: LeaderboardView = { period: board.period, entries: board.entries };
    expect(plain(leaderboardHtml(hidden, { optedOut: true }))).toContain('/optout off');
    expect(plain(leaderboardHtml({ period: 'all', entries: [] }, { optedOut: false }))).toContain(
      'Nobody has scored',
    );
  });
});

describe('progressHtml', () => {
  const view: ProgressView = {
    displayName: 'Alice',
    totalPoints: 17,
    topics: [
      {
        topicId: 'conv-output-size',
        title: 'Conv output size',
        questions: 4,
        attempts: 5,
        correct: 4,
        accuracy: 0.8,
        firstTryAccuracy: 0.75,
        lastSeen: new Date(0),
      },
      {
        topicId: 'backprop',
        title: 'Backpropagation through a small MLP',
        questions: 1,
        attempts: 3,
        correct: 1,
        accuracy: 1 / 3,
        firstTryAccuracy: 0,
        lastSeen: new Date(0),
      },
    ],
    weakest: ['backprop'],
    streak: { current: 3, best: 5 },
    timeZone: 'Asia/Singapore',
    optedOut: false,
  };

  it('shows points, streak and a monospace table with accuracy per topic', () => {
    const html = progressHtml(view);
    const text = plain(html);
    expect(text).toContain('Alice · 17 points');
    expect(text).toContain('Streak: 3 days (best 5) · Asia/Singapore');
    expect(html).toMatch(
      /<pre>Topic +tries +acc +1st\nConv output size +5 +80% +75%\nBackpropagation through a… +3 +33% +0%<\/pre>/,
    );
    expect(text).toContain('Weakest: Backpropagation through a small MLP');
    expect(text).toContain('/quiz backprop');
  });

  it('invites a newcomer to start', () => {
    expect(plain(progressHtml({ ...view, topics: [], weakest: [] }))).toContain('No answers yet');
  });
});

describe('help, welcome and topics', () => {
  it('lists every Telegram command with its arguments', () => {
    const text = plain(helpHtml({ inGroup: true }));
    for (const c of [
      '/start',
      '/help',
      '/topics',
      '/quiz [topic]',
      '/hint',
      '/solution',
      '/next',
      '/stats',
      '/leaderboard [period]',
      '/optout',
    ]) {
      expect(text).toContain(c);
    }
    expect(text).not.toContain('/reset-leaderboard');
    expect(text).toContain('reply to my question message');
  });

  it('welcome is valid HTML and points at /quiz', () => {
    expect(plain(welcomeHtml({ inGroup: false }))).toContain('/quiz cnn');
  });

  it('topics show group selectors and topic ids', () => {
    const text = plain(
      topicsHtml({
        groups: [
          {
            id: 'cnn',
            title: 'Convolutional networks',
            summary: 'sizes & counts',
            topics: [{ id: 'conv-output-size', title: 'Conv <output> size', summary: '', difficulty: 2 }],
          },
        ],
      }),
    );
    expect(text).toContain('Convolutional networks · /quiz cnn');
    expect(text).toContain('• conv-output-size ★★ Conv <output> size');
  });
});
