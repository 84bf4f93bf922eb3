import { describe, expect, it } from 'vitest';
import { ratio } from '../../src/analysis/ratio.ts';

// Edge cases: zero denominator (with zero, positive and negative numerators),
// zero numerator, non-finite operands.
describe('ratio(numerator, denominator)', () => {
  it('divides', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 5)).toBe(0);
    expect(ratio(-3, 4)).toBe(-0.75);
  });

  it('is NaN, never Infinity, when the denominator is 0', () => {
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(-1, 0)).toBeNaN();
    expect(ratio(0, 0)).toBeNaN();
    expect(ratio(1, -0)).toBeNaN();
  });

  it('is NaN when either operand is not finite', () => {
    expect(ratio(Number.POSITIVE_INFINITY, 1)).toBeNaN();
    expect(ratio(1, Number.POSITIVE_INFINITY)).toBeNaN();
    expect(ratio(Number.NaN, 1)).toBeNaN();
    expect(ratio(1, Number.NaN)).toBeNaN();
  });
});
