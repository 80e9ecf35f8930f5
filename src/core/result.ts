/** Expected outcomes are values (a wrong answer, an unknown topic); surprises are throws. */
export type Result<T, E extends string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E; readonly detail?: ErrorDetail };

/** Data an adapter may use to build its user-facing text for an error code (never an internal message). */
export interface ErrorDetail {
  readonly suggestions?: readonly string[];
  readonly limit?: number;
  readonly questionId?: string;
  readonly partIds?: readonly string[];
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
