import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetCacheDir } from '../../src/markdown/cacheEntry.ts';
import { clearMemoryCache, parseCount } from '../../src/markdown/datasetCache.ts';
import { profilingAhead } from '../../src/markdown/readingAhead.ts';
import { cachedProfile, forgetProfiles } from '../../src/site/siteData.ts';
import { postsManifest, tempProject } from '../data/helpers.ts';
import { fixtureProject } from '../markdown/fixture.ts';
import { astroBuild } from './astroBuild.ts';

function project() {
  const root = tempProject({
    'data/tweets/manifest.yaml': postsManifest(),
    'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red one\n2,2016-07-02T10:00:00Z,b,#Blue\n',
  });
  return { root, dataDir: join(root, 'data') };
}
/** As a new build process: nothing held in memory. */
const newProcess = () => {
  clearMemoryCache();
  forgetProfiles();
};

describe('cachedProfile(id, options): what the dataset pages show', () => {
  it('summarises a dataset once: a new process reads the profile, not the rows', async () => {
    const options = project();
    newProcess();
    const parses = parseCount();
    const first = await cachedProfile('tweets', options);
    expect(parseCount()).toBe(parses + 1);
    expect(first).toMatchObject({ id: 'tweets', rows: 2, first: '2016-07-01T10:00:00.000Z', last: '2016-07-02T10:00:00.000Z' });
    expect(first.columns.find((c) => c.name === 'author')).toMatchObject({ source: 'user', filled: 2, distinct: 2 });

    newProcess();
    // The records' cache is removed too: a profile read from disk must not need the rows at all.
    const datasets = datasetCacheDir(options.root);
    for (const name of readdirSync(datasets)) writeFileSync(join(datasets, name), 'gone');
    const again = await cachedProfile('tweets', options);
    expect(again).toEqual(first);
    expect(parseCount()).toBe(parses + 1);
  });

  it('follows the data: a dropped-in file gives a new profile', async () => {
    const options = project();
    newProcess();
    await cachedProfile('tweets', options);
    writeFileSync(join(options.dataDir, 'tweets', 'b.csv'), 'id,created_at,user,text\n3,2016-07-03T10:00:00Z,c,#Red\n');
    const parses = parseCount();
    const changed = await cachedProfile('tweets', options);
    expect(changed).toMatchObject({ rows: 3, last: '2016-07-03T10:00:00.000Z' });
    expect(changed.files.map((f) => f.path)).toEqual(['data/tweets/a.csv', 'data/tweets/b.csv']);
    // Only the new file was parsed.
    expect(parseCount()).toBe(parses + 1);
  });

  it("waits for the build's second thread writing the profile, rather than read every record again to make it", async () => {
    const options = project();
    newProcess();
    const first = await cachedProfile('tweets', options);
    // The profile as the second thread writes it, taken off the disk until that thread is done.
    const dir = join(dirname(datasetCacheDir(options.root)), 'profiles');
    const written = readdirSync(dir).map((name) => [join(dir, name), readFileSync(join(dir, name))] as const);
    for (const [path] of written) rmSync(path);
    // Nor are the records there: making the profile here would parse the file.
    const datasets = datasetCacheDir(options.root);
    for (const name of readdirSync(datasets)) writeFileSync(join(datasets, name), 'gone');
    newProcess();
    const parses = parseCount();
    profilingAhead(options.dataDir, 'tweets', async () => {
      for (const [path, bytes] of written) writeFileSync(path, bytes);
      return true;
    });
    expect(await cachedProfile('tweets', options)).toEqual(first);
    expect(parseCount()).toBe(parses);

    // A thread that did not write it (its read failed, or it stopped): this one makes it.
    for (const [path] of written) rmSync(path);
    newProcess();
    profilingAhead(options.dataDir, 'tweets', async () => false);
    expect(await cachedProfile('tweets', options)).toEqual(first);
    expect(parseCount()).toBe(parses + 1);
  });

  it('never trusts a corrupt profile entry', async () => {
    const options = project();
    newProcess();
    const good = await cachedProfile('tweets', options);
    const dir = join(dirname(datasetCacheDir(options.root)), 'profiles');
    const [entry] = readdirSync(dir);
    const path = join(dir, entry as string);
    const bytes = readFileSync(path);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 1;
    writeFileSync(path, bytes);
    newProcess();
    expect(await cachedProfile('tweets', options)).toEqual(good);
  });
});

describe('the dataset pages in a build', () => {
  it('stop at a dataset no post uses with its data error, once, located, naming the page', async () => {
    const site = fixtureProject('Red had :value[campaigns.red.share] of :value[posts.total] posts.');
    mkdirSync(join(site, 'data', 'polls'));
    writeFileSync(
      join(site, 'data', 'polls', 'manifest.yaml'),
      'title: P\ndescription: D\nkind: table\nsource: S\nlicence: L\ncollected: 2016-09-18\ncolumns:\n  date: date\n  share: number\n',
    );
    writeFileSync(join(site, 'data', 'polls', 'p.csv'), 'date,share\n2016-08-01,0.62\n2016-09-31,0.5\n');
    const cacheDir = mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    const out = await astroBuild(site, { cacheDir }).then(
      () => 'built',
      (e: { stdout: string; stderr: string }) => e.stdout + e.stderr,
    );
    expect(out).toMatch(
      /^Soundings could not build the dataset page \/data\/polls\/:\n\S*data\/polls\/p\.csv:3:1: "date" must be a day that exists in the calendar \(there is no 2016-09-31\), got "2016-09-31"\. Fix or remove the row\.$/m,
    );
    expect(out.match(/2016-09-31/g)).toHaveLength(2); // in that one message
    expect(out).not.toMatch(/Hint:|Stack trace:|\.prerender/);
  });
});
