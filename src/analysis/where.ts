import type { Cell, Row } from '../data/types.ts';
import { cellEquals } from './cellEquals.ts';

/** Column → value conditions, all of which a row must satisfy. */
export type Filter = Readonly<Record<string, Cell>>;

/**
 * The rows for which, for every column of `filter`, the row's cell in that
 * column equals the filter value, in their original order. An empty filter
 * matches every row. A column absent from a row counts as `null`.
 *
 * Equality ({@link cellEquals}): `null`, a missing cell and `''` are equal to
 * one another; numbers compare numerically, and a number equals a string that
 * is a decimal numeral of the same value (2015 equals `'2015'`); two strings
 * are equal only when identical; a day (`'2016-07-01'`, or a Date at midnight
 * UTC as YAML reads an unquoted `2016-07-01`) matches a Date cell at any time
 * of that UTC day, and a Date with a time of day only the same instant;
 * booleans equal only the same boolean; any other combination is unequal.
 */
export function where(rows: readonly Row[], filter: Filter): Row[] {
  const conditions = Object.entries(filter);
  return rows.filter((row) => conditions.every(([column, value]) => cellEquals(row[column], value)));
}
