/**
 * What a post's page needs to show where its numbers come from, recorded by
 * the remark plugin while it renders the post and handed to Astro as
 * `remarkPluginFrontmatter.soundings`:
 *
 *  - every value the prose prints: its definition, its unrounded value, the
 *    keys it was computed from, and each format it was printed in;
 *  - every dataset the post reads: id, title, SHA-256 of each file, rows, period;
 *  - every chart's table, as CSV, for "Get the data";
 *  - the headline figure, formatted with its default format.
 *
 * Everything is plain JSON (strings and numbers), because Astro stores it in
 * its content cache.
 */
import { posix } from 'node:path';
import { csvFormatRows } from 'd3-dsv';
import type { PostAnalysis } from '../analysis/analysePost.ts';
import { DEFAULT_FORMAT, type Value } from '../analysis/value.ts';
import type { Cell, Dataset, Row } from '../data/types.ts';
import { dayOrInstant, formatValue } from '../render/format.ts';
import { isolate } from '../render/isolate.ts';
import { smartText } from './smartText.ts';

export interface ValueUse {
  format: string;
  digits?: number;
  text: string;
}

export interface ValueRecord {
  key: string;
  label?: string;
  type: string;
  definition: string;
  /** The value before rounding: a number's full precision, a date's ISO form. */
  exact: string;
  /** Keys of this post's values named in the definition (e.g. a ratio's numerator and denominator). */
  inputs: { key: string; exact: string; label?: string }[];
  uses: ValueUse[];
}

export interface DatasetRecord {
  alias: string;
  id: string;
  title: string;
  kind: string;
  licence: string;
  synthetic: string | null;
  digest: string;
  rows: number;
  duplicates?: number;
  /** Posts left out because the export says they were deleted (and their reposts). */
  deleted?: number;
  files: { path: string; sha256: string; rows: number; bytes: number }[];
  /** For posts datasets: the first and last post time, ISO. */
  first?: string;
  last?: string;
}

export interface ChartRecord {
  id: string;
  title: string;
  data: string;
  definition: string;
  rows: number;
  csv: string;
}

/** The posts datasets a post's campaign figures count together (`posts: [a, b]`), as the methods say it. */
export interface CombinedRecord {
  /** The datasets' ids, in the order `posts` lists them. */
  ids: string[];
  /** Their posts counted together. */
  rows: number;
  /** Posts more than one of them holds, counted once (posts.shared). */
  shared: number;
}

export interface PostRecord {
  values: ValueRecord[];
  datasets: DatasetRecord[];
  /** Only for a post counting several posts datasets together: one counts its one dataset's, listed above it. */
  combined?: CombinedRecord;
  charts: ChartRecord[];
  headline?: { key: string; label?: string; text: string; definition: string };
}

export function exactValue(value: Value['value']): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** The values a value is computed from (a ratio's a and b, a difference's a and b), with their exact values. */
function inputsOf(value: Value, values: Map<string, Value>): ValueRecord['inputs'] {
  return (value.inputs ?? []).flatMap((key) => {
    const input = values.get(key);
    return input ? [{ key, exact: exactValue(input.value), ...(input.label ? { label: input.label } : {}) }] : [];
  });
}

/** Collects the record of one post while its directives render. */
export class PostRecorder {
  private readonly values = new Map<string, ValueRecord>();
  private readonly charts: ChartRecord[] = [];

  private readonly analysis: PostAnalysis;

  constructor(analysis: PostAnalysis) {
    this.analysis = analysis;
  }

  /** A `:value` printed `text` for `key` in `format`. */
  value(key: string, format: string | undefined, digits: number | undefined, text: string): void {
    const value = this.analysis.values.get(key);
    if (!value) return;
    let record = this.values.get(key);
    if (!record) {
      record = {
        key,
        ...(value.label ? { label: value.label } : {}),
        type: value.type,
        definition: value.definition,
        exact: exactValue(value.value),
        inputs: inputsOf(value, this.analysis.values),
        uses: [],
      };
      this.values.set(key, record);
    }
    const use: ValueUse = { format: format ?? DEFAULT_FORMAT[value.type], text, ...(digits === undefined ? {} : { digits }) };
    if (!record.uses.some((u) => u.format === use.format && u.digits === use.digits)) record.uses.push(use);
  }

