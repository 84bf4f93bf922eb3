import { afterEach, describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/analysis/types.ts';
import { weeklyVolume } from '../../src/analysis/weeklyVolume.ts';
import { post } from './fixtures.ts';

const two: Campaign[] = [
  { id: 'labour', label: '#SaveLabour', hashtags: ['SaveLabour', 'SavingLabour'], color: 'red' },
  { id: 'corbyn', label: '#KeepCorbyn', hashtags: ['KeepCorbyn'], color: 'orange' },
];
const week = (isoDay: string) => new Date(`${isoDay}T00:00:00.000Z`);
const rows = (...r: [string, string, number][]) =>
  r.map(([day, campaign, posts]) => ({
    week: week(day),
    campaign,
    label: campaign === 'labour' ? '#SaveLabour' : '#KeepCorbyn',
    posts,
  }));

const originalTZ = process.env.TZ;
afterEach(() => {
  if (originalTZ === undefined) delete process.env.TZ;
  else process.env.TZ = originalTZ;
});

// Edge cases: UTC week boundary (Sunday 23:59:59Z vs Monday 00:00Z) under
// several process time zones, zero-filled weeks between distant posts,
// unsorted input, a post in two campaigns, unmatched posts extending the range,
// empty posts, no campaigns.
describe('weeklyVolume(posts, campaigns)', () => {
  it('puts Sunday 23:59:59Z and Monday 00:00Z in different ISO weeks, whatever process.env.TZ', () => {
    // 2016-07-03 is a Sunday (week of Monday 2016-06-27); 2016-07-04 is a Monday.
    const posts = [post('2016-07-03T23:59:59Z', 'SaveLabour'), post('2016-07-04T00:00:00Z', 'SaveLabour')];
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.TZ = tz;
      const result = weeklyVolume(posts, two);
      expect(result, tz).toEqual(
        rows(['2016-06-27', 'labour', 1], ['2016-06-27', 'corbyn', 0], ['2016-07-04', 'labour', 1], ['2016-07-04', 'corbyn', 0]),
      );
      for (const r of result) {
        expect(r.week.getUTCDay(), tz).toBe(1); // Monday
        expect(r.week.getTime() % 86_400_000, tz).toBe(0); // 00:00:00.000 UTC
      }
      expect(result[0]?.week.getTime(), tz).toBe(Date.UTC(2016, 5, 27));
    }
  });

  it('zero-fills every week between two distant posts (Wed 2016-06-01 and Wed 2016-06-22: 4 weeks)', () => {
    const posts = [post('2016-06-22T08:00:00Z', 'KeepCorbyn'), post('2016-06-01T12:00:00Z', 'savelabour')];
    expect(weeklyVolume(posts, two)).toEqual(
      rows(
        ['2016-05-30', 'labour', 1],
        ['2016-05-30', 'corbyn', 0],
        ['2016-06-06', 'labour', 0],
        ['2016-06-06', 'corbyn', 0],
        ['2016-06-13', 'labour', 0],
        ['2016-06-13', 'corbyn', 0],
        ['2016-06-20', 'labour', 0],
        ['2016-06-20', 'corbyn', 1],
      ),
    );
  });

  it('counts a post towards every campaign it references, and sums within a week', () => {
    const posts = [
      post('2016-07-05T10:00:00Z', 'SaveLabour', 'KeepCorbyn'),
      post('2016-07-06T10:00:00Z', 'SavingLabour'),
      post('2016-07-10T23:00:00Z', 'keepcorbyn'), // Sunday, same week
    ];
    expect(weeklyVolume(posts, two)).toEqual(rows(['2016-07-04', 'labour', 2], ['2016-07-04', 'corbyn', 2]));
  });

  it('extends the range to posts that reference no campaign', () => {
    const posts = [post('2016-07-04T00:00:00Z', 'SaveLabour'), post('2016-07-12T00:00:00Z', 'Brexit')];
    expect(weeklyVolume(posts, two)).toEqual(
      rows(['2016-07-04', 'labour', 1], ['2016-07-04', 'corbyn', 0], ['2016-07-11', 'labour', 0], ['2016-07-11', 'corbyn', 0]),
    );
  });

  it('returns [] for no posts or no campaigns', () => {
    expect(weeklyVolume([], two)).toEqual([]);
    expect(weeklyVolume([post('2016-07-04T00:00:00Z', 'SaveLabour')], [])).toEqual([]);
  });
});
