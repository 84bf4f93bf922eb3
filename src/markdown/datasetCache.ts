/**
 * The one way Soundings code gets a dataset: `await cachedDataset(id, {root, dataDir})`.
 *
 * Two levels of cache, keyed by content (bytes, never mtimes), so a changed
 * file is always re-read:
 *  - in memory, the loaded dataset, by the dataset's digest (manifest + every
 *    data file), for the posts of one build that share a dataset;
 *  - on disk, across builds, each data file's parsed records, by the file's
 *    and the manifest's bytes, not the file's name (the loader's FileCache), so
 *    a file renamed with the same bytes is not parsed again: a checked cache entry
 *    (src/markdown/cacheEntry.ts: checksum, temporary file renamed into place,
 *    a corrupt entry ignored and rebuilt, never trusted) under
 *    `node_modules/.cache/soundings/datasets/` (or `$SOUNDINGS_CACHE_DIR/soundings/`).
 *    Dropping a file into a dataset parses that file only. The records read
 *    or written are also held in memory, so a re-load in `astro dev` after
 *    one file changes reads none of the others from the disk.
 * The disk key also covers the loader's own code (src/data) and the lock file,
 * so a fix to an adapter or a new csv-parse re-parses every dataset.
 *
 * A load stopped by a problem in the data is remembered with the state it was
 * found in (the dataset's digest and the loader's code): a load of the data
 * in that state throws it again rather than parse the files up to it again,
 * and the build's second thread hands its own over (src/site/helperThread.ts).
 *
 * Each load is recorded (rows, files, files parsed, period, time; or that it
 * failed) for the summary the content loader prints at the end of a build,
 * with the files added, removed and changed since the dataset's last read
 * (each dataset's last file list is kept beside the parsed files).
 */

import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { datasetDigest } from '../data/datasetFiles.ts';
import { folderBytes } from '../data/listDatasets.ts';
import { checkDataset, type FileCache, type FileRecords, type LoadOptions, loadDataset } from '../data/loadDataset.ts';
import { readProgress } from '../data/readProgress.ts';
import type { Dataset } from '../data/types.ts';
import { receivedError, SoundingsError, sentError } from '../errors.ts';
import { processGlobal } from '../processGlobal.ts';
import { codeDigest, LIBRARIES } from '../site/codeDigest.ts';
import { datasetCacheDir, entryBytes, entryKey, hasEntry, readEntry, readEntryByKey, removeEntries, writeEntry } from './cacheEntry.ts';
import { type FailedAhead, waitForAhead } from './readingAhead.ts';

export interface CacheOptions extends Pick<LoadOptions, 'root' | 'dataDir'> {
  /** The folder for parsed datasets; default from {@link datasetCacheDir}. */
  cacheDir?: string;
}

/** What one dataset load did, for the build summary. */
export interface LoadRecord {
  id: string;
  digest: string;
  rows: number;
  files: number;
  /** First and last post time (posts datasets), ISO 8601 UTC. */
  period?: [string, string];
  ms: number;
  /**
   * memory: already loaded in this process; hit: every file's records read
   * from the disk cache; miss: every file parsed; partial: some of each;
   * failed: the data was refused (rows and files are then 0).
   */
  cache: 'memory' | 'hit' | 'miss' | 'partial' | 'failed';
  /** Data files parsed (the others came from the disk cache). */
  parsed: number;
  /** A failed load's problems, all of them as `npm run check` lists them, once {@link countProblems} has counted. */
  problems?: number;
  /**
   * The data files (names) added, removed and changed (other bytes under the same name) since the dataset was last
   * read with the same cache (the last build, or in `astro dev` the last re-load); absent when it never was.
   */
  since?: FileChanges;
  /** The files read (name, SHA-256), which {@link keepFileLists} keeps for the next read to compare with. */
  fileList?: readonly Listed[];
}

/** A data file as the file lists name it: its name in the dataset's folder, and its SHA-256. */
type Listed = readonly [name: string, sha256: string];

export interface FileChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

