/**
 * Streaming readers: a data file is read in chunks and its records handed on
 * one at a time, so a 150 MB export is never held whole as one string.
 *  - CSV/TSV: csv-parse's stream API, with the same options, messages and
 *    locations (line where the record starts, column = field position);
 *  - NDJSON: line by line (node:readline), each line then parsed on its own
 *    (readDataFile.ts), so an error points at its line and column;
 *  - JSON: files up to {@link WHOLE_JSON_LIMIT} are read whole (readDataFile.ts),
 *    for exact error positions anywhere in the document; larger ones are
 *    streamed here with stream-json (the top-level array's items, or those of
 *    its `data`), and a syntax error is then located by stream-json's
 *    verifier, also streaming.
 * Each reader also feeds every chunk to a SHA-256, so the file is read once.
 */

import { isUtf8 } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, type Parser, parse } from 'csv-parse';
import {
  CutInsideCharacter,
  DuplicateHeader,
  EmptyDataFile,
  error,
  HeaderLineMissing,
  JsonCutShort,
  LargeJsonObject,
  MalformedCsv,
  MalformedJson,
  NotUtf8,
  QuoteNotClosed,
  SoundingsError,
  WrongJsonShape,
} from '../errors.ts';
import { megabytes } from '../megabytes.ts';
import { blanked } from './archiveScript.ts';
import { decimalCommaSaid, describeCsvError, type QuoteSpan, rowQuoteSpan, spanSaid } from './csvError.ts';
import { fileSha256 } from './fileHash.ts';
import { fileHead } from './fileHead.ts';
import type { RawRecord } from './rawRecord.ts';

export const WHOLE_JSON_LIMIT = 32 * 1024 * 1024;

/**
 * How far a read has got into its file, in bytes, for the progress line of a long read (readProgress.ts): set as each
 * chunk comes off the disk, so it runs ahead of the records parsed by at most the chunks buffered on the way (a
 * megabyte or two of a 150 MB file). Decided: one number written per chunk (a megabyte), where the hash is fed
 * anyway, rather than per record, so that a million rows cost nothing more to read; the reader that wants it asks for
 * it when it reports, every so many records.
 */
export interface BytesRead {
  bytes: number;
}

/**
 * A file's bytes as a stream, each chunk also going into `hash` and checked to
 * be UTF-8 ({@link utf8Checker}) before anything reads it: the stream fails
 * with the located problem instead. `read` is kept at the offset the stream has read to.
 */
function hashedStream(path: string, hash: Hash | undefined, file: string, utf16le = false, range?: CsvRange, read?: BytesRead): Transform {
  const utf8 = utf8Checker(file, utf16le, range?.from?.line);
  let at = range?.from?.start ?? 0;
  const checked = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash?.update(chunk);
      at += chunk.length;
      if (read) read.bytes = at;
      const problem = utf8.chunk(chunk);
      done(problem, problem ? undefined : chunk);
    },
    flush(done) {
      done(utf8.end());
    },
  });
  // createReadStream's `end` is the last byte read; a range's, the first one not read.
  const bounds = range && { start: range.from?.start, end: range.end === undefined ? undefined : range.end - 1 };
  const source = createReadStream(path, { highWaterMark: 1 << 20, ...bounds });
  source.on('error', (e) => checked.destroy(e));
  return source.pipe(checked);
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** How many bytes of `data` end at a character's end: a multi-byte character cut by the chunk's end is left out. */
function wholeCharacters(data: Buffer): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const byte = data[data.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return back < length ? data.length - back : data.length;
  }
  return data.length;
}

/** Whether `bytes` (at most three) are the first bytes of a UTF-8 character: a lead byte that can start one, then continuation bytes. */
function startsCharacter(bytes: Buffer): boolean {
  const lead = bytes[0] as number;
  return lead >= 0xc2 && lead <= 0xf4 && bytes.subarray(1).every((b) => (b & 0xc0) === 0x80);
}

/**
 * Checks that a file is UTF-8 as its chunks go by. A file saved as
 * Windows-1252 or Latin-1 would otherwise be read with "�" for each accented
 * letter ("José" → "Jos�"), and a hashtag would end at it ("#España" → "#Espa"),
 * silently. Each chunk is checked up to its last whole character (the rest,
 * at most three bytes, goes with the next), and line breaks are counted so
 * the problem names its line (a line break is never a byte of a longer
 * character). With `utf16le` (CSV and TSV), a file that starts with a
 * UTF-16LE byte order mark is csv-parse's to decode, and is not checked; it
 * decodes no other UTF-16, and JSON is read as UTF-8 only. `firstLine`: the
 * line the bytes start on, for a read that starts further into the file.
 */
