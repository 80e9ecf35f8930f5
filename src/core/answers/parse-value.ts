/**
 * Reads a typed answer as the kind of value a part expects (through that kind's module). Pure and total: every
 * input gives a value or a syntax code, nothing is evaluated, nothing throws.
 */
import type { Expected } from '../types.js';
import type { Parsed } from './kind.js';
import { kindOf } from './kinds/index.js';
import { normalizeAnswer } from './normalize.js';
import type { TypedValue } from './typed-value.js';

export function parseValue(text: string, expected: Expected): Parsed<TypedValue> {
  const t = normalizeAnswer(text);
  if (t.length === 0) return { ok: false, code: 'empty' };
  return kindOf(expected).parse(t, expected);
}

/** Does `text` read as an answer of the right kind and size for `expected`? */
export function fitsExpected(text: string, expected: Expected): boolean {
  const r = parseValue(text, expected);
  return r.ok && kindOf(expected).fits(r.value, expected);
}