// Astro loads the config (with the remark plugin) and the content config in
// separate module graphs, so process-wide state lives on globalThis.
interface State {
  memory: Map<string, Dataset>;
  /** Loads under way, so that posts rendering at the same time share one. */
  pending: Map<string, { digest: string; promise: Promise<Dataset> }>;
  records: Map<string, LoadRecord>;
  /**
   * Each data file's records as last read or written, by cache entry path, with the entry's key: a re-load in
   * `astro dev` after one file changes takes the others' records from here, not from the disk (~0.15 s for
   * the sample tweets). An entry whose file was deleted meanwhile (the cache folder) is written back from here.
   */
  files: Map<string, { key: string; records: FileRecords }>;
  /**
   * The last load of each dataset that a problem in its data stopped, by data folder and id ({@link FailedAhead}: the
   * error as data, the state of the data and the loader's code it was found in, the time the load took to find it).
   * A load of the dataset in that state throws it again, without parsing the files again up to the problem (a user
   * trial's 150 MB export: 20 s); the build's second thread hands its own over (src/site/helperWorker.ts).
   */
  failures: Map<string, FailedAhead>;
  /** How many data files were parsed in this process (tests, bench). */
  parses: number;
}
const state = processGlobal<State>('datasetCache', () => ({
  memory: new Map(),
  pending: new Map(),
  records: new Map(),
  files: new Map(),
  failures: new Map(),
  parses: 0,
}));

