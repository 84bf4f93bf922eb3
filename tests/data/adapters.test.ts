import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/data/adapters/mastodon.ts';
import { checkDataset, type FileRecords, loadDataset } from '../../src/data/loadDataset.ts';
import type { Post, PostsDataset } from '../../src/data/types.ts';
import { tempProject } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'social');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const manifest = (format: string) => `title: Export
description: A social export for a test.
kind: posts
source: Written by hand from the platform's documented format
licence: CC0-1.0
collected: 2024-09-02
format: ${format}
files: "*.{json,ndjson,jsonl}"
`;

async function load(format: string, files: Record<string, string>): Promise<PostsDataset> {
  const root = tempProject(
    Object.fromEntries([['data/x/manifest.yaml', manifest(format)], ...Object.entries(files).map(([n, t]) => [`data/x/${n}`, t])]),
  );
  return (await loadDataset('x', { root, dataDir: join(root, 'data') })) as PostsDataset;
}

const iso = (p: Post) => new Date(p.time).toISOString();

describe('twitter-v2 adapter', async () => {
  const ds = await load('twitter-v2', { 'page-1.json': fixture('twitter-v2.json') });

  it('normalises tweets with authors from includes.users, entities and metrics', async () => {
    expect(ds.rows).toHaveLength(3);
    const [first] = ds.rows;
    expect(first).toEqual({
      id: '1540000000000000001',
      time: Date.UTC(2024, 6, 4, 5, 58, 12),
      author: 'pollwatcher',
      text: 'Polls open at 7. Bring ID! #Vote2024 #GE2024 https://t.co/abc123 cc @ElectoralCommUK',
      hashtags: ['Vote2024', 'GE2024'],
      mentions: ['ElectoralCommUK'],
      urls: ['https://www.electoralcommission.org.uk/voter-id'],
      metrics: { reposts: 12, replies: 3, likes: 40, quotes: 1 },
    });
    expect(ds.manifest.fields.author).toContain('username');
  });

  it('counts a retweet as a post by the retweeter, with the original whole text and tags', async () => {
    const rt = ds.rows[1] as Post;
    expect(rt.author).toBe('ann_on');
    expect(rt.repostOf).toBe('1540000000000000001');
    // The retweet's own entities lost #GE2024 to truncation; the included original has both.
    expect(rt.hashtags).toEqual(['Vote2024', 'GE2024']);
    expect(rt.text.startsWith('Polls open')).toBe(true);
    expect(rt.metrics).toBeUndefined();
  });

  it('keeps an author id whose user is not included, and marks replies', async () => {
    const reply = ds.rows[2] as Post;
    expect(reply.author).toBe('77');
    expect(reply.replyTo).toBe('1540000000000000001');
    expect(reply.hashtags).toEqual([]);
  });

  it('reads one response per NDJSON line and ignores empty result pages', async () => {
    const line = JSON.stringify(JSON.parse(fixture('twitter-v2.json')));
    const paged = await load('twitter-v2', { 'pages.ndjson': `${line}\n{"meta":{"result_count":0}}\n` });
    expect(paged.rows.map((p) => p.id)).toEqual(ds.rows.map((p) => p.id));
  });

  it('names file:line:column and the field when created_at is missing', async () => {
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v2'),
      'data/x/a.json': '{\n  "data": [\n    { "id": "1", "author_id": "2", "text": "hi" }\n  ]\n}\n',
    });
    await expect(loadDataset('x', { root, dataDir: join(root, 'data') })).rejects.toThrow('data/x/a.json:3:5: "created_at" is empty.');
  });
});

