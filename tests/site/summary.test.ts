import { describe, expect, it } from 'vitest';
import { summaryTable } from '../../src/site/summary.ts';

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
});
