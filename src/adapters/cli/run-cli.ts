/**
 * The CLI as a pure function: argv in, text out through the injected io, an exit code back. The one error
 * boundary: a bad command line prints a usage message (exit 2); a bug prints one line, never a stack trace.
 * Commands are loaded on demand so `studybot quiz` does not load the paper data or the answer checker.
 */
import { TopicParamsError } from '../../core/types.js';
import { EXIT, type CliIo } from './io.js';
import { type CommandName, USAGE, UsageError, isCommandName, usageOf } from './usage.js';

export type { CliIo } from './io.js';
export { EXIT } from './io.js';

type Command = (argv: readonly string[], io: CliIo) => number;

const COMMANDS: Readonly<Record<CommandName, () => Promise<Command>>> = {
  topics: async () => (await import('./commands/topics.js')).topicsCommand,
  quiz: async () => (await import('./commands/quiz.js')).quizCommand,
  solve: async () => (await import('./commands/solve.js')).solveCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  paper: async () => (await import('./commands/paper.js')).paperCommand,
};

function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(USAGE);
    return EXIT.usage;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0];
    if (topic !== undefined && !isCommandName(topic)) {
      io.stderr(`studybot: unknown command "${topic}"\n\n${USAGE}`);
      return EXIT.usage;
    }
    io.stdout(topic === undefined ? USAGE : usageOf(topic));
    return EXIT.ok;
  }
  if (!isCommandName(name)) {
    io.stderr(`studybot: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (wantsHelp(rest)) {
    io.stdout(usageOf(name));
    return EXIT.ok;
  }
  try {
    const command = await COMMANDS[name]();
    return command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`studybot ${name}: ${error.message}\n\n${usageOf(error.command ?? name)}`);
      return EXIT.usage;
    }
    if (error instanceof TopicParamsError) {
      io.stderr(`studybot ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr(`studybot ${name}: internal error (${what}). Please report it with the command you ran.\n`);
    return EXIT.internal;
  }
}
