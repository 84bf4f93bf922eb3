/**
 * The field mapping and validation of a plain (not social-export) posts
 * dataset, one record at a time, with located errors. Used by `loadDataset`
 * and by the streaming path (streamPosts.ts), which must not hold the posts.
 */
import { BadDate, error, type Location, MissingColumn, MissingValue } from '../errors.ts';
import { expectedFor, parseTime } from './cell.ts';
import { extractHashtags, splitHashtags } from './hashtags.ts';
import type { PostsManifest } from './manifest.ts';
import type { RawRecord } from './rawRecord.ts';
import { checkColumns, typed } from './typedCell.ts';
import type { Post } from './types.ts';

const stringCell = (record: RawRecord, column: string, required: boolean) => typed(record, column, 'string', required) as string | null;

/** Validates and types posts records of one file of a plain posts dataset. */
export function postMapper(manifest: PostsManifest, file: string) {
  const f = manifest.fields;
  const time = typeof f.time === 'string' ? { column: f.time, format: undefined } : f.time;
  const mapping: Record<string, string> = { id: f.id, time: time.column, author: f.author, text: f.text };
  if (f.hashtags) mapping.hashtags = f.hashtags;
  const entries = Object.entries(mapping);
  let header: readonly string[] | undefined;
  return {
    /** Checks a file's header (CSV/TSV), once it is known; `undefined` for JSON, checked per record. */
    columns(h: readonly string[] | undefined) {
      header = h;
      checkColumns(h, mapping, file);
    },
    map(r: RawRecord): Post {
      if (!header) {
        for (const [field, column] of entries) if (!r.has(column)) throw error(MissingColumn, r.locate(), column, field, []);
      }
      const id = stringCell(r, f.id, true) as string;
      const rawTime = r.get(time.column);
      const parsed = parseTime(rawTime, time.format);
      if (!parsed.ok || !(parsed.value instanceof Date)) {
        const location: Location = r.locate(time.column);
        if (rawTime === null || rawTime === undefined || rawTime === '') throw error(MissingValue, location, time.column);
        const got = typeof rawTime === 'string' ? rawTime : JSON.stringify(rawTime);
        throw error(BadDate, location, time.column, got, parsed.ok ? expectedFor('datetime') : parsed.expected);
      }
      const text = stringCell(r, f.text, false) ?? '';
      const hashtags = f.hashtags ? splitHashtags(stringCell(r, f.hashtags, false) ?? '') : extractHashtags(text);
      return { id, time: parsed.value.getTime(), author: stringCell(r, f.author, true) as string, text, hashtags };
    },
  };
}
