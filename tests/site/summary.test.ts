import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summaryTable } from '../../src/site/summary.ts';
import { fixtureProject } from '../markdown/fixture.ts';
import { astroBuild } from './astroBuild.ts';

describe('summaryTable(records)', () => {
  it('lines up one row per dataset, with a folder name written so the terminal shows it, not obeys it', () => {
    const base = { digest: 'd', ms: 830, parsed: 3 };
    const table = summaryTable([
      { ...base, id: 'labour-2016-tweets', rows: 78412, files: 3, period: ['2016-07-01T00:03:06Z', '2016-09-18T23:58:00Z'], cache: 'miss' },
      { ...base, id: 'esc\u001b[31mred', rows: 2, files: 1, cache: 'partial', parsed: 0 },
    ]);
    expect(table.split('\n')).toEqual([
      'Datasets:',
      '  dataset               rows  files  period (UTC)                time  cache',
      '  labour-2016-tweets  78,412      3  2016-07-01 to 2016-09-18  0.83 s  cache miss (parsed)',
      '  esc\\u001b[31mred         2      1  -                         0.83 s  cache hit for 1 of 1 files (0 parsed)',
    ]);
  });

  it('names the data files added, removed and changed since each dataset was last read', () => {
    const base = { digest: 'd', ms: 50, parsed: 1, rows: 5, files: 2, cache: 'partial' } as const;
    const many = Array.from({ length: 12 }, (_, i) => `f${i}.csv`);
    const table = summaryTable([
      { ...base, id: 'polls', since: { added: [], removed: [], changed: [] } },
      { ...base, id: 'tweets', since: { added: ['tweets-2016-09-19.csv'], removed: ['tweets-2016-09-23.csv'], changed: ['b\u001b.csv'] } },
      { ...base, id: 'videos', since: { added: many, removed: [], changed: [] } },
      { ...base, id: 'x' },
    ]);
    expect(table.split('\n').slice(-3)).toEqual([
      '  Files since the last build or dev re-load (+ added, − removed, ~ changed):',
      '    tweets: + tweets-2016-09-19.csv, − tweets-2016-09-23.csv, ~ b\\u001b.csv',
      `    videos: ${many
        .slice(0, 10)
        .map((n) => `+ ${n}`)
        .join(', ')}, + 2 more`,
    ]);
    // Nothing changed, or nothing to compare with: no such lines.
    expect(summaryTable([{ ...base, id: 'polls', since: { added: [], removed: [], changed: [] } }])).not.toContain('Files since');
  });

  it('a build names the files added and removed since the last build of the same cache', async () => {
    const site = fixtureProject('Red had :value[campaigns.red.share] of :value[posts.total] posts.');
    const tweets = join(site, 'data', 'tweets');
    writeFileSync(join(tweets, 'b.csv'), 'id,created_at,user,text\n5,2016-07-11T10:00:00Z,e,#Red\n');
    const cacheDir = mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    expect((await astroBuild(site, { cacheDir })).stdout).not.toContain('Files since');
    rmSync(join(tweets, 'b.csv'));
    writeFileSync(join(tweets, 'c.csv'), 'id,created_at,user,text\n6,2016-07-12T10:00:00Z,f,#Blue\n');
    const { stdout } = await astroBuild(site, { cacheDir });
    expect(stdout).toMatch(/cache hit for 1 of 2 files \(1 parsed\)\n {2}Files since [^\n]*\n {4}tweets: \+ c\.csv, − b\.csv\n/);
    // Nothing changed: no post is rendered and no dataset read, and the table still lists each, with its numbers.
    const warm = (await astroBuild(site, { cacheDir })).stdout;
    expect(warm).toMatch(/^ {2}tweets +5 +2 +2016-07-01 to 2016-07-12 +- +not read \(no post needed it\)$/m);
  });

  it('says a dataset was not read because the post using it failed first, not that no post needed it', async () => {
    // The post reads tweets, then followers: a problem in tweets stops it before it reads followers.
    const site = fixtureProject('Red had :value[campaigns.red.share] of :value[posts.total] posts.');
    writeFileSync(join(site, 'data', 'tweets', 'a.csv'), 'id,created_at,user,text\n1,2016-02-30T10:00:00Z,a,#Red\n');
    const cacheDir = mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    const out = await astroBuild(site, { cacheDir }).then(
      () => 'built',
      (e: { stdout: string; stderr: string }) => e.stdout + e.stderr,
    );
    expect(out).toMatch(/^ {2}tweets +- +- +- +\S+ s {2}failed: 1 problem$/m);
    // Its numbers are its profile's when the second thread wrote it before the summary, else dashes.
    expect(out).toMatch(/^ {2}followers +(2|-) +(1|-) +- +- +not read \(a post using it failed first\)$/m);
  });

  it('lists a dataset no post read after those read, with the numbers its profile has, or dashes', () => {
    const table = summaryTable(
      [{ id: 'tweets', digest: 'd', ms: 830, parsed: 1, rows: 4, files: 1, cache: 'miss' }],
      [
        { id: 'polls', rows: 1234, files: 2, period: ['2016-08-01T00:00:00Z', '2016-09-01T00:00:00Z'] },
        { id: 'new' },
        { id: 'seats', rows: 24, files: 1, failedFirst: true },
      ],
    );
    expect(table.split('\n').slice(2)).toEqual([
      '  tweets       4      1  -                         0.83 s  cache miss (parsed)',
      '  polls    1,234      2  2016-08-01 to 2016-09-01       -  not read (no post needed it)',
      '  new          -      -  -                              -  not read (no post needed it)',
      '  seats       24      1  -                              -  not read (a post using it failed first)',
    ]);
  });

  it('shows a failed dataset as failed, with how many problems, and no numbers', () => {
    const base = { digest: '', ms: 120, parsed: 0, rows: 0, files: 0, cache: 'failed' } as const;
    expect(
      summaryTable([{ ...base, id: 'tweets', problems: 1 }])
        .split('\n')
        .at(-1),
    ).toBe('  tweets      -      -  -             0.12 s  failed: 1 problem');
    expect(summaryTable([{ ...base, id: 'tweets', problems: 3 }])).toContain('failed: 3 problems (npm run check lists them)');
    // Not counted (a dataset too large to read twice): npm run check counts them.
    expect(summaryTable([{ ...base, id: 'tweets' }])).toContain('  failed (npm run check lists its problems)');
  });

  it('a build stopped by refused data lists the dataset it read as failed, not "none read"', async () => {
    const site = fixtureProject('Red had :value[campaigns.red.share] of :value[posts.total] posts.');
    writeFileSync(join(site, 'data', 'tweets', 'b.csv'), 'id,created_at,user,text\n5,31/02/16,e,#Red\n6,soon,f,#Red\n');
    const cacheDir = mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    const out = await astroBuild(site, { cacheDir }).then(
      () => 'built',
      (e: { stdout: string; stderr: string }) => e.stdout + e.stderr,
    );
    expect(out).not.toContain('none read');
    expect(out).toMatch(/^ {2}tweets +- +- +- +\d+\.\d\d s {2}failed: 2 problems \(npm run check lists them\)$/m);
  });
});
