/**
 * The stamp that tells a build its second thread would find nothing to read (src/site/helperStamp.ts): kept by a
 * build's thread once every dataset is profiled, matched by the next build while nothing changed, and no longer once
 * a data file is added, rewritten or removed. What a build without the thread makes is tested with the thread
 * (tests/site/helperThread.test.ts: the same site, byte for byte).
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataStamp, lastStamp } from '../../src/site/helperStamp.ts';
import { fixtureProject } from '../markdown/fixture.ts';
import { astroBuild } from './astroBuild.ts';

const root = join(import.meta.dirname, '..', '..');

describe("the second thread's stamp", () => {
  it('is kept by a build that read the data, and matches until the data changes', async () => {
    const site = fixtureProject('Red had :value[campaigns.red.share] of :value[posts.total] posts.');
    const cacheDir = mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    const dataDir = join(site, 'data');
    // The builds keep it beside the parsed datasets, in their SOUNDINGS_CACHE_DIR.
    const last = () => lastStamp(root, dataDir, { SOUNDINGS_CACHE_DIR: cacheDir });
    expect(last()).toBeUndefined();
    await astroBuild(site, { cacheDir });
    expect(last()).toBe(dataStamp(root, dataDir));

    const file = join(dataDir, 'tweets', 'a.csv');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(last()).not.toBe(dataStamp(root, dataDir));
    await astroBuild(site, { cacheDir });
    expect(last()).toBe(dataStamp(root, dataDir));

    writeFileSync(join(dataDir, 'tweets', 'b.csv'), 'id,created_at,user,text\n9,2016-07-09T10:00:00Z,e,#Red nine\n');
    expect(last()).not.toBe(dataStamp(root, dataDir));
    await astroBuild(site, { cacheDir });
    expect(last()).toBe(dataStamp(root, dataDir));
    rmSync(join(dataDir, 'tweets', 'b.csv'));
    expect(last()).not.toBe(dataStamp(root, dataDir));
  });

  it('is not kept while a dataset cannot be read: the next build starts the thread again', async () => {
    const site = fixtureProject('Red had :value[campaigns.red.share] of the posts.');
    mkdirSync(join(site, 'data', 'lost'));
    writeFileSync(join(site, 'data', 'lost', 'manifest.yaml'), 'title: T\n');
    const cacheDir = mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    const failed = await astroBuild(site, { cacheDir }).then(
      () => '',
      (e: { stdout: string; stderr: string }) => e.stdout + e.stderr,
    );
    expect(failed).toContain('data/lost/manifest.yaml');
    expect(lastStamp(root, join(site, 'data'), { SOUNDINGS_CACHE_DIR: cacheDir })).toBeUndefined();
  });
});
