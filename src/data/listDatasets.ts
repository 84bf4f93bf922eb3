/**
 * The datasets of a data folder: every folder in it with a manifest. Light on purpose (Node's fs alone): the build's
 * second thread lists them before Astro starts (src/site/helperThread.ts, scripts/build.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The file that makes a folder of data/ a dataset. */
export const MANIFEST = 'manifest.yaml';

/** The dataset ids under `dataDir`: every folder with a manifest, in code-point order. */
export function listDatasets(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir)
    .filter((name) => existsSync(join(dataDir, name, MANIFEST)))
    .sort();
}

/**
 * The bytes of the files in a dataset's folder, whatever its manifest's pattern matches (a bound, not a measure: the
 * second thread's reading order, and whether a failed dataset is small enough to count its problems).
 */
export function folderBytes(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((sum, e) => sum + (e.isFile() ? statSync(join(folder, e.name)).size : 0), 0);
}