export function utf8Checker(
  file: string,
  utf16le = false,
  firstLine = 1,
): { chunk(bytes: Buffer): SoundingsError | undefined; end(): SoundingsError | undefined } {
  let carry: Buffer = Buffer.alloc(0);
  /** The line on which `carry` starts (`firstLine`: a check reading on from a line after a CSV syntax error). */
  let line = firstLine;
  let utf16: boolean | undefined;
  /** Line breaks are LF (or CRLF); a file with none is counted by CR (old Mac files). */
  let breaks = LF;
  const check = (bytes: Buffer): SoundingsError | undefined => {
    if (isUtf8(bytes)) {
      for (let at = bytes.indexOf(breaks); at !== -1; at = bytes.indexOf(breaks, at + 1)) line++;
      return undefined;
    }
    for (let start = 0; ; line++) {
      const end = bytes.indexOf(breaks, start);
      if (!isUtf8(bytes.subarray(start, end === -1 ? bytes.length : end))) return error(NotUtf8, { file, line });
      if (end === -1) return error(NotUtf8, { file, line });
      start = end + 1;
    }
  };
  return {
    chunk(bytes) {
      utf16 ??= utf16le && bytes[0] === 0xff && bytes[1] === 0xfe;
      if (utf16) return undefined;
      const data = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
      if (line === firstLine && breaks === LF && data.indexOf(LF) === -1 && data.indexOf(CR) !== -1) breaks = CR;
      const cut = wholeCharacters(data);
      carry = Buffer.from(data.subarray(cut));
      return check(data.subarray(0, cut));
    },
    // What is left is the start of a character that the file ends before finishing (wholeCharacters kept it for the
    // next chunk, and there is none), in a file that was UTF-8 up to there: one cut short, not one in Latin-1, which
    // would have failed at its first accented letter. A Latin-1 file whose only accented letter is its last byte
    // would be told so too: the message says what the bytes are, and the fix is the same export done again.
    end: () =>
      utf16 || carry.length === 0 ? undefined : startsCharacter(carry) ? error(CutInsideCharacter, { file, line }) : check(carry),
  };
}

/** The byte order mark of UTF-16LE, Excel's "Unicode text", which csv-parse decodes. */
const UTF16LE_MARK = Buffer.from([0xff, 0xfe]);

/**
 * A stream that drops a file's first `count` bytes (its title block: {@link headerStart}) and passes the rest on, a
 * UTF-16 file's byte order mark (`mark`) first, for csv-parse to decode the rest as UTF-16 (alone, csv-parse would
 * read the mark as text).
 */
function byteSkipper(count: number, mark?: Buffer): Transform {
  let left = count;
  let first = mark;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (left >= chunk.length) {
        left -= chunk.length;
        return done();
      }
      const rest = chunk.subarray(left);
      left = 0;
      const out = first ? Buffer.concat([first, rest]) : rest;
      first = undefined;
      done(null, out);
    },
  });
}

const NEWLINE = /\r\n|\r|\n/g;
function countNewlines(values: readonly string[]): number {
  let n = 0;
  for (const value of values) if (value.length > 0) n += value.match(NEWLINE)?.length ?? 0;
  return n;
}

export interface StreamedFile {
  /** The CSV header, once known (before the first record, or at the end of a header-only file). */
  header: string[] | undefined;
  /** The line after the last record read, on which the next would start: once read. */
  nextLine: number;
  /**
   * Reads the file, calling `onRecord` synchronously for each record (no
   * promise per record: a million records cost a million calls, not a million
   * microtasks). The record is valid only during the call. Resolves to the
   * file's SHA-256 (a part, {@link CsvRange}: to ''). A row whose number of fields differs from the header's is
   * handed to `onProblem` and skipped when it is given (a check reports every
   * such row), else rejects.
   */
  each(
    onRecord: (r: RawRecord) => void,
    onProblem?: (e: SoundingsError) => void,
    onHeader?: (header: string[], line: number, above: readonly (readonly string[])[]) => void,
  ): Promise<string>;
}

/** Where a line of a file starts: its number (from 1, at the top of the file) and its byte offset. */
interface LineStart {
  line: number;
  offset: number;
}

