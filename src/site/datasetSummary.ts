/**
 * What a dataset page shows: whether its files may be downloaded, and a
 * summary of each column (type, filled cells, distinct values, range) that
 * is safe to publish whatever the licence, because it is an aggregate.
 */
import { foldTerm } from '../analysis/tokenize.ts';
import type { Manifest } from '../data/manifest.ts';
import type { Cell, Dataset, DatasetFile, DatasetKind } from '../data/types.ts';
import { type DatasetRecord, datasetRecord } from '../markdown/postRecord.ts';
import { formatValue } from '../render/format.ts';
import { isYearColumn, YEAR_FORMAT } from '../render/yearColumn.ts';

/**
 * The download rule: a dataset's files are copied into the site only when its
 * manifest's licence names an open licence that allows redistribution — CC0,
 * CC BY, BY-SA or BY-ND (the files are copied byte for byte, not adapted), the
 * Open Government Licence, ODC PDDL/ODbL/BY, or the public domain. "Facts as
 * published …; this compilation is CC0-1.0" qualifies (the compilation is
 * CC0). A NonCommercial licence (CC BY-NC, BY-NC-SA, BY-NC-ND) does not: a
 * consultancy's site is commercial use. Anything else ("all rights reserved",
 * "published toplines", no licence named) gets its aggregates only.
 */
const OPEN_LICENCE =
  /\b(CC0|CC[- ]BY(?![- ]NC)(?:[- ](?:SA|ND))?|OGL|Open Government Licen[cs]e|ODC[- ](?:PDDL|ODbL|BY)|PDDL|ODbL|public domain)\b/i;

export function downloadAllowed(licence: string): boolean {
  return OPEN_LICENCE.test(licence);
}

/** Whether a dataset's files are published beside its page: its licence allows it, and its manifest does not say `downloads: false`. */
export function published(manifest: { licence: string; downloads?: boolean | undefined }): boolean {
  return manifest.downloads !== false && downloadAllowed(manifest.licence);
}

/**
 * A source column's path cut where it may wrap: after each "." and before each "[" (`includes.` `users`
 * `[author_id].` `username`), the page putting a `<wbr>` between the pieces. Unbroken, a path of the X API v2
 * (`includes.users[author_id].username`) is one word wider than its column, and it pushed the columns table out of
 * its desktop frame, cutting the Range column mid-date. A break before "[" keeps an index with its brackets.
 */
export function sourceBreaks(source: string): string[] {
  return source.split(/(?<=\.)(?=[^.])|(?=\[)/).filter((piece) => piece !== '');
}

export interface ColumnSummary {
  name: string;
  /** The manifest's type, or the mapped field for posts and accounts. */
  type: string;
  /** The source column, where the manifest maps a field onto one. */
  source?: string;
  filled: number;
  distinct: number;
  range?: [string, string];
}

/**
 * One column's summary, in one pass (a posts dataset has a cell per post in
 * every column). `instants`: the cells are times as epoch milliseconds (a
 * post's `time`), shown as dates rather than numbers.
 */
function summarise(name: string, type: string, cells: readonly Cell[], source?: string, instants = false): ColumnSummary {
  let filled = 0;
  let numbers = 0;
  let dates = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const distinct = new Set<unknown>();
  for (const c of cells) {
    if (c === null || c === undefined || c === '') continue;
    filled++;
    if (c instanceof Date) {
      const t = c.getTime();
      distinct.add(t);
      dates++;
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    } else {
      distinct.add(c);
      if (typeof c === 'number') {
        numbers++;
        if (c < lo) lo = c;
        if (c > hi) hi = c;
      }
    }
  }
  const summary: ColumnSummary = { name, type, filled, distinct: distinct.size, ...(source ? { source } : {}) };
  const show = (t: number) => (type === 'date' ? formatValue(new Date(t), 'date') : new Date(t).toISOString().replace('.000Z', 'Z'));
  // A column of years by its name reads 2015 – 2016, not "2,015 – 2,016" (yearColumn.ts).
  const numberFormat = isYearColumn(name) && Number.isInteger(lo) && Number.isInteger(hi) ? YEAR_FORMAT : 'number';
  if (filled > 0 && numbers === filled)
    summary.range = instants ? [show(lo), show(hi)] : [formatValue(lo, numberFormat), formatValue(hi, numberFormat)];
  else if (filled > 0 && dates === filled) summary.range = [show(lo), show(hi)];
  return summary;
}

/** One summary per column, in the manifest's order. */
export function columnSummaries(dataset: Dataset): ColumnSummary[] {
  if (dataset.kind === 'posts') {
    const f = dataset.manifest.fields;
    const rows = dataset.rows;
    const timeSource = typeof f.time === 'string' ? f.time : f.time.column;
    return [
      summarise(
        'id',
        'string',
        rows.map((p) => p.id),
        f.id,
      ),
      summarise(
        'time',
        'datetime',
        rows.map((p) => p.time),
        timeSource,
        true,
      ),
      summarise(
        'author',
        'string',
        rows.map((p) => p.author),
        f.author,
      ),
      summarise(
        'text',
        'string',
        rows.map((p) => p.text),
        f.text,
      ),
      {
        // Distinct tags, as campaigns match them (case-folded, NFC: a decomposed "í" is "í"), over every post's list;
        // filled is the posts with one at least, not the tags.
        ...summarise(
          'hashtags',
          'string list',
          rows.flatMap((p) => p.hashtags.map(foldTerm)),
          f.hashtags ?? 'extracted from the text',
        ),
        filled: rows.reduce((n, p) => n + (p.hashtags.length > 0 ? 1 : 0), 0),
      },
    ];
  }
  if (dataset.kind === 'accounts') {
    const f = dataset.manifest.fields;
    const rows = dataset.rows;
    return [
      summarise(
        'id',
        'string',
        rows.map((a) => a.id),
        f.id,
      ),
      summarise(
        'name',
        'string',
        rows.map((a) => a.name),
        f.name,
      ),
      summarise(
        'platform',
        'string',
        rows.map((a) => a.platform),
        f.platform,
      ),
      summarise(
        'followers',
        'integer',
        rows.map((a) => a.followers),
        f.followers,
      ),
      ...Object.entries(dataset.manifest.columns).map(([c, t]) =>
        summarise(
          c,
          t,
          rows.map((a) => a[c] ?? null),
        ),
      ),
    ];
  }
  return Object.entries(dataset.manifest.columns).map(([c, t]) =>
    summarise(
      c,
      t,
      dataset.rows.map((r) => r[c] ?? null),
    ),
  );
}

/**
 * Everything the dataset pages and downloads show of a dataset, without its
 * rows: small enough to cache by the dataset's digest, so that a rebuild with
 * unchanged data neither reads the parsed rows nor summarises them again.
 */
export interface DatasetProfile extends Omit<DatasetRecord, 'alias'> {
  dir: string;
  kind: DatasetKind;
  manifest: Manifest;
  files: DatasetFile[];
  columns: ColumnSummary[];
}

export function datasetProfile(dataset: Dataset): DatasetProfile {
  const { alias: _alias, ...record } = datasetRecord(dataset.id, dataset);
  return {
    ...record,
    dir: dataset.dir,
    kind: dataset.kind,
    manifest: dataset.manifest,
    files: dataset.files,
    columns: columnSummaries(dataset),
  };
}

/** The file name of a dataset file path ("data/x/a.csv" → "a.csv"). */
export const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
