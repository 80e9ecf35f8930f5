/**
 * Answer checking: parse what students type and grade it against a part's exact answer.
 *
 * - kinds/: one module per answer kind (number, vector, matrix, shape, ratio, boolean, choice) and the registry.
 * - gradePart(part, typed, alternatives): one part's grade (grade.ts; the number rule in grade-number.ts).
 * - splitAnswer(text, parts, open): which text answers which part in a chat message (split.ts).
 * - followThroughAlternatives(...): a part's values on the student's own routes (follow-through.ts).
 * - formatExpected / describeExpected: how every platform displays an expected value, and names its kind.
 * - partLetter / partHeading: the a), b), c) labels students see and type.
 */
export type { Cell, FollowThrough, GradeStatus, PartGrade, SyntaxCode } from './types.js';
export type { TypedValue } from './typed-value.js';
export { MAX_ANSWER_LENGTH } from './limits.js';
export { gradePart, type Alternative } from './grade.js';
export { describeExpected, formatExpected } from './format-expected.js';
export { splitAnswer, type PartText, type SplitPart, type SplitResult } from './split.js';
export { normalizeAnswer } from './normalize.js';
export { gradeNumber, roundsTo, SCIENTIFIC_RELATIVE_TOLERANCE, type NumberVerdict } from './grade-number.js';
export { parseNumber, type TypedNumber } from './parse-number.js';
export { fitsExpected, parseValue } from './parse-value.js';
export { kindOf, TRANSPOSED_SLIP } from './kinds/index.js';
export { partHeading, partLetter } from './part-letter.js';
export {
  carryOf,
  EXACT_CARRY,
  followThroughAlternatives,
  roundMatrix,
  roundTo,
  roundVector,
  sameNumeric,
  type Route,
} from './follow-through.js';
export { roundedRouteAnswers } from './rounded-route.js';
export { studentRoute, type EarlierAnswer, type StudentRoute } from './student-route.js';
