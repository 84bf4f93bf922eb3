import { describe, expect, it } from 'vitest';
import { pick } from '../../src/analysis/pick.ts';
import { r3, r6, table } from './tableFixture.ts';

// Edge cases: exactly one match (number and numeral-string filters), 0 matches,
// 2 matches, null value, missing column.
describe('pick(rows, filter, column)', () => {
  it('returns the value and row of the single matching row', () => {
    expect(pick(table, { year: 2017, party: 'Labour' }, 'votes')).toEqual({ ok: true, value: 150, row: r3 });
    expect(pick(table, { year: '2017', party: 'Labour' }, 'votes')).toEqual({ ok: true, value: 150, row: r3 });
  });

  it('reports 0 matches', () => {
    expect(pick(table, { year: 2016 }, 'votes')).toEqual({ ok: false, matches: 0 });
    expect(pick([], {}, 'votes')).toEqual({ ok: false, matches: 0 });
  });

  it('reports 2 matches', () => {
    expect(pick(table, { year: '2015' }, 'votes')).toEqual({ ok: false, matches: 2 });
  });

  it('returns null for a null cell and for a column the row lacks', () => {
    expect(pick(table, { year: 2017, party: 'Green' }, 'votes')).toMatchObject({ ok: true, value: null });
    expect(pick(table, { year: 2019 }, 'note')).toEqual({ ok: true, value: null, row: r6 });
  });
});
