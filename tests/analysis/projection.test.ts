import { describe, expect, it } from 'vitest';
import { projection } from '../../src/analysis/projection.ts';

// Edge cases: positive and negative differences, order kept, no references.
describe('projection(projected, references)', () => {
  it('puts the projection first, then each reference with projected − reference', () => {
    const rows = projection({ label: 'Projected', share: 0.45 }, [
      { label: 'Poll', share: 0.5, kind: 'poll' },
      { label: '2015 result', share: 0.251, kind: 'result' },
    ]);
    expect(rows.map(({ label, share, kind }) => ({ label, share, kind }))).toEqual([
      { label: 'Projected', share: 0.45, kind: 'projection' },
      { label: 'Poll', share: 0.5, kind: 'poll' },
      { label: '2015 result', share: 0.251, kind: 'result' },
    ]);
    expect(rows[0]?.difference).toBe(0);
    expect(rows[1]?.difference).toBeCloseTo(-0.05, 12);
    expect(rows[2]?.difference).toBeCloseTo(0.199, 12); // 19.9 points, in proportion units
  });

  it('returns only the projection row when there are no references', () => {
    expect(projection({ label: 'Projected', share: 0.3 }, [])).toEqual([
      { label: 'Projected', share: 0.3, kind: 'projection', difference: 0 },
    ]);
  });
});
