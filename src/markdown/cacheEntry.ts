/**
 * One file of Soundings' disk cache: `<dir>/<name>-<key>.v8`, where `key` is
 * 32 hex digits of a digest of everything the value depends on.
 *
 * An entry is a SHA-256 of its name, key and body (32 bytes), then the body, V8's
 * serialisation of the value (`node:v8`: Dates stay Dates; for the 78k
 * sample tweets it writes in about 35 ms and reads in about 35 ms, where JSON
 * with a Date replacer and reviver took 130 ms and 330 ms). Its format
 * belongs to the V8 version, so callers put `process.versions.v8` in the key.
 *
 * Written to a temporary file renamed into place, so a crashed build never
 * leaves half an entry; an entry whose checksum does not match (corrupt,
 * truncated, hand-edited, or another entry's file copied or renamed to its
 * name, since the checksum covers the name and key) is ignored and deleted — never trusted — and the
 * caller rebuilds it. Writing an entry removes the older entries of the same
 * name, so the folder holds one entry per data file, and the temporary files
 * of that name that a killed build left behind over an hour ago.
 *
 * A value can also be found by its key alone, under whatever name it was kept
 * ({@link readEntryByKey}: a data file renamed with the same bytes); each
 * candidate is checked under its own name, so that stays "never trusted".
 *
 * A cache that cannot be written is said once per build ({@link cacheNotWritten}), not once per entry. The cache's
 * folder ({@link datasetCacheDir}) is found here too: the build's second thread finds what it need not read
 * before it loads the dataset reader (src/site/profileEntry.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { CacheNotWritable, printable, warn } from '../errors.ts';
import { processGlobal } from '../processGlobal.ts';

const CHECKSUM = 32;
const checksum = (name: string, key: string, body: Uint8Array) => createHash('sha256').update(`${name}\0${key}\0`).update(body).digest();
const ENTRY = /^(.*)-([0-9a-f]{32})\.v8$/;
/** `<name>-<key>.v8.<pid>.<ms since 1970>.tmp`, as {@link writeEntry} names its temporary files. */
const TEMPORARY = /^(.*)-[0-9a-f]{32}\.v8\.\d+\.(\d+)\.tmp$/;
/** Where parsed datasets are kept between builds. */
export function datasetCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const astroCache = env.SOUNDINGS_CACHE_DIR;
  if (astroCache) return join(isAbsolute(astroCache) ? astroCache : resolve(root, astroCache), 'soundings', 'datasets');
  return join(root, 'node_modules', '.cache', 'soundings', 'datasets');
}

/**
 * Older than this, a temporary file belongs to a build that was killed while writing. Writing one
 * entry takes under a second for the sample and about ten for ten million posts; an hour leaves a
 * build writing at the same time on a very slow disk alone.
 */
export const ABANDONED_MS = 60 * 60 * 1000;

const entryPath = (dir: string, name: string, key: string) => join(dir, `${name}-${key}.v8`);

/** An entry's key: 32 hex digits of the SHA-256 of everything its value depends on, and of the V8 version. */
export const entryKey = (...parts: string[]): string =>
  createHash('sha256')
    .update([...parts, process.versions.v8].join('\0'))
    .digest('hex')
    .slice(0, 32);

/** Removes the entries in `dir` that `drop(name, key)` picks (a missing folder has none). */
export function removeEntries(dir: string, drop: (name: string, key: string) => boolean): void {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return;
  }
  for (const file of files) {
    const m = ENTRY.exec(file);
    if (m && drop(m[1] as string, m[2] as string)) rmSync(join(dir, file), { force: true });
  }
}

/** The value of a checked entry, or undefined (and the file removed) when it is missing, corrupt or unreadable. */
export function readEntry<T>(dir: string, name: string, key: string): T | undefined {
  const path = entryPath(dir, name, key);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const body = bytes.subarray(CHECKSUM);
  if (bytes.length <= CHECKSUM || !checksum(name, key, body).equals(bytes.subarray(0, CHECKSUM))) {
    rmSync(path, { force: true });
    return undefined;
  }
  try {
    return deserialize(body) as T;
  } catch {
    rmSync(path, { force: true });
    return undefined;
  }
}