describe('twitter-v1 adapter (legacy JSON lines)', async () => {
  const ds = await load('twitter-v1', { 'stream.ndjson': fixture('twitter-v1.ndjson') });

  it('reads id_str, v1 timestamps with offsets, entities, and skips stream control messages', async () => {
    expect(ds.rows.map((p) => p.id)).toEqual(['753289326347673600', '753289326347673601', '753289326347673602']);
    const [tweet] = ds.rows as [Post];
    expect(iso(tweet)).toBe('2016-07-13T18:04:31.000Z');
    expect(tweet).toMatchObject({
      author: 'red_rose_ann',
      hashtags: ['KeepCorbyn'],
      mentions: ['Momentum'],
      urls: ['http://example.org/rally'],
      metrics: { reposts: 4, likes: 9 },
    });
  });

  it('turns a +0100 timestamp into UTC and takes a retweet’s content from retweeted_status', async () => {
    const rt = ds.rows[1] as Post;
    expect(iso(rt)).toBe('2016-07-13T19:15:00.000Z');
    expect(rt).toMatchObject({ author: 'bob_b', repostOf: '753289326347673600', hashtags: ['KeepCorbyn'], mentions: ['Momentum'] });
    expect(rt.text.startsWith('RT ')).toBe(false);
  });

  it('reads an extended tweet’s full_text and entities instead of the truncated text', async () => {
    const long = ds.rows[2] as Post;
    expect(long.text.endsWith('#SavingLabour #LabourLeadership')).toBe(true);
    expect(long.hashtags).toEqual(['SavingLabour', 'LabourLeadership']);
    expect(long.replyTo).toBe('753289326347673600');
  });

  it('leaves out a tweet a delete notice names, before or after it and in another file, with its retweets', async () => {
    const lines = fixture('twitter-v1.ndjson').trim().split('\n');
    const notice = (id: string) => JSON.stringify({ delete: { status: { id: Number(id), id_str: id, user_id: 2, user_id_str: '2' } } });
    const kept = '{"id_str":"7","created_at":"Wed Jul 13 21:00:00 +0000 2016","text":"#KeepCorbyn","user":{"screen_name":"c"}}';
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1'),
      // The original (…600) is deleted in a later file; its retweet (…601) goes with it; …602 is deleted before it is read.
      'data/x/a.ndjson': `${notice('753289326347673602')}\n${lines.join('\n')}\n${kept}\n`,
      'data/x/b.ndjson': `${notice('753289326347673600')}\n`,
    });
    // Read twice through a file cache: the notices are kept with the file's records.
    const entries = new Map<string, FileRecords>();
    const fileCache = {
      get: (file: string, key: string) => entries.get(file + key),
      set: (file: string, key: string, r: FileRecords) => void entries.set(file + key, r),
    };
    for (const read of ['parsed', 'cached']) {
      const withDeletes = (await loadDataset('x', { root, dataDir: join(root, 'data'), fileCache })) as PostsDataset;
      expect(
        withDeletes.rows.map((p) => p.id),
        read,
      ).toEqual(['7']);
      expect(withDeletes.deleted, read).toBe(3);
    }
    expect(entries.size).toBe(2);
    expect(ds.deleted).toBe(0);
  });

  it('points at the line of a tweet without a user', async () => {
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1'),
      'data/x/a.jsonl':
        '{"id_str":"1","created_at":"Wed Aug 27 13:08:45 +0000 2008","text":"a","user":{"screen_name":"a"}}\n{"id_str":"2","created_at":"Wed Aug 27 13:08:45 +0000 2008","text":"b"}\n',
    });
    await expect(loadDataset('x', { root, dataDir: join(root, 'data') })).rejects.toThrow(
      'data/x/a.jsonl:2:1: "user.screen_name" is empty.',
    );
  });

  it('refuses a malformed v1 date with the expected shape', async () => {
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1'),
      'data/x/a.ndjson': '{"id_str":"1","created_at":"27/08/2008 13:08","text":"a","user":{"screen_name":"a"}}\n',
    });
    await expect(loadDataset('x', { root, dataDir: join(root, 'data') })).rejects.toThrow(
      'data/x/a.ndjson:1:15: "created_at" must be a time like "Wed Aug 27 13:08:45 +0000 2008", got "27/08/2008 13:08".',
    );
  });
});

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

  it('reads feed items with handles, counts and reposts (reasonRepost) as posts by the reposter', async () => {
    const [view, repost] = ds.rows.slice(2) as [Post, Post];
    expect(view).toMatchObject({
      author: 'carol.example.com',
      metrics: { replies: 1, reposts: 5, likes: 20, quotes: 0 },
      replyTo: 'at://did:plc:x/app.bsky.feed.post/0',
    });
    expect(repost).toMatchObject({ author: 'dave.bsky.social', repostOf: view.id, hashtags: ['Wahlen'], text: view.text });
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

describe("x-archive adapter (X's downloadable account archive)", () => {
  const archive = (name: string) => fixture(`x-archive/${name}`);
  const project = (files: Record<string, string>, extra = '') =>
    tempProject({
      'data/x/manifest.yaml': manifest('x-archive').replace(/^files: .*\n/m, extra),
      ...Object.fromEntries(Object.entries(files).map(([n, t]) => [`data/x/${n}`, t])),
    });
  const read = async (root: string, options: Partial<Parameters<typeof loadDataset>[1]> = {}) =>
    (await loadDataset('x', { root, dataDir: join(root, 'data'), ...options })) as PostsDataset;

  it("reads tweets.js as the account's tweets, named by account.js, and leaves its likes alone", async () => {
    const root = project({ 'tweets.js': archive('tweets.js'), 'account.js': archive('account.js'), 'like.js': archive('like.js') });
    const ds = await read(root);
    expect(ds.files.map((f) => f.path)).toEqual(['data/x/account.js', 'data/x/tweets.js']);
    expect(ds.rows.map((p) => [p.id, p.author, iso(p)])).toEqual([
      ['753289326347673600', 'red_rose_ann', '2016-07-13T18:04:31.000Z'],
      ['753289326347673700', 'red_rose_ann', '2016-07-13T19:00:00.000Z'],
      ['753289326347673800', 'red_rose_ann', '2016-07-14T07:30:00.000Z'],
    ]);
    expect(ds.rows[0]).toMatchObject({
      hashtags: ['KeepCorbyn'],
      mentions: ['PplsMomentum'],
      urls: ['http://example.org/rally'],
      metrics: { reposts: 4, likes: 9 },
    });
    // A retweet in the archive is the account's own post, with the text and tags the archive gives.
    expect(ds.rows[1]).toMatchObject({ text: 'RT @OwenSmith_MP: A credible plan #SavingLabour', hashtags: ['SavingLabour'] });
    expect(ds.rows[1]?.repostOf).toBeUndefined();
    expect(ds.rows[2]?.replyTo).toBe('753289326347673600');
    // Large archives are streamed: the same posts.
    expect((await read(root, { wholeJsonLimit: 100 })).rows).toEqual(ds.rows);
  });

  it('reads an archive saved with a byte order mark, its errors at the columns an editor shows', async () => {
    const script = 'window.YTD.tweets.part0 = [ { "tweet": { "id_str": "1", "full_text": "#A", oops } } ]';
    // An editor does not count the mark: "oops" is at the same column of line 1 with it or without it.
    const column = script.indexOf('oops') + 1;
    for (const text of [script, `\uFEFF${script}`])
      for (const wholeJsonLimit of [1 << 20, 0]) {
        const root = project({ 'tweets.js': text, 'account.js': archive('account.js') });
        await expect(read(root, { wholeJsonLimit }), `${text.length} ${wholeJsonLimit}`).rejects.toThrow(
          new RegExp(`^data/x/tweets\\.js:1:${column}: `),
        );
      }
    const root = project({ 'tweets.js': `\uFEFF${archive('tweets.js')}`, 'account.js': `\uFEFF${archive('account.js')}` });
    for (const wholeJsonLimit of [1 << 20, 0])
      expect((await read(root, { wholeJsonLimit })).rows.map((p) => p.author)).toEqual(Array(3).fill('red_rose_ann'));
  });

  it("reads only its tweets and account by default, beside the data folder's other files; a bad byte streamed is located", async () => {
    const others = {
      'account-timezone.js': 'window.YTD.account_timezone.part0 = []',
      'tweetdeck.js': 'window.YTD.tweetdeck.part0 = []',
      'tweet-headers.js': 'window.YTD.tweet_headers.part0 = []',
    };
    const root = project({ 'tweets.js': archive('tweets.js'), 'account.js': archive('account.js'), ...others });
    expect((await read(root)).files.map((f) => f.path)).toEqual(['data/x/account.js', 'data/x/tweets.js']);
    const bad = Buffer.concat([
      Buffer.from(archive('tweets.js').slice(0, 400)),
      Buffer.from([0xe9]),
      Buffer.from(archive('tweets.js').slice(400)),
    ]);
    const broken = project({ 'tweets.js': '', 'account.js': archive('account.js') });
    writeFileSync(join(broken, 'data/x/tweets.js'), bad);
    await expect(read(broken, { wholeJsonLimit: 100 })).rejects.toThrow(/^data\/x\/tweets\.js:\d+: .*UTF-8/);
  });

  it('names an archive file renamed .json as such, also when it is large enough to be streamed', async () => {
    const v1 = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1').replace(/^files: .*$/m, 'files: "*.json"'),
      'data/x/tweets.json': archive('tweets.js'),
    });
    await expect(read(v1, { wholeJsonLimit: 100 })).rejects.toThrow('data/x/tweets.json:1:1: This is a file of the X account archive');
  });

  it('names the author anew when account.js changes, though tweets.js comes from the cache', async () => {
    const root = project({ 'tweets.js': archive('tweets.js'), 'account.js': archive('account.js') });
    const entries = new Map<string, FileRecords>();
    const fileCache = {
      get: (file: string, key: string) => entries.get(file + key),
      set: (file: string, key: string, r: FileRecords) => void entries.set(file + key, r),
    };
    expect((await read(root, { fileCache })).rows[0]?.author).toBe('red_rose_ann');
    writeFileSync(join(root, 'data/x/account.js'), archive('account.js').replace('red_rose_ann', 'ann_2016'));
    const again = await read(root, { fileCache });
    expect(again.rows.map((p) => p.author)).toEqual(['ann_2016', 'ann_2016', 'ann_2016']);
    expect(entries.size).toBe(3);
  });

  it("says what is missing or wrong: no account.js, a likes file, a file that is not the archive's", async () => {
    const problems = async (root: string) => (await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message);
    expect(await problems(project({ 'tweets.js': archive('tweets.js') }))).toEqual([
      'data/x/manifest.yaml:1:1: The tweets of an X archive name no author; the archive names it in account.js, which this dataset does not read (files: "{account,tweet,tweets,tweet-part*,tweets-part*}.js"). Copy account.js from the archive\'s data folder beside tweets.js, and let "files" match it.',
    ]);
    expect(
      await problems(
        project(
          { 'tweets.js': archive('tweets.js'), 'account.js': archive('account.js'), 'like.js': archive('like.js') },
          'files: "*.js"\n',
        ),
      ),
    ).toEqual([
      'data/x/like.js:1:1: This file of the X archive holds its "like", not tweets or the account. Leave it out of the dataset: "files" should match tweets.js (tweets-part1.js…) and account.js only, as it does by default.',
    ]);
    expect(await problems(project({ 'tweets.js': '[{"tweet":{}}]', 'account.js': archive('account.js') }))).toEqual([
      'data/x/tweets.js:1:1: data/x/tweets.js is not a file of X\'s account archive, which starts "window.YTD.tweets.part0 = [", so format: x-archive cannot read it. Keep the archive\'s files as they were downloaded (data/tweets.js and data/account.js), or set "format" to what this file is.',
    ]);
    // A tweet's error is located in the file as it is, assignment included.
    const broken = archive('tweets.js').replace('"Wed Jul 13 19:00:00 +0000 2016"', '"13/07/2016"');
    const [bad] = await problems(project({ 'tweets.js': broken, 'account.js': archive('account.js') }));
    expect(bad).toMatch(/^data\/x\/tweets\.js:44:7: "created_at" must be a time like/);
  });
});

