/** What a part expects, in words, for syntax messages ("I expected a 2×3 matrix."). Never reveals the answer. */
import type { Expected } from '../types.js';

const SHAPE_EXAMPLES: readonly (readonly number[])[] = [
  [2, 1, 3],
  [4, 5],
];

export function describeExpected(expected: Expected): string {
  switch (expected.kind) {
    case 'number':
      return expected.integer ? 'a whole number' : 'a number';
    case 'vector': {
      const n = expected.value.length;
      const what = expected.integer ? 'whole number' : 'number';
      return `a vector of ${n} ${n === 1 ? what : `${what}s`}`;
    }
    case 'matrix':
      return `a ${expected.value.length}×${expected.value[0]?.length ?? 0} matrix`;
    case 'shape': {
      // An example that is not the answer itself.
      const example =
        SHAPE_EXAMPLES.find((e) => e.join(',') !== expected.value.join(',')) ?? SHAPE_EXAMPLES[0] ?? [];
      return `a shape like (${example.join(', ')})`;
    }
    case 'ratio':
      return 'a ratio like 3:4 (or its value as a decimal)';
    case 'boolean':
      return 'T or F';
    case 'choice':
      return `one of ${expected.options.join(', ')}`;
  }
}
