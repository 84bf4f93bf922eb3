import { error, JsonCutShort, MalformedJson } from '../errors.ts';
import { jsonErrorOffset, type jsonLocator, positionOf } from './jsonLocation.ts';
import { getPath, type RawRecord } from './rawRecord.ts';

/**
 * JSON.parse, with a located MalformedJson error saying what was found and expected (line offset by `baseLine` for
 * NDJSON, whose one line `text` is), or JsonCutShort when the text ends inside a value.
 */
export function parseStrict(text: string, file: string, baseLine?: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const { offset, reason, endsInside } = jsonErrorOffset(text);
    const { line, column } = positionOf(text, offset);
    const at = { file, line: line + (baseLine ?? 0), column };
    if (!endsInside) throw error(MalformedJson, at, reason);
    const opened = positionOf(text, endsInside.offset);
    throw error(JsonCutShort, at, endsInside.kind, { line: opened.line + (baseLine ?? 0), column: opened.column }, baseLine !== undefined);
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