/** The loads recorded since the last {@link takeLoadRecords} call, by dataset id. */
export function takeLoadRecords(): LoadRecord[] {
  const out = [...state.records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  state.records.clear();
  return out;
}

/**
 * The most bytes of data a failed dataset's problems are counted for, the summary's "failed: 3 problems": counting is a
 * second reading of every file (a second of it per 40 MB or so), after the error is printed and before the build
 * stops or the dev server answers again. A user trial's 150 MB export kept a failed build silent for 21–29 s, and a
 * dev server from answering for seconds, to print a count; a dataset past this says only "failed", and `npm run check`
 * lists its problems.
 */
export const COUNTED_PROBLEMS_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Counts the problems of each failed load among `records` (a load stops at the first): a second reading of the
 * dataset that collects them all, as `npm run check` does, only for what failed, and only up to
 * {@link COUNTED_PROBLEMS_MAX_BYTES}.
 */
export async function countProblems(records: readonly LoadRecord[], options: CacheOptions): Promise<void> {
  for (const r of records) {
    if (r.cache !== 'failed' || r.problems !== undefined) continue;
    // A folder gone since is not counted either: its load's error says so.
    const folder = join(options.dataDir, r.id);
    if (!existsSync(folder) || folderBytes(folder) > COUNTED_PROBLEMS_MAX_BYTES) continue;
    // The files the load read before its first problem are in the cache now: not parsed again.
    const problems = await checkCachedDataset(r.id, options).catch(() => []);
    r.problems = Math.max(1, problems.length);
  }
}

export const parseCount = () => state.parses;

/** Forgets the datasets held in memory and the loads recorded, as a new build process starts (tests and the benchmark). */
export function clearMemoryCache(): void {
  state.memory.clear();
  state.files.clear();
  state.failures.clear();
  state.records.clear();
}

let loaderCode: { root: string; digest: string } | undefined;
function loaderDigest(root: string): string {
  if (loaderCode?.root !== root) loaderCode = { root, digest: codeDigest(root, ['src/data', LIBRARIES]) };
  return loaderCode.digest;
}

/**
 * What a load of dataset `id` gives is a function of, as one string: the dataset's digest (its manifest, and each data
 * file's name and bytes: datasetDigest) and the loader's code (src/data and the libraries), which the disk cache's keys
 * hold too. Undefined when the folder cannot be hashed (a file removed while it was listed): nothing is remembered.
 * Cheap for unchanged files, whose hashes are remembered while they are (fileHash.ts).
 */
export function loadState(id: string, options: CacheOptions): string | undefined {
  try {
    return `${datasetDigest(join(options.dataDir, id))}\0${loaderDigest(resolve(options.root))}`;
  } catch {
    return undefined;
  }
}

/**
 * Problems in the data that a load of the same bytes with the same code may not find again, and that are not
 * remembered: a file that changed while it was read (its size or time did, which a `touch` changes and its bytes do
 * not), and a dataset not found (its message names the other datasets, which the dataset's state does not cover).
 */
const MOMENTARY = new Set(['DataFileChanged', 'DatasetNotFound']);

/**
 * Remembers that a load stopped with `e`, a problem in the data (anything else, a bug or the heap run out, is not: the
 * next load tries again), found in `before`, the state taken before it read, if the data is still in that state: a
 * file changed while it was read gives no problem to remember.
 */
function rememberFailure(key: string, id: string, options: CacheOptions, before: string | undefined, e: unknown, ms: number) {
  if (!(e instanceof SoundingsError) || MOMENTARY.has(e.name) || before === undefined) return;
  if (loadState(id, options) !== before) return;
  const failure = { state: before, error: sentError(e), ms };
  state.failures.set(key, failure);
  thrownFor.set(e, failure);
}

/**
 * The remembered failure each error a load threw stands for: the load's own, or one made again for it. This module
 * copy's, as the load and the caller that records it are.
 */
const thrownFor = new WeakMap<object, FailedAhead>();

/** The remembered failure `e`, what a load threw, stands for, if any. */
const thrownFailure = (e: unknown): FailedAhead | undefined => (typeof e === 'object' && e !== null ? thrownFor.get(e) : undefined);

/**
 * A remembered failure as a load throws it again: a new error each time, made by this module graph's copy of the
 * error catalogue. Decided: not the error first thrown, which the failures (shared by the process) would hand from
 * one of Astro's module graphs to another, each with a SoundingsError class of its own: a dataset page's `instanceof
 * SoundingsError` (siteData.ts) missed a post's error, and `astro dev` printed it as a crash rather than show its page;
 * and one object thrown again and again would carry what each catcher wrote on it (the Markdown renderer's heading).
 */
function thrownAgain(failure: FailedAhead): SoundingsError {
  const e = receivedError(failure.error);
  thrownFor.set(e, failure);
  return e;
}

/**
 * `e`, what a load of dataset `id` on this thread rejected with, as a message carries it to the other thread when it
 * is the problem in the data remembered of it: what the build's second thread hands to the posts' thread
 * (src/site/helperWorker.ts), which reports it as its own load would have (the same message, file:line:column and
 * class) while the data and the loader's code are as they were. Undefined: the load did not stop on a problem in the
 * data (a bug, the heap run out), or the data changed while it was read.
 */
export function failureToHand(id: string, options: CacheOptions, e: unknown): FailedAhead | undefined {
  const failure = thrownFailure(e);
  return failure !== undefined && state.failures.get(`${options.dataDir}\0${id}`) === failure ? failure : undefined;
}

/** How much a load did: the files it parsed, then whether it read the cache at all. */
const work = (r: LoadRecord) => r.parsed * 2 + (r.cache === 'memory' ? 0 : 1);

/**
 * Records a load for the summary. A build may read a dataset many times (and the second thread may read it for the
 * posts it renders ahead: src/markdown/renderedAhead.ts); the summary keeps the load that did the most work, and a
 * failure over a read from memory (a page's read of the last good data: the summary must not show its numbers).
 */
export function keepLoadRecord(r: LoadRecord): void {
  const previous = state.records.get(r.id);
  const fromMemory = r.cache === 'memory' && previous !== undefined && previous.cache !== 'memory';
  const lessWork = previous !== undefined && previous.cache !== 'failed' && previous.digest === r.digest && work(previous) >= work(r);
  if (fromMemory || lessWork) return;
  state.records.set(r.id, r);
}

/** The load of dataset `id` recorded since the last {@link takeLoadRecords} call, if any. */
export const loadRecordOf = (id: string): LoadRecord | undefined => state.records.get(id);

function record(dataset: Dataset, ms: number, cache: LoadRecord['cache'], parsed = 0, options?: CacheOptions) {
  const span = dataset.kind === 'posts' ? dataset.period : undefined;
  const period = span && ([new Date(span[0]).toISOString(), new Date(span[1]).toISOString()] as [string, string]);
  // A load that read the files (not one from memory) says what changed in them since the last build.
  const fileList: Listed[] | undefined = options && dataset.files.map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), f.sha256]);
  const since = fileList && options && filesSince(fileList, dataset.id, options);
  keepLoadRecord({
    id: dataset.id,
    digest: dataset.digest,
    rows: dataset.rows.length,
    files: dataset.files.length,
    ...(period ? { period } : {}),
    ms,
    cache,
    parsed,
    ...(since ? { since } : {}),
    ...(fileList ? { fileList } : {}),
  });
}

