import type { Cell } from '../data/types.ts';

/** A decimal numeral: optional sign, digits with an optional fraction, optional exponent; no spaces. */
export const NUMERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** An ISO calendar date. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const isEmpty = (value: Cell | undefined): value is null | undefined | '' => value === null || value === undefined || value === '';

const numberEqualsString = (n: number, s: string): boolean => NUMERAL.test(s) && Number(s) === n;

const dateEqualsString = (d: Date, s: string): boolean =>
  ISO_DAY.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;

/**
 * Whether a table cell equals a filter value. The rule is symmetric:
 *
 * - empty: `null`, a missing cell (`undefined`) and the empty string `''` are
 *   all "empty" and equal one another, and nothing else;
 * - two numbers are equal when `===` holds (so NaN equals nothing, 0 equals −0);
 * - a number equals a string when the string is a decimal numeral (optional
 *   sign, digits with an optional fractional part, optional exponent; no
 *   spaces) whose numeric value is that number: 2015 equals `'2015'` and
 *   `'2015.0'`, not `' 2015'` nor `'0x7DF'`;
 * - two strings are equal only when identical (no trimming, case folding or
 *   numeric comparison: `'2015'` ≠ `'2015.0'`);
 * - two Dates are equal when they denote the same instant (`getTime()`);
 * - a Date equals a string of the form `YYYY-MM-DD` when that is the Date's
 *   calendar day in UTC (any time of that UTC day matches);
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
    if (typeof value === 'string') return cell === value;
    if (typeof value === 'number') return numberEqualsString(value, cell);
    if (value instanceof Date) return dateEqualsString(value, cell);
    return false;
  }
  if (cell instanceof Date) {
    if (value instanceof Date) return cell.getTime() === value.getTime();
    if (typeof value === 'string') return dateEqualsString(cell, value);
    return false;
  }
  return typeof value === 'boolean' && cell === value;
}
