/**
 * Telegram-only user texts, in plain text (renderers escape them). Texts every platform shares live in
 * `../shared/texts.ts`.
 */
export const TG_TEXTS = {
  welcome:
    'Hi! I am studybot, your practice partner for Neural Networks and Deep Learning (SC4001 / CE4042 / CZ4002). ' +
    'I post exam-style questions with fresh numbers, check your answers and show worked solutions.',
  answerInGroup: 'Reply to the question message with your answer.',
  answerInPrivate: 'Send your answer as a message.',
  buttons: 'Stuck? Use the Hint and Solution buttons.',
  groupTip:
    'In a group, reply to my question message to answer it (I only see commands and replies to my messages).',
  privateTip: 'Add me to your study group to quiz each other and get a group leaderboard.',
  textOnly: 'Please send your answer as text, for example 0.81 or [1, 2, 3].',
  unknownCommand: 'I do not know that command. Type /help to see what I can do.',
  leaderboardUsage: 'Use /leaderboard week or /leaderboard all.',
  leaderboardEmpty: 'Nobody has scored here yet. Be the first: /quiz',
  leaderboardHidden: 'You are hidden from leaderboards. Send /optout off to show yourself again.',
  leaderboardUnranked: 'You are not on this board yet: solve a question to get on it.',
  optedOut:
    'Done: you are hidden from leaderboards. Your progress is still recorded. Send /optout off to show yourself again.',
  optedIn: 'Done: you are shown on leaderboards again.',
  optoutUsage: 'Use /optout to hide yourself from leaderboards, or /optout off to show yourself again.',
  noStatsYet: 'No answers yet. Start with /quiz.',
  callbackHintPosted: 'Hint posted.',
  callbackSolutionPosted: 'Solution posted.',
  callbackQuestionPosted: 'New question posted.',
  callbackStale: 'This button is no longer valid. Start a new question with /quiz.',
  solvedAll: 'Solved! Well done.',
  outOfTries: 'No tries left. Here is the worked solution.',
  solutionFollows: 'Worked solution:',
  commandsTitle: 'Commands',
  boardTitle:
    'Results so far (busy group: one message, updated as you answer; reply to the question to answer)',
  boardOutOfTries: 'no tries left (the Solution button shows the worked solution)',
  boardSolutionSent: 'no tries left: I sent you the worked solution in our private chat',
  boardNext: 'next:',
} as const;

/** Heads a worked solution sent privately because the group was busy. */
export function privateSolutionIntro(title: string): string {
  return `The worked solution of "${title}" from the group (no tries left there):`;
}
