import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject } from '../markdown/fixture.ts';
import { astroBuild, valuesOf } from './astroBuild.ts';

const BODY = 'Red had :value[campaigns.red.share] of :value[posts.total] posts.';
const B_CSV = 'id,created_at,user,text\n5,2016-07-11T10:00:00Z,e,#Blue\n6,2016-07-12T10:00:00Z,f,#Blue\n';

describe('dropping data in and out of a built site', () => {
  it('summarises each dataset read, never parses unchanged data twice, and notices added and removed files', async () => {
    const site = fixtureProject(BODY);
    writeFileSync(join(site, 'data', 'tweets', 'b.csv'), B_CSV);
    const cacheDir = mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    const page = (outDir: string) => valuesOf(readFileSync(join(outDir, 'posts', 'post', 'index.html'), 'utf8'));

    const first = await astroBuild(site, { cacheDir });
    expect(page(first.outDir)).toEqual([
      ['campaigns.red.share', '33.3%'],
      ['posts.total', '6'],
    ]);
    // The summary table: rows, files, period, time, and the dataset was parsed.
    expect(first.stdout).toMatch(/tweets\s+6\s+2\s+2016-07-01 to 2016-07-12\s+\d+\.\d\d s\s+cache miss \(parsed\)/);

    // The post's prose changes, its data does not: it re-renders from the parsed-dataset cache, in a new process.
    const post = join(site, 'content', 'posts', 'post.md');
    writeFileSync(post, readFileSync(post, 'utf8').replace('Red had', 'Red held'));
    const edited = await astroBuild(site, { cacheDir });
    expect(edited.stdout).toContain('Rendered 1 of 1 posts');
    expect(edited.stdout).toMatch(/tweets\s+6\s+2\s+.*cache hit/);
    expect(edited.stdout).not.toContain('cache miss');

    // A file is dropped in: only it is parsed; the other file's records come from the cache.
    writeFileSync(join(site, 'data', 'tweets', 'c.csv'), 'id,created_at,user,text\n7,2016-07-13T10:00:00Z,g,#Red\n');
    const dropped = await astroBuild(site, { cacheDir });
    expect(page(dropped.outDir)).toEqual([
      ['campaigns.red.share', '42.9%'],
      ['posts.total', '7'],
    ]);
    expect(dropped.stdout).toMatch(/tweets\s+7\s+3\s+2016-07-01 to 2016-07-13\s+.*cache hit for 2 of 3 files \(1 parsed\)/);

    // Files are removed: the numbers follow, and nothing needs parsing.
    rmSync(join(site, 'data', 'tweets', 'b.csv'));
    rmSync(join(site, 'data', 'tweets', 'c.csv'));
    const removed = await astroBuild(site, { cacheDir });
    expect(page(removed.outDir)).toEqual([
      ['campaigns.red.share', '50.0%'],
      ['posts.total', '4'],
    ]);
    expect(removed.stdout).toMatch(/tweets\s+4\s+1\s+2016-07-01 to 2016-07-05\s+.*cache hit/);
  });
});
