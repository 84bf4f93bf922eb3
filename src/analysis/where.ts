import type { Cell, Row } from '../data/types.ts';
import { shown } from '../errors.ts';
import { dayOrInstant } from '../render/format.ts';
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

/** How many of a column's values a message lists before counting the rest. */
const SHOWN_VALUES = 12;

/** A cell as a filter would match it: a date as YYYY-MM-DD (or its instant), text quoted and cut as messages cut it. */
const filterText = (v: Cell | undefined) =>
  v === null || v === undefined
    ? 'empty'
    : v instanceof Date
      ? `"${dayOrInstant(v)}"`
      : typeof v === 'string'
        ? `"${shown(v)}"`
        : String(v);

/**
 * What the columns a filter names hold, for the message when it keeps no row: `"t_stance" holds "leave", "remain",
 * "other"` (twelve values at most, then how many more), so a label written for an id, or `Leave` for `leave`, shows.
 */
export function heldValues(rows: readonly Row[], filter: Filter): string {
  return Object.keys(filter)
    .map((column) => {
      const values = [...new Set(rows.map((row) => filterText(row[column])))];
      const more = values.length > SHOWN_VALUES ? ` and ${values.length - SHOWN_VALUES} more` : '';
      return `"${column}" holds ${values.slice(0, SHOWN_VALUES).join(', ')}${more}`;
    })
    .join('; ');
}
