import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { campaignVolume } from '../../src/analysis/campaignVolume.ts';
import { weeklyVolume } from '../../src/analysis/weeklyVolume.ts';
import { datasetDigest } from '../../src/data/datasetFiles.ts';
import { checkDataset, loadDataset } from '../../src/data/loadDataset.ts';
import { streamCampaignStatistics, streamPosts } from '../../src/data/streamPosts.ts';
import type { Post, PostsDataset } from '../../src/data/types.ts';
import { campaigns } from '../analysis/fixtures.ts';
import { postsManifest, tempProject } from './helpers.ts';

const options = (root: string, wholeJsonLimit?: number) => ({
  root,
  dataDir: join(root, 'data'),
  ...(wholeJsonLimit === undefined ? {} : { wholeJsonLimit }),
});

/** Reads the same dataset both ways. */
async function both(root: string, wholeJsonLimit?: number) {
  const loaded = (await loadDataset('tweets', options(root, wholeJsonLimit))) as PostsDataset;
  const posts: Post[] = [];
  const streamed = await streamPosts('tweets', options(root, wholeJsonLimit), (p) => posts.push(p));
  return { loaded, posts, streamed };
}

async function failures(root: string) {
  const load = await loadDataset('tweets', options(root)).then(
    () => 'no error',
    (e: Error) => e.message,
  );
  const stream = await streamPosts('tweets', options(root), () => {}).then(
    () => 'no error',
    (e: Error) => e.message,
  );
  return { load, stream };
}

