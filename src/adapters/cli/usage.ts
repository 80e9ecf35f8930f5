/** Usage texts and the one error the CLI's argument handling throws (caught by runCli's boundary). */

/** A bad command line: runCli prints the message and the usage of `command`, and exits with EXIT.usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

export type CommandName = 'topics' | 'quiz' | 'solve' | 'check' | 'paper';

export const COMMAND_USAGE: Readonly<Record<CommandName, string>> = {
  topics: 'studybot topics [--json]\n  List the topics and the groups you can quiz on.',
  quiz:
    'studybot quiz <topic|group|any> [--seed N] [--json]\n' +
    '  A question with fresh numbers, its answers and its worked solution. The same topic and seed always give\n' +
    '  the same question; without --seed a random seed is drawn (and printed). For a group, the seed also picks\n' +
    '  the topic.',
  solve:
    "studybot solve <topic> --params '<json>' [--json]\n" +
    '  The same for parameters given by hand, e.g. to reproduce a past-paper question exactly\n' +
    '  (`studybot quiz <topic> --json` shows the parameter format).',
  check:
    "studybot check <topic|group> --seed N --answer '<text>' [--json]\n" +
    '  Grades an answer to the question (topic, seed) and prints the feedback. Several parts: "a) 45 b) 220",\n' +
    '  one per line, or separated by ";". Exit code 0 when every part is right, 1 otherwise.',
  paper:
    'studybot paper [--json]\n' +
    '  Works every numeric question of the 2023/24 Semester 1 paper with its own parameters, and says where the\n' +
    '  printed student solutions disagree with the computed answers.',
};

export const USAGE = [
  'studybot: exam-style neural-network questions with worked solutions (NTU SC4001/CE4042/CZ4002).',
  '',
  'Usage:',
  ...Object.values(COMMAND_USAGE).map((u) => `  ${u.replace(/\n/g, '\n  ')}`),
  '  studybot help [command]',
  '',
  'Exit codes: 0 ok, 1 answer not (fully) right, 2 bad arguments, 3 internal error.',
  '',
].join('\n');

export function usageOf(command: CommandName | undefined): string {
  return command === undefined ? USAGE : `Usage: ${COMMAND_USAGE[command]}\n`;
}

export function isCommandName(s: string): s is CommandName {
  return Object.hasOwn(COMMAND_USAGE, s);
}
