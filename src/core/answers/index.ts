/**
 * Answer checking: parse what students type and grade it against a part's exact answer.
 *
 * - gradePart(part, typed): one part's grade (grade.ts; the number rule in grade-number.ts).
 * - splitAnswer(text, openParts): which text answers which part in a chat message (split.ts).
 * - describeExpected(expected): "a 2×3 matrix" for syntax messages (describe.ts).
 * - parseValue(text, expected) and the per-kind parsers, for adapters that want to echo what was read.
 */
export type { PartGrade, PartStatus, SyntaxCode } from './types.js';
export { MAX_ANSWER_LENGTH } from './limits.js';
export { gradePart, TRANSPOSED_SLIP } from './grade.js';
export { describeExpected } from './describe.js';
export { splitAnswer, type OpenPart, type PartAnswer, type SplitResult } from './split.js';
export { normalizeAnswer } from './normalize.js';
export { gradeNumber, roundsTo, SCIENTIFIC_RELATIVE_TOLERANCE, type NumberVerdict } from './grade-number.js';
export { parseNumber, type TypedNumber } from './parse-number.js';
export {
  parseBoolean,
  parseChoice,
  parseMatrix,
  parseNumberAnswer,
  parseRatio,
  parseShape,
  parseValue,
  parseVector,
  type TypedValue,
  type ValueParse,
} from './parse-value.js';
