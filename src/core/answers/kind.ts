/**
 * An answer kind: everything the bot knows about one kind of answer (a number, a vector, a shape...), in one
 * module under kinds/: how typed text is read, how it is compared with an exact value, which mistakes of the kind
 * it can name by itself, what a syntax message calls it, and how an expected value is displayed on every platform.
 * The registry (kinds/index.ts) lists them; adding a kind is one file there plus one line in the registry.
 */
import type { Expected, ExpectedKind, NumericValue } from '../types.js';
import type { TypedValue } from './typed-value.js';
import type { Cell, GradeStatus, SyntaxCode } from './types.js';

export type ExpectedOf<K extends ExpectedKind> = Extract<Expected, { readonly kind: K }>;
export type TypedOf<K extends ExpectedKind> = Extract<TypedValue, { readonly kind: K }>;

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: SyntaxCode };

/** A comparison of a typed value with one candidate value (exact answer, slip, follow-through route). */
export interface Comparison {
  readonly status: Exclude<GradeStatus, 'invalid'>;
  readonly credit: number;
  readonly requiredDp?: number | undefined;
  readonly wrongCells?: readonly Cell[] | undefined;
  readonly signCells?: readonly Cell[] | undefined;
  readonly coarseCells?: readonly Cell[] | undefined;
}

/** A mistake a kind recognises on its own, without the topic listing it (a flipped sign, a transpose...). */
export interface KindSlip {
  readonly id: string;
  readonly message: string;
}

export interface AnswerKind<K extends ExpectedKind> {
  readonly kind: K;
  /** One answer of this kind is a single word ("T F T" or "45, 220" can answer several parts at once). */
  readonly scalar: boolean;
  /** Reads normalised text (lead-in words and the part's own label already removed). Linear in its input. */
  parse(text: string, expected: ExpectedOf<K>): Parsed<TypedOf<K>>;
  /**
   * Compares a typed value with a candidate value under the rules of `expected` (its precision, integer-ness).
   * undefined when the sizes differ or the candidate is not a value of this kind (a malformed slip).
   */
  compare(typed: TypedOf<K>, expected: ExpectedOf<K>, candidate: unknown): Comparison | undefined;
  /**
   * A mistake of the kind itself, checked when the answer is wrong and no listed slip matched; `comparison` is the
   * comparison with the exact answer (undefined when the sizes differ).
   */
  diagnose(
    typed: TypedOf<K>,
    expected: ExpectedOf<K>,
    comparison: Comparison | undefined,
  ): KindSlip | undefined;
  /** The syntax code for a value of the right kind but the wrong size ('wrong-length'...). */
  readonly sizeError: SyntaxCode;
  /** Is the typed value of the right size to answer this part (used to split unlabelled multi-part answers)? */
  fits(typed: TypedOf<K>, expected: ExpectedOf<K>): boolean;
  /** "a 2×3 matrix", for syntax messages. Never reveals the answer. */
  describe(expected: ExpectedOf<K>): string;
  /**
   * The expected value as every platform displays it, in a syntax the grader reads back: numbers at the precision
   * the question asks (fixed notation), counts with digit grouping. `exact`: every digit, on one line.
   */
  format(expected: ExpectedOf<K>, options: FormatOptions): string;
  /** The typed value as a number, vector or matrix (follow-through carries it forward); undefined otherwise. */
  numeric(typed: TypedOf<K>): NumericValue | undefined;
}

export interface FormatOptions {
  readonly exact?: boolean;
  /** Matrices as aligned rows on several lines (monospace blocks) instead of one line. */
  readonly block?: boolean;
}

export const CORRECT: Comparison = { status: 'correct', credit: 1 };
export const WRONG: Comparison = { status: 'wrong', credit: 0 };
