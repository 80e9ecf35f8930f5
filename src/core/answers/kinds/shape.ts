/** A tensor shape: the exact tuple, order matters; a permutation of the right dimensions is named. */
import type { AnswerKind, Parsed, TypedOf } from '../kind.js';
import { normalizeAnswer } from '../normalize.js';
import { asFlat, parseNested, stripWrappers } from '../parse-array.js';
import { isNumberArray } from '../grid.js';
import { stripLeadIn } from '../parse-number.js';

const SHAPE_EXAMPLES: readonly (readonly number[])[] = [
  [2, 1, 3],
  [4, 5],
];

/** "2x1x3", "2 × 1 × 3": digits separated by x, ×, * (spaces allowed). Index arithmetic: linear. */
function timesForm(text: string): string | undefined {
  const pieces = text.split(/[x×X*]/);
  if (pieces.length < 2) return undefined;
  const dims = pieces.map((p) => p.trim());
  return dims.every((d) => /^\d+$/.test(d)) ? dims.join(',') : undefined;
}

const SHAPE_PREFIX = /^(?:shape|size)(?:[ ]*[:=][ ]*|[ ]+)/i;

export const shapeKind: AnswerKind<'shape'> = {
  kind: 'shape',
  scalar: false,
  parse(text): Parsed<TypedOf<'shape'>> {
    let t = stripWrappers(stripLeadIn(normalizeAnswer(text)).replace(SHAPE_PREFIX, ''));
    t = timesForm(t) ?? t;
    const inner = t.replace(/[ ]/g, '');
    if (inner === '()' || inner === '[]') return { ok: true, value: { kind: 'shape', dims: [] } };
    const r = parseNested(t);
    if (!r.ok) return { ok: false, code: 'not-a-shape' };
    const cells = asFlat(r.items);
    if (!cells || cells.length === 0) return { ok: false, code: 'not-a-shape' };
    if (!cells.every((c) => c.whole && c.value >= 0 && Number.isSafeInteger(c.value)))
      return { ok: false, code: 'not-a-shape' };
    return { ok: true, value: { kind: 'shape', dims: cells.map((c) => c.value) } };
  },
  compare(typed, _expected, candidate) {
    if (!isNumberArray(candidate)) return undefined;
    const same = typed.dims.length === candidate.length && typed.dims.every((d, i) => d === candidate[i]);
    return same ? { status: 'correct', credit: 1 } : { status: 'wrong', credit: 0 };
  },
  diagnose(typed, expected) {
    const a = [...typed.dims].sort((x, y) => x - y);
    const b = [...expected.value].sort((x, y) => x - y);
    const permuted = a.length === b.length && a.every((d, i) => d === b[i]);
    return permuted
      ? {
          id: 'axis-order',
          message: 'Those are the right dimensions in the wrong order: check which axis comes first.',
        }
      : undefined;
  },
  // Shapes of any rank are graded (a different rank is wrong, not unreadable).
  sizeError: 'not-a-shape',
  fits: () => true,
  describe(expected) {
    // An example that is not the answer itself.
    const example =
      SHAPE_EXAMPLES.find((e) => e.join(',') !== expected.value.join(',')) ?? SHAPE_EXAMPLES[0] ?? [];
    return `a shape like (${example.join(', ')})`;
  },
  format: (expected) => `(${expected.value.join(', ')})`,
  numeric: (typed) => typed.dims,
};