describe('mastodon adapter', async () => {
  const ds = await load('mastodon', { 'statuses.json': fixture('mastodon.json') });

  it('turns HTML content into text: tags stripped first, entities decoded, paragraphs and breaks kept', async () => {
    const p = ds.rows[0] as Post;
    expect(p.text).toBe(
      'Fish & chips <script>alert(1)</script> at the count #GE2024\n\nResults: https://results.example/?a=1&b=2\ncc @bob',
    );
    // Server tags are lower-case; the author's casing comes from the text.
    expect(p.hashtags).toEqual(['GE2024']);
    expect(p.mentions).toEqual(['bob@other.example']);
    expect(p.urls).toEqual(['https://results.example/?a=1&b=2']);
    expect(p.metrics).toEqual({ reposts: 7, replies: 2, likes: 15 });
  });

  it('counts a boost as a post by the booster with the boosted content', async () => {
    const boost = ds.rows[1] as Post;
    expect(boost).toMatchObject({
      author: 'cy@elsewhere.example',
      repostOf: 'https://mastodon.example/users/ann/statuses/112345678901234567',
      hashtags: ['GE2024'],
    });
    expect(boost.text.startsWith('Fish & chips')).toBe(true);
    // A local account's acct ("ann") is written in full with its server, as every other server writes it.
    expect(ds.rows[0]).toMatchObject({
      id: 'https://mastodon.example/users/ann/statuses/112345678901234567',
      author: 'ann@mastodon.example',
    });
  });

  it('counts a status fetched from two servers once: by its uri, with the author in full on both', async () => {
    const status = (id: string, acct: string) => ({
      id,
      uri: 'https://mastodon.social/users/bob/statuses/110000000000000001',
      created_at: '2024-07-01T10:00:00.000Z',
      account: { acct, url: 'https://mastodon.social/@bob' },
      content: '<p>Save the tram <a href="https://x/tags/savethetram" class="mention hashtag" rel="tag">#<span>SaveTheTram</span></a></p>',
      tags: [{ name: 'savethetram' }],
    });
    const ds = await load('mastodon', {
      'mastodon-social.json': JSON.stringify([status('110000000000000001', 'bob')]),
      'fosstodon.json': JSON.stringify([status('112999000000000042', 'bob@mastodon.social')]),
    });
    expect(ds.rows).toHaveLength(1);
    expect(ds.duplicates).toBe(1);
    expect(ds.rows[0]?.author).toBe('bob@mastodon.social');
  });

  it('takes hashtags from the text when tags[] lacks them, and leaves custom emoji out of the text', async () => {
    const ds = await load('mastodon', {
      'statuses.json': JSON.stringify([
        {
          id: '5',
          created_at: '2024-07-01T10:00:00Z',
          account: { acct: 'cy@remote.example' },
          content:
            '<p>Go trams :tram_parrot: <a href="https://remote.example/tags/SaveTheTram" class="mention hashtag">#<span>SaveTheTram</span></a> :not_listed: #Buses</p>',
          tags: [{ name: 'buses' }],
          spoiler_text: 'CW :tram_parrot: politics',
          emojis: [{ shortcode: 'tram_parrot', url: 'https://remote.example/e.png' }],
        },
      ]),
    });
    expect(ds.rows[0]).toMatchObject({
      text: 'CW politics\n\nGo trams #SaveTheTram :not_listed: #Buses',
      hashtags: ['Buses', 'SaveTheTram'],
    });
  });

  it('never turns an attribute containing ">" into text', async () => {
    expect(htmlToText('<p><a title="a > b" href="x">link</a></p>')).toBe('link');
  });
});

