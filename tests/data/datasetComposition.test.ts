import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Composition, compositionOf, noRowMoved } from '../../src/data/datasetComposition.ts';
import { datasetDigest } from '../../src/data/datasetFiles.ts';
import { postsManifest, tempProject } from './helpers.ts';

const A = 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n';
const B = 'id,created_at,user,text\n2,2016-07-02T10:00:00Z,b,#Blue\n';

describe('compositionOf(dir) and noRowMoved(before, now)', () => {
  const dataset = () => {
    const dir = join(
      tempProject({ 'data/t/manifest.yaml': postsManifest('files: "*"\n'), 'data/t/a.csv': A, 'data/t/b.csv': B }),
      'data/t',
    );
    return { dir, now: () => compositionOf(dir) as Composition };
  };

  it("has the dataset's digest, and says a comment or a rename with the same bytes moved no row", () => {
    const { dir, now } = dataset();
    const before = now();
    expect(before.digest).toBe(datasetDigest(dir));
    expect(noRowMoved(before, before)).toEqual([]);
    writeFileSync(join(dir, 'manifest.yaml'), `# Weekly.\n${postsManifest("files: '*'\n")}`);
    renameSync(join(dir, 'a.csv'), join(dir, '2016-07.csv'));
    expect(now().digest).toBe(datasetDigest(dir));
    expect(noRowMoved(before, now())).toEqual([
      "the manifest's bytes changed but not its meaning (a comment, spacing or quoting)",
      'a.csv renamed to 2016-07.csv, same bytes',
    ]);
  });

  it('cannot say so when a row may have moved: bytes, order, format, meaning, a file added', () => {
    const { dir, now } = dataset();
    const before = now();
    // Renamed so that it is read after b.csv: the first copy of a post exported twice would be another.
    renameSync(join(dir, 'a.csv'), join(dir, 'c.csv'));
    expect(noRowMoved(before, now())).toBeUndefined();
    // Renamed to another format: read with tabs.
    renameSync(join(dir, 'c.csv'), join(dir, 'a.tsv'));
    expect(noRowMoved(before, now())).toBeUndefined();
    renameSync(join(dir, 'a.tsv'), join(dir, 'a.csv'));
    expect(noRowMoved(before, now())).toEqual([]);
    writeFileSync(join(dir, 'manifest.yaml'), postsManifest('files: "*"\n').replace('collected: 2016-09-18', 'collected: 2016-09-19'));
    expect(noRowMoved(before, now())).toBeUndefined();
    writeFileSync(join(dir, 'manifest.yaml'), postsManifest('files: "*"\n'));
    writeFileSync(join(dir, 'b.csv'), `${B}3,2016-07-03T10:00:00Z,c,#Blue\n`);
    expect(noRowMoved(before, now())).toBeUndefined();
    writeFileSync(join(dir, 'b.csv'), B);
    writeFileSync(join(dir, 'c.csv'), B);
    expect(noRowMoved(before, now())).toBeUndefined();
  });
});
