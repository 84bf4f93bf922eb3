/**
 * Opening a dataset folder, before any record is read: the folder, its
 * manifest (read and validated) and its data files in reading order. The
 * loader (loadDataset.ts) and the streamed statistics (streamPosts.ts) start
 * here, so both refuse a missing folder, manifest or file alike; and each
 * file goes through the checks below (empty, a copy, a CSV layout on JSON)
 * in both.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import {
  CompressedDataFile,
  DatasetName,
  DatasetNotFound,
  EmptyDataFile,
  error,
  ManifestInvalid,
  ManifestMissing,
  NoDataFiles,
  RepeatedDataFile,
  type SoundingsError,
  UnreadDataFile,
  UnreadTextFile,
  UnreadWorkbook,
  Utf16DataFile,
  WorkbookDataFile,
} from '../errors.ts';
import { dataFiles, digestOf, isWorkbook, projectPath, sha256 } from './datasetFiles.ts';
import { fileHead } from './fileHead.ts';
import { fileKind } from './fileKind.ts';
import { listDatasets, MANIFEST } from './listDatasets.ts';
import { csvLayoutKey, DEFAULT_FILES, type Manifest, type ManifestLocator, readManifest } from './manifest.ts';
import type { DataFormat } from './rawRecord.ts';
import { formatOf } from './readDataFile.ts';
import type { DatasetFile } from './types.ts';

/** The data folder as messages name it: "data/" for the project's own, else its path from the project root. */
export function dataFolderName(options: DatasetPlace): string {
  const rel = projectPath(options.root, options.dataDir);
  return rel === 'data' ? 'data/' : `${rel}/`;
}

/** The project root (paths in messages are relative to it) and the folder holding one sub-folder per dataset. */
type DatasetPlace = { root: string; dataDir: string };

export interface OpenDataset {
  /** The dataset folder. */
  dir: string;
  manifestPath: string;
  /** The manifest's text, as hashed into the dataset's digest. */
  manifestText: string;
  manifest: Manifest;
  /** Where a key of the manifest is, for messages about what it maps. */
  locate: ManifestLocator;
  /** The data files, absolute, in reading order. */
  paths: string[];
  /** Files that look like data that `files` does not match, refused by the readers (see dataFiles). */
  unread: SoundingsError[];
}

/**
 * Opens dataset `id`. Throws its first problem, located; with `problems`,
 * records them all (a manifest can have several) and returns undefined.
 */
