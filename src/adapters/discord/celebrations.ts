/**
 * The public lines that celebrate solves, one per burst: the first solve of a question in a channel opens a short
 * window; the students who solve the same question within it are named in the same line, sent through the first
 * solver's interaction when the window closes. A busy study channel reads "🎉 Ana, Ben and 3 others solved …"
 * once instead of five lines, and a burst of solves costs one request instead of one each.
 *
 * Nothing here is progress (points are recorded before a solve is celebrated): a line still waiting when the
 * process dies is only a line. On a clean stop, `flush` sends what is waiting.
 */
import type { Logger } from '../../logger.js';
import { errorFields } from './errors.js';

export interface Solver {
  /** Display name, already escaped for markdown and mentions. */
  readonly name: string;
  readonly points: number;
}

/** Sends the line (through the interaction of the burst's first solver). */
export type SendLine = (content: string) => Promise<void>;

interface Burst {
  readonly title: string;
  readonly solvers: Solver[];
  readonly send: SendLine;
  readonly timer: NodeJS.Timeout;
}

export class Celebrations {
  readonly #bursts = new Map<string, Burst>();
  readonly #sending = new Set<Promise<void>>();

  constructor(
    private readonly windowMs: number,
    private readonly line: (solvers: readonly Solver[], title: string) => string,
    private readonly logger: Logger,
  ) {}

  /** Celebrates a solve of question `questionId` in channel `channelId` (title already escaped). */
  add(channelId: string, questionId: string, title: string, solver: Solver, send: SendLine): void {
    const key = `${channelId}:${questionId}`;
    const burst = this.#bursts.get(key);
    if (burst) {
      burst.solvers.push(solver);
      return;
    }
    const timer = setTimeout(() => this.#close(key), this.windowMs);
    this.#bursts.set(key, { title, solvers: [solver], send, timer });
  }

  /** Sends every waiting line now and waits for all lines on their way (a clean stop). */
  async flush(): Promise<void> {
    for (const key of [...this.#bursts.keys()]) this.#close(key);
    await Promise.allSettled([...this.#sending]);
  }

  #close(key: string): void {
    const burst = this.#bursts.get(key);
    if (!burst) return;
    this.#bursts.delete(key);
    clearTimeout(burst.timer);
    const sending = burst.send(this.line(burst.solvers, burst.title)).catch((error: unknown) => {
      this.logger.warn('discord: could not post a celebration line', { key, ...errorFields(error) });
    });
    this.#sending.add(sending);
    void sending.finally(() => this.#sending.delete(sending));
  }
}
