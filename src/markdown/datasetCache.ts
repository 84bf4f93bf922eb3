import { join } from 'node:path';
import { datasetDigest } from '../data/datasetFiles.ts';
import { type LoadOptions, loadDataset } from '../data/loadDataset.ts';
import type { Dataset } from '../data/types.ts';

const cache = new Map<string, Dataset>();

/**
 * Loads a dataset once per content digest: posts sharing a dataset parse it
 * once per build, and a changed file is always re-read (never keyed by mtime).
 */
export function cachedDataset(id: string, options: LoadOptions): Dataset {
  const digest = datasetDigest(join(options.dataDir, id));
  const key = `${options.dataDir}\0${id}`;
  const hit = cache.get(key);
  if (hit && hit.digest === digest) return hit;
  const dataset = loadDataset(id, options);
  cache.set(key, dataset);
  return dataset;
}
