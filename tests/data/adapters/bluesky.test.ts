import { describe, expect, it } from 'vitest';
import type { Post } from '../../../src/data/types.ts';
import { fixture, iso, load } from './helpers.ts';

describe('bluesky adapter', async () => {
  const ds = await load('bluesky', { 'repo.json': fixture('bluesky.json'), 'z-feed.ndjson': fixture('bluesky-feed.ndjson') });

  it('reads post records with facets counted in UTF-8 bytes, and a +02:00 createdAt as UTC', async () => {
    const p = ds.rows[0] as Post;
    expect(p).toMatchObject({
      id: 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3k43tv4rft22g',
      author: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
      hashtags: ['Wahlen'],
      mentions: ['alice.bsky.social'],
      urls: ['https://example.com/wahl'],
    });
    expect(iso(p)).toBe('2024-09-01T18:30:00.000Z');
  });

  it('fills a repost record from its original in the dataset, and skips likes (not posts)', async () => {
    const repost = ds.rows[1] as Post;
    expect(repost).toMatchObject({ author: 'did:plc:bob00000000000000000000000', repostOf: (ds.rows[0] as Post).id, hashtags: ['Wahlen'] });
    expect(ds.rows.some((r) => r.id.includes('feed.like'))).toBe(false);
  });

  it('reads feed items with counts, and reposts (reasonRepost) as posts by the reposter, each author by DID', async () => {
    const [view, repost] = ds.rows.slice(2) as [Post, Post];
    expect(view).toMatchObject({
      author: 'did:plc:carol',
      metrics: { replies: 1, reposts: 5, likes: 20, quotes: 0 },
      replyTo: 'at://did:plc:x/app.bsky.feed.post/0',
    });
    expect(repost).toMatchObject({ author: 'did:plc:dave', repostOf: view.id, hashtags: ['Wahlen'], text: view.text });
    expect(iso(repost)).toBe('2024-09-01T09:15:00.000Z');
    expect(ds.rows).toHaveLength(4);
  });

  it('times a post view by the earlier of createdAt (set by the client: a post can claim 2036) and indexedAt, as Bluesky orders posts', async () => {
    const view = (createdAt: string) =>
      `${JSON.stringify({ uri: 'at://did:plc:t/app.bsky.feed.post/1', author: { did: 'did:plc:t', handle: 't.bsky.social' }, record: { $type: 'app.bsky.feed.post', text: 'hi #Wahlen', createdAt }, indexedAt: '2024-09-01T08:00:00.000Z' })}\n`;
    expect(iso((await load('bluesky', { 'a.ndjson': view('2036-01-01T00:00:00.000Z') })).rows[0] as Post)).toBe('2024-09-01T08:00:00.000Z');
    expect(iso((await load('bluesky', { 'a.ndjson': view('2024-08-31T23:59:00.000Z') })).rows[0] as Post)).toBe('2024-08-31T23:59:00.000Z');
  });

  it("counts one repost once, read from a feed (with or without reason.uri) and from the reposter's repository", async () => {
    const repo = JSON.parse(fixture('bluesky.json'));
    const record = repo.records.find((r: { value: { $type: string } }) => r.value.$type === 'app.bsky.feed.repost');
    const original = repo.records[0];
    const feedItem = (reason: object) =>
      JSON.stringify({
        post: {
          uri: original.uri,
          author: { did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', handle: 'erin.bsky.social' },
          record: original.value,
        },
        reason: {
          $type: 'app.bsky.feed.defs#reasonRepost',
          by: { did: 'did:plc:bob00000000000000000000000', handle: 'bob.bsky.social' },
          indexedAt: '2024-09-01T19:00:00.000Z',
          ...reason,
        },
      });
    for (const reason of [{}, { uri: record.uri }]) {
      const both = await load('bluesky', { 'a-repo.json': fixture('bluesky.json'), 'b-feed.ndjson': `${feedItem(reason)}\n` });
      expect(both.rows.filter((r) => r.repostOf === original.uri)).toHaveLength(1);
      expect(both.duplicates).toBe(1);
    }
  });
});

describe('hashtags as each platform gives them', () => {
  it("bluesky: the record's own tags, beside those in its facets", async () => {
    const record = {
      uri: 'at://did:plc:x/app.bsky.feed.post/1',
      value: {
        $type: 'app.bsky.feed.post',
        text: 'Vote #Wahlen',
        createdAt: '2024-09-01T10:00:00Z',
        facets: [{ index: { byteStart: 5, byteEnd: 12 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'Wahlen' }] }],
        tags: ['KeepCorbyn', '#Wahlen'],
      },
    };
    const ds = await load('bluesky', { 'repo.json': JSON.stringify({ records: [record] }) });
    expect(ds.rows[0]?.hashtags).toEqual(['Wahlen', 'KeepCorbyn']);
  });
});

describe('bluesky items without a record', () => {
  it('skips a post that is gone or hidden, and says where a post view has no record', async () => {
    const gone = { $type: 'app.bsky.feed.defs#notFoundPost', uri: 'at://did:plc:x/app.bsky.feed.post/1', notFound: true };
    const broken = { post: { uri: 'at://did:plc:x/app.bsky.feed.post/2', author: { handle: 'a.bsky.social' } } };
    expect((await load('bluesky', { 'feed.ndjson': `${JSON.stringify(gone)}\n` })).rows).toEqual([]);
    await expect(load('bluesky', { 'feed.ndjson': `${JSON.stringify(gone)}\n${JSON.stringify(broken)}\n` })).rejects.toThrow(
      /^data\/x\/feed\.ndjson:2:9: "record" is empty\./,
    );
  });
});

