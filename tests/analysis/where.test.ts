import { describe, expect, it } from 'vitest';
import { where } from '../../src/analysis/where.ts';
import { r1, r2, r3, r4, r5, r6, table } from './tableFixture.ts';

// Edge cases: string filter vs number cell and vice versa, exact strings,
// Date vs ISO day, null vs empty/missing, several columns (conjunction),
// empty filter, no match, unknown column.
describe('where(rows, filter)', () => {
  it('matches a string filter value against number cells', () => {
    expect(where(table, { year: '2015' })).toEqual([r1, r2]);
    expect(where(table, { year: 2015 })).toEqual([r1, r2]);
  });

  it('matches a number filter value against string cells', () => {
    expect(where(table, { votes: 40 })).toEqual([r6]);
    expect(where([{ year: '2015' }, { year: '2016' }], { year: 2015 })).toEqual([{ year: '2015' }]);
  });

  it('compares strings exactly', () => {
    expect(where(table, { party: 'labour' })).toEqual([]);
    expect(where(table, { party: 'Labour' })).toEqual([r1, r3]);
  });

  it('matches a Date cell against a day (YYYY-MM-DD, or a Date at midnight UTC) by its UTC day, or an equal time', () => {
    expect(where(table, { date: '2015-05-07' })).toEqual([r1, r2]);
    expect(where(table, { date: new Date('2015-05-07T00:00:00Z') })).toEqual([r1, r2]);
    expect(where(table, { date: new Date('2015-05-07T22:00:00Z') })).toEqual([r1]);
  });

  it('matches null against null, the empty string and missing columns', () => {
    expect(where(table, { note: null })).toEqual([r1, r2, r4, r5, r6]);
    expect(where(table, { missing: null })).toEqual([...table]);
    expect(where(table, { missing: 'x' })).toEqual([]);
  });

  it('requires every column to match', () => {
    expect(where(table, { year: 2017, party: 'Labour' })).toEqual([r3]);
    expect(where(table, { year: '2016', party: 'Labour' })).toEqual([]);
  });

  it('returns every row for an empty filter, and [] for no rows', () => {
    expect(where(table, {})).toEqual([...table]);
    expect(where([], { year: 2015 })).toEqual([]);
  });
});