describe('posts dated after the manifest\'s "collected" day', () => {
  it('are refused in every social export, at the time field, naming the manifest line', async () => {
    const cases: [string, string, string][] = [
      ['mastodon', 'a.ndjson', '{"id":"1","created_at":"2036-06-23T10:00:00Z","account":{"acct":"a"},"content":"<p>hi</p>"}\n'],
      ['twitter-v1', 'a.ndjson', '{"id_str":"1","created_at":"Mon Jun 23 10:00:00 +0000 2036","text":"hi","user":{"screen_name":"a"}}\n'],
      ['twitter-v2', 'a.ndjson', '{"data":[{"id":"1","created_at":"2036-06-23T10:00:00Z","text":"hi","author_id":"9"}]}\n'],
      [
        'bluesky',
        'a.ndjson',
        '{"uri":"at://did:plc:a/app.bsky.feed.post/1","value":{"$type":"app.bsky.feed.post","text":"hi","createdAt":"2036-06-23T10:00:00Z"}}\n',
      ],
    ];
    for (const [format, name, text] of cases) {
      const root = tempProject({ 'data/x/manifest.yaml': manifest(format), [`data/x/${name}`]: text });
      const message = (await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message);
      expect(message, format).toEqual([
        expect.stringMatching(
          /^data\/x\/a\.ndjson:1:\d+: "[\w.]*(created_at|createdAt)" is .*2036.*, after the day the manifest says the data was collected \(collected: 2024-09-02, data\/x\/manifest\.yaml:6:1\)/,
        ),
      ]);
    }
    // The day after "collected" is still allowed (the collector's timezone).
    const root = tempProject({
      'data/x/manifest.yaml': manifest('mastodon'),
      'data/x/a.ndjson': '{"id":"1","created_at":"2024-09-03T23:59:59Z","account":{"acct":"a"},"content":"<p>hi</p>"}\n',
    });
    expect(await checkDataset('x', { root, dataDir: join(root, 'data') })).toEqual([]);
  });
});

