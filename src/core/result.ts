/**
 * Expected outcomes are values (a wrong answer, an unknown topic); surprises are throws. Every layer uses this one
 * Result; each adapter turns error codes into its own user-facing text.
 */
export type Result<T, E extends string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E; readonly detail?: ErrorDetail };

/** Data an adapter may use to build its user-facing text for an error code (never an internal message). */
export interface ErrorDetail {
  readonly suggestions?: readonly string[];
  readonly limit?: number;
  readonly questionId?: string;
  /** Labels the student typed that name no part ('unknown-part'). */
  readonly labels?: readonly string[];
  /** Part letters: the question's parts ('unknown-part', 'needs-labels') or the settled parts ('already-solved'). */
  readonly letters?: readonly string[];
}

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E extends string>(
  error: E,
  detail?: ErrorDetail,
): { readonly ok: false; readonly error: E; readonly detail?: ErrorDetail } {
  return detail === undefined ? { ok: false, error } : { ok: false, error, detail };
}
