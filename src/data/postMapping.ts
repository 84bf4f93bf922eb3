/**
 * The field mapping and validation of a plain (not social-export) posts
 * dataset, one record at a time, with located errors. Used by `loadDataset`
 * and by the streaming path (streamPosts.ts), which must not hold the posts.
 */
import {
  BadDate,
  error,
  type Location,
  MissingValue,
  type TimeFormatAdvice,
  type TimeFormatHelp,
  type TimeFormatSet,
  type TimeFormatSwap,
} from '../errors.ts';
import { type CellResult, dayMonthSwapped, expectedFor, looksLikeTime, parseTime, timeFormatLike, timeInFormat } from './cell.ts';
import { afterCollection, beforeEarliest, collectionLimit, EARLIEST_POST } from './collection.ts';
import { extractHashtags, splitHashtags } from './hashtags.ts';
import type { ManifestLocator, PostsManifest } from './manifest.ts';
import type { RawRecord } from './rawRecord.ts';
import { type CellReader, columnCheck, idCell, readCells, typed, type WantedColumn } from './typedCell.ts';
import type { Post } from './types.ts';

const stringCell = (record: RawRecord, column: string, required: boolean) => typed(record, column, 'string', required) as string | null;

/** Validates and types posts records of one file of a plain posts dataset (`locate`: the manifest's keys). */
export function postMapper(manifest: PostsManifest, file: string, locate?: ManifestLocator) {
  const f = manifest.fields;
  const time = typeof f.time === 'string' ? { column: f.time, format: undefined, zone: undefined } : f.time;
  const wanted: WantedColumn[] = [
    { field: 'id', column: f.id, key: ['fields', 'id'] },
    { field: 'time', column: time.column, key: typeof f.time === 'string' ? ['fields', 'time'] : ['fields', 'time', 'column'] },
    { field: 'author', column: f.author, key: ['fields', 'author'] },
    { field: 'text', column: f.text, key: ['fields', 'text'] },
  ];
  if (f.hashtags) wanted.push({ field: 'hashtags', column: f.hashtags, key: ['fields', 'hashtags'] });
  const columns = columnCheck(wanted, file, locate, manifest);
  const limit = collectionLimit(manifest, locate);
  /** The post's time, in ms; refused when it is not a time with a zone (or the manifest's format), after `collected` or before 1990. */
  const timeOf = (r: RawRecord): number => {
    const rawTime = r.get(time.column);
    const parsed = parseTime(rawTime, time.format, time.zone);
    if (!parsed.ok || !(parsed.value instanceof Date)) {
      const location: Location = r.locate(time.column);
      if (rawTime === null || rawTime === undefined || rawTime === '') throw error(MissingValue, location, time.column);
      const got = typeof rawTime === 'string' ? rawTime : JSON.stringify(rawTime);
      const advice = parsed.ok ? undefined : timeAdvice(rawTime, parsed, time, locate);
      throw error(BadDate, location, time.column, got, parsed.ok ? expectedFor('datetime') : parsed.expected, advice);
    }
    const when = parsed.value.getTime();
    if (when >= limit.latest)
      throw afterCollection(limit, r.locate(time.column), time.column, typeof rawTime === 'string' ? rawTime : parsed.value.toISOString());
    if (when < EARLIEST_POST)
      throw beforeEarliest(r.locate(time.column), time.column, typeof rawTime === 'string' ? rawTime : parsed.value.toISOString());
    return when;
  };
  const tags = f.hashtags;
  /** The post's cells, in the order a row is read: its hashtags, when no column has them, from its text. */
  const cells: CellReader<Post>[] = [
    (r, p) => {
      p.id = idCell(r, f.id);
    },
    (r, p) => {
      p.time = timeOf(r);
    },
    (r, p) => {
      p.text = stringCell(r, f.text, false) ?? '';
    },
    tags === undefined
      ? (_, p) => {
          p.hashtags = extractHashtags(p.text);
        }
      : (r, p) => {
          p.hashtags = splitHashtags(stringCell(r, tags, false) ?? '');
        },
    (r, p) => {
      p.author = stringCell(r, f.author, true) as string;
    },
  ];
  return {
    /** Checks a file's header (CSV/TSV) before its first record; `undefined` for JSON, whose records are checked one by one. */
    header: columns.header,
    map(r: RawRecord): Post {
      columns.record(r);
      return readCells(r, cells, { id: '', time: 0, author: '', text: '', hashtags: [] });
    },
  };
}

type TimeField = { column: string; format?: string | undefined; zone?: string | undefined };

/**
 * What the manifest can do about a time refused (`parsed`), when it is most likely the whole file's way of writing
 * times rather than one row's mistake:
 * - a time that is not ISO 8601 at all, but looks like a time, is most often the export's own format, in every row:
 *   one line of the manifest reads them all, where fixing rows would mean rewriting the file;
 * - a time the manifest's format does not read at all is told what the format reads, by example, and where it is set;
 * - a time it reads but the calendar has not ("13/07/2016" read as "%m/%d/%Y": month 13) is told the format with day
 *   and month the other way round, when that reads it: a file whose dates are all written so fails at every day past
 *   the 12th;
 * - any other time it reads but the calendar has not (30/02/2016, which would roll over), or whose names disagree
 *   with its numbers, is told where the format is set, as the others are: most often the row is wrong, but when every
 *   row fails so the format is ("%f", microseconds, for milliseconds).
 */
function timeAdvice(
  raw: unknown,
  parsed: Extract<CellResult, { ok: false }>,
  time: TimeField,
  locate: ManifestLocator | undefined,
): TimeFormatAdvice | TimeFormatHelp | TimeFormatSwap | TimeFormatSet | undefined {
  if (time.format === undefined)
    return parsed.notIso && typeof raw === 'string' && looksLikeTime(raw)
      ? { ...timeFormatLike(raw), mappedAt: locate?.(['fields', 'time']), zone: time.zone }
      : undefined;
  const setAt = locate?.(['fields', 'time', 'format']);
  if (parsed.notFormat) {
    const iso = typeof raw === 'string' && parseTime(raw, undefined, time.zone).ok;
    return { format: time.format, example: timeInFormat(time.format), setAt, zone: time.zone, iso };
  }
  const swapped = dayMonthSwapped(time.format);
  const read = swapped === undefined || typeof raw !== 'string' ? undefined : parseTime(raw, swapped, time.zone);
  if (swapped && read?.ok && read.value instanceof Date) return { swapped, reads: read.value.toISOString().replace('.000Z', 'Z'), setAt };
  return parsed.rolledOver ? { setAt } : undefined;
}
