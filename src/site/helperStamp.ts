/**
 * Whether the build's second thread has anything to read: a stamp of the data folder and of the code that profiles
 * it, as the disk shows them (each file's path, size, modification time and inode: not its content, which would mean
 * reading it), kept by the last second thread that left every dataset's profile in the cache (helperWorker.ts).
 *
 * A build whose stamp matches starts no second thread (src/site/helperThread.ts): it would find every dataset read
 * already, and only cost the other core a third of a second while Astro starts (a warm build). The stamp decides
 * nothing else: a build without the thread reads and draws on its own thread what it needs, by content as ever, so a
 * stamp that matched wrongly (a file rewritten within the same nanosecond at the same size) would slow a build,
 * never change it. Light on purpose: it is read before Astro starts (scripts/build.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { datasetCacheDir, entryKey } from '../markdown/cacheEntry.ts';
import { PROFILE_CODE, walk } from './codeDigest.ts';

/** The data folder's and the profiles' code's files as the disk shows them now. */
export function dataStamp(root: string, dataDir: string): string {
  const files: string[] = [];
  walk(resolve(dataDir), files);
  for (const folder of PROFILE_CODE) walk(join(resolve(root), folder), files);
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    try {
      const { size, mtimeNs, ino } = statSync(file, { bigint: true });
      hash.update(`${file}\0${size}\0${mtimeNs}\0${ino}\n`);
    } catch {
      hash.update(`${file}\0missing\n`);
    }
  }
  return hash.digest('hex');
}

/** Where the stamp of `dataDir` is kept, beside the parsed datasets (`env`: SOUNDINGS_CACHE_DIR). */
const stampFile = (root: string, dataDir: string, env = process.env) =>
  join(dirname(datasetCacheDir(root, env)), 'helper', `${entryKey(resolve(root), resolve(dataDir))}.stamp`);

/** The stamp the last second thread kept for `dataDir`, if any. */
export function lastStamp(root: string, dataDir: string, env = process.env): string | undefined {
  try {
    return readFileSync(stampFile(root, dataDir, env), 'utf8');
  } catch {
    return undefined;
  }
}

/** Keeps `stamp` (taken before the data was read) as the last; a cache that cannot be written keeps none. */
export function keepStamp(root: string, dataDir: string, stamp: string): void {
  const file = stampFile(root, dataDir);
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, stamp);
    renameSync(temporary, file);
  } catch {
    // The next build starts the thread again: slower, no different.
  }
}
