import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileSha256 } from '../data/fileHash.ts';

/**
 * The lock file: the exact versions of the libraries (csv-parse, vega, d3-format…) that parse, compute, draw and
 * format. Caches kept across `npm ci` (SOUNDINGS_CACHE_DIR, README "Keep the caches in CI") must not outlive them.
 */
export const LIBRARIES = 'package-lock.json';

/** The code a dataset's profile (the dataset pages' summary) depends on: the loader, the summaries and their formats. */
export const PROFILE_CODE = [
  'src/data',
  'src/site/datasetSummary.ts',
  'src/markdown/postRecord.ts',
  'src/markdown/smartText.ts',
  'src/render/format.ts',
  LIBRARIES,
];

/** The folders whose code decides what a rendered post contains. */
export const RENDER_CODE = ['src/data', 'src/analysis', 'src/render', 'src/markdown', 'src/errors.ts', 'public/fonts', LIBRARIES];

/** Every file under `path` (or `path` itself, a file), into `out`. */
export function walk(path: string, out: string[]) {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    out.push(path); // a file
    return;
  }
  for (const e of entries) walk(join(path, e.name), out);
}

/**
 * SHA-256 over the source of the code that renders directives, so a change to
 * a formatter or a chart spec re-renders every post (Astro's cache keys on the
 * Markdown alone). Files are sorted by path: the digest does not depend on
 * directory order.
 */
export function codeDigest(projectRoot: string, folders: readonly string[] = RENDER_CODE): string {
  const root = resolve(projectRoot); // with or without a trailing slash, one digest
  const files: string[] = [];
  for (const folder of folders) walk(join(root, folder), files);
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    try {
      hash.update(`${file.slice(root.length)}\0${fileSha256(file)}\0`);
    } catch {
      hash.update(`${file}\0missing\0`);
    }
  }
  return hash.digest('hex');
}