describe('a manifest format', async () => {
  it('requires fields for a CSV posts dataset, and refuses a social format on a table', async () => {
    const root = tempProject({
      'data/p/manifest.yaml': manifest('csv'),
      'data/p/a.csv': 'id\n1\n',
      'data/t/manifest.yaml': manifest('mastodon').replace('kind: posts', 'kind: table\ncolumns:\n  a: string'),
      'data/t/a.json': '[]',
    });
    const opts = { root, dataDir: join(root, 'data') };
    expect((await checkDataset('p', opts)).map((e) => e.message)).toEqual([
      'data/p/manifest.yaml:1:1: "fields" is missing: it maps your columns to id, time, author and text. For a platform\'s own export, set "format" instead (twitter-v2, twitter-v1, x-archive, bluesky, mastodon). Fix the manifest (see README, "Adding a dataset").',
    ]);
    expect((await checkDataset('t', opts))[0]?.message).toContain('data/t/manifest.yaml:9:1: "format" "mastodon" is a social export');
  });

  it("says once which platform's export a file holds when the manifest names another", async () => {
    const cases: [string, string, string, string][] = [
      ['mastodon', 'a.ndjson', fixture('twitter-v1.ndjson'), 'X/Twitter v1.1 tweets, but the manifest says format: mastodon'],
      // A stream that starts with a control message.
      [
        'mastodon',
        'b.ndjson',
        `{"delete":{"status":{"id_str":"1","user_id_str":"2"}}}\n${fixture('twitter-v1.ndjson')}`,
        'X/Twitter v1.1 tweets, but the manifest says format: mastodon',
      ],
      ['twitter-v1', 'a.json', fixture('mastodon.json'), 'Mastodon statuses, but the manifest says format: twitter-v1'],
      ['bluesky', 'a.json', fixture('twitter-v2.json'), 'an X/Twitter API v2 response, but the manifest says format: bluesky'],
      ['twitter-v2', 'a.json', fixture('bluesky.json'), 'Bluesky records, but the manifest says format: twitter-v2'],
    ];
    for (const [format, name, text, says] of cases) {
      const root = tempProject({ 'data/x/manifest.yaml': manifest(format), [`data/x/${name}`]: text });
      const problems = (await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message);
      expect(problems, format).toHaveLength(1);
      expect(problems[0], format).toMatch(
        new RegExp(`^data/x/${name.replace('.', '\\.')}:\\d+:\\d+: This file holds ${says.replace(/[()/.]/g, '\\$&')}`),
      );
    }
  });

  it("says what the X account archive's tweets.js is, renamed .json or not, rather than 'Invalid JSON syntax'", async () => {
    const archive =
      'window.YTD.tweets.part0 = [ { "tweet": { "id_str": "1", "full_text": "#A", "created_at": "Wed Aug 27 13:08:45 +0000 2008" } } ]';
    for (const name of ['tweets.json', 'tweets.js']) {
      const root = tempProject({
        'data/x/manifest.yaml': manifest('twitter-v1').replace(/^files: .*$/m, 'files: "tweets.*"'),
        [`data/x/${name}`]: archive,
      });
      const [problem] = (await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message);
      expect(problem).toContain(`data/x/${name}:1:1: This is a file of the X account archive`);
    }
  });

  it('refuses a social export whose file is not JSON, saying which files it reads', async () => {
    const root = tempProject({
      'data/x/manifest.yaml': manifest('mastodon').replace(/^files: .*$/m, 'files: "*.csv"'),
      'data/x/statuses.csv': 'id\n1\n',
    });
    expect((await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message)).toEqual([
      'data/x/statuses.csv: data/x/statuses.csv is not JSON: a "mastodon" export is read from .json, .ndjson or .jsonl files. Keep the export as the platform gave it, with its JSON extension; or, for a CSV a tool made from it, leave "format" out and map its columns under "fields".',
    ]);
  });
});

