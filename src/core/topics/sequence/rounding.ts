/**
 * Guards for generated answers given to a number of decimal places.
 */

/**
 * True when v is within 2% of a unit in the last place of a rounding tie at `dp` decimals (e.g. 0.12345 at 4 dp):
 * whether a student's calculator rounds up or down would then depend on how many digits they carried.
 */
export function nearRoundingTie(v: number, dp: number): boolean {
  const scaled = Math.abs(v) * 10 ** dp;
  return Math.abs(scaled - Math.floor(scaled) - 0.5) < 0.02;
}
