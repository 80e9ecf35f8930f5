/**
 * The 2023/24 Semester 1 paper, question by question: which topic computes it, with which parameters, and what the
 * seed file of worked solutions printed (which contains mistakes; `studybot paper` compares the two).
 */
import type { Value } from '../types.js';

export interface PrintedAnswer {
  /** The id of the topic's answer part this printed answer corresponds to. */
  readonly partId: string;
  /** The printed answer, verbatim from the seed file (LaTeX as it stands there). */
  readonly text: string;
  /**
   * The printed number(s) transcribed as a value, when the printed answer is numeric, so a caller can compare it
   * with the computed answer at the printed precision. Absent for symbolic answers.
   */
  readonly value?: Value;
  /** Decimal places the printed number(s) were given to (1.00 is 2, though its value is 1). */
  readonly dp?: number;
}

export interface PaperQuestion {
  /** Where in the paper, e.g. '2(b)' or '2(b), 2(c)'. */
  readonly ref: string;
  readonly topicId: string;
  /** The paper's own parameters, in the form the topic's parseParams accepts. */
  readonly params: unknown;
  readonly printed: readonly PrintedAnswer[];
  /** What the reader should know about this mapping (e.g. numbers chosen for a symbolic question). */
  readonly note?: string;
}
