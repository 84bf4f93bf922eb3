import { error, MalformedJson } from '../errors.ts';
import { jsonErrorOffset, jsonLocator, positionOf } from './jsonLocation.ts';
import { getPath, type RawRecord } from './rawRecord.ts';

/** JSON.parse, with a located MalformedJson error (line offset by `baseLine` for NDJSON). */
export function parseStrict(text: string, file: string, baseLine = 0): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const { offset, reason } = jsonErrorOffset(text);
    const { line, column } = positionOf(text, offset);
    throw error(MalformedJson, { file, line: line + baseLine, column }, reason);
  }
}

/** One JSON record, with a locator for its fields (dot paths). */
export function jsonRecord(
  value: unknown,
  locate: (path: (string | number)[]) => ReturnType<ReturnType<typeof jsonLocator>>,
  prefix: (string | number)[],
): RawRecord {
  return {
    get: (field) => getPath(value, field),
    has: (field) => getPath(value, field) !== undefined,
    locate: (field) => locate(field === undefined ? prefix : [...prefix, ...field.split('.')]),
  };
}

/** Reads a JSON array of records (or an object whose `data` is one, as API exports are). */
export function readJson(text: string, file: string): RawRecord[] {
  const value = parseStrict(text, file);
  const items = Array.isArray(value) ? value : (value as { data?: unknown } | null)?.data;
  if (!Array.isArray(items)) {
    throw error(MalformedJson, { file, line: 1, column: 1 }, 'The file must hold an array of records, or an object whose "data" is one.');
  }
  const prefix = Array.isArray(value) ? [] : ['data'];
  const locate = jsonLocator(text, file);
  return items.map((item, i) => jsonRecord(item, locate, [...prefix, i]));
}
