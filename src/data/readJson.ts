import { error, MalformedJson } from '../errors.ts';
import { jsonErrorOffset, type jsonLocator, positionOf } from './jsonLocation.ts';
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
    keys: () => (value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []),
    locate: (field) => locate(field === undefined ? prefix : [...prefix, ...field.split('.')]),
  };
}
