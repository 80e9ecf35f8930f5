/** Multiple choice: an option letter (B, b, (b), b), b., [b], option B, answer: B), matched case-insensitively. */
import type { AnswerKind, Parsed, TypedOf } from '../kind.js';
import { bareWord } from './bare-word.js';

const LEAD_IN = /^\s*(?:option|opt|choice|answer|ans)\b\s*[:=]?\s*/i;

export const choiceKind: AnswerKind<'choice'> = {
  kind: 'choice',
  scalar: true,
  parse(text, expected): Parsed<TypedOf<'choice'>> {
    const t = bareWord(text.replace(LEAD_IN, ''));
    const option = expected.options.find((o) => o.trim().toLowerCase() === t);
    return option === undefined
      ? { ok: false, code: 'not-an-option' }
      : { ok: true, value: { kind: 'choice', option } };
  },
  compare(typed, _expected, candidate) {
    if (typeof candidate !== 'string') return undefined;
    const same = typed.option.trim().toLowerCase() === candidate.trim().toLowerCase();
    return same ? { status: 'correct', credit: 1 } : { status: 'wrong', credit: 0 };
  },
  diagnose: () => undefined,
  sizeError: 'not-an-option',
  fits: () => true,
  describe: (expected) => `one of ${expected.options.join(', ')}`,
  format: (expected) => expected.value,
  numeric: () => undefined,
};
