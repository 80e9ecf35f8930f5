/**
 * The terminal adapter: with no platform token configured, `npm start` runs an interactive session as a local
 * student (scope 'console'/'local', a private scope) reading lines from stdin. Works with piped input too: every
 * line is handled in order, and end of input ends the session cleanly.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Actor, Engine, Place } from '../../engine/api.js';
import type { Logger } from '../../logger.js';
import { renderWelcome } from './render.js';
import { createSession } from './session.js';
import { styleFor } from './style.js';

export const CONSOLE_PLACE: Place = {
  scope: { platform: 'console', scopeId: 'local', kind: 'private', title: 'Terminal' },
  channelId: 'local',
};

export interface StartConsoleOptions {
  readonly engine: Engine;
  readonly logger: Logger;
  /** The local student's name (the OS user name). */
  readonly userName: string;
  /** Colours allowed by configuration (NO_COLOR unset); they are used only when output is a TTY. */
  readonly color: boolean;
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream & { isTTY?: boolean };
  /** The student's time zone for streaks (default: this machine's). */
  readonly timeZone?: string;
}

export interface ConsoleHandle {
  /** Resolves when the session ends (end of input, /quit, or stop()). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export function startConsole(options: StartConsoleOptions): ConsoleHandle {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = output.isTTY === true && (input as { isTTY?: boolean }).isTTY === true;
  const style = styleFor({ color: options.color, isTTY: output.isTTY === true });
  const logger = options.logger.child({ adapter: 'console' });
  const actor: Actor = { platform: 'console', userId: options.userName, displayName: options.userName };
  const session = createSession({
    engine: options.engine,
    actor,
    place: CONSOLE_PLACE,
    style,
    logger,
    sessionId: randomUUID(),
  });

  let outputClosed = false;
  const write = (text: string) => {
    if (!outputClosed) output.write(`${text}\n`);
  };
  const rl = createInterface({ input, terminal: interactive, ...(interactive ? { output } : {}) });
  rl.setPrompt('> ');
  rl.on('SIGINT', () => rl.close());
  // The reader went away (`npm start | head`): end the session quietly instead of crashing on EPIPE.
  output.on('error', (error: NodeJS.ErrnoException) => {
    outputClosed = true;
    if (error.code !== 'EPIPE') logger.error('console: output failed', { error });
    rl.close();
  });
  // Take the line iterator now: lines that arrive while the session is still setting up are buffered by it
  // (readline drops lines emitted before anyone listens, and piped input arrives at once).
  const lines = rl[Symbol.asyncIterator]();

  const run = async (): Promise<void> => {
    const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    // Streaks count days in the student's own time zone: the terminal student is on this machine.
    await options.engine.setTimeZone({ actor, timeZone }).catch((error: unknown) => {
      logger.warn('console: could not set the time zone', { timeZone, error });
    });
    write(`${renderWelcome(options.userName, style)}\n`);
    if (interactive) rl.prompt();
    for await (const line of { [Symbol.asyncIterator]: () => lines }) {
      const { output: text, quit } = await session.handleLine(line);
      if (text !== '') write(`${text}\n`); // ends in a blank line: one between outputs
      if (quit) break;
      if (interactive) rl.prompt();
    }
    rl.close();
  };

  const done = run();
  return {
    done,
    async stop() {
      rl.close();
      await done.catch(() => undefined);
    },
  };
}
