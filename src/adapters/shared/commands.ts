/**
 * Platform-neutral command specs: one entry per command feeds Discord's slash-command definitions,
 * Telegram's setMyCommands and the terminal's /help. Commands are data.
 */
export interface CommandOptionSpec {
  readonly name: string;
  readonly description: string;
  readonly type: 'string' | 'user';
  readonly required: boolean;
  /** Fixed choices (Discord shows them; Telegram/terminal validate against them). */
  readonly choices?: readonly { readonly name: string; readonly value: string }[];
  /** Discord: offer autocomplete (topics). */
  readonly autocomplete?: boolean;
}

export interface CommandSpec {
  readonly name: string;
  readonly description: string;
  readonly options: readonly CommandOptionSpec[];
  /** Which platforms offer it. */
  readonly platforms: readonly ('discord' | 'telegram' | 'console')[];
  /** Needs the platform's admin permission (Discord: Manage Server; Telegram: group administrator). */
  readonly admin?: boolean;
}

const ALL = ['discord', 'telegram', 'console'] as const;

export const COMMANDS = [
  {
    name: 'quiz',
    description: 'Get a question with fresh numbers (a topic, a group like cnn, or anything)',
    options: [
      {
        name: 'topic',
        description: 'Topic or group, e.g. cnn, backprop',
        type: 'string',
        required: false,
        autocomplete: true,
      },
    ],
    platforms: ALL,
  },
  { name: 'hint', description: 'Reveal the next step of the worked solution', options: [], platforms: ALL },
  { name: 'solution', description: 'Show the full worked solution', options: [], platforms: ALL },
  { name: 'next', description: 'Another question on the same topic', options: [], platforms: ALL },
  {
    name: 'stats',
    description: 'Your progress: accuracy per topic, weakest topics, streak',
    options: [{ name: 'user', description: 'Whose stats (default: yours)', type: 'user', required: false }],
    platforms: ALL,
  },
  {
    name: 'leaderboard',
    description: 'Top students here, this week or all time',
    options: [
      {
        name: 'period',
        description: 'week or all',
        type: 'string',
        required: false,
        choices: [
          { name: 'This week', value: 'week' },
          { name: 'All time', value: 'all' },
        ],
      },
    ],
    platforms: ALL,
  },
  { name: 'topics', description: 'List topics and groups', options: [], platforms: ALL },
  { name: 'help', description: 'How to use the bot', options: [], platforms: ALL },
  {
    name: 'optout',
    description: 'Hide or show yourself on leaderboards',
    options: [],
    platforms: ['discord', 'telegram'],
  },
  {
    name: 'reset-leaderboard',
    description: "Reset this server's leaderboard (admins)",
    options: [],
    platforms: ['discord'],
    admin: true,
  },
  { name: 'start', description: 'Welcome and how to begin', options: [], platforms: ['telegram'] },
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMANDS)[number]['name'];

export function commandsFor(platform: 'discord' | 'telegram' | 'console'): readonly CommandSpec[] {
  return COMMANDS.filter((c) => (c.platforms as readonly string[]).includes(platform));
}
