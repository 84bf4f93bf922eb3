import { describe, expect, it } from 'vitest';
import { share } from '../../src/analysis/share.ts';
import { table } from './tableFixture.ts';

// Edge cases: numeric-vs-string filter values, null cells skipped, non-number
// cells skipped, no rows within (0/0 → NaN), nothing matching `of` (0), the
// same column in `within` and `of` (conjunction), empty `within`.
describe('share(rows, column, within, of)', () => {
  it('divides the sum over within ∧ of by the sum over within (100 / (100 + 60))', () => {
    expect(share(table, 'votes', { year: 2015 }, { party: 'Labour' })).toEqual({
      numerator: 100,
      denominator: 160,
      value: 0.625,
    });
  });

  it('accepts string filter values for number cells and skips null cells (150 / (150 + 50 + null))', () => {
    expect(share(table, 'votes', { year: '2017' }, { party: 'Labour' })).toEqual({
      numerator: 150,
      denominator: 200,
      value: 0.75,
    });
  });

  it('skips cells that are not numbers', () => {
    // r6 votes is the string '40': skipped, so the Greens sum to 0 over all years.
    expect(share(table, 'votes', {}, { party: 'Green' })).toEqual({ numerator: 0, denominator: 360, value: 0 });
  });

  it('gives NaN when the denominator is 0', () => {
    const none = share(table, 'votes', { year: 2016 }, { party: 'Labour' });
    expect(none.numerator).toBe(0);
    expect(none.denominator).toBe(0);
    expect(none.value).toBeNaN();
    expect(share(table, 'votes', { year: 2019 }, {}).value).toBeNaN(); // only a non-number cell
  });

  it('requires both filters for the numerator, even on the same column', () => {
    expect(share(table, 'votes', { year: 2015 }, { year: 2017 })).toEqual({ numerator: 0, denominator: 160, value: 0 });
  });
});
