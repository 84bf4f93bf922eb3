import { describe, expect, it } from 'vitest';
import { describeFormat, formatValue, isD3Specifier, moreThan } from '../../src/render/format.ts';

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
  it('more-than: rounds down, strictly below the value', () => {
    expect(formatValue(78412, 'more-than')).toBe('78,000');
    expect(formatValue(78000, 'more-than')).toBe('77,000');
    expect(formatValue(8642, 'more-than')).toBe('8,600');
    expect(formatValue(8642, 'more-than', 1)).toBe('8,000');
    expect(formatValue(1_200_500, 'more-than')).toBe('1,200,000');
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
    expect(moreThan(0)).toBe(0);
    expect(moreThan(-5)).toBe(0);
    expect(moreThan(Number.NaN)).toBe(0);
    expect(moreThan(7)).toBe(6);
  });
});

describe('describeFormat(format, digits)', () => {
  it('says how a figure was rounded, for every house format and a d3 specifier', () => {
    expect(describeFormat('percent')).toBe('a percentage, rounded to one decimal place');
    expect(describeFormat('more-than', 1)).toBe('rounded down to 1 significant figure, and always below the value');
    expect(describeFormat('abs-points')).toBe('a distance between shares in percentage points, unsigned, rounded to one decimal place');
    expect(describeFormat('.2f')).toBe('d3-format specifier ".2f"');
  });
});
