/**
 * The table a build prints at the end of the content sync: one line per
 * dataset read, with its rows, files, period, load time and whether its
 * files' records came from the disk cache (hit), were parsed (miss), some of
 * each (a file dropped in: only it is parsed), or the dataset was already in
 * memory from an earlier post of the same run; or that it failed, with how
 * many problems, and no numbers. Below it, the data files added, removed or
 * changed since each dataset was last read with the same cache.
 */
import { printable } from '../errors.ts';
import type { FileChanges, LoadRecord } from '../markdown/datasetCache.ts';

const pad = (cells: string[][]) => {
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length))) ?? [];
  return cells.map((r) =>
    r
      .map((c, i) => (i === 1 || i === 2 || i === 4 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
};

const failed = (problems: number | undefined) =>
  problems === undefined
    ? 'failed (npm run check lists its problems)'
    : problems === 1
      ? 'failed: 1 problem'
      : `failed: ${problems.toLocaleString('en-GB')} problems (npm run check lists them)`;

/**
 * A dataset the build did not read (no post that uses it needed rendering; or those that needed it failed before they
 * read it: `failedFirst`), with its numbers when its profile has them.
 */
export interface UnreadDataset {
  id: string;
  /** A post that uses it was to be rendered, and failed before it read it (on another dataset's problem, say). */
  failedFirst?: boolean | undefined;
  rows?: number | undefined;
  files?: number | undefined;
  period?: readonly [string, string] | undefined;
}

/**
 * The table, one line per dataset read and, after them, one per dataset `unread` (a build lists every dataset of the
 * site: an unchanged one as "not read", with its numbers from its profile, which the dataset pages read anyway).
 */
export function summaryTable(records: readonly LoadRecord[], unread: readonly UnreadDataset[] = []): string {
  if (records.length === 0 && unread.length === 0) return 'Datasets: none read (no post needed re-rendering).';
  const count = (n: number | undefined) => (n === undefined ? '-' : n.toLocaleString('en-GB'));
  const notRead = unread.map((d) => [
    printable(d.id),
    count(d.rows),
    count(d.files),
    d.period ? `${d.period[0].slice(0, 10)} to ${d.period[1].slice(0, 10)}` : '-',
    '-',
    d.failedFirst ? 'not read (a post using it failed first)' : 'not read (no post needed it)',
  ]);
  const rows = records.map((r) => [
    printable(r.id), // a folder name, which can hold anything
    r.cache === 'failed' ? '-' : r.rows.toLocaleString('en-GB'),
    r.cache === 'failed' ? '-' : String(r.files),
    r.period ? `${r.period[0].slice(0, 10)} to ${r.period[1].slice(0, 10)}` : '-',
    `${(r.ms / 1000).toFixed(2)} s`,
    r.cache === 'failed'
      ? failed(r.problems)
      : r.cache === 'hit'
        ? 'cache hit'
        : r.cache === 'miss'
          ? 'cache miss (parsed)'
          : r.cache === 'partial'
            ? `cache hit for ${r.files - r.parsed} of ${r.files} files (${r.parsed} parsed)`
            : 'in memory',
  ]);
  const table = pad([['dataset', 'rows', 'files', 'period (UTC)', 'time', 'cache'], ...rows, ...notRead]).map((l) => `  ${l}`);
  const changes = records.flatMap((r) => (r.since ? fileChanges(r.id, r.since) : []));
  if (changes.length > 0) changes.unshift('  Files since the last build or dev re-load (+ added, − removed, ~ changed):');
  return ['Datasets:', ...table, ...changes].join('\n');
}

/** At most this many names of each kind a dataset; the others are counted. */
const NAMED = 10;

/** `    tweets: + tweets-2016-09-19.csv, − tweets-2016-09-23.csv`, or nothing when the files are the same. */
function fileChanges(id: string, since: FileChanges): string[] {
  const named = (sign: string, names: readonly string[]) => {
    const shown = names.slice(0, NAMED).map((n) => `${sign} ${printable(n)}`);
    if (names.length > NAMED) shown.push(`${sign} ${names.length - NAMED} more`);
    return shown;
  };
  const all = [...named('+', since.added), ...named('−', since.removed), ...named('~', since.changed)];
  return all.length === 0 ? [] : [`    ${printable(id)}: ${all.join(', ')}`];
}
