import { describe, expect, it } from 'vitest';
import { derivedColumnFormat, describeFormat, formatMoreThan, formatValue, isD3Specifier, moreThan } from '../../src/render/format.ts';

describe('formatValue(value, format)', () => {
  it('percent: one decimal place', () => {
    expect(formatValue(62259 / 78412, 'percent')).toBe('79.4%');
    expect(formatValue(16074 / 78412, 'percent')).toBe('20.5%');
    expect(formatValue(0, 'percent')).toBe('0.0%');
  });
  it('thousands: separators, whole numbers', () => {
    expect(formatValue(78412, 'thousands')).toBe('78,412');
    expect(formatValue(1234567.6, 'thousands')).toBe('1,234,568');
    expect(formatValue(12, 'thousands')).toBe('12');
  });
  it('decimal: separators and one decimal place, none for a whole number (a mean)', () => {
    expect(formatValue(7.5, 'decimal')).toBe('7.5');
    expect(formatValue(3849.357, 'decimal')).toBe('3,849.4');
    expect(formatValue(8, 'decimal')).toBe('8');
    expect(describeFormat('decimal')).toBe('rounded to one decimal place (a whole number shown without one)');
  });
  it('more-than: rounds down, strictly below the value', () => {
    expect(formatValue(78412, 'more-than')).toBe('78,000');
    expect(formatValue(78000, 'more-than')).toBe('77,000');
    expect(formatValue(8642, 'more-than')).toBe('8,600');
    expect(formatValue(8642, 'more-than', 1)).toBe('8,000');
    expect(formatValue(1_200_500, 'more-than')).toBe('1,200,000');
  });
  it('more-than: keeps `digits` significant figures below 1 and in decimals, and a whole number whole', () => {
    expect(formatValue(0.794, 'more-than')).toBe('0.79');
    expect(formatValue(3.9, 'more-than')).toBe('3.8');
    expect(formatValue(3.94, 'more-than', 1)).toBe('3');
    expect(formatValue(0.1, 'more-than')).toBe('0.099');
    expect(formatValue(0.3, 'more-than')).toBe('0.29');
    expect(formatValue(100, 'more-than')).toBe('99');
    expect(formatValue(100, 'more-than', 1)).toBe('90');
    expect(formatValue(7, 'more-than')).toBe('6');
    expect(formatValue(1, 'more-than')).toBe('0');
    expect(formatValue(0.000123, 'more-than')).toBe('0.00012');
    expect(formatValue(12.5, 'more-than', 3)).toBe('12.4');
  });
  it('more-than: a share as a percentage, points as points', () => {
    expect(formatMoreThan(0.794, 2, 'share')).toBe('79%');
    expect(formatMoreThan(0.5, 2, 'share')).toBe('49%');
    expect(formatMoreThan(0.07, 2, 'share')).toBe('6.9%');
    expect(formatMoreThan(0.794, 3, 'share')).toBe('79.3%');
    expect(formatMoreThan(0.199, 2, 'points')).toBe('19 points');
    expect(formatMoreThan(78412, 2, 'count')).toBe('78,000');
    expect(() => formatMoreThan(0, 2, 'share')).toThrow(RangeError);
  });
  it('compact: 629k, 16.5k, 1.2m, 8.2m', () => {
    expect(formatValue(629_000, 'compact')).toBe('629k');
    expect(formatValue(16_500, 'compact')).toBe('16.5k');
    expect(formatValue(1_200_000, 'compact')).toBe('1.2m');
    expect(formatValue(8_200_000, 'compact')).toBe('8.2m');
    expect(formatValue(43_000, 'compact')).toBe('43k');
    expect(formatValue(2_500_000_000, 'compact')).toBe('2.5bn');
    expect(formatValue(950, 'compact')).toBe('950');
  });
  it('ratio: two significant figures and ×', () => {
    expect(formatValue(629_000 / 16_500, 'ratio')).toBe('38×');
    expect(formatValue(1_200_000 / 43_000, 'ratio')).toBe('28×');
    expect(formatValue(0.794 / 0.205, 'ratio')).toBe('3.9×');
  });
  it('points: signed percentage points', () => {
    expect(formatValue(0.794 - 0.5948, 'points')).toBe('+19.9 points');
    expect(formatValue(0.5948 - 0.62, 'points')).toBe('−2.5 points');
    expect(formatValue(0.5948 - 0.62, 'abs-points')).toBe('2.5 points');
  });
  it('date: UTC, whatever the timezone', () => {
    expect(formatValue(new Date('2016-09-24T00:00:00Z'), 'date')).toBe('24 September 2016');
    expect(formatValue(new Date('2016-09-24T23:30:00Z'), 'date')).toBe('24 September 2016');
  });
  it('falls back to a d3-format specifier', () => {
    expect(formatValue(1.23456, '.2f')).toBe('1.23');
    expect(isD3Specifier('.2f')).toBe(true);
    expect(isD3Specifier('bogus')).toBe(false);
  });
});

