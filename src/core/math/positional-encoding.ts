/**
 * Sinusoidal positional encoding (Vaswani et al., 2017). For dimension j = 2i (even) and j = 2i + 1 (odd):
 *
 *   PE(pos, 2i)     = sin(pos / 10000^(2i / d_model))
 *   PE(pos, 2i + 1) = cos(pos / 10000^(2i / d_model))
 *
 * The parity is that of the DIMENSION index j (not of the position), and both dimensions of a pair share the
 * exponent 2i/d_model. Angles are in radians. The `variant` options reproduce two classic slips.
 */

export const PE_BASE = 10000;

export interface PeVariant {
  /** Slip: the calculator in degree mode (the angle taken as degrees). */
  readonly degrees?: boolean;
  /** Slip: exponent 2j/d_model with the dimension index j instead of the pair index i = ⌊j/2⌋. */
  readonly exponentPerIndex?: boolean;
}

function checkArgs(pos: number, dim: number, dModel: number): void {
  if (!Number.isInteger(pos) || pos < 0)
    throw new RangeError(`pos must be a non-negative integer, got ${pos}`);
  if (!Number.isInteger(dModel) || dModel < 2 || dModel % 2 !== 0) {
    throw new RangeError(`d_model must be an even integer >= 2, got ${dModel}`);
  }
  if (!Number.isInteger(dim) || dim < 0 || dim >= dModel) {
    throw new RangeError(`dimension must be an integer in [0, ${dModel - 1}], got ${dim}`);
  }
}

/** The pair index i = ⌊j/2⌋ of dimension j. */
export function pairIndex(dim: number): number {
  return Math.floor(dim / 2);
}

/** The exponent 2i/d_model of dimension j (2j/d_model under the per-index slip). */
export function peExponent(dim: number, dModel: number, variant: PeVariant = {}): number {
  return (2 * (variant.exponentPerIndex ? dim : pairIndex(dim))) / dModel;
}

/** The angle pos / 10000^(2i/d_model), in radians. */
export function peAngle(pos: number, dim: number, dModel: number, variant: PeVariant = {}): number {
  checkArgs(pos, dim, dModel);
  return pos / PE_BASE ** peExponent(dim, dModel, variant);
}

/** PE(pos, dim): sin of the angle for an even dimension, cos for an odd one. */
export function positionalEncoding(
  pos: number,
  dim: number,
  dModel: number,
  variant: PeVariant = {},
): number {
  const angle = peAngle(pos, dim, dModel, variant);
  const arg = variant.degrees ? (angle * Math.PI) / 180 : angle;
  return dim % 2 === 0 ? Math.sin(arg) : Math.cos(arg);
}

/** The whole encoding vector of one position: PE(pos, 0 .. d_model − 1). */
export function positionalEncodingVector(pos: number, dModel: number): number[] {
  return Array.from({ length: dModel }, (_, j) => positionalEncoding(pos, j, dModel));
}
