import { describe, expect, it } from 'vitest';
import { topicChoices } from '../../../../src/adapters/discord/handlers/autocomplete.js';
import { leaderboardEmbed } from '../../../../src/adapters/discord/render/leaderboard.js';
import { progressEmbed } from '../../../../src/adapters/discord/render/progress.js';
import { topicsEmbed } from '../../../../src/adapters/discord/render/topics.js';
import type { LeaderboardView, ProgressView, TopicListView } from '../../../../src/engine/api.js';

const topics: TopicListView = {
  groups: [
    {
      id: 'cnn',
      title: 'Convolutional networks',
      summary: 'sizes',
      topics: [
        { id: 'conv-output-size', title: 'Conv output size', summary: '', difficulty: 1 },
        { id: 'depthwise-separable', title: 'Depthwise-separable FLOPs', summary: '', difficulty: 3 },
      ],
    },
    {
      id: 'mlp',
      title: 'Multilayer perceptrons',
      summary: 'dense',
      topics: Array.from({ length: 40 }, (_, i) => ({
        id: `mlp-${i}`,
        title: `MLP ${i}`,
        summary: '',
        difficulty: 2 as const,
      })),
    },
  ],
};

describe('leaderboard', () => {
  const view: LeaderboardView = {
    period: 'week',
    entries: [
      { rank: 1, displayName: '@everyone', userId: '1', points: 12, solved: 3 },
      { rank: 2, displayName: '**Bob**', userId: '2', points: 5, solved: 1 },
    ],
    me: { rank: 17, displayName: 'Me', userId: '9', points: 1, solved: 1 },
  };

  it('escapes names, defuses mentions and shows my rank outside the top', () => {
    const d = leaderboardEmbed(view).description!;
    expect(d).toContain('🥇 @\u200beveryone: 12 pts (3 solved)');
    expect(d).toContain('🥈 \\*\\*Bob\\*\\*: 5 pts (1 solved)');
    expect(d).toContain('You: **17.** Me: 1 pts (1 solved)');
    expect(d).not.toMatch(/@everyone/);
  });

  it('invites the first student when empty', () => {
    expect(leaderboardEmbed({ period: 'all', entries: [] }).description).toContain('No points yet');
    expect(leaderboardEmbed({ period: 'all', entries: [] }).title).toContain('all time');
  });
});

describe('progress', () => {
  it('shows accuracy as percentages and the weakest topics by title', () => {
    const view: ProgressView = {
      displayName: '_alice_',
      totalPoints: 9,
      topics: [
        {
          topicId: 'conv-output-size',
          title: 'Conv output size',
          questions: 3,
          attempts: 4,
          correct: 2,
          accuracy: 0.5,
          firstTryAccuracy: 1 / 3,
          lastSeen: new Date(0),
        },
      ],
      weakest: ['conv-output-size'],
      streak: { current: 2, best: 5 },
      timeZone: 'Asia/Singapore',
      optedOut: true,
    };
    const e = progressEmbed(view);
    expect(e.title).toBe('📈 Progress: \\_alice\\_');
    expect(e.description).toContain('**Conv output size**: 2/4 right (50%), first try 33%, 3 questions');
    expect(e.description).toContain('Streak: 2 days (best 5 days, Asia/Singapore)');
    expect(e.description).toContain('Practise next: Conv output size');
    expect(e.description).toContain('Hidden from leaderboards');
  });
});

describe('topics and autocomplete', () => {
  it('lists groups with their topic ids', () => {
    const e = topicsEmbed(topics);
    expect(e.fields![0]!.name).toBe('cnn: Convolutional networks');
    expect(e.fields![0]!.value).toContain('`conv-output-size` Conv output size ★☆☆');
    expect(e.fields![1]!.value.length).toBeLessThanOrEqual(1024);
  });

  it('suggests groups before topics and at most 25 choices', () => {
    expect(topicChoices(topics, 'conv').map((c) => c.value)).toEqual(['cnn', 'conv-output-size']);
    expect(topicChoices(topics, 'DEPTH').map((c) => c.value)).toEqual(['depthwise-separable']);
    const all = topicChoices(topics, '');
    expect(all).toHaveLength(25);
    expect(all[0]).toEqual({ name: 'Any topic (random)', value: 'any' });
    expect(topicChoices(topics, 'zzz')).toEqual([]);
  });
});
