/**
 * An expected value as every platform, the terminal and the CLI display it (through its kind's module): at the
 * precision the question asks, counts with digit grouping, in a syntax the grader reads back. `exact: true` gives
 * every digit on one line (typing it back is always graded correct); `block: true` writes matrices as aligned rows.
 */
import type { Expected } from '../types.js';
import type { FormatOptions } from './kind.js';
import { kindOf } from './kinds/index.js';

export function formatExpected(expected: Expected, options: FormatOptions = {}): string {
  return kindOf(expected).format(expected, options);
}

/** What a part expects, in words, for syntax messages ("I expected a 2×3 matrix."). Never reveals the answer. */
export function describeExpected(expected: Expected): string {
  return kindOf(expected).describe(expected);
}
