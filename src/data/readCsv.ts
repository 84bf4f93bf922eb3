import { type CsvError, parse } from 'csv-parse/sync';
import { error, MalformedCsv } from '../errors.ts';
import type { RawFile, RawRecord } from './rawRecord.ts';

const NEWLINE = /\r\n|\r|\n/g;

function countNewlines(values: Record<string, string>): number {
  let n = 0;
  for (const value of Object.values(values)) n += value.match(NEWLINE)?.length ?? 0;
  return n;
}

/** Says what is wrong with a CSV row, in words an analyst can act on (also used by the streaming reader). */
export function describeCsvError(err: CsvError, header: readonly string[] | undefined): string {
  switch (err.code) {
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const got = Array.isArray(err.record) ? err.record.length : undefined;
      return `This row has ${got ?? 'a different number of'} fields, but the header has ${header?.length ?? 'another number'}.`;
    }
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'A quoted field has text after its closing quote (a quote inside a quoted field must be doubled: "").';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted field is opened but never closed.';
    default:
      return err.message;
  }
}

/**
 * Reads CSV or TSV with csv-parse: the first row is the header; CR, LF and
 * CRLF line endings, a BOM and blank lines are accepted.
 *
 * Locations: the line is where the record starts; the column is the 1-based
 * position of the field in the row (the way spreadsheets count columns).
 */
export function readCsv(text: string, file: string, delimiter = ','): RawFile {
  let header: string[] | undefined;
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim());
        return header;
      },
      info: true,
      skip_empty_lines: true,
    }) as unknown as typeof parsed;
  } catch (e) {
    const err = e as CsvError;
    if (!err.code?.startsWith('CSV_')) throw e;
    const { index, lines } = err as unknown as { index?: unknown; lines?: unknown };
    const line = typeof lines === 'number' ? lines : 1;
    const location = typeof index === 'number' ? { file, line, column: index + 1 } : { file, line };
    throw error(MalformedCsv, location, describeCsvError(err, header));
  }
  const columns = new Map((header ?? []).map((name, i) => [name, i + 1]));
  const records: RawRecord[] = parsed.map(({ record, info }) => ({
    get: (field) => record[field],
    has: (field) => columns.has(field),
    locate: (field) => {
      const line = info.lines - countNewlines(record);
      const column = field === undefined ? 1 : columns.get(field);
      return column === undefined ? { file, line } : { file, line, column };
    },
  }));
  return header ? { header, records } : { records };
}
