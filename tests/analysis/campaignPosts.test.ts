import { describe, expect, it } from 'vitest';
import { type CampaignPosts, type Combined, campaignPosts } from '../../src/analysis/campaignPosts.ts';
import { postsDataset, tweet } from './fixtures.ts';

const at = (iso: string) => Date.parse(iso);

/** The posts of a combination that has no reused id. */
const postsOf = (combined: Combined): CampaignPosts => {
  if (!('posts' in combined)) throw new Error(`expected posts, got ${JSON.stringify(combined)}`);
  return combined.posts;
};

/** A listening tool's X export and an X API export of one campaign: tweets 101 and 102 are in both. */
const tool = () =>
  postsDataset(
    'x-tool',
    [
      tweet('101', '2016-07-01T10:00:00Z', 'ann', 'Red'),
      tweet('102', '2016-07-04T10:00:00Z', 'bob', 'Red', 'Blue'),
      tweet('103', '2016-07-05T10:00:00Z', 'cy', 'Blue'),
    ],
    { duplicates: 1 },
  );
const api = () =>
  postsDataset(
    'x-api',
    [
      // 101 a second's fraction earlier (the API's milliseconds; the tool's whole seconds); 102 as the API cuts its
      // hashtags (the tool's copy, listed first, is the one kept).
      tweet('101', '2016-07-01T09:59:59.400Z', 'ann', 'Red'),
      tweet('102', '2016-07-04T10:00:00Z', 'bob', 'Red'),
      tweet('201', '2016-07-06T10:00:00Z', 'ann', 'Blue'),
    ],
    { duplicates: 2, deleted: 3 },
  );

describe('campaignPosts(datasets)', () => {
  it("is one dataset's own rows, the same array, so that what is memoised on them is shared", () => {
    const one = tool();
    const posts = postsOf(campaignPosts([one]));
    expect(posts.rows).toBe(one.rows);
    expect(posts).toMatchObject({ shared: 0, duplicates: 1, deleted: 0, covered: one.period });
  });

  it('counts a post two datasets hold once, as the first has it, at the earliest time either gives', () => {
    const posts = postsOf(campaignPosts([tool(), api()]));
    expect(posts.rows.map((p) => p.id)).toEqual(['101', '102', '103', '201']);
    expect(new Date(posts.rows[0]?.time ?? 0).toISOString()).toBe('2016-07-01T09:59:59.400Z');
    expect(posts.rows[1]?.hashtags).toEqual(['Red', 'Blue']);
    expect(posts.shared).toBe(2);
    // Each dataset's own repeats, added up (the shared posts are apart); and their deleted posts.
    expect(posts.duplicates).toBe(3);
    expect(posts.deleted).toBe(3);
    // Every dataset covers from the tool's first post (10:00, after the API's 09:59:59.4) to its last (5 July).
    expect(posts.covered?.map((t) => new Date(t).toISOString())).toEqual(['2016-07-01T10:00:00.000Z', '2016-07-05T10:00:00.000Z']);
  });

  it('leaves the datasets as they were loaded', () => {
    const [a, b] = [tool(), api()];
    postsOf(campaignPosts([a, b]));
    expect(a.rows[0]?.time).toBe(at('2016-07-01T10:00:00Z'));
    expect(b.rows).toHaveLength(3);
  });

  it('combines the same loaded datasets in the same order once, for every post that lists them so', () => {
    const [a, b] = [tool(), api()];
    const first = campaignPosts([a, b]);
    expect(campaignPosts([a, b])).toBe(first);
    expect(postsOf(campaignPosts([a, b])).rows).toBe(postsOf(first).rows);
    // Listed the other way round, the API's copies come first: another combination.
    const reversed = postsOf(campaignPosts([b, a]));
    expect(reversed.rows.map((p) => p.id)).toEqual(['101', '102', '201', '103']);
    expect(reversed.rows[1]?.hashtags).toEqual(['Red']);
    // A dataset loaded again (a file dropped in) is another object: its own combination.
    expect(campaignPosts([tool(), b])).not.toBe(first);
  });

  it("keeps Bluesky's and Mastodon's posts apart, and counts one URI once whatever its copies' times", () => {
    const sky = postsDataset('sky', [tweet('at://did:plc:ann/app.bsky.feed.post/1', '2024-03-04T10:00:00Z', 'did:plc:ann', 'Red')]);
    const masto = postsDataset('masto', [
      tweet('https://social.example/users/ann/statuses/1', '2024-03-04T10:00:00Z', 'ann@social.example', 'Red'),
    ]);
    expect(postsOf(campaignPosts([sky, masto])).rows).toHaveLength(2);
    // The same Bluesky post in a feed export (when it was indexed) and a search export (when its client says it was made).
    const feed = postsDataset('feed', [tweet('at://did:plc:ann/app.bsky.feed.post/1', '2024-03-04T10:05:00Z', 'did:plc:ann', 'Red')]);
    const both = postsOf(campaignPosts([feed, sky]));
    expect(both.rows).toHaveLength(1);
    expect(both.shared).toBe(1);
    expect(new Date(both.rows[0]?.time ?? 0).toISOString()).toBe('2024-03-04T10:00:00.000Z');
  });

  it('refuses an id two datasets hold for posts more than a second apart, saying where each is and how many more', () => {
    const numbered = postsDataset('numbered', [
      tweet('1', '2016-07-02T10:00:00Z', 'ann', 'Red'),
      tweet('102', '2016-07-04T10:00:00Z', 'bob', 'Red'),
      tweet('2', '2016-07-09T12:00:00Z', 'cy', 'Red'),
      tweet('9', '2016-07-09T12:00:00Z', 'cy', 'Red'),
    ]);
    const rows = postsDataset('rows', [
      tweet('1', '2016-07-01T10:00:00Z', 'dee', 'Blue'),
      tweet('2', '2016-07-01T11:00:00Z', 'dee', 'Blue'),
    ]);
    expect(campaignPosts([tool(), rows, numbered])).toEqual({
      reused: {
        id: '1',
        first: { dataset: 1, time: at('2016-07-01T10:00:00Z') },
        again: { dataset: 2, time: at('2016-07-02T10:00:00Z') },
        more: 1,
      },
    });
  });

  it('covers no day when a dataset has no posts, and none between periods that do not meet', () => {
    expect(postsOf(campaignPosts([tool(), postsDataset('empty', [])])).covered).toBeUndefined();
    const later = postsDataset('later', [tweet('9', '2016-08-01T10:00:00Z', 'ann', 'Red')]);
    const [from, to] = postsOf(campaignPosts([tool(), later])).covered ?? [];
    expect(from).toBe(at('2016-08-01T10:00:00Z'));
    expect(to).toBe(at('2016-07-05T10:00:00Z'));
  });
});
