/**
 * Reads one data file record by record, whatever its format: CSV and TSV with
 * csv-parse's stream, NDJSON line by line, JSON whole when small and with
 * stream-json when large. The file is never held as one string beyond
 * `wholeJsonLimit`, and its SHA-256 is computed as it is read.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { type DataFormat, getPath, type RawRecord } from './rawRecord.ts';
import { readJson } from './readJson.ts';
import { streamCsv, streamJsonItems, streamNdjson } from './streamRecords.ts';

const FORMATS: Record<string, DataFormat> = { '.csv': 'csv', '.tsv': 'tsv', '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson' };

/** The format of a data file: the manifest's `format` if it names a plain one, else the file's extension. */
export function formatOf(path: string, manifestFormat?: string): DataFormat | undefined {
  if (manifestFormat && Object.values(FORMATS).includes(manifestFormat as DataFormat)) return manifestFormat as DataFormat;
  return FORMATS[extname(path).toLowerCase()];
}

/**
 * Hands each record to `consume` (with the CSV/TSV header once it is known);
 * resolves to the file's SHA-256 and its header (none for JSON).
 */
export async function readDataFile(
  path: string,
  file: string,
  format: DataFormat,
  wholeJsonLimit: number,
  consume: (r: RawRecord, header?: readonly string[]) => void,
): Promise<{ sha: string; header?: readonly string[] | undefined }> {
  if (format === 'json' && statSync(path).size <= wholeJsonLimit) {
    const bytes = readFileSync(path);
    for (const r of readJson(bytes.toString('utf8'), file)) consume(r);
    return { sha: createHash('sha256').update(bytes).digest('hex') };
  }
  if (format === 'json') {
    const hash = createHash('sha256');
    for await (const { value, path: at } of streamJsonItems(path, file, hash)) {
      consume({
        get: (f) => getPath(value, f),
        has: (f) => getPath(value, f) !== undefined,
        locate: (f) => ({ file: `${file} at ${[...at, ...(f ? f.split('.') : [])].join('.')}` }),
      });
    }
    return { sha: hash.digest('hex') };
  }
  const stream = format === 'ndjson' ? streamNdjson(path, file) : streamCsv(path, file, format === 'tsv' ? '\t' : ',');
  const sha = await stream.each((r) => consume(r, stream.header));
  return { sha, header: stream.header };
}
