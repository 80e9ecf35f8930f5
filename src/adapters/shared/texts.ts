/**
 * User-facing texts shared by every adapter, in plain text (no markup): adapters escape and format them for their
 * platform. Internal error messages never reach users; each expected outcome code maps to a text here.
 */
import type { PartGrade, SyntaxCode } from '../../core/answers/types.js';
import type { AdminError, HintError, StartError, SubmitError, TimeZoneError } from '../../engine/api.js';
import type { ErrorDetail } from '../../core/result.js';

export const GENERIC_FAILURE =
  'Sorry, something went wrong on my side. Your progress is safe; please try again in a moment.';
export const RATE_LIMITED =
  'Easy there! You are sending commands very fast. Wait a few seconds and try again.';

type EngineError = StartError | SubmitError | HintError | AdminError | TimeZoneError;

export function errorText(code: EngineError, detail?: ErrorDetail): string {
  switch (code) {
    case 'unknown-topic': {
      const s = detail?.suggestions ?? [];
      return s.length > 0
        ? `I don't know that topic. Did you mean ${s.map((x) => `"${x}"`).join(' or ')}? Type /topics to see them all.`
        : "I don't know that topic. Type /topics to see them all.";
    }
    case 'no-active-question':
      return 'There is no open question here. Start one with /quiz (for example /quiz cnn).';
    case 'question-not-found':
      return 'I could not find that question any more. Start a new one with /quiz.';
    case 'empty-answer':
      return 'Your answer is empty. Type the value (for example 0.81, [1, 2, 3] or [[1, 2], [3, 4]]).';
    case 'answer-too-long':
      return `That answer is too long${detail?.limit ? ` (the limit is ${detail.limit} characters)` : ''}. Please send just the values.`;
    case 'unknown-part': {
      const labels = detail?.labels ?? [];
      const parts = lettersRange(detail?.letters ?? []);
      const named = labels.length > 0 ? `no part ${labels.map((x) => `${x})`).join(', ')}` : 'no such part';
      return parts ? `That question has ${named}: its parts are ${parts}.` : `That question has ${named}.`;
    }
    case 'needs-labels': {
      const letters = detail?.letters ?? [];
      const example = letters.length >= 2 ? `${letters[0]}) 45 ${letters[1]}) 220` : 'a) 45 b) 220';
      return `I could read that more than one way. Label each answer with its part, like "${example}".`;
    }
    case 'already-solved': {
      const letters = detail?.letters ?? [];
      return letters.length > 0 && letters.length < 26
        ? `You have already solved ${letters.map((l) => `${l})`).join(', ')}. Answer an open part, or try /next for a fresh question.`
        : 'You have already solved this one. Try /next for a fresh question.';
    }
    case 'no-tries-left':
      return 'You have used all your tries on that. See /solution, then try /next.';
    case 'no-more-hints':
      return 'No more hints: the next step is the full answer. Use /solution to see it.';
    case 'forbidden':
      return 'Only server admins (Manage Server) can do that.';
    case 'invalid-timezone':
      return 'I do not know that time zone. Use an IANA name such as Asia/Singapore or Europe/London.';
  }
}

export function syntaxText(code: SyntaxCode, expected: string): string {
  const want = `I expected ${expected}.`;
  switch (code) {
    case 'empty':
      return `Your answer is empty. ${want}`;
    case 'too-long':
      return 'That answer is too long. Please send just the values.';
    case 'not-a-number':
      return `I could not read a number there. ${want} Decimals like .81, fractions like 3/4 and 1e-3 are fine.`;
    case 'not-a-vector':
      return `I could not read a vector. ${want} Write it like [1.3, -4.7, 3.6] or 1.3 -4.7 3.6.`;
    case 'not-a-matrix':
      return `I could not read a matrix. ${want} Write it like [[1, 2], [3, 4]] or 1 2; 3 4.`;
    case 'ragged-matrix':
      return `The rows of your matrix have different lengths. ${want}`;
    case 'wrong-length':
      return `Your vector has the wrong number of entries. ${want}`;
    case 'wrong-dimensions':
      return `Your matrix has the wrong size. ${want}`;
    case 'not-a-shape':
      return `I could not read a shape. ${want} Write it like (2, 1, 3).`;
    case 'not-a-ratio':
      return `I could not read a ratio. ${want} Write it like 55:294.`;
    case 'not-true-false':
      return 'Please answer T or F (true or false).';
    case 'not-an-option':
      return `Please answer with one option letter: ${expected}.`;
    case 'division-by-zero':
      return 'That fraction divides by zero.';
    case 'ambiguous-comma':
      return `Is that comma a decimal point or a thousands separator? Write decimals with a point (0.86), please. ${want}`;
  }
}

