/**
 * Discord-specific user texts (plain text; callers escape what they interpolate). Shared texts live in
 * `../shared/texts.ts`.
 */
export const DISCORD_TEXTS = {
  adminOnlyInServers: 'The leaderboard can only be reset inside a server.',
  leaderboardReset: 'The leaderboard of this server has been reset. Fresh start for everyone!',
  optedOut:
    'You are now hidden from leaderboards. Your progress is still recorded; run /optout again to show up.',
  optedIn: 'You are visible on leaderboards again.',
  emptyModal: 'You left every field empty, so nothing was checked. Fill in at least one part.',
  noOpenPartsOnPage: 'You have nothing left to answer in these parts.',
  unknownButton: 'That button belongs to an older version of the bot. Start a fresh question with /quiz.',
  unknownCommand: 'I do not know that command any more. Type /help to see what I can do.',
  answerButton: 'Answer',
  answerPartsButton: (from: number, to: number): string =>
    from === to ? `Answer part ${from}` : `Answer parts ${from}-${to}`,
  answerRemainingButton: 'Answer the remaining parts',
  hintButton: 'Hint',
  solutionButton: 'Solution',
  nextButton: 'New question',
  modalTitle: (title: string, from: number, to: number, total: number): string =>
    total <= 5 ? `Answer: ${title}` : `Parts ${from}-${to}: ${title}`,
  /** One line for a burst of solvers of one question (names already escaped): the first three named. */
  celebrate: (solvers: readonly { name: string; points: number }[], title: string): string => {
    const [only] = solvers;
    if (solvers.length === 1 && only) {
      return `🎉 ${only.name} solved "${title}" (+${only.points} point${only.points === 1 ? '' : 's'})`;
    }
    const named = solvers.slice(0, 3).map((s) => `${s.name} (+${s.points})`);
    const others = solvers.length - named.length;
    const who =
      others > 0
        ? `${named.join(', ')} and ${others} other${others === 1 ? '' : 's'}`
        : `${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
    return `🎉 ${who} solved "${title}"`;
  },
  duplicate: 'I had already recorded this answer; here is where you stand.',
  placeholders: {
    number: 'e.g. 0.81, .81, 3/4, 1e-3',
    vector: 'e.g. [1.3, -4.7, 3.6]',
    matrix: 'e.g. [[1, 2], [3, 4]] or 1 2; 3 4',
    shape: 'e.g. (2, 1, 3)',
    ratio: 'e.g. 55:294',
    boolean: 'T or F',
    choice: 'one option letter',
  },
} as const;
