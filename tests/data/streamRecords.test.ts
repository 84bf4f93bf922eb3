import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset, loadDataset } from '../../src/data/loadDataset.ts';
import type { Post, PostsDataset } from '../../src/data/types.ts';
import { postsManifest, tempProject } from './helpers.ts';

// wholeJsonLimit: 0 streams every JSON file, as files over 32 MB are in a real build.
const streamed = (root: string) => ({ root, dataDir: join(root, 'data'), wholeJsonLimit: 0 });

const tweet = (i: number) => ({
  id: `t${i}`,
  created_at: `2016-07-0${1 + (i % 9)}T10:00:00Z`,
  user: { name: `u${i}` },
  text: `#Tag${i % 3}`,
});

describe('streaming large files', () => {
  it('reads a JSON array and an API object ({data: […]}) item by item, with the same rows as reading whole', async () => {
    const manifest = postsManifest().replace('  author: user', '  author: user.name');
    const root = tempProject({
      'data/tweets/manifest.yaml': manifest,
      'data/tweets/a.json': JSON.stringify(Array.from({ length: 500 }, (_, i) => tweet(i))),
      'data/tweets/b.json': JSON.stringify({ data: Array.from({ length: 300 }, (_, i) => tweet(400 + i)), meta: { result_count: 300 } }),
    });
    const whole = (await loadDataset('tweets', { root, dataDir: join(root, 'data') })) as PostsDataset;
    const stream = (await loadDataset('tweets', streamed(root))) as PostsDataset;
    expect(stream.rows).toHaveLength(700);
    expect(stream.duplicates).toBe(100);
    expect(stream.rows).toEqual(whole.rows);
    expect(stream.files).toEqual(whole.files);
  });

  it('names the JSON path of a bad streamed item, and the line and column of a syntax error', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.json': JSON.stringify([
        { id: '1', created_at: '2016-07-01T10:00:00Z', user: 'a', text: 'x' },
        { id: '2', created_at: 'soon', user: 'b', text: 'y' },
      ]),
    });
    await expect(loadDataset('tweets', streamed(root))).rejects.toThrow(
      'data/tweets/a.json at 1.created_at: "created_at" must be an ISO date-time',
    );
    writeFileSync(
      join(root, 'data', 'tweets', 'a.json'),
      '[\n  {"id": "1", "created_at": "2016-07-01T10:00:00Z", "user": "a", "text": "x"},\n  {"id": "2",, }\n]\n',
    );
    const problems = await checkDataset('tweets', streamed(root));
    expect(problems.map((p) => p.message)).toEqual([
      'data/tweets/a.json:3:14: Invalid JSON syntax here. Fix the JSON syntax at this position.',
    ]);
  });

  it('streams a social export array (Mastodon statuses) item by item', async () => {
    const status = (i: number) => ({
      id: `${i}`,
      created_at: '2024-06-30T21:04:05.000Z',
      account: { acct: 'ann' },
      content: `<p>#GE2024 ${i}</p>`,
      tags: [{ name: 'ge2024' }],
    });
    const root = tempProject({
      'data/m/manifest.yaml':
        'title: M\ndescription: D\nkind: posts\nsource: S\nlicence: CC0-1.0\ncollected: 2024-07-01\nformat: mastodon\n',
      'data/m/a.json': JSON.stringify(Array.from({ length: 50 }, (_, i) => status(i))),
    });
    const ds = (await loadDataset('m', streamed(root))) as PostsDataset;
    expect(ds.rows).toHaveLength(50);
    expect((ds.rows[49] as Post).text).toBe('#GE2024 49');
    expect((ds.rows[49] as Post).hashtags).toEqual(['GE2024']);
  });

  it('refuses a large social export that is one object, rather than reading its list as empty', async () => {
    const root = tempProject({
      'data/m/manifest.yaml':
        'title: M\ndescription: D\nkind: posts\nsource: S\nlicence: CC0-1.0\ncollected: 2024-07-01\nformat: mastodon\n',
      'data/m/a.json': JSON.stringify({
        statuses: [{ id: '1', created_at: '2024-06-30T21:04:05.000Z', account: { acct: 'a' }, content: '<p>x</p>' }],
      }),
    });
    await expect(loadDataset('m', streamed(root))).rejects.toThrow(
      'data/m/a.json: This 0 MB social export is one JSON object; a file over 32 MB is read as a stream',
    );
  });
});
