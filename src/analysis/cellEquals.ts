import { parseTime } from '../data/cell.ts';
import type { Cell } from '../data/types.ts';

/** A decimal numeral: optional sign, digits with an optional fraction, optional exponent; no spaces. */
export const NUMERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** An ISO calendar date. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A quote or apostrophe, straight or typographic (not a prime: ′ and ″ are feet and inches). */
const QUOTE = /['"‘’‛“”„]/;
/** The text with its typographic quotes and apostrophes straight. */
const straight = (s: string): string => s.replace(/[‘’‛]/g, "'").replace(/[“”„]/g, '"');

const isEmpty = (value: Cell | undefined): value is null | undefined | '' => value === null || value === undefined || value === '';

const numberEqualsString = (n: number, s: string): boolean => NUMERAL.test(s) && Number(s) === n;

const utcDay = (d: Date): string | undefined => (Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10));

/** The instant a filter string names, if it is an ISO date-time with its zone; parsed once per string, not per row. */
const instants = new Map<string, number | undefined>();
function instantOf(s: string): number | undefined {
  if (!instants.has(s)) {
    if (instants.size > 1000) instants.clear();
    const time = parseTime(s);
    instants.set(s, time.ok && time.value instanceof Date ? time.value.getTime() : undefined);
  }
  return instants.get(s);
}

const dateEqualsString = (d: Date, s: string): boolean => {
  if (ISO_DAY.test(s)) return utcDay(d) === s;
  // An ISO date-time with its zone, quoted in the frontmatter ("2016-07-01T10:00:00Z"): that instant.
  const at = instantOf(s);
  return at !== undefined && at === d.getTime();
};

/**
 * Whether a Date is a day rather than a time: midnight UTC, which is how YAML reads an unquoted `2016-07-01` in the
 * frontmatter and how a data file's `date` column is read. (A time written as exactly `T00:00:00Z` is one too.)
 */
const isDay = (d: Date): boolean => d.getTime() % 86_400_000 === 0;

/**
 * Whether a table cell equals a filter value (a `where` or `of` entry in the
 * frontmatter, or a directive's `where=`). The filter value says how precise
 * the match is:
 *
 * - empty: `null`, a missing cell (`undefined`) and the empty string `''` are
 *   all "empty" and equal one another, and nothing else;
 * - two numbers are equal when `===` holds (so NaN equals nothing, 0 equals −0);
 * - a number equals a string when the string is a decimal numeral (optional
 *   sign, digits with an optional fractional part, optional exponent; no
 *   spaces) whose numeric value is that number: 2015 equals `'2015'` and
 *   `'2015.0'`, not `' 2015'` nor `'0x7DF'`; either may be the cell;
 * - two strings are equal only when identical (no trimming, case folding or
 *   numeric comparison: `'2015'` ≠ `'2015.0'`), except that a straight quote
 *   or apostrophe and its typographic forms are one character (`Corbyn's` =
 *   `Corbyn’s`): the frontmatter's labels are printed, and so tabled, with
 *   typographic ones (src/markdown/smartText.ts), and a data file may hold
 *   either, so a filter written either way matches;
 * - a day, that is a filter value written `YYYY-MM-DD` (a string, or a Date at
 *   midnight UTC, as YAML reads an unquoted `2016-07-01`), matches a Date cell
 *   at any time of that UTC day, and a text cell `YYYY-MM-DD` naming that day;
 * - a Date filter value with a time of day, or a string holding an ISO 8601
 *   date-time with its zone (`'2016-07-01T10:00:00Z'`), matches only a Date
 *   cell at the same instant (`getTime()`);
 * - a text cell `YYYY-MM-DD` equals a Date filter value only when that is a day;
 * - two booleans are equal when identical;
 * - any other combination (e.g. boolean and string, Date and number) is unequal.
 */
export function cellEquals(cell: Cell | undefined, value: Cell | undefined): boolean {
  if (isEmpty(cell) || isEmpty(value)) return isEmpty(cell) && isEmpty(value);
  if (typeof cell === 'number') {
    if (typeof value === 'number') return cell === value;
    if (typeof value === 'string') return numberEqualsString(cell, value);
    return false;
  }
  if (typeof cell === 'string') {
    if (typeof value === 'string') return cell === value || (QUOTE.test(value) && QUOTE.test(cell) && straight(cell) === straight(value));
    if (typeof value === 'number') return numberEqualsString(value, cell);
    if (value instanceof Date) return isDay(value) && dateEqualsString(value, cell);
    return false;
  }
  if (cell instanceof Date) {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) return false;
      return isDay(value) ? utcDay(cell) === utcDay(value) : cell.getTime() === value.getTime();
    }
    if (typeof value === 'string') return dateEqualsString(cell, value);
    return false;
  }
  return typeof value === 'boolean' && cell === value;
}