  /** A chart with figure id `id` drew `rows` of table `data`. */
  chart(id: string, title: string, data: string, rows: readonly Row[]): ChartRecord {
    const record: ChartRecord = {
      id,
      title,
      data,
      definition: this.analysis.tables.get(data)?.definition ?? '',
      rows: rows.length,
      csv: tableCsv(rows),
    };
    this.charts.push(record);
    return record;
  }

  finish(datasets: Record<string, Dataset>, headline: string | undefined): PostRecord {
    const record: PostRecord = {
      values: [...this.values.values()],
      datasets: Object.entries(datasets).map(([alias, d]) => datasetRecord(alias, d)),
      charts: this.charts,
    };
    const posts = this.analysis.posts;
    if (posts && posts.datasets.length > 1)
      record.combined = { ids: posts.datasets.map((d) => d.id), rows: posts.rows.length, shared: posts.shared };
    const value = headline === undefined ? undefined : this.analysis.values.get(headline);
    if (value) {
      // A campaign's share carries only the campaign's label ("#KeepCorbyn"); say what the figure is.
      const label = value.label && /^campaigns\.[^.]+\.share$/.test(value.key) ? `${isolate(value.label)} share of voice` : value.label;
      record.headline = {
        key: value.key,
        ...(label ? { label } : {}),
        text: formatValue(value.value, DEFAULT_FORMAT[value.type]),
        definition: value.definition,
      };
    }
    return record;
  }
}

export function datasetRecord(alias: string, d: Dataset): DatasetRecord {
  const record: DatasetRecord = {
    alias,
    id: d.id,
    title: smartText(d.manifest.title),
    kind: d.kind,
    licence: d.manifest.licence,
    synthetic: d.manifest.synthetic ? d.manifest.synthetic.script : null,
    digest: d.digest,
    rows: d.rows.length,
    // Each file as the site publishes it, beside its dataset's page (`data/<id>/<file>`: a dataset's files are the
    // names in its folder), not as this machine has it: a data folder outside the project (SOUNDINGS_DATA_DIR) gave
    // the methods of a published page the analyst's own paths ("../../tmp/…/data/…").
    files: d.files.map((f) => ({
      path: `data/${d.id}/${posix.basename(f.path)}`,
      sha256: f.sha256,
      rows: f.rows,
      bytes: f.bytes,
    })),
  };
  if (d.kind === 'posts') {
    record.duplicates = d.duplicates;
    if (d.deleted > 0) record.deleted = d.deleted;
    if (d.period) {
      record.first = new Date(d.period[0]).toISOString();
      record.last = new Date(d.period[1]).toISOString();
    }
  }
  return record;
}

function csvCell(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return dayOrInstant(cell);
  return typeof cell === 'string' ? formulaSafe(cell) : String(cell);
}

/**
 * A text a spreadsheet would run as a formula ("=HYPERLINK(…)", also after
 * leading spaces) gets an apostrophe in front, OWASP's advice against CSV
 * injection. So does a formula after a semicolon, a tab or a line break
 * inside the text: a spreadsheet in a locale whose list separator is ";"
 * (German, French) splits a comma-separated file there (and may not honour
 * the quotes around a line break), and d3-dsv quotes only fields with
 * commas, quotes or line breaks. Column names from the data get the same.
 * Numbers are untouched.
 */
function formulaSafe(text: string): string {
  const inner = /[;\t\r\n]\s*[=+\-@]/.test(text) ? text.replace(/([;\t\r\n]\s*)(?=[=+\-@])/g, "$1'") : text;
  return /^\s*[=+\-@]|^[\t\r]/.test(inner) ? `'${inner}` : inner;
}

/** Rows as RFC 4180 CSV (d3-dsv quotes commas, quotes and line breaks), columns in first-row order. */
export function tableCsv(rows: readonly Row[]): string {
  const columns: string[] = [];
  for (const row of rows) for (const c of Object.keys(row)) if (!columns.includes(c)) columns.push(c);
  return `${csvFormatRows([columns.map(formulaSafe), ...rows.map((row) => columns.map((c) => csvCell(row[c])))])}\n`;
}