describe('moreThan(value, digits)', () => {
  it('edge cases: zero, negative, non-finite', () => {
    expect(moreThan(0)).toBeNaN();
    expect(moreThan(-5)).toBeNaN();
    expect(moreThan(Number.NaN)).toBeNaN();
    expect(moreThan(7)).toBe(6);
    for (let i = 1; i < 2000; i++) {
      const v = i / 1000;
      expect(moreThan(v)).toBeLessThan(v);
      expect(moreThan(v, 2, 2)).toBeLessThan(v * 100 + 1e-9);
    }
  });

  it("is below the value a computation meant, not its floating-point noise (a poll's 57 read with scale 0.01)", () => {
    for (let p = 1; p < 100; p++) {
      expect(moreThan(p * 0.01, 2, 2), `${p}%`).toBeLessThan(p);
      expect(formatMoreThan(p * 0.01, 2, 'share'), `${p}%`).not.toBe(`${p}%`);
    }
    expect(formatMoreThan(57 * 0.01, 2, 'share')).toBe('56%');
    expect(formatMoreThan(1.1 * 3)).toBe('3.2');
  });
});

describe('describeFormat(format, digits)', () => {
  it('says how a figure was rounded, for every house format and a d3 specifier', () => {
    expect(describeFormat('percent')).toBe('a percentage, rounded to one decimal place');
    expect(describeFormat('more-than', 1)).toBe('rounded down to 1 significant figure, and always below the value');
    expect(describeFormat('abs-points')).toBe(
      'a distance between shares in percentage points, unsigned, rounded to one decimal place; computed from the unrounded shares, so it can differ by 0.1 from the difference of the shares as printed',
    );
  });
  it('says a d3-format specifier in words, as it says a house format', () => {
    expect(describeFormat('.2%')).toBe('a percentage, rounded to two decimal places');
    expect(describeFormat('.2f')).toBe('rounded to two decimal places');
    expect(describeFormat('.0%')).toBe('a percentage, rounded to a whole number');
    expect(describeFormat(',.3r')).toBe('rounded to three significant figures, with thousands separators');
    expect(describeFormat('+.1f')).toBe('rounded to one decimal place, signed (+ or −)');
    expect(describeFormat('.3~s')).toBe('rounded to three significant figures, with an SI prefix (k, M, G…), trailing zeros dropped');
    expect(describeFormat('d')).toBe('rounded to a whole number');
    expect(describeFormat(',')).toBe('as computed, to at most twelve significant figures, with thousands separators');
    for (const specifier of ['.2%', ',.3r', '$,.2f', '08.1e', 'x', 'c', '.1p', 'n'])
      expect(describeFormat(specifier), specifier).not.toMatch(/d3|specifier|"/);
  });
});

describe('derivedColumnFormat(values)', () => {
  const shown = (values: number[]) => values.map((v) => formatValue(v, derivedColumnFormat(values)));
  it('gives every value of the column three significant figures of its smallest, with one precision', () => {
    expect(shown([20 / 30, 4 / 20, 3 / 10])).toEqual(['0.667', '0.200', '0.300']);
    expect(shown([9_720_000 / 7, 8_100_000 / 7])).toEqual(['1,388,571', '1,157,143']);
    expect(shown([-1.5, 0.25, 0])).toEqual(['−1.500', '0.250', '0.000']);
  });
  it('shows whole numbers and zeros without decimals, and tiny numbers to three significant figures each', () => {
    expect(derivedColumnFormat([60, 40, 0])).toBe(',.0f');
    expect(derivedColumnFormat([0, 0])).toBe(',.0f');
    expect(shown([1 / 300_000, 1 / 1_000_000])).toEqual(['0.00000333', '0.00000100']);
    expect(shown([1 / 3_000_000, 1234.5])).toEqual(['0.000000333', '1,230']);
    expect(describeFormat(derivedColumnFormat([0.5, 0.25]))).toBe('rounded to three decimal places, with thousands separators');
  });
});
