import { describe, expect, it } from 'vitest';
import { groupSum } from '../../src/analysis/groupSum.ts';
import type { Row } from '../../src/data/types.ts';

// Edge cases: groups in order of first appearance, null and non-number cells
// skipped, a group whose cells are all empty (0), 2015 and '2015' kept apart,
// empty group keys grouped together, no rows, no columns to sum.
describe('groupSum(rows, by, columns)', () => {
  const rows: Row[] = [
    { region: 'North', leave: 10, valid: 20 },
    { region: 'South', leave: 5, valid: 20 },
    { region: 'North', leave: 30, valid: 40 },
    { region: 'South', leave: null, valid: 'n/a' },
    { region: 'East', leave: null, valid: null },
  ];

  it('sums each column per group, groups in order of first appearance (North 40/60, South 5/20, East 0/0)', () => {
    expect(groupSum(rows, 'region', ['leave', 'valid'])).toEqual([
      { region: 'North', leave: 40, valid: 60 },
      { region: 'South', leave: 5, valid: 20 },
      { region: 'East', leave: 0, valid: 0 },
    ]);
  });

  it('keeps the number 2015 and the string "2015" in separate groups', () => {
    expect(
      groupSum(
        [
          { y: 2015, n: 1 },
          { y: '2015', n: 2 },
          { y: 2015, n: 3 },
        ],
        'y',
        ['n'],
      ),
    ).toEqual([
      { y: 2015, n: 4 },
      { y: '2015', n: 2 },
    ]);
  });

  it('groups empty keys (null and missing) together under null', () => {
    expect(groupSum([{ k: null, n: 1 }, { n: 2 }], 'k', ['n'])).toEqual([{ k: null, n: 3 }]);
  });

  it('gives no groups for no rows, and only the keys for no columns', () => {
    expect(groupSum([], 'region', ['leave'])).toEqual([]);
    expect(groupSum(rows, 'region', [])).toEqual([{ region: 'North' }, { region: 'South' }, { region: 'East' }]);
  });
});