/**
 * Reads a file's lines from `from` on (ended by LF, CRLF or CR; in UTF-16LE, two bytes a character), handing `visit`
 * each line's number, its text, the offset the next line starts at, whether it ends in CRLF and how many quote
 * characters it holds, until `visit` returns true or the file ends. The text is read when `visit` asks for it (during
 * the call), so that a line passed over costs no string, however long. The one line splitter of a CSV file's bytes,
 * so that lines are counted the same way everywhere: where the header starts below a title block ({@link
 * headerStart}); after a syntax error, where a quote that ran over line ends opened ({@link quoteSpan}), and in a check
 * where the bad row ends and which lines were not checked (a build stops at the error); and, for a problem in a file
 * whose last line has no line end, where its last record starts ({@link lastRecordLine}). Synchronous: the error
 * handler that asks cannot wait.
 */
function eachLine(
  path: string,
  from: LineStart,
  utf16: boolean,
  visit: (line: number, text: () => string, next: number, crlf: boolean, quotes: number) => boolean,
): void {
  const width = utf16 ? 2 : 1;
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const chunk = Buffer.alloc(1 << 14);
    /** The text of the bytes from `start` to `end`, read again from the file when asked. */
    const textOf = (start: number, end: number) => () => {
      const bytes = Buffer.alloc(end - start);
      return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, start)).toString(utf16 ? 'utf16le' : 'utf8');
    };
    let line = from.line;
    /** Where the current line starts. */
    let start = from.offset;
    /** Where a line ended by a CR ends, until the next character says whether a LF belongs to its end. */
    let cr: number | undefined;
    /** The quote characters of the current line so far. */
    let quotes = 0;
    let at = from.offset;
    while (at + width <= size) {
      const want = Math.min(chunk.length, size - at);
      const n = readSync(fd, chunk, 0, want - (want % width), at);
      if (n === 0) break; // the file was cut short while read
      for (let i = 0; i + width <= n; i += width) {
        const unit = utf16 ? (chunk[i] as number) | ((chunk[i + 1] as number) << 8) : (chunk[i] as number);
        const here = at + i;
        if (cr !== undefined) {
          const next = unit === LF ? here + width : here;
          if (visit(line, textOf(start, cr), next, unit === LF, quotes)) return;
          line++;
          start = next;
          cr = undefined;
          quotes = 0;
          if (unit === LF) continue;
        }
        if (unit === CR) cr = here;
        else if (unit === LF) {
          if (visit(line, textOf(start, here), here + width, false, quotes)) return;
          line++;
          start = here + width;
          quotes = 0;
        } else if (unit === QUOTE) quotes++;
      }
      at += n;
    }
    if (cr !== undefined) visit(line, textOf(start, cr), at, false, quotes);
    else if (start < at) visit(line, textOf(start, at), at, false, quotes);
  } finally {
    closeSync(fd);
  }
}

/** How many lines of a title block are kept, and how much of each, for the header check to look in (TITLE_LINES). */
const TITLE_LINES = 100;
const TITLE_LINE_CHARS = 4096;

/**
 * Where line `headerLine` of a file starts, below its title block, and how many lines the file has up to it (`lines`:
 * fewer than `headerLine - 1` when it ends first). Read before the file is streamed: the title block is a few lines.
 * `above` holds the title block's lines (the first {@link TITLE_LINES}, cut to {@link TITLE_LINE_CHARS}), for the
 * header check to say where the column names are when line `headerLine` does not hold them (typedCell.ts).
 */
function headerStart(path: string, headerLine: number, utf16: boolean): { offset: number; lines: number; above: string[]; blank: boolean } {
  let offset = utf16 ? UTF16LE_MARK.length : 0;
  let lines = 0;
  const above: string[] = [];
  // Whether every line read holds nothing but spaces (and the first a UTF-8 byte order mark): a file that ends so
  // before headerLine is empty (EmptyDataFile), as it is without headerLine, not one whose title block is short.
  let blank = true;
  eachLine(path, { line: 1, offset }, utf16, (n, text, next) => {
    lines = n;
    offset = next;
    const line = text();
    if (blank && line.replace(/^\ufeff/, '').trim() !== '') blank = false;
    if (n < headerLine && n <= TITLE_LINES) above.push(line.slice(0, TITLE_LINE_CHARS));
    return n >= headerLine - 1;
  });
  return { offset, lines, above, blank };
}

