/**
 * The table a build prints at the end of the content sync: one line per
 * dataset read, with its rows, files, period, load time and whether the
 * parsed dataset came from the disk cache (hit), was parsed (miss) or was
 * already in memory from an earlier post of the same run.
 */
import type { LoadRecord } from '../markdown/datasetCache.ts';

const pad = (cells: string[][]) => {
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length))) ?? [];
  return cells.map((r) =>
    r
      .map((c, i) => (i === 1 || i === 2 || i === 4 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
};

export function summaryTable(records: readonly LoadRecord[]): string {
  if (records.length === 0) return 'Datasets: none read (no post needed re-rendering).';
  const rows = records.map((r) => [
    r.id,
    r.rows.toLocaleString('en-GB'),
    String(r.files),
    r.period ? `${r.period[0].slice(0, 10)} to ${r.period[1].slice(0, 10)}` : '-',
    `${(r.ms / 1000).toFixed(2)} s`,
    r.cache === 'hit' ? 'cache hit' : r.cache === 'miss' ? 'cache miss (parsed)' : 'in memory',
  ]);
  return ['Datasets:', ...pad([['dataset', 'rows', 'files', 'period (UTC)', 'time', 'cache'], ...rows]).map((l) => `  ${l}`)].join('\n');
}
