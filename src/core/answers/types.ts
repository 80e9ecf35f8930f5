import type { ExpectedKind } from '../types.js';

/** Outcome of grading one part of an answer. */
export type GradeStatus =
  /** Right: the typed value correctly rounds the exact value at the precision typed (and at least the precision asked). */
  | 'correct'
  /** The value is right but rounded more coarsely than the question asks: the student is asked for more digits. */
  | 'coarse'
  | 'wrong'
  /** Could not be read as the expected kind of answer: a syntax message, not counted as wrong. */
  | 'invalid';

/** Why a typed answer could not be read. Adapters own the user-facing text for each code. */
export type SyntaxCode =
  | 'empty'
  | 'too-long'
  | 'not-a-number'
  | 'not-a-vector'
  | 'not-a-matrix'
  | 'ragged-matrix'
  | 'wrong-length'
  | 'wrong-dimensions'
  | 'not-a-shape'
  | 'not-a-ratio'
  | 'not-true-false'
  | 'not-an-option'
  | 'division-by-zero'
  /** "1,234" for a part that wants decimals: a thousands separator or a decimal comma? */
  | 'ambiguous-comma';

/** A cell of a vector (row 0) or a matrix: [row, column], 0-based. */
export type Cell = readonly [number, number];

/**
 * Credit by follow-through: the answer is right for the student's own route. `from` lists the parts whose
 * (wrong) values the student carried forward ("follows from your (a)"); empty when the only difference from the
 * exact route is rounding intermediates to the asked precision.
 */
export interface FollowThrough {
  readonly from: readonly string[];
}

export interface PartGrade {
  readonly partId: string;
  /** The kind of answer the part expects (feedback names cells of a matrix by row and column). */
  readonly kind: ExpectedKind;
  readonly status: GradeStatus;
  /** 0..1: 1 when correct; for vectors/matrices the fraction of cells right (partial credit), else 0. */
  readonly credit: number;
  /** The answer as typed (trimmed). */
  readonly typed: string;
  /** For 'invalid': why. `expected` says what shape was wanted, e.g. 'a 2x3 matrix'. */
  readonly syntax?: { readonly code: SyntaxCode; readonly expected: string };
  /** A recognised slip (from the part's `slips`, or one every answer of the kind can make: sign, transpose...). */
  readonly slip?: { readonly id: string; readonly message: string };
  /** For 'coarse': the decimal places the question asks for. */
  readonly requiredDp?: number;
  /** For vectors/matrices graded 'wrong': which cells were wrong, as [row, col] (vectors use row 0). */
  readonly wrongCells?: readonly Cell[];
  /** Of the wrong cells, those whose value is right but for its sign. */
  readonly signCells?: readonly Cell[];
  /**
   * For vectors/matrices: cells whose value is right but rounded more coarsely than `requiredDp` (not in
   * `wrongCells`, not counted in `credit`). Present only when there are some.
   */
  readonly coarseCells?: readonly Cell[];
  /** Present when the answer was credited by follow-through rather than against the exact route. */
  readonly followThrough?: FollowThrough;
}