/** "a) to d)", "a) and b)", "a)". */
function lettersRange(letters: readonly string[]): string {
  const first = letters[0];
  const last = letters[letters.length - 1];
  if (first === undefined || last === undefined) return '';
  if (letters.length === 1) return `${first})`;
  return letters.length === 2 ? `${first}) and ${last})` : `${first}) to ${last})`;
}

/** Where the wrong cells of a vector or matrix are, by position: "entry 2", "row 1, column 3". */
export function wrongCellsText(grade: PartGrade): string {
  const cells = grade.wrongCells ?? [];
  if (cells.length === 0) return '';
  const names = cells.map(([i, j]) =>
    grade.kind === 'matrix' ? `row ${i + 1} column ${j + 1}` : `entry ${j + 1}`,
  );
  const shown =
    names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
  return ` Wrong: ${shown}.`;
}

/** Credit by follow-through: "follows from your a)". */
function followThroughText(grade: PartGrade, letterOf: (partId: string) => string): string {
  const from = grade.followThrough?.from ?? [];
  if (from.length === 0) return ' (follows from rounding the earlier steps, which is fine).';
  return ` It follows from your ${from.map((id) => `${letterOf(id)})`).join(' and ')}, so it earns the marks (error carried forward).`;
}

/**
 * One feedback line for a graded part, without the part label (adapters add it with their own formatting).
 * `letterOf` turns a part id into its letter (for follow-through messages).
 */
export function gradeText(grade: PartGrade, letterOf: (partId: string) => string = (id) => id): string {
  switch (grade.status) {
    case 'correct':
      return grade.followThrough ? `Correct${followThroughText(grade, letterOf)}` : 'Correct.';
    case 'coarse':
      return `Right value, but rounded too coarsely: give it to ${grade.requiredDp ?? 'more'} decimal places. This try is free.`;
    case 'invalid':
      return grade.syntax
        ? `${syntaxText(grade.syntax.code, grade.syntax.expected)} This try is free.`
        : 'I could not read that. This try is free.';
    case 'wrong': {
      const partial =
        grade.credit > 0 && grade.credit < 1
          ? ` ${Math.round(grade.credit * 100)}% of the entries are right.${wrongCellsText(grade)}`
          : '';
      return grade.slip ? `Not quite. ${grade.slip.message}${partial}` : `Not quite.${partial}`;
    }
  }
}

/** "a) h₁": how a part is named in feedback, hints, solutions, forms and buttons, on every platform. */
export function partTitle(part: { readonly letter: string; readonly name: string }): string {
  return part.name.length > 0 ? `${part.letter}) ${part.name}` : `${part.letter})`;
}

/** How to answer several parts at once, with this question's own letters. */
export function multiPartText(letters: readonly string[]): string {
  const example = letters
    .slice(0, 2)
    .map((l) => `${l}) …`)
    .join(' ');
  return `Answer the parts in any order, one message each, or several at once: ${example} (or one part per line).`;
}

/** Parts named again after they were settled: reported, not graded. */
export function settledText(parts: readonly { readonly letter: string; readonly status: string }[]): string {
  const solved = parts.filter((p) => p.status === 'solved').map((p) => `${p.letter})`);
  const failed = parts.filter((p) => p.status !== 'solved').map((p) => `${p.letter})`);
  const lines: string[] = [];
  if (solved.length > 0) lines.push(`Already solved: ${solved.join(', ')} (not graded again).`);
  if (failed.length > 0) lines.push(`No tries left on ${failed.join(', ')}.`);
  return lines.join(' ');
}

export function triesLeftText(n: number): string {
  if (n <= 0) return 'No tries left on this part.';
  return n === 1 ? '1 try left.' : `${n} tries left.`;
}

export const ROUNDED_ROUTE =
  'Rounding every intermediate to the decimals asked gives these instead (also accepted):';

export const SCORING_RULE =
  'Points: each part you solve earns its topic difficulty (1-3), doubled when solved at the first try and halved (at least 1) ' +
  'if you took a hint on that question. Practice never takes points away, and once you have seen the solution the question ' +
  'earns nothing more.';

export const ANSWER_FORMATS =
  'Numbers: 0.81, .81, -4.7, 1e-3, 3/4. Ratios: 55:294. Vectors: [1.3, -4.7, 3.6] or 1.3 -4.7 3.6. ' +
  'Matrices: [[1, 2], [3, 4]] or 1 2; 3 4. Shapes: (2, 1, 3). True/false: T or F. Options: a letter. ' +
  'Several parts at once: a) 45 b) 220 (or one answer per line). Counts may be typed 184,396,800 or 184396800.';