/**
 * A folder beside the parsed files for entries of one data folder (`<cache>/soundings/<what>/<folder>/`: the file
 * lists here, the pinned states in pinHistory.ts), and the key they are kept under. Another data folder sharing the
 * cache (SOUNDINGS_DATA_DIR pointing elsewhere) has a folder of its own: an entry is one per name, and writing one
 * removes the others of its name (cacheEntry.ts), so two data folders' entries under one name would evict each other
 * (each build would then find no file list to say what changed since).
 */
export function dataFolderEntries(options: CacheOptions, what: string): { dir: string; key: string } {
  const key = entryKey(resolve(options.root), resolve(options.dataDir));
  return { dir: join(dirname(options.cacheDir ?? datasetCacheDir(options.root)), what, key), key };
}

const fileLists = (options: CacheOptions) => dataFolderEntries(options, 'file-lists');

/** What changed in the dataset's files since the list kept from its last build or re-load (none kept: undefined). */
function filesSince(now: readonly Listed[], id: string, options: CacheOptions): FileChanges | undefined {
  const lists = fileLists(options);
  const last = readEntry<Listed[]>(lists.dir, id, lists.key);
  if (!last) return undefined;
  const before = new Map(last);
  const names = new Set(now.map(([name]) => name));
  return {
    added: now.filter(([name]) => !before.has(name)).map(([name]) => name),
    removed: last.filter(([name]) => !names.has(name)).map(([name]) => name),
    changed: now.filter(([name, sha]) => before.has(name) && before.get(name) !== sha).map(([name]) => name),
  };
}

/**
 * Records a load that failed, over whatever was recorded of the dataset before (a page's read of its last good
 * data): the summary must not show numbers the data no longer gives. A dataset that is not there is the post's
 * mistake, not a failed load.
 */
function recordFailure(id: string, e: unknown, ms: number) {
  if (e instanceof SoundingsError && e.name === 'DatasetNotFound') return;
  state.records.set(id, { id, digest: '', rows: 0, files: 0, ms, cache: 'failed', parsed: 0 });
}

/**
 * Keeps the file list of each dataset `records` read, for the next build or re-load to name what changed since
 * ({@link LoadRecord.since}). The content loader calls it once it has printed its summary; `npm run check`, which
 * prints none, does not, so a check between two builds does not hide the changes from the second.
 */
export function keepFileLists(records: readonly LoadRecord[], options: CacheOptions): void {
  const lists = fileLists(options);
  for (const r of records) {
    const unchanged = r.since && r.since.added.length + r.since.removed.length + r.since.changed.length === 0;
    if (r.fileList && !unchanged) writeEntry(lists.dir, r.id, lists.key, r.fileList);
  }
}

/** Loads a dataset, from memory or the disk cache when its content is unchanged. */
export async function cachedDataset(id: string, options: CacheOptions): Promise<Dataset> {
  const start = performance.now();
  const digest = datasetDigest(join(options.dataDir, id));
  const key = `${options.dataDir}\0${id}`;
  const hit = state.memory.get(key);
  if (hit && hit.digest === digest) {
    record(hit, performance.now() - start, 'memory');
    return hit;
  }
  // Posts render concurrently: the first to ask loads, the others wait for the same load.
  const pending = state.pending.get(key);
  if (pending && pending.digest === digest) {
    const dataset = await pending.promise;
    record(dataset, performance.now() - start, 'memory');
    return dataset;
  }
  const promise = loadUncached(id, options, key, start, digest);
  state.pending.set(key, { digest, promise });
  try {
    return await promise;
  } catch (e) {
    // A problem remembered (found now, earlier, or on the second thread) is recorded with the time it took to find.
    const known = thrownFailure(e);
    recordFailure(id, e, known ? known.ms : performance.now() - start);
    throw e;
  } finally {
    if (state.pending.get(key)?.promise === promise) state.pending.delete(key);
  }
}

/**
 * Where the disk cache keeps dataset `id`'s files' records, and how a file's are found: the one reading of the
 * cache that a load ({@link loadUncached}) and a check ({@link checkCachedDataset}) share, so a check finds exactly
 * the entries a build wrote.
 */
