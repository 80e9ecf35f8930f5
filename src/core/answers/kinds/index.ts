/**
 * The registry of answer kinds: one module per kind of answer. To add a kind: add its variant to `Expected`
 * (core/types.ts), write its module here, and list it below; the compiler then points at nothing else to change.
 */
import type { Expected, ExpectedKind } from '../../types.js';
import type { AnswerKind, ExpectedOf } from '../kind.js';
import { booleanKind } from './boolean.js';
import { choiceKind } from './choice.js';
import { matrixKind } from './matrix.js';
import { numberKind } from './number.js';
import { ratioKind } from './ratio.js';
import { shapeKind } from './shape.js';
import { vectorKind } from './vector.js';

const KINDS: { readonly [K in ExpectedKind]: AnswerKind<K> } = {
  number: numberKind,
  vector: vectorKind,
  matrix: matrixKind,
  shape: shapeKind,
  ratio: ratioKind,
  boolean: booleanKind,
  choice: choiceKind,
};

/** The module of an expected value's kind, typed for that value. */
export function kindOf<K extends ExpectedKind>(expected: ExpectedOf<K>): AnswerKind<K> {
  return KINDS[expected.kind];
}

export type { Expected };
export { TRANSPOSED_SLIP } from './matrix.js';
export { readBoolean } from './boolean.js';
