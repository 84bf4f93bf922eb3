import { afterEach, describe, expect, it } from 'vitest';
import { weekCoverage, wholeWeeks } from '../../src/analysis/weekCoverage.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const at = (iso: string) => Date.parse(iso);

const originalTZ = process.env.TZ;
afterEach(() => {
  if (originalTZ === undefined) delete process.env.TZ;
  else process.env.TZ = originalTZ;
});

describe('weekCoverage(week, first, last)', () => {
  // The sample's period: Friday 1 July 2016 (00:03 UTC) to Sunday 18 September 2016.
  const first = at('2016-07-01T00:03:00Z');
  const last = at('2016-09-18T23:41:00Z');

  it('counts the days of a partial first week from the first post’s day: 1–3 July of the week of 27 June', () => {
    expect(weekCoverage(day('2016-06-27'), first, last)).toBe(3);
  });

  it('gives 7 for a week inside the period, and for a last week that ends on the last post’s Sunday', () => {
    expect(weekCoverage(day('2016-07-11'), first, last)).toBe(7);
    expect(weekCoverage(day('2016-09-12'), first, last)).toBe(7);
  });

  it('counts a partial last week to the last post’s day, and a period within one week from day to day', () => {
    expect(weekCoverage(day('2016-09-12'), first, at('2016-09-13T08:00:00Z'))).toBe(2);
    expect(weekCoverage(day('2016-07-04'), at('2016-07-06T12:00:00Z'), at('2016-07-07T01:00:00Z'))).toBe(2);
    expect(weekCoverage(day('2016-07-04'), at('2016-07-06T12:00:00Z'), at('2016-07-06T13:00:00Z'))).toBe(1);
  });

  it('gives 0 for a week outside the period', () => {
    expect(weekCoverage(day('2016-06-20'), first, last)).toBe(0);
    expect(weekCoverage(day('2016-09-19'), first, last)).toBe(0);
  });

  it('reads days in UTC whatever process.env.TZ: a post at 23:30 UTC on Sunday is on Sunday', () => {
    for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      expect(weekCoverage(day('2016-06-27'), at('2016-07-03T23:30:00Z'), last), tz).toBe(1);
    }
  });
});

describe('wholeWeeks(weeks, days)', () => {
  const [w1, w2, w3, w4] = ['2016-06-27', '2016-07-04', '2016-07-11', '2016-07-18'].map(day) as [Date, Date, Date, Date];
  const days = (week: Date) => (+week === +w1 ? 3 : +week === +w4 ? 1 : 7);

  it('counts the whole weeks, in order, and names the partial ones it leaves out with their days', () => {
    expect(wholeWeeks([w4, w2, w1, w3, w2], days)).toEqual({
      weeks: [w2, w3],
      whole: true,
      leftOut: [
        { week: w1, days: 3 },
        { week: w4, days: 1 },
      ],
    });
  });

  it('counts every week when none is whole', () => {
    expect(wholeWeeks([w4, w1], days)).toEqual({ weeks: [w1, w4], whole: false, leftOut: [] });
    expect(wholeWeeks([], days)).toEqual({ weeks: [], whole: false, leftOut: [] });
  });
});