/** The size in bytes of the entry of this name and key in `dir` (not checked), or undefined when there is none. */
export const entryBytes = (dir: string, name: string, key: string): number | undefined =>
  statSync(entryPath(dir, name, key), { throwIfNoEntry: false })?.size;

/** Whether `dir` holds an entry of this name and key (not checked: {@link readEntry} checks it when it is read). */
export const hasEntry = (dir: string, name: string, key: string): boolean => existsSync(entryPath(dir, name, key));

/**
 * The value of a checked entry with `key`, whatever its name, among the names `among` picks, and that name; or
 * undefined. For a value kept by content under another name (a data file renamed with the same bytes): each
 * candidate is read as {@link readEntry} reads it, checked against its own name, so an entry's file copied to
 * another name is refused (and removed) here as anywhere, never taken for the entry it was copied from.
 */
export function readEntryByKey<T>(dir: string, key: string, among: (name: string) => boolean): { name: string; value: T } | undefined {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return undefined;
  }
  for (const file of files) {
    const m = ENTRY.exec(file);
    const name = m?.[1] as string;
    if (m?.[2] !== key || !among(name)) continue;
    const value = readEntry<T>(dir, name, key);
    if (value !== undefined) return { name, value };
  }
  return undefined;
}

/**
 * Whether this process has said that the cache cannot be written, and, in the build's second thread
 * (src/site/helperWorker.ts), where it hands the warning to the build's thread, which says it.
 */
const unwritable = processGlobal<{ said: boolean; handTo: ((dir: string, reason: string) => void) | undefined }>('unwritableCache', () => ({
  said: false,
  handTo: undefined,
}));

/**
 * Says that the cache could not be written (CacheNotWritable), naming the folder and the system's reason: once per
 * process, whatever fails after, since a folder that refuses one entry refuses them all (a read-only or full disk,
 * a SOUNDINGS_CACHE_DIR that is a file), and the 15 entries of the sample data made 15 lines that said the same.
 * Decided: once per process, so `astro dev` says it once per session, not at each re-load; the second thread's
 * failures are handed to the build's thread (see {@link handCacheWarningsTo}), so a build says it once in all.
 */
export function cacheNotWritten(dir: string, reason: string): void {
  if (unwritable.said) return;
  unwritable.said = true;
  if (unwritable.handTo) unwritable.handTo(dir, reason);
  else warn(CacheNotWritable, undefined, printable(dir), printable(reason));
}

/** In a worker thread: hands {@link cacheNotWritten}'s warning to `handTo` (which tells the build's thread). */
export function handCacheWarningsTo(handTo: (dir: string, reason: string) => void): void {
  unwritable.handTo = handTo;
}

/** Forgets that the warning was said, as a new build process starts (tests). */
export function forgetCacheWarning(): void {
  unwritable.said = false;
}

/**
 * Writes a checked entry, then removes the older entries of the same name.
 * A cache that cannot be written (a read-only or full disk) makes the next
 * build slower, not wrong: it is said once ({@link cacheNotWritten}), and the build goes on.
 */
export function writeEntry(dir: string, name: string, key: string, value: unknown): void {
  const path = entryPath(dir, name, key);
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    const body = serialize(value);
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, Buffer.concat([checksum(name, key, body), body]));
    renameSync(temp, path);
  } catch (e) {
    // A full disk leaves no half-written temporary file behind either (when there is a folder to hold one).
    try {
      rmSync(temp, { force: true });
    } catch {}
    cacheNotWritten(dir, (e as Error).message);
    return;
  }
  // In one pass over the folder: the older entries of this name, and the temporary files of this name that a
  // killed build started more than ABANDONED_MS ago.
  const now = Date.now();
  for (const file of readdirSync(dir)) {
    const entry = ENTRY.exec(file);
    const temporary = entry ? undefined : TEMPORARY.exec(file);
    const stale = entry ? entry[1] === name && entry[2] !== key : temporary?.[1] === name && now - Number(temporary[2]) > ABANDONED_MS;
    if (stale) rmSync(join(dir, file), { force: true });
  }
}
