import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, matchesGlob, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fileSha256 } from './fileHash.ts';
import { fileHead } from './fileHead.ts';
import { MANIFEST } from './listDatasets.ts';
import { DEFAULT_FILES, type Manifest, parseManifest } from './manifest.ts';

const NOT_DATA = new Set([MANIFEST, 'README.md']);

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A path relative to `root`, with forward slashes, for messages and pages. */
export const projectPath = (root: string, path: string) => relative(root, path).split(sep).join('/');

/** A file that is never data: the manifest, a README, hidden files (editors' swap files among them). */
const notData = (name: string) => name.startsWith('.') || NOT_DATA.has(name);
/** The extensions of the files a dataset reads (in any case: `.CSV` too). */
const DATA_EXTENSIONS = new Set(['.csv', '.tsv', '.json', '.ndjson', '.jsonl']);
/** Spreadsheet workbooks (Excel's, OpenDocument's), which hold data but are not read: they must be saved as CSV or TSV. */
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xlsb', '.xls', '.ods']);
export const isWorkbook = (name: string) => WORKBOOK_EXTENSIONS.has(extname(name).toLowerCase());
/** A .txt file that is documentation by its name: README.txt, LICENSE.txt, CHANGELOG.txt… */
const DOCUMENTATION = /^(readme|licen[cs]e|copying|notice|changelog|authors)\b/i;

/**
 * Whether a .txt file is a table as Excel saves one: UTF-16 ("Unicode Text"), or a first line holding a tab ("Text
 * (Tab delimited)"). Notes in prose are not, and stay allowed beside the data, as a README is (commas would not tell
 * them apart: "Exported on Monday, by Ann, from the tool."). A file that cannot be read (one just removed) is taken
 * as a table, so that a refusal of it is looked at again.
 */
function textIsTable(path: string): boolean {
  let head: Buffer;
  try {
    head = fileHead(path);
  } catch {
    return true;
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  const first = head
    .toString('utf8')
    .split(/\r\n|\r|\n/)
    .find((line) => line.trim() !== '');
  return first?.includes('\t') ?? false;
}

/**
 * Whether a file beside the data holds data: by its extension (a data file's, a workbook's, in any case) or, for a
 * .txt, by its first line ({@link textIsTable}), unless its name says it is documentation (README.txt, LICENSE.txt).
 */
function looksLikeData(name: string, path: string): boolean {
  if (notData(name)) return false;
  const extension = extname(name).toLowerCase();
  if (DATA_EXTENSIONS.has(extension) || WORKBOOK_EXTENSIONS.has(extension)) return true;
  return extension === '.txt' && !DOCUMENTATION.test(name) && textIsTable(path);
}
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The files of a dataset folder, from one reading of it, sorted by code point
 * so the order never depends on the machine:
 *  - `paths`: those the manifest's `files` pattern matches, in reading order
 *    (dropping a file in appends its rows in that order);
 *  - `unmatched`: those that look like data ({@link looksLikeData}) but that
 *    the pattern misses, `Tweets-2016-11.csv` beside `tweets-*.csv`, a `.CSV`,
 *    Excel's `.xlsx` or tab-separated `.txt`: their rows would be left out,
 *    silently, so the readers refuse them (UnreadDataFile, UnreadWorkbook,
 *    UnreadTextFile). A sub-folder is never read.
 */
export function dataFiles(dir: string, manifest: Pick<Manifest, 'files'>): { paths: string[]; unmatched: string[] } {
  const paths: string[] = [];
  const unmatched: string[] = [];
  const names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && !notData(e.name));
  for (const name of names.map((e) => e.name).sort(byCodePoint)) {
    if (matchesGlob(name, manifest.files)) paths.push(join(dir, name));
    else if (looksLikeData(name, join(dir, name))) unmatched.push(join(dir, name));
  }
  return { paths, unmatched };
}

