import type { Cell, Row } from '../data/types.ts';
import { escapeHtml } from './escape.ts';
import { formatValue } from './format.ts';
import { bdi, isDirectional } from './isolate.ts';
import { readableName } from './readableName.ts';
import { isYearColumn, YEAR_FORMAT } from './yearColumn.ts';

export interface DataTableOptions {
  /** Columns to show, in order; default: the first row's keys. */
  columns?: string[];
  /** Per-column house formats or d3-format specifiers, e.g. `{share: 'percent'}`. */
  formats?: Record<string, string>;
  caption?: string;
  /** The caption as trusted markup, instead of `caption`: for one naming something, isolated with `bdi` (isolate.ts). */
  captionHtml?: string;
  /** Header text per column (default: the column's name written as words, {@link readableName}: "Valid votes"). */
  headers?: Record<string, string>;
  /**
   * The name of the frame the table scrolls in, as plain text (a name from the data in it isolated with `isolate`, isolate.ts): by
   * default `caption`. A table with neither is framed without a name, and is not a tab stop.
   */
  label?: string;
}

/** What an empty cell shows. */
const MISSING = '—';

/** A run of characters longer than a phone's table column (an account name, a URL): its cell may break it anywhere. */
const LONG_WORD = /\S{25}/u;

/**
 * A text cell that is an ISO 8601 date, month or time ("2016-07-04", "2016-07", "2016-07-04T12:00:00Z"), as a
 * dataset's column of dates typed as text shows: marked as a date, like a date cell, so that it is not broken after
 * a hyphen ("2016-07-" / "04").
 */
const ISO_DATE = /^\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?$/u;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "2016-07-04", in UTC. */
function isoDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function formatCell(cell: Cell | undefined, format: string | undefined): string {
  if (cell === null || cell === undefined) return MISSING;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return MISSING;
    return formatValue(cell, format ?? (Number.isInteger(cell) ? 'thousands' : 'number'));
  }
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return MISSING;
    return format === 'date' ? formatValue(cell, 'date') : isoDate(cell);
  }
  return String(cell);
}

/**
 * An accessible HTML table of the rows, the fallback for a chart: a header
 * row of `<th scope="col">` (each column's header from `headers`, else its
 * name written as words: {@link readableName}), one `<tr>` per row, every
 * cell escaped.
 *
 * Numbers go through {@link formatValue}: the column's format from
 * `formats`, else `d` (2016) in a column of years by its name (yearColumn.ts),
 * else `thousands` for whole numbers and `number` otherwise; their
 * cells get `class="num"` so a stylesheet can right-align them, as does the
 * header of a column holding only numbers (and empty cells). Dates show as
 * YYYY-MM-DD in UTC (or "4 July 2016" with format `date`); null, undefined,
 * NaN and infinite numbers and invalid dates show as an em dash. Text holding a
 * directional formatting character (an override, U+202E) is in `<bdi>`. A text
 * cell holding a word of 25 characters or more gets `class="long-word"`, so a
 * stylesheet can let that word break rather than widen the table. A date, and
 * a text that is an ISO date or time, gets `class="date"`, so a stylesheet can
 * keep it on one line.
 *
 * The table is in a `<div class="table-scroll">`, the frame a table wider than
 * its column scrolls in, so that it never widens the page (and its caption or
 * figure caption stays where it is). The frame is a region named by `label`
 * (or the caption) and a tab stop, so that a keyboard can scroll it (axe:
 * scrollable-region-focusable), as a dataset page's tables are: whether a
 * table is wider than a reader's screen depends on the screen and the fonts,
 * which a build does not know.
 */
export function dataTable(rows: readonly Row[], options: DataTableOptions = {}): string {
  const columns = options.columns ?? Object.keys(rows[0] ?? {});
  const formats = options.formats ?? {};
  const captionHtml = options.captionHtml ?? (options.caption === undefined ? undefined : escapeHtml(options.caption));
  const caption = captionHtml === undefined ? '' : `<caption>${captionHtml}</caption>`;
  // A column of numbers has its header over the numbers, right-aligned as they are.
  const numeric = (column: string) => {
    const cells = rows.map((row) => row[column]).filter((cell) => cell !== null && cell !== undefined);
    return cells.length > 0 && cells.every((cell) => typeof cell === 'number');
  };
  // A column nothing titles is headed by its name as words ("Valid votes" for Valid_Votes): the name is for code, the
  // header for readers. A dataset's column name is data text, so one holding a directional override is isolated, as
  // its cells are; a header given is the caller's, as its caption is.
  const head = columns
    .map((column) => {
      const given = options.headers?.[column];
      const text = given ?? readableName(column);
      const html = given === undefined && isDirectional(text) ? bdi(text) : escapeHtml(text);
      return `<th scope="col"${numeric(column) ? ' class="num"' : ''}>${html}</th>`;
    })
    .join('');
  const body = rows
    .map((row) => {
      const cells = columns.map((column) => {
        const cell = row[column];
        const text = formatCell(cell, formats[column] ?? (isYearColumn(column) ? YEAR_FORMAT : undefined));
        if (typeof cell === 'number') return `<td class="num">${escapeHtml(text)}</td>`;
        if (text !== MISSING && (cell instanceof Date || ISO_DATE.test(text))) return `<td class="date">${escapeHtml(text)}</td>`;
        // Text holding a directional override is isolated, as the page isolates a name (isolate.ts).
        const html = isDirectional(text) ? bdi(text) : escapeHtml(text);
        return LONG_WORD.test(text) ? `<td class="long-word">${html}</td>` : `<td>${html}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  const label = options.label ?? options.caption;
  const frame = label === undefined ? '' : ` role="region" aria-label="${escapeHtml(label)}" tabindex="0"`;
  return `<div class="table-scroll"${frame}><table>${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