/**
 * The title block's lines as fields, split at the delimiter, the quotes and spaces around each taken off: enough to
 * recognise column names (which hold no delimiter) on a line above the header line, not to read a row.
 */
const titleFields = (lines: readonly string[], delimiter: string): string[][] =>
  lines.map((line) =>
    line.split(delimiter).map((f) =>
      f
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    ),
  );

/** The first and last lines after `line` that hold more than spaces, reading on from `from` (at or before it). */
function linesAfter(path: string, from: LineStart, line: number, utf16: boolean): { first: number; last: number } | undefined {
  let first: number | undefined;
  let last = 0;
  eachLine(path, from, utf16, (n, text) => {
    if (n > line && text().trim() !== '') {
      first ??= n;
      last = n;
    }
    return false;
  });
  return first === undefined ? undefined : { first, last };
}

/**
 * The line on which a file's last record starts, and its last line, as the readers number lines (eachLine): in NDJSON
 * (no `csv`) the same line; in CSV and TSV the record starts on the last line that starts outside a quoted field, which
 * a quoted field with line breaks puts lines above the last. A quote opens or closes a field, or is one of a doubled
 * pair inside one (csvCuts.ts), so a line starts outside quotes when the lines from the header to it hold an even
 * number; those above `headerLine` are a title block, not CSV, and are not counted. Reads the whole file: asked only
 * of a file that has a problem and ends without a line end (cutShort.ts).
 */
export function lastRecordLine(path: string, csv?: { headerLine: number }): { record: number; last: number } {
  const utf16 = csv !== undefined && isUtf16le(path);
  let record = 1;
  let last = 1;
  let quotes = 0;
  eachLine(path, { line: 1, offset: utf16 ? UTF16LE_MARK.length : 0 }, utf16, (n, _text, _next, _crlf, inLine) => {
    last = n;
    if (quotes % 2 === 0) record = n;
    if (csv && n >= csv.headerLine) quotes += inLine;
    return false;
  });
  return { record, last };
}

/** " Lines 7–9 were not checked: …" (nothing when no line after the row's first holds anything). */
function notChecked(after: { first: number; last: number } | undefined): string {
  if (!after) return '';
  const lines = after.first === after.last ? `Line ${after.first} was` : `Lines ${after.first}–${after.last} were`;
  return ` ${lines} not checked: where this row ends, and so where the next one starts, cannot be told from its quotes.`;
}

/**
 * Where the quoted field that ran over line ends, in a row from line `line` on whose syntax error csv-parse found at
 * its line count `errorAt` (`before`: its count at the end of the previous row): the line the quote opened on, and the
 * line of the error. Lines are read again from `from` (at or before `line`), on this error only. A line that ends with
 * an odd number of quotes since the row started ends inside a quoted field (a doubled quote counts twice); csv-parse
 * counts such a line's CRLF as two lines, which is how its count is followed to the error's line. Undefined when
 * the row is on one line.
 */
