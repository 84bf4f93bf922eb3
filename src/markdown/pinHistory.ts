/**
 * The compositions (src/data/datasetComposition.ts) of the pinned datasets' states the builds of this cache have
 * seen, so that a stale pin can say what moved when no row did (pins.ts). Kept in the dataset cache's folder
 * (`<cache>/soundings/compositions/<data folder>/`, one entry per dataset, the last {@link KEPT} states): a fresh
 * clone or CI runner has none, and its pins say what changed as they always did.
 */
import { dirname, join, resolve } from 'node:path';
import type { Composition } from '../data/datasetComposition.ts';
import { entryKey, readEntry, writeEntry } from './cacheEntry.ts';
import { type CacheOptions, datasetCacheDir } from './datasetCache.ts';

/** States kept per dataset: a pin is usually a few builds old, and an entry of 20 file lists is a few kilobytes. */
const KEPT = 20;

function folder(options: CacheOptions): { dir: string; key: string } {
  // One folder per data folder, as the file lists (datasetCache.ts), so that two sharing the cache do not mix.
  const key = entryKey(resolve(options.root), resolve(options.dataDir));
  return { dir: join(dirname(options.cacheDir ?? datasetCacheDir(options.root)), 'compositions', key), key };
}

/** The entry's name for dataset `id` ("~" written %7E, as the parsed files' entries are named). */
const nameOf = (id: string) => id.replace(/~/g, '%7E');

/** The state of dataset `id` whose digest starts with `digest` (a pin's 16 hex digits, or all 64), if seen. */
export function seenComposition(id: string, digest: string, options: CacheOptions): Composition | undefined {
  const { dir, key } = folder(options);
  return readEntry<Composition[]>(dir, nameOf(id), key)?.find((c) => c.digest.startsWith(digest));
}

/** Keeps `composition` among the states of dataset `id` (written only when it is new). */
export function keepComposition(id: string, composition: Composition, options: CacheOptions): void {
  const { dir, key } = folder(options);
  const kept = readEntry<Composition[]>(dir, nameOf(id), key) ?? [];
  if (kept.some((c) => c.digest === composition.digest)) return;
  writeEntry(dir, nameOf(id), key, [composition, ...kept].slice(0, KEPT));
}
