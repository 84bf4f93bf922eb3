import type { Cell, Row } from '../data/types.ts';
import { type Filter, where } from './where.ts';

export type PickResult = { ok: true; value: Cell; row: Row } | { ok: false; matches: number };

/**
 * Looks up one value: the cell in `column` of the single row matching `filter`
 * (matching as defined by {@link where}).
 *
 * When exactly one row matches, returns `{ok: true, value, row}`, where
 * `value` is that row's cell in `column` (`null` when the row has no such
 * column; check `column in row` to tell the two apart). Otherwise returns
 * `{ok: false, matches}` with the number of matching rows (0, or 2 and more),
 * for the caller to report.
 */
export function pick(rows: readonly Row[], filter: Filter, column: string): PickResult {
  const matches = where(rows, filter);
  const [row] = matches;
  if (matches.length !== 1 || row === undefined) return { ok: false, matches: matches.length };
  return { ok: true, value: row[column] ?? null, row };
}
