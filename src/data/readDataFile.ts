/**
 * Reads one data file record by record, whatever its format: CSV and TSV with
 * csv-parse's stream, NDJSON line by line, JSON whole when small and with
 * stream-json when large. The file is never held as one string beyond
 * `wholeJsonLimit`, and its SHA-256 is computed as it is read.
 *
 * Plain datasets take records ({@link readDataFile}); social exports take the
 * JSON items their adapters unpack ({@link eachJsonItem}, which both use).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { error, jsonValue, type Location, WrongJsonShape, XArchiveFile } from '../errors.ts';
import { type ArchiveScript, archiveScript, blanked } from './archiveScript.ts';
import { fileHead } from './fileHead.ts';
import { jsonLocator } from './jsonLocation.ts';
import type { CsvLayout, DataFormat, RawRecord } from './rawRecord.ts';
import { jsonRecord, parseStrict } from './readJson.ts';
import { type BytesRead, streamCsv, streamJsonItems, streamLines, utf8Checker } from './streamRecords.ts';

const FORMATS: Record<string, DataFormat> = { '.csv': 'csv', '.tsv': 'tsv', '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson' };

/** The format of a data file: the manifest's `format` if it names a plain one, else the file's extension. */
export function formatOf(path: string, manifestFormat?: string): DataFormat | undefined {
  if (manifestFormat && Object.values(FORMATS).includes(manifestFormat as DataFormat)) return manifestFormat as DataFormat;
  return FORMATS[extname(path).toLowerCase()];
}

/** The delimiter of a CSV or TSV file: the manifest's, else the extension's. */
export const csvDelimiter = (format: DataFormat, layout: CsvLayout): string => layout.delimiter ?? (format === 'tsv' ? '\t' : ',');

/** One item of a JSON or NDJSON file: its value, its JSON path from the top of its document, and a locator for full paths. */
export interface JsonItem {
  value: unknown;
  at: (string | number)[];
  locate: (path: (string | number)[]) => Location;
}

/**
 * What an item of a JSON document is:
 *  - `records`: an element of the top-level array, or of its `data` array (API exports of plain records);
 *  - `exports`: an element of the top-level array, or the top-level object whole, which a social adapter
 *    unpacks (`data` with `includes`, `statuses`, `records`…); streamed, only an array can be split, so a
 *    large object is refused (LargeJsonObject) rather than read as nothing.
 * An NDJSON line is one item either way.
 */
export type JsonShape = 'records' | 'exports';

/**
 * Hands each item of a JSON or NDJSON file to `onItem`; resolves to the file's SHA-256. A document or
 * line that is not JSON goes to `onError` when given (the line is skipped and the rest read, so a check
 * reports every bad line), else rejects. `read` follows how far into the file the read has got ({@link BytesRead}).
 */
