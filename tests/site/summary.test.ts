import { mkdtempSync, writeFileSync } from 'node:fs';
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

  it('shows a failed dataset as failed, with how many problems, and no numbers', () => {
    const base = { digest: '', ms: 120, parsed: 0, rows: 0, files: 0, cache: 'failed' } as const;
    expect(
      summaryTable([{ ...base, id: 'tweets', problems: 1 }])
        .split('\n')
        .at(-1),
    ).toBe('  tweets      -      -  -             0.12 s  failed: 1 problem');
    expect(summaryTable([{ ...base, id: 'tweets', problems: 3 }])).toContain('failed: 3 problems (npm run check lists them)');
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
