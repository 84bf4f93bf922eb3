/**
 * The quotient `numerator / denominator`, or NaN when the denominator is 0 or
 * when either operand is not a finite number (NaN, ±Infinity). The result is
 * therefore never ±Infinity; NaN signals "undefined", for the caller to report.
 */
export function ratio(numerator: number, denominator: number): number {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return NaN;
  return numerator / denominator;
}
