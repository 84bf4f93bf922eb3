import type { Row } from '../data/types.ts';

export interface Extreme {
  /** The largest (or smallest) number in the column. */
  value: number;
  /** Every row holding it, in table order: more than one when rows tie. */
  rows: Row[];
}

/**
 * The largest (`'max'`) or smallest (`'min'`) finite number in `column` and
 * the rows that hold it. Cells that are not finite numbers (null, missing,
 * NaN, strings) are skipped; with none left, the result is `undefined`, for
 * the caller to report.
 */
export function extreme(rows: readonly Row[], column: string, which: 'max' | 'min'): Extreme | undefined {
  let best: Extreme | undefined;
  for (const row of rows) {
    const cell = row[column];
    if (typeof cell !== 'number' || !Number.isFinite(cell)) continue;
    if (!best || (which === 'max' ? cell > best.value : cell < best.value)) best = { value: cell, rows: [row] };
    else if (cell === best.value) best.rows.push(row);
  }
  return best;
}
