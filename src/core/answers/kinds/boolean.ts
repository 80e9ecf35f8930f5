/** True or false: T, F, true, false, yes, no (any case), optionally in brackets or with a full stop. */
import type { AnswerKind, Parsed, TypedOf } from '../kind.js';
import { bareWord } from './bare-word.js';

const TRUE_WORDS = new Set(['t', 'true', 'yes', 'y', 'correct', 'right']);
const FALSE_WORDS = new Set(['f', 'false', 'no', 'n', 'incorrect', 'wrong']);

export function readBoolean(text: string): boolean | undefined {
  const t = bareWord(text);
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

export const booleanKind: AnswerKind<'boolean'> = {
  kind: 'boolean',
  scalar: true,
  parse(text): Parsed<TypedOf<'boolean'>> {
    const value = readBoolean(text);
    return value === undefined
      ? { ok: false, code: 'not-true-false' }
      : { ok: true, value: { kind: 'boolean', value } };
  },
  compare(typed, _expected, candidate) {
    if (typeof candidate !== 'boolean') return undefined;
    return typed.value === candidate ? { status: 'correct', credit: 1 } : { status: 'wrong', credit: 0 };
  },
  diagnose: () => undefined,
  sizeError: 'not-true-false',
  fits: () => true,
  describe: () => 'T or F',
  format: (expected) => (expected.value ? 'True' : 'False'),
  numeric: () => undefined,
};
