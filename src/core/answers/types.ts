/** Outcome of grading one part of an answer. */
export type PartStatus =
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
  | 'division-by-zero';

export interface PartGrade {
  readonly partId: string;
  readonly status: PartStatus;
  /** 0..1: 1 when correct; for vectors/matrices the fraction of cells right (partial credit), else 0. */
  readonly credit: number;
  /** The answer as typed (trimmed). */
  readonly typed: string;
  /** For 'invalid': why. `expected` says what shape was wanted, e.g. 'a 2x3 matrix'. */
  readonly syntax?: { readonly code: SyntaxCode; readonly expected: string };
  /** A recognised slip (from the part's `slips`). */
  readonly slip?: { readonly id: string; readonly message: string };
  /** For 'coarse': the decimal places the question asks for. */
  readonly requiredDp?: number;
  /** For vectors/matrices graded 'wrong': which cells were wrong, as [row, col] (vectors use row 0). */
  readonly wrongCells?: readonly (readonly [number, number])[];
  /**
   * For vectors/matrices: cells whose value is right but rounded more coarsely than `requiredDp` (not in
   * `wrongCells`, not counted in `credit`). Present only when there are some.
   */
  readonly coarseCells?: readonly (readonly [number, number])[];
}