/** The dataset (its folder's name) a path under `dataDir` belongs to. */
export const datasetOfPath = (dataDir: string, path: string): string => relative(dataDir, path).split(sep)[0] ?? '';

/**
 * Whether a change to `path` (added, changed or removed) can change a dataset under `dataDir`: a manifest,
 * a file its dataset's `files` pattern matches, or one that looks like data (which the dataset then refuses,
 * see dataFiles). An editor's swap file, `sed -i`'s temporary file or a README does not; a folder
 * whose manifest cannot be read is given the benefit of the doubt.
 */
export function mayChangeDataset(dataDir: string, path: string): boolean {
  const [id, name, ...deeper] = relative(dataDir, path).split(sep);
  if (!id || id.startsWith('..') || !name || deeper.length > 0) return false;
  if (name === MANIFEST) return true;
  if (notData(name)) return false;
  if (looksLikeData(name, path)) return true;
  const manifestPath = join(dataDir, id, MANIFEST);
  try {
    return matchesGlob(name, filesPattern(readFileSync(manifestPath, 'utf8'), manifestPath).files);
  } catch {
    return true;
  }
}

// The `files` pattern of each manifest text seen: a build takes a dataset's digest many times.
const filesPatterns = new Map<string, Pick<Manifest, 'files'>>();

/**
 * The manifest's `files` pattern, as validation would give it: read from the
 * YAML alone when it is a non-empty string or absent (a third of the cost of
 * validating the whole manifest); otherwise validated, which throws.
 */
function filesPattern(text: string, path: string): Pick<Manifest, 'files'> {
  let pattern = filesPatterns.get(text);
  if (!pattern) {
    const value: unknown = parseYaml(text);
    const files = value !== null && typeof value === 'object' ? (value as { files?: unknown }).files : undefined;
    pattern = {
      files: typeof files === 'string' && files.length > 0 ? files : files === undefined ? DEFAULT_FILES : parseManifest(text, path).files,
    };
    filesPatterns.set(text, pattern);
  }
  return pattern;
}

/**
 * What a dataset's digest is made of: the manifest's text, and each data file's absolute path and SHA-256 in load
 * order (undefined text: no manifest). A folder without a valid manifest lists every file in it, so that fixing it
 * changes the digest.
 */
export function datasetParts(dir: string): { manifest: string | undefined; files: [path: string, sha256: string][] } {
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) return { manifest: undefined, files: [] };
  const text = readFileSync(manifestPath, 'utf8');
  let files: string[];
  try {
    const { paths, unmatched } = dataFiles(dir, filesPattern(text, manifestPath));
    // A file the pattern does not match changes the digest too, so that the posts re-render and say so.
    files = [...paths, ...unmatched];
  } catch {
    files = readdirSync(dir)
      .sort()
      .map((name) => join(dir, name));
  }
  return { manifest: text, files: files.map((file) => [file, fileSha256(file)]) };
}

/**
 * The content digest of a dataset: SHA-256 over the manifest's bytes and, in
 * load order, each data file's name and bytes. Synchronous and parse-free
 * (beyond the manifest) so the content loader can call it for every post.
 * A folder without a valid manifest still gets a digest from what is there,
 * so that fixing it triggers a re-render.
 */
export function datasetDigest(dir: string): string {
  const { manifest, files } = datasetParts(dir);
  if (manifest === undefined) return sha256(`missing:${dir}`);
  return digestOf(sha256(manifest), dir, files);
}

/**
 * The dataset digest from hashes already in hand: the manifest's SHA-256 and
 * each data file's (absolute path, SHA-256), in load order. The loaders, which
 * hash each file as they read it, use it rather than reading every file again.
 */
export function digestOf(manifestSha: string, dir: string, files: readonly (readonly [string, string])[]): string {
  const hash = createHash('sha256').update(`${MANIFEST}\0${manifestSha}\0`);
  for (const [file, sha] of files) hash.update(`${file.slice(dir.length)}\0${sha}\0`);
  return hash.digest('hex');
}
