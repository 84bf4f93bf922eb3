import { utcMonday } from 'd3-time';
import { describe, expect, it } from 'vitest';
import { campaignAccumulator, campaignStatistics, utcWeekStart } from '../../src/analysis/campaignAccumulator.ts';
import { campaignVolume } from '../../src/analysis/campaignVolume.ts';
import type { Campaign } from '../../src/analysis/types.ts';
import { weeklyVolume } from '../../src/analysis/weeklyVolume.ts';
import type { Post } from '../../src/data/types.ts';
import { campaigns, post } from './fixtures.ts';

function accumulate(posts: readonly Post[], list: readonly Campaign[] = campaigns) {
  const acc = campaignAccumulator(list);
  for (const p of posts) acc.add(p);
  return acc.result();
}

describe('utcWeekStart(time)', () => {
  it('is utcMonday.floor on the instants around every week boundary from 1965 to 2035', () => {
    const DAY = 86_400_000;
    for (let monday = +utcMonday.floor(new Date(Date.UTC(1965, 0, 1))); monday < Date.UTC(2035, 0, 1); monday += 7 * DAY) {
      for (const t of [monday - 1, monday, monday + 1, monday + 3 * DAY + 12 * 3600_000]) {
        expect(utcWeekStart(t)).toBe(+utcMonday.floor(new Date(t)));
      }
    }
    // Sunday 2016-07-03 23:59:59.999Z is in the week of Monday 27 June; a millisecond later, a new week.
    expect(new Date(utcWeekStart(Date.parse('2016-07-03T23:59:59.999Z'))).toISOString()).toBe('2016-06-27T00:00:00.000Z');
    expect(new Date(utcWeekStart(Date.parse('2016-07-04T00:00:00.000Z'))).toISOString()).toBe('2016-07-04T00:00:00.000Z');
  });
});

describe('campaignAccumulator(campaigns)', () => {
  const posts = [
    post('2016-07-03T23:59:59Z', 'SaveLabour'),
    post('2016-07-04T00:00:00Z', '#savinglabour', 'KeepCorbyn'),
    post('2016-07-04T09:00:00Z', 'keepcorbyn', 'KEEPCORBYN'),
    post('2016-07-20T12:00:00Z', 'Unrelated'),
    post('2016-07-21T12:00:00Z'),
    post('2016-06-15T08:00:00Z', 'SaveLabour', 'Brexit'),
  ];

  it('gives exactly campaignVolume and weeklyVolume: overlap, any/only, unmatched, zero-filled UTC weeks', () => {
    const r = accumulate(posts);
    expect(r.volume).toEqual(campaignVolume(posts, campaigns));
    expect(r.weekly).toEqual(weeklyVolume(posts, campaigns));
    // The numbers a reader would check.
    expect(r.volume).toMatchObject({ total: 4, unmatched: 2, overlap: 1 });
    expect(r.volume.campaigns.map((c) => [c.id, c.any, c.only])).toEqual([
      ['labour', 3, 2],
      ['corbyn', 2, 1],
      ['empty', 0, 0],
    ]);
    const week = (iso: string, id: string) => r.weekly.find((w) => w.week.toISOString() === iso && w.campaign === id)?.posts;
    expect(week('2016-06-27T00:00:00.000Z', 'labour')).toBe(1); // Sunday 23:59:59Z
    expect(week('2016-07-04T00:00:00.000Z', 'labour')).toBe(1); // Monday 00:00Z
    expect(week('2016-07-04T00:00:00.000Z', 'corbyn')).toBe(2);
    expect(week('2016-07-18T00:00:00.000Z', 'labour')).toBe(0); // only unmatched posts that week, still in range
    expect(r).toMatchObject({ posts: 6, first: Date.parse('2016-06-15T08:00:00Z'), last: Date.parse('2016-07-21T12:00:00Z') });
  });

  it('counts posts as given, duplicates included, as the array functions do', () => {
    const twice = [...posts, ...posts.slice(0, 3)];
    const r = accumulate(twice);
    expect(r.volume).toEqual(campaignVolume(twice, campaigns));
    expect(r.weekly).toEqual(weeklyVolume(twice, campaigns));
    expect(r.volume.total).toBe(7);
  });

  it('matches a hashtag listed by two campaigns to both, and keeps campaign order', () => {
    const shared: Campaign[] = [
      { id: 'b', label: 'B', hashtags: ['Both', 'Bee'], color: '#000' },
      { id: 'a', label: 'A', hashtags: ['both'], color: '#111' },
    ];
    const list = [post('2020-01-01T00:00:00Z', 'BOTH'), post('2020-01-08T00:00:00Z', 'bee'), post('2020-01-08T00:00:00Z', 'e\u0301')];
    const r = accumulate(list, shared);
    expect(r.volume).toEqual(campaignVolume(list, shared));
    expect(r.weekly).toEqual(weeklyVolume(list, shared));
    expect(r.volume.overlap).toBe(1);
  });

  it('agrees with the array functions on 5,000 seeded random posts over a year', () => {
    let seed = 42;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const tags = ['SaveLabour', 'savinglabour', '#KeepCorbyn', 'keepcorbyn', 'Other', 'NobodyUsesThis', 'x'];
    const list = Array.from({ length: 5000 }, () =>
      post(
        new Date(Date.UTC(2016, 0, 1) + Math.floor(random() * 366 * 86_400_000)).toISOString(),
        ...Array.from({ length: Math.floor(random() * 4) }, () => tags[Math.floor(random() * tags.length)] as string),
      ),
    );
    const r = accumulate(list);
    expect(r.volume).toEqual(campaignVolume(list, campaigns));
    expect(r.weekly).toEqual(weeklyVolume(list, campaigns));
  });

  it('gives empty weekly rows and zero counts without posts', () => {
    const r = accumulate([]);
    expect(r.weekly).toEqual([]);
    expect(r.volume).toEqual(campaignVolume([], campaigns));
    expect(r.first).toBeUndefined();
  });
});

describe('campaignStatistics(posts, campaigns)', () => {
  const by = (author: string, iso: string, ...tags: string[]) => ({ ...post(iso, ...tags), author });
  const posts = [
    by('ann', '2016-07-04T09:00:00Z', 'KeepCorbyn'),
    by('ann', '2016-07-05T09:00:00Z', 'SaveLabour', 'keepcorbyn'),
    by('bob', '2016-07-12T09:00:00Z', 'savinglabour'),
    by('cat', '2016-07-13T09:00:00Z', 'Brexit'),
  ];

  it('is the accumulator over the posts, with the distinct authors of the campaign posts', () => {
    const s = campaignStatistics(posts, campaigns);
    expect(s.volume).toEqual(campaignVolume(posts, campaigns));
    expect(s.weekly).toEqual(weeklyVolume(posts, campaigns));
    expect([s.posts, s.first, s.last]).toEqual([4, posts[0]?.time, posts[3]?.time]);
    // cat's only post uses no campaign hashtag.
    expect(s.authors).toBe(2);
  });

  it('counts the same posts and campaigns once', () => {
    const s = campaignStatistics(posts, campaigns);
    expect(
      campaignStatistics(
        posts,
        campaigns.map((c) => ({ ...c })),
      ),
    ).toBe(s);
    expect(campaignStatistics(posts, campaigns.slice(0, 2))).not.toBe(s);
    expect(campaignStatistics([...posts], campaigns)).not.toBe(s);
  });
});
