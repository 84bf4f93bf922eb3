/**
 * The datasets a site's pages describe, found the same way astro.config.mjs
 * finds them: `sitePaths` of the project root, with SOUNDINGS_DATA_DIR for
 * fixture sites. Bundled page code cannot locate the project from its own
 * URL, so astro.config.mjs passes the root in SOUNDINGS_ROOT (the working
 * directory is the fallback: npm scripts run in the project root).
 */
import { listDatasets } from '../data/loadDataset.ts';
import type { Dataset } from '../data/types.ts';
import { cachedDataset } from '../markdown/datasetCache.ts';
import { sitePaths } from './paths.ts';

export function siteDataOptions(): { root: string; dataDir: string } {
  const { root, dataDir } = sitePaths(process.env.SOUNDINGS_ROOT || process.cwd());
  return { root, dataDir };
}

/** Every dataset under data/, in id order. */
export async function siteDatasets(): Promise<Dataset[]> {
  const options = siteDataOptions();
  const datasets: Dataset[] = [];
  // Awaited one by one: loading may become asynchronous, and parsing them in parallel would not be faster.
  for (const id of listDatasets(options.dataDir)) datasets.push(await cachedDataset(id, options));
  return datasets;
}