function quoteSpan(path: string, from: LineStart, line: number, before: number, errorAt: number, utf16: boolean): QuoteSpan | undefined {
  if (errorAt - before <= 1) return undefined;
  let counted = before + 1;
  let quotes = 0;
  let opened = line;
  let span: QuoteSpan | undefined;
  eachLine(path, from, utf16, (n, text, _next, crlf) => {
    if (n < line) return false;
    if (counted >= errorAt) {
      if (n > opened) span = { opened, last: n };
      return true;
    }
    const wasInside = quotes % 2 === 1;
    quotes += text().match(/"/g)?.length ?? 0;
    const inside = quotes % 2 === 1;
    if (inside && !wasInside) opened = n;
    counted += inside && crlf ? 2 : 1;
    return false;
  });
  return span;
}

/**
 * Part of a CSV file, for reading its parts on several threads (streamParts.ts): the bytes up to `end`, the start of
 * a record (default: the end of the file), from the file's start, or from `from`: the start of a record after the
 * header, on line `line`, whose fields the file's `header` names. A part's bytes go into `hash` when it is given (the
 * first part's, which the caller goes on with over the rest of the file), and are not hashed otherwise. A part is
 * read for a build only (a check, `onProblem`, reads on to the end of the file after a syntax error).
 */
export interface CsvRange {
  end?: number | undefined;
  from?: { start: number; line: number; header: string[] };
  hash?: Hash;
}

/**
 * A CSV or TSV file's records. Lines before `headerLine` (a title block a tool writes above the header) are passed
 * over before csv-parse sees them (a title line is not CSV: `Query: "keep red" OR #KeepRed`), though hashed and
 * counted; a file shorter than that is refused. Rows whose fields are all empty (a spreadsheet's trailing ",,,,")
 * are skipped as blank lines are.
 *
 * A syntax error (a stray quote) ends a build's read. A check (`onProblem`) reads on from the next line when the row
 * is on one line and its quotes are balanced (an even number: however they pair, none is left open at the line's
 * end, so the next line starts a row), with a new parser on the rest of the file; otherwise a quote may run on into
 * the following lines, and where the next row starts cannot be told, so the message says which lines were not
 * checked. csv-parse's own `skip_records_with_error` goes on inside the same parser, still within the quote: a
 * `"bad "quote" inside"` makes it drop the rest of the file without a word. `read` follows how far into the file the
 * read has got ({@link BytesRead}).
 */
export function streamCsv(path: string, file: string, delimiter: string, headerLine = 1, range?: CsvRange, read?: BytesRead): StreamedFile {
  const out: StreamedFile = {
    header: range?.from?.header,
    nextLine: range?.from?.line ?? headerLine,
    each: (onRecord, onProblem, onHeader) =>
      new Promise<string>((resolve, reject) => {
        const hash = range ? range.hash : createHash('sha256');
        // Records come as arrays (csv-parse's `columns: true` builds an object per record, about a quarter of
        // its time); the first is the header, where a name given twice is refused.
        const from = range?.from;
        let columns = new Map<string, number>(from?.header.map((name, i) => [name, i]));
        let columnCount = from?.header.length ?? 0;
        // One record object, re-pointed at each row: the mapper reads it synchronously and keeps nothing of it.
        let fields: string[] = [];
        /** The line on which the current record starts, and the one on which the next will. */
        let start = 0;
        /** Lines before `headerLine` never reach csv-parse (byteSkipper). */
        let nextStart = from?.line ?? headerLine;
        /** csv-parse's line count at the end of the previous record. */
        let parsedLines = 0;
        /** A line whose start is known, from which a check finds the line after a syntax error (reading on, not from the top). */
        let known: LineStart | undefined = from && { line: from.line, offset: from.start };
        /** Whether a check read on after a syntax error, so that the file's hash is not that of one read. */
        let resumed = false;
        /** Whether the file is UTF-16LE, asked before the file is read when it has a title block, else at the first syntax error. */
        let utf16: boolean | undefined;
        const current: RawRecord = {
          get: (field) => {
            const i = columns.get(field);
            return i === undefined ? undefined : fields[i];
          },
          has: (field) => columns.has(field),
          keys: () => out.header ?? [],
          locate: (field) => {
            const i = field === undefined ? 0 : columns.get(field);
            return i === undefined ? { file, line: start } : { file, line: start, column: i + 1 };
          },
        };
        let source: Readable;
        let parser: Parser;
        const stop = (e: unknown) => {
          source.destroy();
          parser.destroy();
          reject(e);
        };
        const onRow = (row: { record: string[]; info: { lines: number } }) => {
          // Lines are counted here: csv-parse counts a "\r\n" inside a quoted field as two. A record it saw as one
          // line has no line break; the others' breaks are counted in their fields.
          start = nextStart;
          nextStart += row.info.lines - parsedLines === 1 ? 1 : countNewlines(row.record) + 1;
          parsedLines = row.info.lines;
          if (row.record[0] === '' && row.record.every((field) => field === '')) return;
          try {
            if (out.header === undefined) {
              out.header = row.record.map((n) => n.trim());
              columns = new Map();
              for (const [i, name] of out.header.entries()) {
                // A name given twice (`id,text,text`) would read its last field: which one is meant cannot be told.
                // Columns with no name are left alone (a spreadsheet's blank columns; `columns` cannot name one).
                const first = columns.get(name);
                if (first !== undefined && name !== '')
                  throw error(DuplicateHeader, { file, line: start, column: i + 1 }, name, first + 1, i + 1);
                columns.set(name, i);
              }
              columnCount = out.header.length;
              // Checked now, not at the first record: a title block read as the header is a wrong header, not a
              // first row with "too many fields".
              onHeader?.(out.header, start, titleFields(title?.above ?? [], delimiter));
              return;
            }
            fields = row.record;
            if (fields.length !== columnCount) {
              // Pointing at the first field that is extra or missing.
              const at = { file, line: start, column: Math.min(fields.length, columnCount) + 1 };
              const problem = error(
                MalformedCsv,
                at,
                `This row has ${fields.length} field${fields.length === 1 ? '' : 's'}, but the header has ${columnCount}.${spanSaid(
                  rowQuoteSpan(fields, start, nextStart - 1),
                )}${decimalCommaSaid(fields, columnCount, delimiter)}`,
              );
              if (!onProblem) throw problem;
              onProblem(problem);
              return;
            }
            onRecord(current);
          } catch (e) {
            stop(e);
          }
        };
        const onError = (e: unknown) => {
          source.destroy();
          // Every parse error is csv-parse's CsvError (not every code starts with "CSV_": INVALID_OPENING_QUOTE).
          if (!(e instanceof CsvError)) return reject(e);
          // Located at the line where the failing record starts (a quote never closed is only found at the end
          // of the file), and at the field csv-parse was reading.
          const { index, lines } = e as unknown as { index?: unknown; lines?: unknown };
          const line = nextStart;
          utf16 ??= isUtf16le(path);
          known ??= { line: 1, offset: utf16 ? 2 : 0 };
          if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
            const after = linesAfter(path, known, line, utf16);
            return reject(error(QuoteNotClosed, { file, line }, after));
          }
          const at = typeof index === 'number' ? { file, line, column: index + 1 } : { file, line };
          // A quote that ran over line ends before the error: where it opened, and the lines it took in.
          const span = typeof lines === 'number' ? quoteSpan(path, known, line, parsedLines, lines, utf16) : undefined;
          // A build stops here, as it does at the first problem; so does a check at an error in the header.
          if (!onProblem || out.header === undefined) return reject(error(MalformedCsv, at, describeCsvError(e, span)));
          // The row's line, and where the next starts.
          let row: { text: string; next: number } | undefined;
          eachLine(path, known, utf16, (n, text, next) => {
            if (n === line) row = { text: text(), next };
            return n >= line;
          });
          // On one line (csv-parse saw no line break before the error), with an even number of quotes.
          const oneLine = typeof lines === 'number' && lines - parsedLines === 1;
          if (!row || !oneLine || (row.text.match(/"/g)?.length ?? 0) % 2 !== 0) {
            const after = linesAfter(path, row ? { line: line + 1, offset: row.next } : known, line, utf16);
            return reject(error(MalformedCsv, at, `${describeCsvError(e, span)}${notChecked(after)}`));
          }
          onProblem(error(MalformedCsv, at, describeCsvError(e)));
          resumed = true;
          known = { line: line + 1, offset: row.next };
          nextStart = line + 1;
          parsedLines = 0;
          parseFrom(readOn(path, file, row.next, line + 1, utf16, read));
        };
        // A part after the first starts below the title block, in a UTF-8 file (csvParts.ts reads no other).
        utf16 = from ? false : headerLine > 1 ? isUtf16le(path) : undefined;
        const title = utf16 === undefined || from ? undefined : headerStart(path, headerLine, utf16);
        const onEnd = () => {
          // A file of blank lines or a byte order mark alone is empty, whatever headerLine says (below): an Excel sheet
          // saved empty is not a file whose title block is shorter than the manifest's.
          if (title?.blank && out.header === undefined) return reject(error(EmptyDataFile, { file }, true));
          // A file that ends before headerLine, or has no header there.
          if (title && out.header === undefined) {
            const { lines } = title;
            return reject(error(HeaderLineMissing, { file, line: Math.max(lines, 1) }, headerLine, lines));
          }
          // Blank lines, or a byte order mark, alone: no header, so not "a header but no rows" (HeaderOnlyFile, a
          // warning), but empty, and refused as a file of 0 bytes is (openDataset.ts): no export writes one on purpose.
          if (out.header === undefined) return reject(error(EmptyDataFile, { file }, true));
          out.nextLine = nextStart;
          resolve(resumed ? fileSha256(path) : range ? '' : (hash as Hash).digest('hex'));
        };
        /** Parses `input`: the file (after its title block), or a check's read on after a syntax error; `bytes` reads the file. */
        const parseFrom = (input: Readable, bytes = input) => {
          // Rows with too many or too few fields are found here rather than by csv-parse, which stops at the first.
          // Blank lines are skipped here rather than by csv-parse, so that every line is counted (see nextStart).
          const p = parse({ bom: true, delimiter, info: true, relax_column_count: true, trim: true });
          source = bytes;
          parser = p;
          // A parser left behind by a syntax error says nothing more.
          p.on('data', (row) => p === parser && onRow(row));
          p.on('error', (e) => p === parser && onError(e));
          p.on('end', () => p === parser && onEnd());
          // pipe() passes data on, not errors: a byte that is not UTF-8 must fail the read.
          bytes.on('error', (e) => p === parser && reject(e));
          input.pipe(p);
        };
        const whole = hashedStream(path, hash, file, true, range, read);
        parseFrom(title ? whole.pipe(byteSkipper(title.offset, utf16 ? UTF16LE_MARK : undefined)) : whole, whole);
      }),
  };
  return out;
}

/** Whether a file starts with a UTF-16LE byte order mark (Excel's "Unicode text"), which csv-parse decodes. */
export function isUtf16le(path: string): boolean {
  return fileHead(path, UTF16LE_MARK.length).equals(UTF16LE_MARK);
}

/**
 * A file's bytes from `offset` (the start of line `line`) on, checked to be UTF-8 as a whole read's are; in UTF-16,
 * after the byte order mark, for csv-parse to decode the rest as it did the start. Read synchronously, 16 KB first
 * and twice as much each time up to 1 MB: a check reading on after each of many bad rows reads a little after each,
 * not the rest of the file each time (nor reads ahead: highWaterMark 0), and waits on no file opened in the background.
 */
function readOn(path: string, file: string, offset: number, line: number, utf16: boolean, read?: BytesRead): Readable {
  const utf8 = utf16 ? undefined : utf8Checker(file, false, line);
  let at = offset;
  let size = 1 << 14;
  let fd: number | undefined;
  return new Readable({
    highWaterMark: 0,
    read() {
      try {
        fd ??= openSync(path, 'r');
        const chunk = Buffer.alloc(size);
        const n = readSync(fd, chunk, 0, size, at);
        size = Math.min(size * 2, 1 << 20);
        const problem = n === 0 ? utf8?.end() : utf8?.chunk(chunk.subarray(0, n));
        if (problem) {
          this.destroy(problem);
          return;
        }
        if (n === 0) {
          this.push(null);
          return;
        }
        const bytes = at === offset && utf16 ? Buffer.concat([UTF16LE_MARK, chunk.subarray(0, n)]) : chunk.subarray(0, n);
        at += n;
        // Where the first read stopped may be past here (it read ahead of the bad row): never said to go back.
        if (read) read.bytes = Math.max(read.bytes, at);
        this.push(bytes);
      } catch (e) {
        this.destroy(e as Error);
      }
    },
    destroy(e, done) {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      done(e);
    },
  });
}

/**
 * The non-blank lines of a file, with their 0-based line index. A file of blank lines only is refused as an empty
 * CSV file is (EmptyDataFile): an export cut to nothing, not a week without posts (a JSON export without records
 * still writes its brackets).
 */
export function streamLines(
  path: string,
  file: string,
  read?: BytesRead,
): { lines: AsyncIterable<{ text: string; index: number }>; sha256: () => string } {
  const hash = createHash('sha256');
  const source = hashedStream(path, hash, file, false, undefined, read);
  const lines = (async function* () {
    let index = 0;
    let any = false;
    // crlfDelay: a "\r\n" split across chunks still counts as one line end.
    for await (const line of createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY })) {
      // A byte order mark, as some Windows tools write, is not JSON.
      const text = index === 0 ? line.replace(/^\uFEFF/, '') : line;
      if (text.trim() !== '') {
        any = true;
        yield { text, index };
      }
      index++;
    }
    if (!any) throw error(EmptyDataFile, { file }, true, true);
  })();
  return { lines, sha256: () => hash.digest('hex') };
}

