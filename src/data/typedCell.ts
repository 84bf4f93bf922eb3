/**
 * One record's cells typed as the manifest says, with located errors: what
 * every mapping (tables, accounts, plain posts) checks a record with.
 */

import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  BadBoolean,
  BadDate,
  BadNumber,
  DecimalComma,
  error,
  HeaderAboveHeaderLine,
  InexactNumber,
  JsonFieldType,
  jsonValue,
  type Location,
  MissingColumn,
  MissingValue,
  OtherDelimiter,
  SoundingsError,
  WrongSeparator,
} from '../errors.ts';
import { isDecimalComma, parseCell } from './cell.ts';
import type { ColumnType, ManifestLocator } from './manifest.ts';
import type { CsvLayout, RawRecord } from './rawRecord.ts';
import type { Cell } from './types.ts';

/** A column a manifest's mapping reads: the field it fills, its name in the data, and the manifest key naming it. */
export interface WantedColumn {
  field: string;
  column: string;
  key: readonly PropertyKey[];
}

/**
 * The check that one data file has every column its manifest maps: a CSV/TSV
 * file's header once (`header`, before its first record), or, for JSON (no
 * header), each record's own keys (`record`). A missing column is reported
 * at the header or the record, naming the manifest line that maps it.
 */
export function columnCheck(wanted: readonly WantedColumn[], file: string, locate: ManifestLocator | undefined, layout: CsvLayout = {}) {
  const headerLine = layout.headerLine ?? 1;
  let header: readonly string[] | undefined;
  return {
    header(h: readonly string[] | undefined, line = headerLine, above: readonly (readonly string[])[] = []): void {
      header = h;
      if (!h) return;
      const missing = wanted.find((w) => !h.includes(w.column));
      if (!missing) return;
      const at = { file, line, column: 1 };
      // One column that another common delimiter splits into names the mapping reads: the file is separated by it.
      const other = h.length === 1 ? otherDelimiter(h[0] as string, wanted, layout.delimiter) : undefined;
      if (other)
        throw error(OtherDelimiter, at, h[0] as string, other.separator, other.columns, layout.delimiter, extname(file).toLowerCase());
      // One column holding ";", tabs or "|": the file is most likely separated by them.
      const separator = h.length === 1 ? /[;\t|]/.exec(h[0] as string)?.[0] : undefined;
      if (separator) throw error(WrongSeparator, at, h[0] as string, separator === '\t' ? 'tab' : separator, layout.delimiter);
      // None of the mapped columns at all: most likely not the header, but a title block a tool wrote above it; or,
      // with headerLine set, the header is above that line (this file has no title block, or a shorter one).
      const noneMapped = wanted.every((w) => !h.includes(w.column));
      const higher = noneMapped ? headerAbove(wanted, above) : undefined;
      if (higher) throw error(HeaderAboveHeaderLine, at, headerLine, h, higher.line, higher.columns, locate?.(['headerLine']));
      throw error(MissingColumn, at, missing.column, missing.field, h, locate?.(missing.key), false, noneMapped, headerLine);
    },
    record(r: RawRecord): void {
      if (header) return;
      for (const w of wanted) {
        if (!r.has(w.column)) throw error(MissingColumn, r.locate(), w.column, w.field, r.keys(), locate?.(w.key), true);
      }
    },
  };
}

/** The delimiters a file may be separated by, in the order tried: those exports write. */
const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The delimiter other than the one read with (`read`, the manifest's; none: a .csv's comma or a .tsv's tab, which a
 * header read as one column does not hold) that splits `header` into names among which are mapped columns, and which:
 * a comma-separated file in a dataset whose manifest says delimiter ";" (its header then reads as one column, and the
 * missing column alone would send the user after headerLine). The header is split as a CSV line (csv-parse), so a
 * quoted name holding the delimiter stays one name. Decided: any mapped column among them is enough, since the mapping
 * may be wrong too (that is the next message, once the delimiter is right); none, and the question is left to
 * WrongSeparator.
 */
function otherDelimiter(
  header: string,
  wanted: readonly WantedColumn[],
  read: string | undefined,
): { separator: string; columns: string[] } | undefined {
  for (const separator of DELIMITERS) {
    if (separator === read || !header.includes(separator)) continue;
    let names: string[];
    try {
      names = (parse(header, { delimiter: separator, trim: true, relax_quotes: true }) as string[][])[0] ?? [];
    } catch {
      continue;
    }
    const columns = wanted.map((w) => w.column).filter((c, i, all) => names.includes(c) && all.indexOf(c) === i);
    if (names.length > 1 && columns.length > 0) return { separator, columns };
  }
  return undefined;
}

