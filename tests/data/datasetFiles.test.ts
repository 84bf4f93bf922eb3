import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayChangeDataset } from '../../src/data/datasetFiles.ts';
import { postsManifest, tempProject } from './helpers.ts';

describe('mayChangeDataset(dataDir, path)', () => {
  it('is true for a manifest and for the files a dataset reads, added or removed, and false for the rest', () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest('files: "tweets-*.csv"\n'),
      'data/tweets/tweets-07.csv': 'id\n',
      'data/table/manifest.yaml': 'files: [not, a, string]\n',
    });
    const data = join(root, 'data');
    const at = (path: string) => mayChangeDataset(data, join(data, path));
    expect(at('tweets/manifest.yaml')).toBe(true);
    expect(at('tweets/tweets-07.csv')).toBe(true);
    // Not there (yet, or any more): the pattern decides, not the file system.
    expect(at('tweets/tweets-08.csv')).toBe(true);
    // Data the pattern misses: the dataset refuses it (dataFiles), so its arrival must re-load.
    expect(at('tweets/notes.csv')).toBe(true);
    // Excel's outputs: a workbook, and a .txt that is a table, or is no longer there (a refused one removed), but not notes.
    expect(at('tweets/tweets-08.xlsx')).toBe(true);
    writeFileSync(join(data, 'tweets', 'notes.txt'), 'Exported on Monday, by Ann.\n');
    writeFileSync(join(data, 'tweets', 'tweets-08.txt'), 'id\tcreated_at\n1\t2016-08-01T10:00:00Z\n');
    expect(at('tweets/notes.txt')).toBe(false);
    expect(at('tweets/tweets-08.txt')).toBe(true);
    expect(at('tweets/tweets-09.txt')).toBe(true);
    expect(at('tweets/README.txt')).toBe(false);
    expect(at('tweets/sedX1b2c3')).toBe(false);
    expect(at('tweets/.tweets-07.csv.swp')).toBe(false);
    expect(at('tweets/README.md')).toBe(false);
    expect(at('tweets/sub/tweets-09.csv')).toBe(false);
    expect(mayChangeDataset(data, join(root, 'elsewhere.csv'))).toBe(false);
    // A manifest that cannot be read: any file may matter.
    expect(at('table/anything.txt')).toBe(true);
  });
});
