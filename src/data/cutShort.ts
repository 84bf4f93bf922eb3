/**
 * A data file cut short: an export or download that stopped, or a copy not finished, ends a file in the middle of a
 * row, which the readers then refuse as that row's problem (too few fields, an empty field, half a date, a quote never
 * closed, JSON that ends abruptly). What tells it from a row that is bad as written is that the file's last line has
 * no line end. Said here, for every reader at once, rather than by each where it finds a problem: the problems of a
 * file are passed through {@link cutShortNoter} as they leave its read (loadDataset.ts, streamPosts.ts), and those of
 * its last record get the note (errors.ts, cutShort). Checked only for a file with a problem: one read of its last
 * bytes, and, when they are not a line end, one of the whole file to find where its last record starts, through the
 * readers' own line splitter (streamRecords.ts, eachLine) so that lines are numbered as the problems number them:
 * 0.6–1.2 s for a CSV of a million rows (110 MB), which takes several times that to parse, on a file that failed.
 *
 * Not for a file holding one JSON document, which is whole when it parses however it ends (JSON.stringify writes no
 * line end), and which says so itself when it does not (JsonCutShort, jsonLocation.ts).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { cutShort, isSoundingsError } from '../errors.ts';
import type { DataFormat } from './rawRecord.ts';
import { isUtf16le, lastRecordLine } from './streamRecords.ts';

const LF = 0x0a;
const CR = 0x0d;

/** Whether a file ends with a line end (LF, or CR: CRLF and old Mac files; in UTF-16LE, the two bytes of one), or is empty. */
export function endsWithLineEnd(path: string, utf16: boolean): boolean {
  const fd = openSync(path, 'r');
  try {
    const width = utf16 ? 2 : 1;
    const size = fstatSync(fd).size;
    if (size < width) return true;
    const tail = Buffer.alloc(width);
    readSync(fd, tail, 0, width, size - width);
    return (tail[0] === LF || tail[0] === CR) && (!utf16 || tail[1] === 0);
  } finally {
    closeSync(fd);
  }
}

/**
 * What a problem met while reading the data file at `path` (`file` as messages name it, read as `format`) is said as:
 * itself, or, for one located at its last record in a file whose last line has no line end, with errors.ts's cutShort
 * note. Anything not a located problem of this file (a bug's Error, a problem in the manifest) passes as it is. The
 * file's end is read once, at the first problem of the file, and its last record's line found once, when it has none.
 */
export function cutShortNoter(path: string, file: string, format: DataFormat | undefined, headerLine = 1): <T>(e: T) => T {
  const csv = format === 'csv' || format === 'tsv';
  /** The line the last record starts on, and the last; null when the file ends with a line end (or is not CSV, TSV or NDJSON). */
  let last: { record: number; last: number } | null | undefined = csv || format === 'ndjson' ? undefined : null;
  return <T>(e: T): T => {
    if (last === null || !isSoundingsError(e)) return e;
    const line = e.location?.line;
    if (e.location?.file !== file || line === undefined) return e;
    last ??= endsWithLineEnd(path, csv && isUtf16le(path)) ? null : lastRecordLine(path, csv ? { headerLine } : undefined);
    return last !== null && line >= last.record ? (cutShort(e, last.last) as T) : e;
  };
}
