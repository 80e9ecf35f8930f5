/** Words every layer shares: which platform an event came from, and which leaderboard period is meant. */
export type Platform = 'discord' | 'telegram' | 'console';

/** A leaderboard period: the current ISO week (UTC) or all time. */
export type Period = 'week' | 'all';
