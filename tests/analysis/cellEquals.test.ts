import { describe, expect, it } from 'vitest';
import { cellEquals } from '../../src/analysis/cellEquals.ts';

// Edge cases: number vs numeral string (both directions), non-numerals, strings
// exact, Date vs Date / ISO day, invalid Date, empty values, booleans, mixed types.
describe('cellEquals(cell, value)', () => {
  it('compares numbers numerically, also against decimal numeral strings', () => {
    expect(cellEquals(2015, 2015)).toBe(true);
    expect(cellEquals(2015, '2015')).toBe(true);
    expect(cellEquals('2015', 2015)).toBe(true);
    expect(cellEquals(2015, '2015.0')).toBe(true);
    expect(cellEquals(0.5, '.5')).toBe(true);
    expect(cellEquals(1000, '1e3')).toBe(true);
    expect(cellEquals(-3, '-3')).toBe(true);
    expect(cellEquals(0, -0)).toBe(true);
    expect(cellEquals(2015, 2016)).toBe(false);
    expect(cellEquals(2015, ' 2015')).toBe(false);
    expect(cellEquals(2015, '0x7DF')).toBe(false);
    expect(cellEquals(0, '')).toBe(false);
    expect(cellEquals(Number.NaN, Number.NaN)).toBe(false);
    expect(cellEquals(Number.NaN, 'NaN')).toBe(false);
  });

  it('compares two strings exactly', () => {
    expect(cellEquals('Labour', 'Labour')).toBe(true);
    expect(cellEquals('Labour', 'labour')).toBe(false);
    expect(cellEquals('2015', '2015.0')).toBe(false);
    expect(cellEquals('Labour', 'Labour ')).toBe(false);
  });

  it('takes a straight quote or apostrophe and its typographic forms for one character, as labels are printed with them', () => {
    expect(cellEquals('Corbyn’s 2015 result', "Corbyn's 2015 result")).toBe(true);
    expect(cellEquals("O'Brien", 'O’Brien')).toBe(true);
    expect(cellEquals('the “final” call', 'the "final" call')).toBe(true);
    expect(cellEquals('„final“', '"final"')).toBe(true);
    // Still exact otherwise: another word, a missing apostrophe, a prime (feet and minutes) are not quotes.
    expect(cellEquals('Corbyn’s 2016 result', "Corbyn's 2015 result")).toBe(false);
    expect(cellEquals('Corbyns', "Corbyn's")).toBe(false);
    expect(cellEquals('5′', "5'")).toBe(false);
  });

  it('compares Dates by time and against YYYY-MM-DD of the same UTC day', () => {
    const late = new Date('2015-05-07T23:59:59.999Z');
    expect(cellEquals(late, new Date(Date.UTC(2015, 4, 7, 23, 59, 59, 999)))).toBe(true);
    expect(cellEquals(late, new Date('2015-05-08T00:00:00Z'))).toBe(false);
    expect(cellEquals(late, '2015-05-07')).toBe(true);
    expect(cellEquals('2015-05-07', late)).toBe(false); // a time of day in the filter matches only that instant
    expect(cellEquals(new Date('2015-05-08T00:00:00Z'), '2015-05-07')).toBe(false);
    expect(cellEquals(late, '2015-05-07T23:59:59.999Z')).toBe(true); // quoted, the same instant
    expect(cellEquals(late, '2015-5-7')).toBe(false);
    expect(cellEquals(late, late.getTime())).toBe(false);
    expect(cellEquals(new Date(Number.NaN), new Date(Number.NaN))).toBe(false);
    expect(cellEquals(new Date(Number.NaN), '2015-05-07')).toBe(false);
  });

  it('matches a day filter (a Date at midnight UTC, as YAML reads 2015-05-07) against any time of that UTC day', () => {
    const day = new Date('2015-05-07T00:00:00Z');
    expect(cellEquals(new Date('2015-05-07T23:59:59.999Z'), day)).toBe(true);
    expect(cellEquals(new Date('2015-05-07T00:00:00Z'), day)).toBe(true);
    expect(cellEquals(new Date('2015-05-08T00:00:00Z'), day)).toBe(false);
    expect(cellEquals(new Date('2015-05-06T23:59:59.999Z'), day)).toBe(false);
    expect(cellEquals('2015-05-07', day)).toBe(true);
    expect(cellEquals(new Date(Number.NaN), day)).toBe(false);
  });

  it('matches a filter time of day only at the same instant, also against a date cell', () => {
    const time = new Date('2015-05-07T10:00:00Z');
    expect(cellEquals(new Date('2015-05-07T10:00:00Z'), time)).toBe(true);
    expect(cellEquals(new Date('2015-05-07T10:00:01Z'), time)).toBe(false);
    expect(cellEquals(new Date('2015-05-07T00:00:00Z'), time)).toBe(false);
    expect(cellEquals('2015-05-07', time)).toBe(false);
  });

  it('matches a quoted ISO date-time with its zone at the same instant, in any offset', () => {
    const cell = new Date('2016-07-01T10:00:00Z');
    expect(cellEquals(cell, '2016-07-01T10:00:00Z')).toBe(true);
    expect(cellEquals(cell, '2016-07-01T11:00:00+01:00')).toBe(true);
    expect(cellEquals(cell, '2016-07-01T10:00:01Z')).toBe(false);
    expect(cellEquals(cell, '2016-07-01T10:00:00')).toBe(false);
  });

  it('treats null, a missing cell and the empty string as equal to one another only', () => {
    expect(cellEquals(null, null)).toBe(true);
    expect(cellEquals(undefined, null)).toBe(true);
    expect(cellEquals('', null)).toBe(true);
    expect(cellEquals(null, '')).toBe(true);
    expect(cellEquals(null, 0)).toBe(false);
    expect(cellEquals(false, null)).toBe(false);
    expect(cellEquals(' ', null)).toBe(false);
  });

  it('compares booleans only with booleans', () => {
    expect(cellEquals(true, true)).toBe(true);
    expect(cellEquals(true, false)).toBe(false);
    expect(cellEquals(true, 'true')).toBe(false);
    expect(cellEquals(true, 1)).toBe(false);
  });
});