/** The first non-blank character of a file ("[" or "{" for JSON) from its first bytes, after an archive script's assignment (`blank`). */
function firstChar(head: Buffer, blank = 0): string {
  return (
    blanked(head, blank)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()[0] ?? ''
  );
}

/**
 * A stream that makes an X archive script's assignment, its first `blank` bytes after any byte order mark, spaces
 * (archiveScript.ts). The first chunk holds both: a file is read 64 KiB at a time, the assignment is under 100 bytes.
 */
function blanking(blank: number): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, first ? blanked(chunk, blank) : chunk);
      first = false;
    },
  });
}

/**
 * Where the first syntax error of a large JSON file is, found by streaming it through stream-json's verifier; or,
 * when it has none, `shape`: what is wrong with the valid JSON the reader could not take.
 */
async function locateJsonError(path: string, file: string, shape: SoundingsError, blank = 0): Promise<never> {
  const { verifier } = await import('stream-json/utils/verifier.js');
  try {
    await pipeline(createReadStream(path), blanking(blank), verifier.asStream());
  } catch (e) {
    const { line, pos, offset, message } = e as { line?: number; pos?: number; offset?: number; message?: string };
    const at = { file, line: line ?? 1, column: pos ?? 1 };
    // The verifier says what it expected and where (in characters); what is there is read again, on this error only.
    const found = offset === undefined ? undefined : await textAt(path, offset);
    if (found !== undefined && found.trim() === '') throw error(JsonCutShort, at);
    const expected = /expected (.*)$/.exec(message ?? '')?.[1]?.replace(/'/g, '"');
    const token = found?.trimStart().match(/^("[^"]{0,38}"?|[^\s,:[\]{}]{1,40}|.)/)?.[0];
    const what = [expected && `expected ${expected}`, token && `found ${token.startsWith('"') ? token : `"${token}"`}`].filter(Boolean);
    throw error(MalformedJson, at, `This is not valid JSON${what.length > 0 ? `: ${what.join(', ')}` : ''}.`);
  }
  throw shape;
}

/** Up to 40 characters of a file from the `offset`-th character (the verifier counts characters, not bytes). */
async function textAt(path: string, offset: number): Promise<string> {
  let seen = 0;
  let out = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    const text = chunk as string;
    if (seen + text.length > offset) out += text.slice(Math.max(0, offset - seen), Math.max(0, offset - seen) + 40 - out.length);
    seen += text.length;
    if (out.length >= 40) break;
  }
  return out;
}

/**
 * The items of a large JSON file's top-level array, or of its `data` array,
 * streamed: `[index, value]` pairs, with the JSON path prefix of each item.
 * With `arrayOnly` (social exports, whose list sits under `statuses`,
 * `records`, `feed`… beside the `includes` it needs), a top-level object is
 * refused with a clear error rather than read as an empty `data`.
 */
export async function* streamJsonItems(
  path: string,
  file: string,
  hash: Hash,
  /** The file's first bytes (fileHead.ts), which say whether it holds an array or an object. */
  firstBytes: Buffer,
  arrayOnly = false,
  blank = 0,
  read?: BytesRead,
): AsyncGenerator<{ value: unknown; path: (string | number)[] }> {
  const { streamArray } = await import('stream-json/streamers/stream-array.js');
  const { pick } = await import('stream-json/filters/pick.js');
  const top = firstChar(firstBytes, blank);
  if (top !== '[' && top !== '{')
    await locateJsonError(
      path,
      file,
      error(WrongJsonShape, { file, line: 1, column: 1 }, 'file', 'one value, neither a list nor an object'),
      blank,
    );
  if (top === '{' && arrayOnly) throw error(LargeJsonObject, { file }, megabytes(statSync(path).size));
  const checked = hashedStream(path, hash, file, false, undefined, read);
  const blanker = blank > 0 ? blanking(blank) : undefined;
  // pipe() passes data on, not errors: a byte that is not UTF-8 must fail the read, not the process.
  blanker && checked.on('error', (e: Error) => blanker.destroy(e));
  const source = blanker ? checked.pipe(blanker) : checked;
  const tail = streamArray.asStream();
  const head = top === '[' ? streamArray.withParserAsStream() : pick.withParserAsStream({ filter: 'data' });
  const last = top === '[' ? head : head.pipe(tail);
  source.pipe(head);
  for (const s of [source, head, tail]) s.on('error', (e: Error) => last.destroy(e));
  // Whether an object's "data" was found: without it, the object holds no records where they are looked for, and
  // its records would be read as none.
  let picked = top === '[';
  if (!picked) head.once('data', () => (picked = true));
  const items = last as unknown as AsyncIterable<{ key: number; value: unknown }>;
  try {
    for await (const { key, value } of items) yield { value, path: top === '[' ? [key] : ['data', key] };
  } catch (e) {
    if (e instanceof SoundingsError) throw e;
    await locateJsonError(path, file, error(WrongJsonShape, { file: `${file} at data` }, 'data', 'not a list'), blank);
  }
  if (!picked) throw error(WrongJsonShape, { file, line: 1, column: 1 }, 'file', 'an object without a "data" key');
}