describe('one post from two exports', () => {
  it('is one post though a repository export names its author by DID and a search export by handle', async () => {
    const uri = 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3k43tv4rft22g';
    const value = { $type: 'app.bsky.feed.post', text: 'Vote #Wahlen', createdAt: '2024-09-01T10:00:00Z' };
    const ds = await load('bluesky', {
      'a-repo.json': JSON.stringify({ records: [{ uri, value }] }),
      'b-search.json': JSON.stringify({ posts: [{ uri, author: { handle: 'ann.bsky.social' }, record: value }] }),
    });
    expect([ds.rows.length, ds.duplicates]).toEqual([1, 1]);
  });
});

describe('bluesky: a feed export and a repository export read together', () => {
  // mia's post, viewed in alice's feed (indexed 40 s before the time its client wrote) and in mia's repository;
  // alice's repost of lee's post, in her feed (indexed on the Monday) and in her repository (made on the Sunday);
  // her repost of ross's post, which is in the data only inside another account's repost of it.
  const mia = 'at://did:plc:mia/app.bsky.feed.post/3k00014';
  const miaRecord = { $type: 'app.bsky.feed.post', text: 'Tide out #CleanHarbour', createdAt: '2024-03-18T00:00:30.000Z' };
  const lee = 'at://did:plc:lee/app.bsky.feed.post/3k00013';
  const leeRecord = { $type: 'app.bsky.feed.post', text: 'Beach clean #CleanHarbour', createdAt: '2024-03-16T10:00:00.000Z' };
  const ross = 'at://did:plc:ross/app.bsky.feed.post/3k00026';
  const rossRecord = { $type: 'app.bsky.feed.post', text: 'Ferries #OpenPort', createdAt: '2024-03-19T09:00:00.000Z' };
  const view = (uri: string, handle: string, record: object, indexedAt: string) => ({
    uri,
    author: { did: uri.split('/')[2], handle },
    record,
    indexedAt,
  });
  const byAlice = { did: 'did:plc:alice', handle: 'alice.bsky.social' };
  const feed = JSON.stringify({
    feed: [
      { post: view(mia, 'mia.bsky.social', miaRecord, '2024-03-17T23:59:50.000Z') },
      {
        post: view(lee, 'lee.bsky.social', leeRecord, '2024-03-16T10:00:01.000Z'),
        reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: byAlice, indexedAt: '2024-03-18T00:00:05.000Z' },
      },
      {
        post: view(ross, 'ross.bsky.social', rossRecord, '2024-03-19T09:00:01.000Z'),
        reason: {
          $type: 'app.bsky.feed.defs#reasonRepost',
          by: { did: 'did:plc:sam', handle: 'sam.bsky.social' },
          indexedAt: '2024-03-19T10:00:00.000Z',
        },
      },
      { post: view('at://did:plc:alice/app.bsky.feed.post/1', 'alice.bsky.social', miaRecord, '2024-03-18T08:00:00.000Z') },
    ],
  });
  const repost = (rkey: string, subject: string, createdAt: string) => ({
    uri: `at://did:plc:alice/app.bsky.feed.repost/${rkey}`,
    value: { $type: 'app.bsky.feed.repost', subject: { uri: subject }, createdAt },
  });
  const records = JSON.stringify({
    records: [
      { uri: mia, value: miaRecord },
      repost('r1', lee, '2024-03-17T23:59:58.000Z'),
      repost('r2', ross, '2024-03-19T11:00:00.000Z'),
      { uri: 'at://did:plc:alice/app.bsky.feed.post/2', value: { ...rossRecord, createdAt: '2024-03-19T12:00:00.000Z' } },
    ],
  });
  const summary = (ds: { rows: readonly Post[] }) =>
    ds.rows.map((p) => [p.id.replace(/^at:\/\/did:plc:/, ''), p.author, iso(p), p.hashtags.join()]).sort();

  it('gives the same posts whichever file is read first: each at the earliest time its views give, each account one author', async () => {
    const a = await load('bluesky', { 'feed.json': feed, 'records.json': records });
    const b = await load('bluesky', { 'a-records.json': records, 'feed.json': feed });
    expect(summary(a)).toEqual(summary(b));
    const time = (ds: typeof a, id: string) => iso(ds.rows.find((p) => p.id === id) as Post);
    // The post: one, at the earlier time (its feed view's indexedAt), not refused as an id read for another post.
    expect(a.rows.filter((p) => p.id === mia)).toHaveLength(1);
    expect(time(a, mia)).toBe('2024-03-17T23:59:50.000Z');
    // The repost: when it was made, the Sunday, not when the feed indexed it.
    expect(time(a, `${lee}#repost-by-did:plc:alice`)).toBe('2024-03-17T23:59:58.000Z');
    expect(a.duplicates).toBe(2);
    // alice by DID, from her feed and her repository alike.
    expect(new Set(a.rows.filter((p) => p.author.includes('alice')).map((p) => p.author))).toEqual(new Set(['did:plc:alice']));
  });

  it('fills a repost record from another repost of the same post when the original is not a post of the data', async () => {
    const ds = await load('bluesky', { 'feed.json': feed, 'records.json': records });
    expect(ds.rows.find((p) => p.id === `${ross}#repost-by-did:plc:alice`)).toMatchObject({
      text: 'Ferries #OpenPort',
      hashtags: ['OpenPort'],
    });
  });
});
