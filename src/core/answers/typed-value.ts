/** A typed answer as read by its kind's parser, before it is compared with anything. */
import type { Grid } from './parse-array.js';
import type { TypedNumber } from './parse-number.js';

export type TypedValue =
  | { readonly kind: 'number'; readonly number: TypedNumber }
  | { readonly kind: 'vector'; readonly cells: readonly TypedNumber[] }
  /** Rows of equal length (ragged input is refused while parsing). */
  | { readonly kind: 'matrix'; readonly rows: Grid }
  | { readonly kind: 'shape'; readonly dims: readonly number[] }
  /**
   * p:q as typed, or a single number (a decimal or fraction standing for p/q). Whole p and q keep their digits so
   * that they are compared exactly, however long.
   */
  | {
      readonly kind: 'ratio';
      readonly left: TypedNumber;
      readonly right?: TypedNumber;
      readonly wholeDigits?: readonly [string, string];
    }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** The option as listed in the part (its own spelling). */
  | { readonly kind: 'choice'; readonly option: string };
