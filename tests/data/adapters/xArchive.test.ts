import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset, type FileRecords, loadDataset } from '../../../src/data/loadDataset.ts';
import type { PostsDataset } from '../../../src/data/types.ts';
import { tempProject } from '../helpers.ts';
import { fixture, iso, manifest } from './helpers.ts';

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
