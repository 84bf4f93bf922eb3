/**
 * Loads one dataset folder: reads its manifest, reads every matching data file
 * in a stable order, checks each record against the manifest, and returns
 * typed rows. This is the only place data is validated; code further in
 * trusts the types.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import {
  BadBoolean,
  BadDate,
  BadNumber,
  DatasetNotFound,
  DuplicateAccount,
  error,
  type Location,
  ManifestMissing,
  MissingColumn,
  MissingValue,
  NoDataFiles,
  UnknownFormat,
} from '../errors.ts';
import { expectedFor, parseCell, parseTime } from './cell.ts';
import { datasetDigest, listDataFiles, MANIFEST, projectPath, sha256 } from './datasetFiles.ts';
import { extractHashtags, splitHashtags } from './hashtags.ts';
import { type ColumnType, type Manifest, parseManifest } from './manifest.ts';
import type { DataFormat, RawFile, RawRecord } from './rawRecord.ts';
import { readCsv } from './readCsv.ts';
import { readJson, readNdjson } from './readJson.ts';
import type { Account, Cell, Dataset, DatasetFile, Post, Row } from './types.ts';

export interface LoadOptions {
  /** The project root; paths in messages are relative to it. */
  root: string;
  /** The folder holding one sub-folder per dataset. */
  dataDir: string;
}

const FORMATS: Record<string, DataFormat> = { '.csv': 'csv', '.tsv': 'tsv', '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson' };

function readRaw(text: string, file: string, format: DataFormat): RawFile {
  switch (format) {
    case 'csv':
      return readCsv(text, file, ',');
    case 'tsv':
      return readCsv(text, file, '\t');
    case 'json':
      return readJson(text, file);
    case 'ndjson':
      return readNdjson(text, file);
  }
}

function checkColumns(raw: RawFile, wanted: Record<string, string>, file: string) {
  if (!raw.header) return;
  for (const [field, column] of Object.entries(wanted)) {
    if (!raw.header.includes(column)) throw error(MissingColumn, { file, line: 1, column: 1 }, column, field, raw.header);
  }
}

function typed(record: RawRecord, column: string, type: ColumnType, required: boolean): Cell {
  const raw = record.get(column);
  const location = record.locate(column);
  const result = parseCell(raw, type);
  if (!result.ok) throw badCell(type, column, raw, location, result.expected);
  if (result.value === null && required) throw error(MissingValue, location, column);
  return result.value;
}

function badCell(type: ColumnType, column: string, raw: unknown, location: Location, expected: string) {
  const got = typeof raw === 'string' ? raw : JSON.stringify(raw);
  if (type === 'date' || type === 'datetime') return error(BadDate, location, column, got, expected);
  if (type === 'boolean') return error(BadBoolean, location, column, got);
  return error(BadNumber, location, column, got, type);
}

function missingField(record: RawRecord, column: string, field: string, raw: RawFile) {
  if (!record.has(column)) throw error(MissingColumn, record.locate(), column, field, raw.header ?? []);
}

