/**
 * One record's cells typed as the manifest says, with located errors: what
 * every mapping (tables, accounts, plain posts) checks a record with.
 */
import { BadBoolean, BadDate, BadNumber, BadText, error, type Location, MissingColumn, MissingValue } from '../errors.ts';
import { parseCell } from './cell.ts';
import type { ColumnType } from './manifest.ts';
import type { RawRecord } from './rawRecord.ts';
import type { Cell } from './types.ts';

/** Checks that a file's header (CSV/TSV) has every wanted column (field → column); nothing for JSON. */
export function checkColumns(header: readonly string[] | undefined, wanted: Record<string, string>, file: string): void {
  if (!header) return;
  for (const [field, column] of Object.entries(wanted)) {
    if (!header.includes(column)) throw error(MissingColumn, { file, line: 1, column: 1 }, column, field, header);
  }
}

/** The cell of `column` typed as `type`; empty is null, or an error when `required`. */
export function typed(record: RawRecord, column: string, type: ColumnType, required: boolean): Cell {
  const raw = record.get(column);
  const result = parseCell(raw, type);
  if (!result.ok) throw badCell(type, column, raw, record.locate(column), result.expected);
  if (result.value === null && required) throw error(MissingValue, record.locate(column), column);
  return result.value;
}

function badCell(type: ColumnType, column: string, raw: unknown, location: Location, expected: string) {
  const got = typeof raw === 'string' ? raw : JSON.stringify(raw);
  if (type === 'date' || type === 'datetime') return error(BadDate, location, column, got, expected);
  if (type === 'boolean') return error(BadBoolean, location, column, got);
  if (type === 'string') return error(BadText, location, column, got);
  return error(BadNumber, location, column, got, type);
}
