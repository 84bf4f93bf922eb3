import { describe, expect, it } from 'vitest';
import { extreme } from '../../src/analysis/extreme.ts';

// Edge cases: ties (every tied row, in table order), null/NaN/string cells
// skipped, negative numbers, no numbers at all (undefined), no rows.
describe("extreme(rows, column, 'max' | 'min')", () => {
  const rows = [
    { area: 'A', share: 0.4 },
    { area: 'B', share: 0.75 },
    { area: 'C', share: null },
    { area: 'D', share: 0.75 },
    { area: 'E', share: Number.NaN },
    { area: 'F', share: '0.9' },
    { area: 'G', share: -0.1 },
  ];

  it('finds the largest number and every row that ties for it (B and D at 0.75)', () => {
    expect(extreme(rows, 'share', 'max')).toEqual({ value: 0.75, rows: [rows[1], rows[3]] });
  });

  it('finds the smallest, negative numbers included (G at −0.1)', () => {
    expect(extreme(rows, 'share', 'min')).toEqual({ value: -0.1, rows: [rows[6]] });
  });

  it('gives undefined when there is no finite number to compare', () => {
    expect(extreme([{ share: null }, { share: 'x' }, { share: Number.POSITIVE_INFINITY }], 'share', 'max')).toBeUndefined();
    expect(extreme([], 'share', 'min')).toBeUndefined();
  });
});
