import { describe, expect, it } from 'vitest';
import { scorecard } from '../../src/analysis/scorecard.ts';

// Edge cases: estimates above and below the actual value, an exact hit (0),
// order kept, no estimates.
describe('scorecard(estimates, actual)', () => {
  it('gives each estimate its error (value − actual) and absolute error, in order', () => {
    const rows = scorecard(
      [
        { label: 'share of voice', value: 0.794 },
        { label: 'last result', value: 0.595 },
        { label: 'exact', value: 0.618 },
      ],
      0.618,
    );
    expect(rows.map((r) => r.label)).toEqual(['share of voice', 'last result', 'exact']);
    expect(rows[0]?.error).toBeCloseTo(0.176, 12);
    expect(rows[0]?.absError).toBeCloseTo(0.176, 12);
    expect(rows[1]?.error).toBeCloseTo(-0.023, 12);
    expect(rows[1]?.absError).toBeCloseTo(0.023, 12);
    expect(rows[2]).toEqual({ label: 'exact', value: 0.618, actual: 0.618, error: 0, absError: 0 });
  });

  it('gives no rows for no estimates', () => {
    expect(scorecard([], 0.5)).toEqual([]);
  });
});