export async function eachJsonItem(
  path: string,
  file: string,
  format: 'json' | 'ndjson',
  wholeJsonLimit: number,
  shape: JsonShape,
  onItem: (item: JsonItem) => void,
  onError?: (e: unknown) => void,
  /** The X archive script the file is, when its reader takes one (archiveScript.ts): its assignment is read as spaces. */
  script?: ArchiveScript,
  read?: BytesRead,
): Promise<string> {
  const blank = script?.blank ?? 0;
  const parse = (text: string, baseLine?: number): unknown => {
    if (!onError) return parseStrict(text, file, baseLine);
    try {
      return parseStrict(text, file, baseLine);
    } catch (e) {
      onError(e);
      return undefined;
    }
  };
  if (format === 'ndjson') {
    const { lines, sha256 } = streamLines(path, file, read);
    for await (const { text, index } of lines) {
      const value = parse(text, index);
      if (value !== undefined) onItem({ value, at: [], locate: jsonLocator(text, file, index) });
    }
    return sha256();
  }
  // The X account archive's files are scripts ("window.YTD.tweets.part0 = [...]"), renamed .json or not: refused
  // unless the reader takes one, by the bytes read anyway (a large file's head, which says how it starts, or the whole).
  const notScript = (bytes: Buffer) => {
    if (!script && archiveScript(bytes)) throw error(XArchiveFile, { file, line: 1, column: 1 });
  };
  if (statSync(path).size > wholeJsonLimit) {
    const head = script?.head ?? fileHead(path);
    notScript(head);
    const hash = createHash('sha256');
    // A streamed item's position is its JSON path; its line is not known without the whole text.
    const locate = (p: (string | number)[]) => ({ file: `${file} at ${p.join('.')}` });
    for await (const { value, path: at } of streamJsonItems(path, file, hash, head, shape === 'exports', blank, read))
      onItem({ value, at, locate });
    return hash.digest('hex');
  }
  const bytes = readFileSync(path);
  notScript(bytes);
  const utf8 = utf8Checker(file);
  const notUtf8 = utf8.chunk(bytes) ?? utf8.end();
  if (notUtf8) throw notUtf8;
  // A byte order mark, as some Windows tools write, is not JSON: it is dropped (CSV's too: csv-parse's bom option).
  const text = blanked(bytes, blank)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const value = parse(text);
  if (value !== undefined) {
    const locate = jsonLocator(text, file);
    /**
     * A document read whole is read at once, and then its items are handed on, which is where the time goes; so its
     * bytes are counted as its items are, in proportion (item i of n: i/n of the file), for the progress line to
     * move with them rather than say the whole file is read before its first record is. One division per item,
     * beside the parse of its JSON. A top-level object handed whole (a social export's) is one item: read once it is.
     */
    const each = (items: unknown[], at: (i: number) => (string | number)[]) => {
      for (const [i, item] of items.entries()) {
        if (read) read.bytes = Math.floor((bytes.length * i) / items.length);
        onItem({ value: item, at: at(i), locate });
      }
    };
    if (Array.isArray(value)) each(value, (i) => [i]);
    else if (shape === 'exports') onItem({ value, at: [], locate });
    else {
      const data = value !== null && typeof value === 'object' && Object.hasOwn(value, 'data');
      const items = data ? (value as { data: unknown }).data : undefined;
      if (!Array.isArray(items))
        throw data
          ? error(WrongJsonShape, locate(['data']), 'data', jsonValue(items))
          : error(WrongJsonShape, locate([]), 'file', jsonValue(value));
      each(items, (i) => ['data', i]);
    }
  }
  if (read) read.bytes = bytes.length;
  return createHash('sha256').update(bytes).digest('hex');
}

/** What reads a data file's records: its header first, then each record. */
export interface RecordSink {
  /**
   * Called once before the first record (and for a file with a header and no
   * records): the CSV/TSV header and the line it is on, or `undefined` for JSON, which has none; and the lines above
   * it that the manifest's `headerLine` passed over (its title block), each split at the delimiter.
   */
  header(header: readonly string[] | undefined, line?: number, above?: readonly (readonly string[])[]): void;
  record(r: RawRecord): void;
}

/**
 * Hands the header and then each record to `sink`; resolves to the file's
 * SHA-256. A record that cannot be read (an NDJSON line that is not JSON, a
 * CSV row with the wrong number of fields) goes to `onProblem` when given and
 * the rest of the file is read; else the read rejects at the first. `read` follows how far into the file the read has
 * got ({@link BytesRead}).
 */
export async function readDataFile(
  path: string,
  file: string,
  format: DataFormat,
  wholeJsonLimit: number,
  sink: RecordSink,
  onProblem?: (e: unknown) => void,
  layout: CsvLayout = {},
  read?: BytesRead,
): Promise<string> {
  let started = false;
  const start = (header: readonly string[] | undefined, line?: number, above?: readonly (readonly string[])[]) => {
    if (started) return;
    started = true;
    sink.header(header, line, above);
  };
  if (format === 'json' || format === 'ndjson') {
    const onItem = ({ value, at, locate }: JsonItem) => {
      start(undefined);
      // A record that is not an object (a string, a number, a list) has no fields to map: said as such, not as every
      // mapped column missing. Checked per record, but one typeof beside JSON.parse's work on it.
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        const problem = error(WrongJsonShape, locate(at), 'record', jsonValue(value));
        if (!onProblem) throw problem;
        return onProblem(problem);
      }
      sink.record(jsonRecord(value, locate, at));
    };
    const sha = await eachJsonItem(path, file, format, wholeJsonLimit, 'records', onItem, onProblem, undefined, read);
    start(undefined);
    return sha;
  }
  const stream = streamCsv(path, file, csvDelimiter(format, layout), layout.headerLine, undefined, read);
  const sha = await stream.each(
    (r) => {
      start(stream.header);
      sink.record(r);
    },
    onProblem,
    start,
  );
  start(stream.header);
  return sha;
}
