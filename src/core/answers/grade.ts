/**
 * Grades one answer part. Total: any string gives a PartGrade (never throws); unreadable input is reported with a
 * syntax code and is not counted as wrong. How a value is read and compared belongs to its kind (kinds/); here:
 * the order of the checks.
 *
 * 1. Read the text as the part's kind (a leading label such as "a)" is dropped when the rest reads).
 * 2. Compare with the exact answer: correct, coarse (right but too few digits: costs no try), or wrong.
 * 3. Wrong: compare with each follow-through alternative (the part's value on the student's own route): the first
 *    that matches makes the answer correct, with `followThrough` saying which earlier answers it follows from.
 * 4. Still wrong: name the first listed slip whose value matches, else a mistake the kind recognises by itself
 *    (a flipped sign, a transpose, dimensions in the wrong order).
 * A value of the wrong size is unreadable ('wrong-length'...) unless it matches a slip.
 */
import type { Part } from '../types.js';
import type { AnswerKind, Comparison, KindSlip } from './kind.js';
import { kindOf } from './kinds/index.js';
import { describeExpected } from './format-expected.js';
import { MAX_ANSWER_LENGTH } from './limits.js';
import { normalizeAnswer } from './normalize.js';
import { readLeadingLabel } from './read-label.js';
import type { TypedValue } from './typed-value.js';
import type { PartGrade, SyntaxCode } from './types.js';

/** The part's value on a student's route, and the earlier parts whose (wrong) values that route carries. */
export interface Alternative {
  readonly value: unknown;
  readonly from: readonly string[];
}

export function gradePart(part: Part, typed: string, alternatives: readonly Alternative[] = []): PartGrade {
  const shown = typed.trim();
  if (shown.length > MAX_ANSWER_LENGTH) return invalid(part, shown.slice(0, MAX_ANSWER_LENGTH), 'too-long');
  const text = normalizeAnswer(shown);
  if (text.length === 0) return invalid(part, shown, 'empty');
  const kind = kindOf(part.expected);
  const parsed = readValue(kind, text, part);
  if (!parsed.ok) return invalid(part, shown, parsed.code);
  const value = parsed.value;

  const exact = kind.compare(value, part.expected, part.expected.value);
  if (exact !== undefined && exact.status !== 'wrong') return grade(part, shown, exact);
  for (const alt of alternatives) {
    const c = kind.compare(value, part.expected, alt.value);
    if (c?.status === 'correct') return { ...grade(part, shown, c), followThrough: { from: alt.from } };
  }
  const slip = findSlip(kind, value, part, exact);
  if (exact === undefined) {
    return slip
      ? { ...grade(part, shown, { status: 'wrong', credit: 0 }), slip }
      : invalid(part, shown, kind.sizeError);
  }
  return slip ? { ...grade(part, shown, exact), slip } : grade(part, shown, exact);
}

/** The text as the part's kind; when that fails, the text after a leading label ("a) 45" typed into a form). */
function readValue(kind: AnswerKind<Part['expected']['kind']>, text: string, part: Part) {
  const whole = kind.parse(text, part.expected);
  if (whole.ok) return whole;
  const label = readLeadingLabel(text);
  if (label === undefined) return whole;
  const rest = text.slice(label.end).trim();
  if (rest.length === 0) return whole;
  const again = kind.parse(rest, part.expected);
  return again.ok ? again : whole;
}

function grade(part: Part, typed: string, c: Comparison): PartGrade {
  return {
    partId: part.id,
    kind: part.expected.kind,
    status: c.status,
    credit: c.credit,
    typed,
    ...(c.requiredDp !== undefined ? { requiredDp: c.requiredDp } : {}),
    ...(c.wrongCells && c.wrongCells.length > 0 ? { wrongCells: c.wrongCells } : {}),
    ...(c.signCells && c.signCells.length > 0 ? { signCells: c.signCells } : {}),
    ...(c.coarseCells && c.coarseCells.length > 0 ? { coarseCells: c.coarseCells } : {}),
  };
}

function invalid(part: Part, typed: string, code: SyntaxCode): PartGrade {
  return {
    partId: part.id,
    kind: part.expected.kind,
    status: 'invalid',
    credit: 0,
    typed,
    syntax: { code, expected: describeExpected(part.expected) },
  };
}

function findSlip(
  kind: AnswerKind<Part['expected']['kind']>,
  value: TypedValue,
  part: Part,
  exact: Comparison | undefined,
): KindSlip | undefined {
  for (const slip of part.slips ?? []) {
    const c = kind.compare(value, part.expected, slip.value);
    if (c && c.status !== 'wrong') return { id: slip.id, message: slip.message };
  }
  return kind.diagnose(value, part.expected, exact);
}