/** Validates and maps the raw records of one file, per the manifest's kind. */
function mapRecords(manifest: Manifest, raw: RawFile, file: string): (Post | Account | Row)[] {
  switch (manifest.kind) {
    case 'posts': {
      const f = manifest.fields;
      const time = typeof f.time === 'string' ? { column: f.time, format: undefined } : f.time;
      const mapping: Record<string, string> = { id: f.id, time: time.column, author: f.author, text: f.text };
      if (f.hashtags) mapping.hashtags = f.hashtags;
      checkColumns(raw, mapping, file);
      return Array.from(raw.records, (r): Post => {
        for (const [field, column] of Object.entries(mapping)) missingField(r, column, field, raw);
        const id = typed(r, f.id, 'string', true) as string;
        const rawTime = r.get(time.column);
        const parsed = parseTime(rawTime, time.format);
        if (!parsed.ok || !(parsed.value instanceof Date)) {
          const location = r.locate(time.column);
          if (rawTime === null || rawTime === undefined || rawTime === '') throw error(MissingValue, location, time.column);
          throw badCell('datetime', time.column, rawTime, location, parsed.ok ? expectedFor('datetime') : parsed.expected);
        }
        const text = (typed(r, f.text, 'string', false) as string | null) ?? '';
        const tags = f.hashtags ? splitHashtags((typed(r, f.hashtags, 'string', false) as string | null) ?? '') : extractHashtags(text);
        return { id, time: parsed.value.getTime(), author: typed(r, f.author, 'string', true) as string, text, hashtags: tags };
      });
    }
    case 'accounts': {
      const f = manifest.fields;
      checkColumns(raw, { ...f, ...Object.fromEntries(Object.keys(manifest.columns).map((c) => [c, c])) }, file);
      return Array.from(raw.records, (r): Account => {
        const extra: Row = {};
        for (const [column, type] of Object.entries(manifest.columns)) extra[column] = typed(r, column, type, false);
        return {
          ...extra,
          id: typed(r, f.id, 'string', true) as string,
          name: typed(r, f.name, 'string', true) as string,
          platform: typed(r, f.platform, 'string', true) as string,
          followers: typed(r, f.followers, 'integer', true) as number,
        };
      });
    }
    case 'table': {
      checkColumns(raw, Object.fromEntries(Object.keys(manifest.columns).map((c) => [c, c])), file);
      return Array.from(raw.records, (r): Row => {
        const row: Row = {};
        for (const [column, type] of Object.entries(manifest.columns)) {
          if (!raw.header) missingField(r, column, column, raw);
          row[column] = typed(r, column, type, false);
        }
        return row;
      });
    }
  }
}

/** The dataset ids under `dataDir`: every folder with a manifest. */
export function listDatasets(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir)
    .filter((name) => existsSync(join(dataDir, name, MANIFEST)))
    .sort();
}

/** Reads, validates and types a dataset. Throws a located SoundingsError on the first problem. */
export function loadDataset(id: string, options: LoadOptions): Dataset {
  const dir = join(options.dataDir, id);
  const rel = (path: string) => projectPath(options.root, path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw error(DatasetNotFound, undefined, id, listDatasets(options.dataDir));
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) throw error(ManifestMissing, { file: rel(dir) }, rel(dir));
  const manifest = parseManifest(readFileSync(manifestPath, 'utf8'), rel(manifestPath));

  const paths = listDataFiles(dir, manifest);
  if (paths.length === 0) throw error(NoDataFiles, { file: rel(dir) }, manifest.files);

  const files: DatasetFile[] = [];
  const perFile: { file: string; rows: (Post | Account | Row)[]; raw: RawFile }[] = [];
  for (const path of paths) {
    const file = rel(path);
    const format = manifest.format ?? FORMATS[extname(path).toLowerCase()];
    if (!format) throw error(UnknownFormat, { file }, file);
    const bytes = readFileSync(path);
    const raw = readRaw(bytes.toString('utf8'), file, format);
    const rows = mapRecords(manifest, raw, file);
    files.push({ path: file, sha256: sha256(bytes), bytes: bytes.length, rows: rows.length });
    perFile.push({ file, rows, raw });
  }
  const base = { id, dir: rel(dir), manifest, files, digest: datasetDigest(dir) };

  switch (manifest.kind) {
    case 'posts': {
      const seen = new Set<string>();
      const rows: Post[] = [];
      let duplicates = 0;
      for (const { rows: fileRows } of perFile) {
        for (const post of fileRows as Post[]) {
          if (seen.has(post.id)) duplicates++;
          else {
            seen.add(post.id);
            rows.push(post);
          }
        }
      }
      return { ...base, kind: 'posts', rows, duplicates };
    }
    case 'accounts': {
      const firstSeen = new Map<string, string>();
      const rows: Account[] = [];
      for (const { rows: fileRows, raw, file } of perFile) {
        const records = Array.from(raw.records);
        (fileRows as Account[]).forEach((account, i) => {
          const where = records[i]?.locate(manifest.fields.id) ?? { file };
          const first = firstSeen.get(account.id);
          if (first) throw error(DuplicateAccount, where, account.id, first);
          firstSeen.set(account.id, `${where.file}:${where.line ?? 1}`);
          rows.push(account);
        });
      }
      return { ...base, kind: 'accounts', rows };
    }
    case 'table':
      return { ...base, kind: 'table', rows: perFile.flatMap((f) => f.rows as Row[]) };
  }
}
