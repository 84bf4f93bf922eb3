import { describe, expect, it } from 'vitest';
import { campaignVolume } from '../../src/analysis/campaignVolume.ts';
import type { Campaign } from '../../src/analysis/types.ts';
import { weeklyGap } from '../../src/analysis/weeklyGap.ts';
import { type WeeklyRow, weeklyVolume } from '../../src/analysis/weeklyVolume.ts';
import { post } from './fixtures.ts';

const w1 = new Date(Date.UTC(2016, 5, 27)); // Monday 2016-06-27
const w2 = new Date(Date.UTC(2016, 6, 4));
const w3 = new Date(Date.UTC(2016, 6, 11));
const r = (week: Date, campaign: string, posts: number): WeeklyRow => ({ week, campaign, label: campaign, posts });

// Hand-computed: w1 a=3 b=1 gap 2; w2 a=0 b=2 gap 2 (tie with w1); w3 a=1 b=1 gap 0.
// mean = 4/3; max = w1 (earliest of the tie); latest = w3.
const weekly = [r(w1, 'a', 3), r(w1, 'b', 1), r(w1, 'c', 9), r(w2, 'a', 0), r(w2, 'b', 2), r(w2, 'c', 9), r(w3, 'a', 1), r(w3, 'b', 1)];

// Edge cases: ties (earliest wins), zero-gap weeks in the mean, other campaigns
// ignored, unsorted input, unknown ids, empty input, cancellation of posts in both.
describe('weeklyGap(weekly, a, b)', () => {
  it('computes weekly |a − b|, the mean, the earliest maximum and the latest week', () => {
    const gap = weeklyGap(weekly, 'a', 'b');
    expect(gap.weeks).toEqual([
      { week: w1, a: 3, b: 1, gap: 2 },
      { week: w2, a: 0, b: 2, gap: 2 },
      { week: w3, a: 1, b: 1, gap: 0 },
    ]);
    expect(gap.mean).toBeCloseTo(4 / 3, 12);
    expect(gap.max).toEqual({ week: w1, gap: 2 });
    expect(gap.latest).toEqual({ week: w3, gap: 0, after: [] });
  });

  it('takes the signed lead, a − b, over the same weeks: leads of both sides cancel where the gap adds them', () => {
    // (3 − 1) + (0 − 2) + (1 − 1) = 0, where the gap's mean is 4/3; b − a is its opposite.
    expect(weeklyGap(weekly, 'a', 'b').lead).toBe(0);
    expect(weeklyGap(weekly.slice(0, 3), 'a', 'b').lead).toBe(2);
    expect(weeklyGap(weekly.slice(0, 3), 'b', 'a').lead).toBe(-2);
    // Over the whole week alone, w2: 0 − 2.
    expect(weeklyGap(weekly, 'a', 'b', (week) => (+week === +w2 ? 7 : 3)).lead).toBe(-2);
  });

  it('breaks ties by the earliest week even when rows are not sorted', () => {
    const gap = weeklyGap([...weekly].reverse(), 'a', 'b');
    expect(gap.weeks.map((w) => w.week)).toEqual([w1, w2, w3]);
    expect(gap.max).toEqual({ week: w1, gap: 2 });
    expect(gap.latest).toEqual({ week: w3, gap: 0, after: [] });
  });

  it('takes the mean and the latest week over the whole weeks, leaving out a partial first or last week', () => {
    // w1 is a partial first week (3 days of 7), w3 a partial last one (1 day): the gaps 2, 2, 0 leave 2 (w2's) alone.
    const days = (week: Date) => (+week === +w1 ? 3 : +week === +w3 ? 1 : 7);
    const gap = weeklyGap(weekly, 'a', 'b', days);
    expect(gap.mean).toBe(2);
    expect(gap.counted).toEqual({
      weeks: [w2],
      whole: true,
      leftOut: [
        { week: w1, days: 3 },
        { week: w3, days: 1 },
      ],
    });
    // The latest whole week is w2; w3, after it, is named as left out.
    expect(gap.latest).toEqual({ week: w2, gap: 2, after: [{ week: w3, days: 1 }] });
    // The largest stays over every week: w1's 2, a real count of 3 days, ties w2's and is the earliest.
    expect(gap.max).toEqual({ week: w1, gap: 2 });
  });

  it('counts every week when none is whole (a collection of a few days)', () => {
    const gap = weeklyGap(weekly, 'a', 'b', () => 4);
    expect(gap.mean).toBeCloseTo(4 / 3, 12);
    expect(gap.counted.whole).toBe(false);
    expect(gap.latest).toEqual({ week: w3, gap: 0, after: [] });
  });

  it('is symmetric in a and b', () => {
    expect(weeklyGap(weekly, 'b', 'a').weeks.map((w) => w.gap)).toEqual([2, 2, 0]);
  });

  it('counts an unknown id as 0 every week', () => {
    const gap = weeklyGap(weekly, 'a', 'nope');
    expect(gap.weeks.map((w) => [w.a, w.b, w.gap])).toEqual([
      [3, 0, 3],
      [0, 0, 0],
      [1, 0, 1],
    ]);
    expect(gap.max).toEqual({ week: w1, gap: 3 });
  });

  it('returns no weeks, NaN mean and undefined max/latest for empty input', () => {
    expect(weeklyGap([], 'a', 'b')).toEqual({
      weeks: [],
      counted: { weeks: [], whole: false, leftOut: [] },
      mean: NaN,
      lead: NaN,
      max: undefined,
      latest: undefined,
    });
  });

  it('cancels posts referencing both campaigns: gap = |only a − only b| with two campaigns', () => {
    const campaigns: Campaign[] = [
      { id: 'a', label: 'A', hashtags: ['A'], color: 'red' },
      { id: 'b', label: 'B', hashtags: ['B'], color: 'blue' },
    ];
    const posts = [
      post('2016-07-04T10:00:00Z', 'A'),
      post('2016-07-04T11:00:00Z', 'A'),
      post('2016-07-05T10:00:00Z', 'A', 'B'),
      post('2016-07-05T11:00:00Z', 'A', 'B'),
      post('2016-07-06T10:00:00Z', 'B'),
    ];
    const gap = weeklyGap(weeklyVolume(posts, campaigns), 'a', 'b');
    expect(gap.weeks).toEqual([{ week: w2, a: 4, b: 3, gap: 1 }]);
    const [va, vb] = campaignVolume(posts, campaigns).campaigns;
    expect(gap.weeks[0]?.gap).toBe(Math.abs((va?.only ?? NaN) - (vb?.only ?? NaN)));
  });
});