describe('reading a social export', () => {
  it('reports every line of an NDJSON export that is not JSON, and reads the others', async () => {
    const good = (id: string) =>
      JSON.stringify({ id_str: id, created_at: 'Wed Aug 27 13:08:45 +0000 2008', text: '#A', user: { screen_name: 'a' } });
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1'),
      'data/x/a.ndjson': `${good('1')}\n{"id_str": "2",\n${good('3')}\nnot json\n`,
    });
    const opts = { root, dataDir: join(root, 'data') };
    expect((await checkDataset('x', opts)).map((e) => e.message.split(': ')[0])).toEqual(['data/x/a.ndjson:2:16', 'data/x/a.ndjson:4:1']);
    await expect(loadDataset('x', opts)).rejects.toThrow(/^data\/x\/a\.ndjson:2:16: /);
  });

  it('takes a plain JSON file as an array of records or an object whose "data" is one, and nothing else', async () => {
    const root = tempProject({
      'data/t/manifest.yaml':
        'title: T\ndescription: A table.\nkind: table\nsource: Test\nlicence: CC0-1.0\ncollected: 2024-09-02\nfiles: "*.json"\ncolumns:\n  a: integer\n',
      'data/t/a.json': '{"data": [{"a": 1}, {"a": 2}]}',
      'data/t/b.json': '[{"a": 3}]',
      'data/u/manifest.yaml':
        'title: U\ndescription: A table.\nkind: table\nsource: Test\nlicence: CC0-1.0\ncollected: 2024-09-02\nfiles: "*.json"\ncolumns:\n  a: integer\n',
      'data/u/a.json': '{"rows": [{"a": 1}]}',
    });
    const opts = { root, dataDir: join(root, 'data') };
    expect((await loadDataset('t', opts)).rows).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    await expect(loadDataset('u', opts)).rejects.toThrow(
      'data/u/a.json:1:1: The file must hold an array of records, or an object whose "data" is one.',
    );
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

  it("mastodon: the author's accents and casing, where the server's tag name has them folded", async () => {
    const status = {
      id: '1',
      created_at: '2024-06-30T21:04:05Z',
      account: { acct: 'ann' },
      content:
        '<p><a href="https://m.example/tags/election" class="mention hashtag" rel="tag">#<span>Élection</span></a> <a href="https://m.example/tags/muller" class="mention hashtag" rel="tag">#<span>Müller</span></a></p>',
      tags: [{ name: 'election' }, { name: 'muller' }, { name: 'notintext' }],
    };
    const ds = await load('mastodon', { 'statuses.json': JSON.stringify([status]) });
    expect(ds.rows[0]?.hashtags).toEqual(['Élection', 'Müller', 'notintext']);
  });

  it('reads .jsonl files without a "files" pattern', async () => {
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1').replace(/^files: .*\n/m, ''),
      'data/x/b.jsonl': `${fixture('twitter-v1.ndjson').split('\n')[0]}\n`,
    });
    expect(((await loadDataset('x', { root, dataDir: join(root, 'data') })) as PostsDataset).files.map((f) => f.path)).toEqual([
      'data/x/b.jsonl',
    ]);
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

describe('an id that is not text', () => {
  it('says a numeric v2 id was rounded, rather than that it is empty, and skips user-stream messages', async () => {
    const page = '{"data":[{"id":753289326347673601,"text":"x","author_id":"1","created_at":"2016-07-13T18:04:31.000Z"}]}';
    await expect(load('twitter-v2', { 'page.json': page })).rejects.toThrow(
      /^data\/x\/page\.json:1:\d+: "id" reads as 753289326347673600: a number too long to be read exactly/,
    );
    const line = fixture('twitter-v1.ndjson').split('\n')[0] as string;
    const ds = await load('twitter-v1', { 'stream.ndjson': `{"friends":[1,2,3]}\n{"event":"favorite"}\n${line}\n` });
    expect(ds.rows).toHaveLength(1);
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
