import { sum } from 'd3-array';
import type { Row } from '../data/types.ts';
import { ratio } from './ratio.ts';
import { type Filter, where } from './where.ts';

export interface ShareResult {
  numerator: number;
  denominator: number;
  /** `numerator / denominator`; NaN when the denominator is 0 (see {@link ratio}). */
  value: number;
}

/**
 * The part of a column's total that a subset accounts for.
 *
 * `denominator` = the sum of `column` over the rows matching `within`;
 * `numerator` = the sum of `column` over the rows matching both `within` and
 * `of` (matching as defined by {@link where}); `value` = `numerator /
 * denominator` as a proportion (0.25, not 25), NaN when the denominator is 0
 * or either sum is not finite.
 *
 * Sums follow d3-array's `sum`, counting only number cells: cells that are
 * `null`, missing, NaN, or not numbers (strings, booleans, Dates) are skipped.
 */
export function share(rows: readonly Row[], column: string, within: Filter, of: Filter): ShareResult {
  const value = (row: Row): number | null => {
    const cell = row[column];
    return typeof cell === 'number' ? cell : null;
  };
  const base = where(rows, within);
  const denominator = sum(base, value);
  const numerator = sum(where(base, of), value);
  return { numerator, denominator, value: ratio(numerator, denominator) };
}