/**
 * The line above the header line (`above`: the fields of lines 1, 2… of the title block headerLine passes over)
 * holding the most of the mapped columns, at least half of them, and which: the header, when this file has no title
 * block (or a shorter one) than the manifest's headerLine says.
 */
export function headerAbove(
  wanted: readonly WantedColumn[],
  above: readonly (readonly string[])[],
): { line: number; columns: string[] } | undefined {
  const mapped = [...new Set(wanted.map((w) => w.column))];
  let best: { line: number; columns: string[] } | undefined;
  for (const [i, fields] of above.entries()) {
    const columns = mapped.filter((c) => fields.includes(c));
    if (columns.length > (best?.columns.length ?? 0)) best = { line: i + 1, columns };
  }
  return best && best.columns.length >= Math.ceil(mapped.length / 2) ? best : undefined;
}

/** A number as a spreadsheet writes a long one once it has rounded it: 7.53289E+17. */
const SPREADSHEET_NUMBER = /^\d(?:\.\d+)?E\+\d+$/i;

/**
 * A record's id: required text, without the spaces around it, and never a
 * number rounded on its way into the file (a spreadsheet's 7.53289E+17) or
 * into Soundings (JSON past 2^53), which would make two posts one duplicate.
 */
export function idCell(record: RawRecord, column: string): string {
  const id = (typed(record, column, 'string', true) as string).trim();
  if (id === '') throw error(MissingValue, record.locate(column), column);
  if (SPREADSHEET_NUMBER.test(id)) throw error(InexactNumber, record.locate(column), column, id);
  return id;
}

/** The cell of `column` typed as `type`; empty is null, or an error when `required`. */
export function typed(record: RawRecord, column: string, type: ColumnType, required: boolean): Cell {
  const raw = record.get(column);
  const result = parseCell(raw, type);
  if (!result.ok && result.inexact) throw error(InexactNumber, record.locate(column), column, String(raw));
  if (!result.ok) throw badCell(type, column, raw, record.locate(column), result.expected);
  if (result.value === null && required) throw error(MissingValue, record.locate(column), column);
  return result.value;
}

function badCell(type: ColumnType, column: string, raw: unknown, location: Location, expected: string) {
  // A JSON value of another type (true, 5, an object) is said as what it is, not quoted as if it were text.
  // (A string column takes any text, so only a JSON object or list fails one.)
  if (typeof raw !== 'string') return error(JsonFieldType, location, column, expected, jsonValue(raw));
  if (type === 'date' || type === 'datetime') return error(BadDate, location, column, raw, expected);
  if (type === 'boolean') return error(BadBoolean, location, column, raw);
  if (isDecimalComma(raw)) return error(DecimalComma, location, column, raw, type);
  return error(BadNumber, location, column, raw, type);
}

/**
 * One cell of a row as a mapping reads it: reads and types its column of record `r` and puts the value into the row
 * being made (`into`). A mapping makes its list once per file, in the order a row's cells are read, so that a row
 * costs one walk over it.
 */
export type CellReader<T> = (r: RawRecord, into: T) => void;

/**
 * Reads record `r` into `into` with each of `cells` in turn, and returns it. A cell that fails does not end the walk,
 * so that a check reports every bad cell of the row, each at its own column, not only the first (a bad date and
 * "abc" in an integer column): the first problem is thrown once the row is read, carrying the others
 * (SoundingsError.others), in column order; a check reports them all, a build stops at the first. A problem worded as
 * the first is not repeated (a column read twice, as a `columns:` entry and as a field). Anything but a
 * SoundingsError is a bug, thrown at once.
 */
export function readCells<T>(r: RawRecord, cells: readonly CellReader<T>[], into: T): T {
  let first: SoundingsError | undefined;
  let others: SoundingsError[] | undefined;
  for (const cell of cells) {
    try {
      cell(r, into);
    } catch (e) {
      if (!(e instanceof SoundingsError)) throw e;
      if (!first) first = e;
      else if (e.message !== first.message) {
        others ??= [];
        others.push(e);
      }
    }
  }
  if (first) {
    first.others = others ?? [];
    throw first;
  }
  return into;
}
