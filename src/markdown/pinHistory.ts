/**
 * The compositions (src/data/datasetComposition.ts) of the pinned datasets' states the builds of this cache have
 * seen, so that a stale pin can say what moved when no row did (pins.ts). Kept in the dataset cache's folder
 * (`<cache>/soundings/compositions/<data folder>/`, one entry per dataset, the last {@link KEPT} states): a fresh
 * clone or CI runner has none, and its pins say what changed as they always did.
 */
import type { Composition } from '../data/datasetComposition.ts';
import { readEntry, writeEntry } from './cacheEntry.ts';
import { type CacheOptions, dataFolderEntries } from './datasetCache.ts';

/** States kept per dataset: a pin is usually a few builds old, and an entry of 20 file lists is a few kilobytes. */
const KEPT = 20;

const folder = (options: CacheOptions) => dataFolderEntries(options, 'compositions');

/** The state of dataset `id` whose digest starts with `digest` (a pin's 16 hex digits, or all 64), if seen. */
export function seenComposition(id: string, digest: string, options: CacheOptions): Composition | undefined {
  const { dir, key } = folder(options);
  return readEntry<Composition[]>(dir, id, key)?.find((c) => c.digest.startsWith(digest));
}

/** Keeps `composition` among the states of dataset `id` (written only when it is new). */
export function keepComposition(id: string, composition: Composition, options: CacheOptions): void {
  const { dir, key } = folder(options);
  const kept = readEntry<Composition[]>(dir, id, key) ?? [];
  if (kept.some((c) => c.digest === composition.digest)) return;
  writeEntry(dir, id, key, [composition, ...kept].slice(0, KEPT));
}