function fileEntries(id: string, options: CacheOptions) {
  const dir = options.cacheDir ?? datasetCacheDir(options.root);
  // The project's path without a trailing slash: Astro's config root has one, `npm run check`'s working directory
  // has none, and the two must share entries (a check between two builds made the second one cold).
  const root = resolve(options.root);
  const keyOf = (contentKey: string) => entryKey(contentKey, loaderDigest(root), root);
  // One entry per data file, named after its dataset and file ("tweets~2016-07.csv"); a "~" in the dataset's name is
  // written %7E (a folder name never holds "%"), so that dataset "t" never takes "t~old"'s entries for its own.
  const ours = `${id.replace(/~/g, '%7E')}~`;
  const entryName = (file: string) => `${ours}${file.slice(file.lastIndexOf('/') + 1)}`;
  const held = (file: string) => join(dir, entryName(file));
  const ourPaths = join(dir, ours);
  // Keys hold a file's content, not its name (the loader's FileCache), so a file renamed (or copied, the old one
  // then removed) with the same bytes has its records under its old name: found in memory, or among the dataset's
  // entries on the disk (each checked under its own name: readEntryByKey).
  const renamed = (key: string, fits: Fits): FileRecords | undefined => {
    for (const [path, known] of state.files) if (known.key === key && path.startsWith(ourPaths)) return known.records;
    return readEntryByKey<FileRecords>(dir, key, (name) => name.startsWith(ours) && fits(entryBytes(dir, name, key) ?? 0))?.value;
  };
  /**
   * A file's records kept for this content (in memory, its own entry, or a renamed file's), and whether from its own
   * entry; an entry on the disk only if `fits` its size in bytes (a check's memory: {@link checkCachedDataset}).
   */
  const find = (file: string, contentKey: string, fits: Fits = () => true) => {
    const key = keyOf(contentKey);
    const known = state.files.get(held(file));
    const fromMemory = known?.key === key ? known.records : undefined;
    const name = entryName(file);
    const fromDisk = fromMemory || !fits(entryBytes(dir, name, key) ?? 0) ? undefined : readEntry<FileRecords>(dir, name, key);
    return { key, records: fromMemory ?? fromDisk ?? renamed(key, fits), onDisk: fromDisk !== undefined };
  };
  return { dir, keyOf, ours, entryName, held, find };
}

/** Whether an entry of this many bytes may be read. */
type Fits = (bytes: number) => boolean;

/**
 * How much more of the JavaScript heap a cache entry's records take than the entry's bytes: 2.45 measured (the 1M-post
 * scale file's 154 MB entry is 376 MB of records), rounded up.
 */
const HEAP_PER_ENTRY_BYTE = 3;

/**
 * How much more of the heap a data file's records take than the file's bytes, with the entry serialised from them:
 * the 1M-post scale CSV's 121 MB are 376 MB of records (3.1), rounded up; JSON, wordier, takes less.
 */
const HEAP_PER_DATA_BYTE = 4;

/** Whether `bytes` more fit in what is left of the JavaScript heap (`node --max-old-space-size`). */
const fitsInHeap = (bytes: number): boolean => {
  const { heap_size_limit, used_heap_size } = getHeapStatistics();
  return bytes <= heap_size_limit - used_heap_size;
};

/**
 * Every problem of a dataset, as {@link checkDataset} finds them, without parsing a file whose records the cache
 * keeps for its content (`npm run check`): an entry is written only for a file read without a problem, so its records
 * are valid, and they are checked against the other files' as a load checks them (ids, accounts, `collected`), then
 * dropped. A file without one is parsed, and its records kept in the cache if it has no problem, so the next check
 * (or build) does not parse it again.
 *
 * Decided: a kept file's records are held while they are checked or written (one file at a time), which a streamed
 * file's are not, so the cache is used only for a file whose records fit in what is left of the heap; another is
 * streamed, no record held, as before the check used the cache, and a check still passes with the heap capped at
 * 128 MB (README, "npm run check"). Reading the 1M-post scale file's entry takes 3.5 s where parsing the file takes 8 s.
 */
