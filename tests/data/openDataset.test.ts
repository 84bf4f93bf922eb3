import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDatasets } from '../../src/data/listDatasets.ts';
import { csvLayoutProblem, openDataset } from '../../src/data/openDataset.ts';
import { streamPosts } from '../../src/data/streamPosts.ts';
import type { SoundingsError } from '../../src/errors.ts';
import { postsManifest, tempProject } from './helpers.ts';

const project = () =>
  tempProject({
    'data/tweets/manifest.yaml': postsManifest(),
    'data/tweets/b.csv': 'id,created_at,user,text\n',
    'data/tweets/a.csv': 'id,created_at,user,text\n',
    'data/tweets/notes.txt': 'not data',
    'data/empty/manifest.yaml': postsManifest().replace('fields:', 'files: "*.ndjson"\nfields:'),
    'data/empty/a.csv': 'id\n',
    'data/bare/a.csv': 'id\n',
    'data/broken/manifest.yaml': 'kind: table\ncollected: yesterday\n',
    'data/broken/a.csv': 'id\n',
  });

describe('openDataset', () => {
  it('lists the folders with a manifest, and a dataset’s data files in reading order', () => {
    const root = project();
    const options = { root, dataDir: join(root, 'data') };
    expect(listDatasets(options.dataDir)).toEqual(['broken', 'empty', 'tweets']);
    const opened = openDataset('tweets', options);
    expect(opened.paths.map((p) => p.slice(root.length))).toEqual(['/data/tweets/a.csv', '/data/tweets/b.csv']);
    expect(opened.manifest.kind).toBe('posts');
  });

  it('names an unknown dataset, a folder without a manifest and a pattern that matches no file', async () => {
    const root = project();
    const options = { root, dataDir: join(root, 'data') };
    expect(() => openDataset('tweet', options)).toThrow(
      'There is no dataset "tweet" in data/. Did you mean "tweets"? Known datasets: "broken", "empty", "tweets".',
    );
    // Nothing near: the list alone.
    expect(() => openDataset('polls', options)).toThrow(
      'There is no dataset "polls" in data/. Known datasets: "broken", "empty", "tweets".',
    );
    expect(() => openDataset('bare', options)).toThrow('data/bare: The dataset folder data/bare has no manifest.yaml.');
    expect(() => openDataset('empty', options)).toThrow('data/empty/manifest.yaml:9:1: No data file matches "*.ndjson".');
    // The streamed reader opens datasets the same way.
    await expect(streamPosts('empty', options, () => {})).rejects.toThrow('No data file matches "*.ndjson".');
  });

  it('refuses a folder name a page address cannot hold', () => {
    const root = tempProject({ 'data/q#1/manifest.yaml': postsManifest(), 'data/q#1/a.csv': 'id,created_at,user,text\n' });
    expect(() => openDataset('q#1', { root, dataDir: join(root, 'data') })).toThrow(
      /^data\/q#1: The dataset folder data\/q#1 has "#", "\?" or "%" in its name/,
    );
  });

  it("refuses a CSV layout on a JSON or NDJSON file the pattern matches, at the manifest's key", () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest('files: "*"\nheaderLine: 2\n'),
      'data/tweets/a.csv': 'Title\nid,created_at,user,text\n',
      'data/tweets/b.json': '[]',
      'data/tweets/c.jsonl': '',
      'data/plain/manifest.yaml': postsManifest('files: "*"\n'),
      'data/plain/b.json': '[]',
    });
    const options = { root, dataDir: join(root, 'data') };
    const opened = openDataset('tweets', options);
    const problems = opened.paths.map((path) => csvLayoutProblem(opened, path, path.slice(root.length + 1))?.message.split(' Fix')[0]);
    expect(problems).toEqual([
      undefined,
      'data/tweets/manifest.yaml:15:1: "headerLine" is for CSV and TSV files, but data/tweets/b.json is JSON: leave it out, or make "files" match the CSV files only.',
      'data/tweets/manifest.yaml:15:1: "headerLine" is for CSV and TSV files, but data/tweets/c.jsonl is NDJSON: leave it out, or make "files" match the CSV files only.',
    ]);
    const plain = openDataset('plain', options);
    expect(csvLayoutProblem(plain, plain.paths[0] as string, 'data/plain/b.json')).toBeUndefined();
  });

  it('collects every problem of a manifest when given a list', () => {
    const root = project();
    const problems: SoundingsError[] = [];
    expect(openDataset('broken', { root, dataDir: join(root, 'data') }, problems)).toBeUndefined();
    expect(problems.map((p) => p.message.split(' Fix')[0])).toEqual([
      'data/broken/manifest.yaml:1:1: "title" is missing.',
      'data/broken/manifest.yaml:1:1: "description" is missing.',
      'data/broken/manifest.yaml:1:1: "source" is missing.',
      'data/broken/manifest.yaml:1:1: "licence" is missing.',
      'data/broken/manifest.yaml:2:1: "collected" must be a date written YYYY-MM-DD.',
      'data/broken/manifest.yaml:1:1: "columns" is missing.',
    ]);
  });
});
