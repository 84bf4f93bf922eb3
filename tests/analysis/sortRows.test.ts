import { describe, expect, it } from 'vitest';
import { sortKey, sortRows } from '../../src/analysis/sortRows.ts';
import type { Row } from '../../src/data/types.ts';

// Edge cases: descending, ties keep the input order, a second key breaks
// ties, empty cells (null, missing, NaN) last in both directions, strings by
// code point (not locale), Dates, the input is not changed.
describe('sortRows(rows, keys)', () => {
  const rows: Row[] = [
    { name: 'b', v: 2 },
    { name: 'a', v: 3 },
    { name: 'c', v: 2 },
    { name: 'd', v: null },
    { name: 'e', v: Number.NaN },
    { name: 'É', v: 1 },
  ];
  const names = (r: readonly Row[]) => r.map((x) => x.name);

  it('sorts ascending and descending; ties keep their order; empty cells go last', () => {
    expect(names(sortRows(rows, [sortKey('v')]))).toEqual(['É', 'b', 'c', 'a', 'd', 'e']);
    expect(names(sortRows(rows, [sortKey('-v')]))).toEqual(['a', 'b', 'c', 'É', 'd', 'e']);
    expect(names(sortRows([{ name: 'x' }, { name: 'y', v: 1 }], [sortKey('-v')]))).toEqual(['y', 'x']);
  });

  it('breaks ties with the next key', () => {
    expect(names(sortRows(rows, [sortKey('-v'), sortKey('-name')]))).toEqual(['a', 'c', 'b', 'É', 'e', 'd']);
  });

  it('compares strings by code point and Dates by time', () => {
    expect(names(sortRows(rows, [sortKey('name')]))).toEqual(['a', 'b', 'c', 'd', 'e', 'É']);
    const dates = [
      { name: 'late', d: new Date('2016-09-24T00:00:00Z') },
      { name: 'early', d: new Date('2016-06-23T00:00:00Z') },
    ];
    expect(names(sortRows(dates, [sortKey('d')]))).toEqual(['early', 'late']);
  });

  it('returns a copy and leaves the rows as they were', () => {
    const before = names(rows);
    sortRows(rows, [sortKey('-v')]);
    expect(names(rows)).toEqual(before);
  });

  it('reads "-column" as descending', () => {
    expect(sortKey('-share')).toEqual({ column: 'share', descending: true });
    expect(sortKey('share')).toEqual({ column: 'share', descending: false });
  });
});