export async function checkCachedDataset(id: string, options: CacheOptions & Pick<LoadOptions, 'onProgress'>): Promise<SoundingsError[]> {
  const { dir, keyOf, entryName, find } = fileEntries(id, options);
  const fileCache: FileCache = {
    get: (file, contentKey) => find(file, contentKey, (bytes) => fitsInHeap(bytes * HEAP_PER_ENTRY_BYTE)).records,
    // A file parsed is kept when its records fit the heap, so that the next check (or build) does not parse it again.
    keepWhileChecking: (path) => fitsInHeap((statSync(path, { throwIfNoEntry: false })?.size ?? 0) * HEAP_PER_DATA_BYTE),
    set: (file, contentKey, records) => writeEntry(dir, entryName(file), keyOf(contentKey), records),
  };
  return checkDataset(id, {
    root: options.root,
    dataDir: options.dataDir,
    fileCache,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

async function loadUncached(id: string, options: CacheOptions, key: string, start: number, digest: string): Promise<Dataset> {
  // Files parsed ahead by the worker count as parsed by this load, which reads them from the disk: the summary says
  // what the build did, and it parsed them.
  const ahead = await waitForAhead(options.dataDir, id);
  // A problem in the data that stopped a load of it as it is now, with this code, is thrown again rather than found
  // again by parsing the files up to it: the worker's (handed over; the same error, made again on this thread), or
  // this thread's own. Decided: checked against the state now, not the one this load began with, since the worker
  // may have taken seconds: a file edited meanwhile (under `astro dev`, or mid-build) is read again.
  if (ahead.failed) state.failures.set(key, ahead.failed);
  const failed = state.failures.get(key);
  if (failed) {
    if (failed.state === loadState(id, options)) throw thrownAgain(failed);
    state.failures.delete(key);
  }
  // The summary's time is the load's, on both threads: the second thread's, then this one's once it was done.
  const read = performance.now();
  const { dir, keyOf, ours, entryName, held, find } = fileEntries(id, options);
  let parsed = 0;
  /** The records reused, and whether they were read from the file's own entry. */
  const reused: { file: string; key: string; records: FileRecords; onDisk: boolean }[] = [];
  const fileCache: FileCache = {
    // Asked once for each file: what it does not find, the loader parses.
    get: (file, contentKey) => {
      const { key, records, onDisk } = find(file, contentKey);
      if (records) {
        reused.push({ file, key, records, onDisk });
      } else {
        parsed++;
        state.parses++;
      }
      return records;
    },
    set: (file, contentKey, records) => {
      const key = keyOf(contentKey);
      state.files.set(held(file), { key, records });
      writeEntry(dir, entryName(file), key, records);
    },
  };
  // Reused records are kept under their file's name once the load is done (two files that swapped names find each
  // other's entries first), failed or not: they are right for their content either way. Those not read from their
  // own entry (from memory, or a renamed file's) are written where it is missing, so the next build does not parse
  // them: the cache folder deleted while `astro dev` runs, a renamed file. One existence check, no serialising
  // when the entry is there.
  const keepReused = () => {
    for (const { file, key, records, onDisk } of reused) {
      state.files.set(held(file), { key, records });
      if (!onDisk && !hasEntry(dir, entryName(file), key)) writeEntry(dir, entryName(file), key, records);
    }
  };
  let dataset: Dataset;
  try {
    dataset = await loadDataset(id, { root: options.root, dataDir: options.dataDir, onProgress: readProgress(id), fileCache });
  } catch (e) {
    // The state this load began with: the digest taken before it (and before any wait for the worker), this code.
    rememberFailure(key, id, options, `${digest}\0${loaderDigest(resolve(options.root))}`, e, performance.now() - start);
    throw e;
  } finally {
    keepReused();
  }
  // The entries of files no longer in the dataset go.
  const current = new Set(dataset.files.map((f) => entryName(f.path)));
  removeEntries(dir, (name) => name.startsWith(ours) && !current.has(name));
  for (const path of state.files.keys()) {
    const name = path.slice(dir.length + 1);
    if (path.startsWith(`${dir}${sep}`) && name.startsWith(ours) && !current.has(name)) state.files.delete(path);
  }
  state.memory.set(key, dataset);
  parsed = Math.min(parsed + ahead.parsed, dataset.files.length);
  const cache = parsed === 0 ? 'hit' : parsed === dataset.files.length ? 'miss' : 'partial';
  record(dataset, ahead.ms > 0 ? ahead.ms + performance.now() - read : performance.now() - start, cache, parsed, options);
  return dataset;
}
