/**
 * Where a dataset's profile (siteData.ts: the dataset pages' summary) is kept on the disk, and whether it is there:
 * light on purpose, for the build's second thread to find the datasets it need not read (helperWorker.ts) before it
 * loads anything that reads data.
 */
import { dirname, join, resolve } from 'node:path';
import { datasetDigest } from '../data/datasetFiles.ts';
import { datasetCacheDir, entryKey, hasEntry } from '../markdown/cacheEntry.ts';
import { codeDigest, PROFILE_CODE } from './codeDigest.ts';

/** The digest of the code a profile depends on, which its cache key holds: worked out once by a caller of many. */
export const profileCode = (root: string): string => codeDigest(root, PROFILE_CODE);

/** Where a dataset's profile is kept on the disk, and its key there. */
export function profileEntry(digest: string, code: string, root: string): { dir: string; key: string } {
  return { dir: join(dirname(datasetCacheDir(root)), 'profiles'), key: entryKey(digest, code, resolve(root)) }; // as the dataset cache's keys (datasetCache.ts)
}

/**
 * Whether the dataset as it is now has its profile on the disk: then a build has read it whole with this code, and
 * its files' records are in the cache beside it (the build's second thread does not read it again: helperWorker.ts).
 */
export function hasCachedProfile(id: string, options: { root: string; dataDir: string }, code = profileCode(options.root)): boolean {
  const entry = profileEntry(datasetDigest(join(options.dataDir, id)), code, options.root);
  return hasEntry(entry.dir, id, entry.key);
}