export function openDataset(id: string, options: DatasetPlace): OpenDataset;
export function openDataset(id: string, options: DatasetPlace, problems: SoundingsError[] | undefined): OpenDataset | undefined;
export function openDataset(id: string, options: DatasetPlace, problems?: SoundingsError[]): OpenDataset | undefined {
  const fail = (...found: SoundingsError[]) => {
    if (!problems) throw found[0];
    problems.push(...found);
    return undefined;
  };
  const dir = join(options.dataDir, id);
  const rel = (path: string) => projectPath(options.root, path);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return fail(error(DatasetNotFound, undefined, id, listDatasets(options.dataDir), dataFolderName(options)));
  if (/[#?%]/.test(id)) return fail(error(DatasetName, { file: rel(dir) }, rel(dir)));
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) return fail(error(ManifestMissing, { file: rel(dir) }, rel(dir)));
  const manifestText = readFileSync(manifestPath, 'utf8');
  const read = readManifest(manifestText, rel(manifestPath));
  if (!('manifest' in read)) return fail(...read.problems);
  const { paths, unmatched } = dataFiles(dir, read.manifest);
  const { files } = read.manifest;
  // At the manifest's "files" when it has one.
  const where = files === DEFAULT_FILES ? { file: rel(dir) } : read.locate(['files']);
  const unread = unmatched.map((path) => unreadProblem(path, rel(path), files));
  if (paths.length === 0) return fail(error(NoDataFiles, where, files), ...unread);
  return { dir, manifestPath, manifestText, manifest: read.manifest, locate: read.locate, paths, unread };
}

/** Why a file that looks like data and that `files` misses is refused: a workbook or a .txt says what to save it as. */
function unreadProblem(path: string, file: string, pattern: string): SoundingsError {
  const extension = extname(path);
  if (isWorkbook(path)) return error(UnreadWorkbook, { file }, extension);
  if (extension.toLowerCase() === '.txt') return error(UnreadTextFile, { file }, pattern);
  return error(UnreadDataFile, { file }, pattern);
}

/**
 * The dataset's digest (what `datasetDigest(dir)` gives) from the SHA-256 of
 * each file, in `paths` order, as a reader computed them while reading: hashing
 * the files again would read each one a second time, whole.
 */
export function digestOfRead(opened: OpenDataset, shas: readonly string[]): string {
  return digestOf(
    sha256(opened.manifestText),
    opened.dir,
    opened.paths.map((path, i) => [path, shas[i] ?? ''] as const),
  );
}

/**
 * A data file that cannot be read as the text its name says, refused before it is read, from its size and its first
 * bytes (fileKind.ts), once per file: one of 0 bytes (a failed export, a copy still running), a compressed one, a
 * workbook renamed, or one in UTF-16. `format`: what its name (or the manifest) says it is, CSV and TSV being read in
 * UTF-16LE with its byte order mark too; a file with no data format's name is only checked for bytes (its name is
 * refused with what it is: UnreadWorkbook, UnknownFormat).
 *
 * UTF-16 big-endian is refused even with its byte order mark, though csv-parse's little-endian is read: no tool
 * analysts use writes it (Excel's "Unicode Text" is little-endian), and reading it would take a second decoder
 * through every reader that finds lines by their bytes (a title block, a check reading on after a bad row), each
 * a place for a line number to go wrong; the message gives the one iconv command that converts it.
 */
export function unreadableFileProblem(path: string, file: string, format: DataFormat | undefined): SoundingsError | undefined {
  if (statSync(path).size === 0) return error(EmptyDataFile, { file });
  const found = format === undefined ? undefined : fileKind(fileHead(path));
  if (!found) return undefined;
  const at = { file, line: 1, column: 1 };
  const csv = format === 'csv' || format === 'tsv';
  const name = basename(path);
  switch (found.kind) {
    case 'compressed':
      return error(CompressedDataFile, at, found.by, name);
    case 'zip':
      return error(CompressedDataFile, at, 'zip', name);
    case 'workbook':
      return error(WorkbookDataFile, at, found.workbook, extname(path));
    case 'utf16':
      if (csv && !found.bigEndian && found.mark) return undefined;
      return error(Utf16DataFile, at, found.bigEndian, found.mark, csv, name);
  }
}

/**
 * A CSV layout the manifest gives (`delimiter`, `headerLine`) on a JSON or NDJSON file its `files` pattern matches
 * (`files: "*"`): it cannot apply, and would be ignored silently. Located at the manifest's key. (A manifest whose
 * `format` is not CSV's is refused with one before any file: readManifest.)
 */
export function csvLayoutProblem(opened: OpenDataset, path: string, file: string): SoundingsError | undefined {
  const layout = csvLayoutKey(opened.manifest);
  const format = formatOf(path, opened.manifest.format);
  if (!layout || (format !== 'json' && format !== 'ndjson')) return undefined;
  return error(
    ManifestInvalid,
    opened.locate([layout]),
    `"${layout}" is for CSV and TSV files, but ${file} is ${format.toUpperCase()}: leave it out, or make "files" match the CSV files only.`,
  );
}

/**
 * A file (`file`, SHA-256 `sha`) with the same bytes as one read before it in
 * the dataset, which had rows: a copy ("results (1).csv") would count a
 * table's rows twice, and an accounts file's would all be duplicate ids. Posts
 * would be de-duplicated by id, but a copy is still refused, for every kind
 * alike. Two identical files without rows (two empty API pages) are fine.
 */
export function repeatedFileProblem(read: readonly DatasetFile[], file: string, sha: string): SoundingsError | undefined {
  const first = read.find((f) => f.sha256 === sha && f.rows > 0);
  return first ? error(RepeatedDataFile, { file }, first.path) : undefined;
}
