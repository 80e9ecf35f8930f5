/**
 * The 2023/24 Semester 1 paper's numeric questions, in paper order: each with the topic that computes it, the
 * paper's own parameters and what the seed file of student solutions printed (`studybot paper` compares them).
 */
import { convSeqPaperQuestions } from './conv-seq.js';
import { densePaperQuestions } from './dense.js';
import type { PaperQuestion } from './types.js';

export type { PaperQuestion, PrintedAnswer } from './types.js';

/** '2(b), 2(c)' -> [2, 'b', ...]: sorts questions in paper order (question number, then part letters). */
function paperOrderKey(ref: string): [number, string] {
  const m = /^(\d+)(.*)$/.exec(ref.trim());
  return m === null ? [Number.MAX_SAFE_INTEGER, ref] : [Number(m[1]), m[2] ?? ''];
}

function byPaperOrder(a: PaperQuestion, b: PaperQuestion): number {
  const [qa, ra] = paperOrderKey(a.ref);
  const [qb, rb] = paperOrderKey(b.ref);
  return qa - qb || ra.localeCompare(rb);
}

export const PAPER_QUESTIONS: readonly PaperQuestion[] = [
  ...densePaperQuestions,
  ...convSeqPaperQuestions,
].sort(byPaperOrder);
