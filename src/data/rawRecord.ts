import type { Location } from '../errors.ts';

/**
 * One record as a data file holds it, before typing: the readers for every
 * format produce these, so the field mapping and validation are written once.
 */
export interface RawRecord {
  /** The value of a source field; JSON fields may be dot paths (`user.screen_name`). */
  get(field: string): unknown;
  has(field: string): boolean;
  /** The record's own columns (a CSV file's header, a JSON object's keys), for messages. */
  keys(): readonly string[];
  /** Where a field of this record is, for error messages. */
  locate(field?: string): Location;
}

export type DataFormat = 'csv' | 'tsv' | 'json' | 'ndjson';

/** How a CSV or TSV file is laid out, when not as its extension says: the manifest's `delimiter` and `headerLine`. */
export interface CsvLayout {
  delimiter?: string | undefined;
  headerLine?: number | undefined;
}

/** Reads a dot path such as `user.screen_name` from a parsed JSON value. */
export function getPath(value: unknown, path: string): unknown {
  if (value && typeof value === 'object' && path in value) return (value as Record<string, unknown>)[path];
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