describe('streamPosts(id, options, onPost)', () => {
  it('hands on the posts loadDataset holds, de-duplicated across files, with the same files, counts and digest', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv':
        'id,created_at,user,text\n765432109876543210,2016-07-03T23:59:59Z,ann,"Go #SaveLabour, ""now"""\n765432109876543211,2016-07-04T00:00:00Z,bob,#KeepCorbyn and #savinglabour\n',
      'data/tweets/b.tsv':
        'id\tcreated_at\tuser\ttext\n765432109876543211\t2016-07-04T00:00:00Z\tbob\t#KeepCorbyn and #savinglabour\np-3\t2016-07-20T12:00:00Z\tcy\tnothing\n',
      'data/tweets/c.ndjson':
        '{"id":"p-3","created_at":"2016-07-20T12:00:00Z","user":"cy","text":"nothing"}\n{"id":"0765","created_at":"2016-07-21T00:00:00Z","user":"di","text":"#KeepCorbyn"}\n',
    });
    const { loaded, posts, streamed } = await both(root);
    expect(posts).toEqual(loaded.rows);
    expect(posts.map((p) => p.id)).toEqual(['765432109876543210', '765432109876543211', 'p-3', '0765']);
    expect(streamed).toMatchObject({ posts: 4, duplicates: 2, files: loaded.files, digest: loaded.digest, dir: loaded.dir });
    expect(streamed.digest).toBe(datasetDigest(join(root, 'data', 'tweets')));
  });

  it('reads JSON files whole and streamed (wholeJsonLimit 0) like loadDataset', async () => {
    const manifest = postsManifest().replace('  author: user', '  author: user.name');
    const tweet = (i: number) => ({
      id: `${i}`,
      created_at: `2016-07-0${1 + (i % 9)}T10:00:00Z`,
      user: { name: `u${i}` },
      text: `#KeepCorbyn${i % 2 ? '' : ' #SaveLabour'}`,
    });
    const root = tempProject({
      'data/tweets/manifest.yaml': manifest,
      'data/tweets/a.json': JSON.stringify(Array.from({ length: 50 }, (_, i) => tweet(i))),
      'data/tweets/b.json': JSON.stringify({ data: Array.from({ length: 30 }, (_, i) => tweet(40 + i)) }),
    });
    for (const limit of [undefined, 0]) {
      const { loaded, posts, streamed } = await both(root, limit);
      expect(posts).toHaveLength(70);
      expect(posts).toEqual(loaded.rows);
      expect(streamed.duplicates).toBe(10);
    }
  });

  it('fails on a bad record with the same file:line:column message as loadDataset', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,ann,"two\nlines"\n2,2016-02-30T10:00:00Z,bob,x\n',
    });
    const { load, stream } = await failures(root);
    expect(stream).toBe(load);
    expect(stream).toMatch(/^data\/tweets\/a\.csv:4:2: "created_at" must be a day that exists in the calendar \(there is no 2016-02-30\)/);
  });

  it('fails on a missing column and a missing id like loadDataset', async () => {
    const noColumn = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,text\n1,2016-07-01T10:00:00Z,x\n',
    });
    const r1 = await failures(noColumn);
    expect(r1.stream).toBe(r1.load);
    expect(r1.stream).toMatch(/^data\/tweets\/a\.csv:1:1: .*"user"/);
    const noId = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.ndjson':
        '{"id":"1","created_at":"2016-07-01T10:00:00Z","user":"a","text":"x"}\n{"created_at":"2016-07-01T10:00:00Z","user":"a","text":"x"}\n',
    });
    const r2 = await failures(noId);
    expect(r2.stream).toBe(r2.load);
    expect(r2.stream).toMatch(/^data\/tweets\/a\.ndjson:2/);
  });

  it('refuses a CSV layout on a JSON file the pattern matches, at the manifest key, as loadDataset and a check do', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest('files: "*"\ndelimiter: ";"\n'),
      'data/tweets/a.csv': 'id;created_at;user;text\n1;2016-07-01T10:00:00Z;a;x\n',
      'data/tweets/b.ndjson': '{"id":"2","created_at":"2016-07-02T10:00:00Z","user":"b","text":"y"}\n',
    });
    const refused =
      'data/tweets/manifest.yaml:15:1: "delimiter" is for CSV and TSV files, but data/tweets/b.ndjson is NDJSON: leave it out, or make "files" match the CSV files only.';
    const { load, stream } = await failures(root);
    expect(stream).toBe(load);
    expect(stream.startsWith(refused)).toBe(true);
    const problems = await checkDataset('tweets', options(root));
    expect(problems.map((p) => p.message)).toEqual([load]);
  });

  it('refuses a workbook the pattern matches as loadDataset does, saying how to save it as CSV', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest('files: "tweets-*"\n'),
      'data/tweets/tweets-1.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,x\n',
      'data/tweets/tweets-2.xlsx': 'PK\u0003\u0004 (a zip)',
    });
    const { load, stream } = await failures(root);
    expect(stream).toBe(load);
    expect(stream).toMatch(/^data\/tweets\/tweets-2\.xlsx: This is a spreadsheet workbook \(\.xlsx\), which Soundings does not read/);
  });

  it('refuses a table dataset and a social export, naming the manifest', async () => {
    const root = tempProject({
      'data/t/manifest.yaml':
        'title: T\ndescription: D\nkind: table\nsource: S\nlicence: L\ncollected: 2016-06-24\ncolumns:\n  a: string\n',
      'data/t/a.csv': 'a\nx\n',
      'data/m/manifest.yaml':
        'title: M\ndescription: D\nkind: posts\nsource: S\nlicence: CC0-1.0\ncollected: 2024-07-01\nformat: mastodon\n',
      'data/m/a.json': '[]',
    });
    await expect(streamPosts('t', { root, dataDir: join(root, 'data') }, () => {})).rejects.toThrow(
      'data/t/manifest.yaml:1:1: The dataset "t" is a "table" dataset; streamed statistics read plain posts datasets only',
    );
    await expect(streamPosts('m', { root, dataDir: join(root, 'data') }, () => {})).rejects.toThrow('"mastodon" export');
    await expect(streamPosts('nope', { root, dataDir: join(root, 'data') }, () => {})).rejects.toThrow('There is no dataset "nope"');
  });
});

describe('streamCampaignStatistics(id, options, campaigns)', () => {
  it('gives campaignVolume and weeklyVolume of the loaded posts, holding none', async () => {
    const lines = ['id,created_at,user,text'];
    // Records 350–399 repeat records 0–49 whole (true duplicates: same id, author and time).
    for (let i = 0; i < 400; i++) {
      const j = i % 350;
      const day = String(1 + (j % 28)).padStart(2, '0');
      const tags = ['#SaveLabour', '#KeepCorbyn', '#SaveLabour #keepcorbyn', 'none', '#SavingLabour'][j % 5];
      lines.push(
        `7000000000000${String(j).padStart(5, '0')},2016-0${7 + (j % 2)}-${day}T${j % 2 ? '23:59:59' : '00:00:00'}Z,u${j},${tags}`,
      );
    }
    const root = tempProject({ 'data/tweets/manifest.yaml': postsManifest(), 'data/tweets/a.csv': `${lines.join('\n')}\n` });
    const loaded = (await loadDataset('tweets', options(root))) as PostsDataset;
    const { statistics, posts, duplicates } = await streamCampaignStatistics('tweets', options(root), campaigns);
    expect([posts, duplicates]).toEqual([350, 50]);
    expect(statistics.volume).toEqual(campaignVolume(loaded.rows, campaigns));
    expect(statistics.weekly).toEqual(weeklyVolume(loaded.rows, campaigns));
    expect(statistics.volume.overlap).toBe(70);
  });
});
