/**
 * One terminal student's session: each input line is a command (`/quiz cnn`, `/hint`...) or an answer to the
 * open question, translated to one engine call and rendered back. Holds no quiz state: the open question is the
 * latest one in the terminal's place, read from the store on every call. One error boundary: a failure prints a
 * friendly line (the cause goes to the log) and the session carries on.
 */
import type { Actor, Engine, Period, Place } from '../../engine/api.js';
import type { Logger } from '../../logger.js';
import { errorText, GENERIC_FAILURE } from '../shared/texts.js';
import {
  renderHelp,
  renderHint,
  renderLeaderboard,
  renderOutcome,
  renderProgress,
  renderQuestion,
  renderSolutionView,
  renderTopics,
} from './render.js';
import type { Style } from './style.js';

export interface SessionOptions {
  readonly engine: Engine;
  readonly actor: Actor;
  readonly place: Place;
  readonly style: Style;
  readonly logger: Logger;
  /** Unique per process run, so event ids never repeat across sessions on one database. */
  readonly sessionId: string;
}

export type LineResult = { readonly output: string; readonly quit?: boolean };

export interface Session {
  handleLine(line: string): Promise<LineResult>;
}

const QUIT = new Set(['quit', 'exit', 'q']);

export function createSession(options: SessionOptions): Session {
  const { engine, actor, place, style: s, logger } = options;
  let lineNo = 0;
  const event = () => ({ eventId: `${options.sessionId}:${lineNo}` });
  const target = { actor, place };
  const fail = (text: string) => s.red(text);

  async function command(name: string, arg: string): Promise<LineResult> {
    switch (name) {
      case 'quiz':
      case 'start': {
        const r = await engine.startQuiz({ ...target, event: event(), ...(arg ? { selector: arg } : {}) });
        return { output: r.ok ? renderQuestion(r.value, s) : fail(errorText(r.error, r.detail)) };
      }
      case 'next': {
        const r = await engine.nextQuestion({ ...target, event: event() });
        return { output: r.ok ? renderQuestion(r.value, s) : fail(errorText(r.error, r.detail)) };
      }
      case 'hint': {
        const r = await engine.getHint({ ...target, event: event() });
        return { output: r.ok ? renderHint(r.value, s) : fail(errorText(r.error, r.detail)) };
      }
      case 'solution': {
        const r = await engine.revealSolution({ ...target, public: false, event: event() });
        return { output: r.ok ? renderSolutionView(r.value, s) : fail(errorText(r.error, r.detail)) };
      }
      case 'question': {
        const latest = await engine.getPartStates?.(target);
        if (!latest?.ok) return { output: fail(errorText('no-active-question')) };
        return { output: renderQuestion(latest.value.question, s) };
      }
      case 'stats':
        return { output: renderProgress(await engine.getProgress({ actor }), s) };
      case 'leaderboard': {
        const period = parsePeriod(arg);
        if (!period) return { output: fail('Use /leaderboard week or /leaderboard all.') };
        return {
          output: renderLeaderboard(await engine.getLeaderboard({ actor, scope: place.scope, period }), s),
        };
      }
      case 'topics':
        return { output: renderTopics(engine.listTopics(), s) };
      case 'help':
        return { output: renderHelp(s) };
      default:
        if (QUIT.has(name)) return { output: 'Bye! Your progress is saved.', quit: true };
        return { output: fail(`I don't know the command /${name}. Type /help to see them all.`) };
    }
  }

  async function answer(text: string): Promise<LineResult> {
    const r = await engine.submitAnswer({ ...target, answer: { text }, event: event() });
    return { output: r.ok ? renderOutcome(r.value, s) : fail(errorText(r.error, r.detail)) };
  }

  return {
    async handleLine(raw) {
      lineNo++;
      const line = raw.trim();
      if (line === '') return { output: '' };
      try {
        if (line.startsWith('/')) {
          const [head = '', ...rest] = line.slice(1).split(/\s+/);
          return await command(head.toLowerCase().replace(/@.*$/, ''), rest.join(' ').trim());
        }
        return await answer(line);
      } catch (error) {
        logger.error('console: command failed', { line: line.slice(0, 200), error });
        return { output: fail(GENERIC_FAILURE) };
      }
    },
  };
}

function parsePeriod(arg: string): Period | undefined {
  const a = arg.toLowerCase();
  if (a === '' || a === 'week' || a === 'this week' || a === 'weekly') return 'week';
  if (a === 'all' || a === 'all time' || a === 'alltime' || a === 'all-time') return 'all';
  return undefined;
}
