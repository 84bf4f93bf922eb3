import { describe, expect, it } from 'vitest';
import { logOdds } from '../../src/analysis/logOdds.ts';

describe('logOdds(a, b, alpha0)', () => {
  it('computes the weighted log-odds z-score of Monroe et al. (2008) by hand on a tiny corpus', () => {
    // a: x×3, y×1; b: x×1, y×3; alpha0 = 4, so αx = αy = 4 × 4/8 = 2.
    // δx = ln(5/3) − ln(3/5) = 2 ln(5/3) = 1.02165; σ²x = 1/5 + 1/3 = 0.53333; zx = 1.39895.
    const rows = logOdds(
      new Map([
        ['x', 3],
        ['y', 1],
      ]),
      new Map([
        ['x', 1],
        ['y', 3],
      ]),
      4,
    );
    expect(rows.map((r) => r.key)).toEqual(['x', 'y']);
    const [x, y] = rows;
    expect(x?.delta).toBeCloseTo(1.0216512475, 9);
    expect(x?.variance).toBeCloseTo(0.5333333333, 9);
    expect(x?.z).toBeCloseTo(1.3989535854, 9);
    expect(y?.z).toBeCloseTo(-1.3989535854, 9);
    expect([x?.a, x?.b]).toEqual([3, 1]);
  });

  it('gives z = 0 to a term used at the same rate, and a large z to one only a uses', () => {
    const a = new Map([
      ['same', 100],
      ['only', 60],
      ['rest', 900],
    ]);
    const b = new Map([
      ['same', 50],
      ['rest', 510],
    ]);
    const rows = new Map(logOdds(a, b).map((r) => [r.key, r]));
    expect(rows.get('only')?.z).toBeGreaterThan(1.96);
    expect(rows.get('only')?.b).toBe(0);
    expect(Math.abs(rows.get('same')?.z ?? 1)).toBeLessThan(0.5);
  });

  it('handles empty corpora without NaN keys', () => {
    expect(logOdds(new Map(), new Map())).toEqual([]);
  });
});
