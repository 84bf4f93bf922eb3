/**
 * Loads one dataset folder: reads its manifest, reads every matching data file
 * in a stable order, checks each record against the manifest, and returns
 * typed rows. This is the only place data is validated; code further in
 * trusts the types.
 *
 * Files are streamed (see streamRecords.ts): records are mapped one at a time
 * as they are read, so memory holds the typed rows, not the file's text.
 *
 * With a {@link FileCache}, each file's records are kept by the file's content
 * (and the manifest's), so a file dropped into a dataset is the only one
 * parsed on the next load: the others' records come from the cache, and are
 * de-duplicated with the new ones in file order as if all had been parsed.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { extent } from 'd3-array';
import {
  ArchiveNotTweets,
  ArchiveWithoutAccount,
  AuthorByIdOnly,
  DuplicateAccount,
  error,
  HeaderOnlyFile,
  IdReused,
  type Location,
  NotArchiveFile,
  NotJsonExport,
  type SoundingsError,
  TwoArchiveAccounts,
  UnknownFormat,
  UnreadWorkbook,
  WrongSocialFormat,
  warn,
  XArchiveFile,
} from '../errors.ts';
import { processGlobal } from '../processGlobal.ts';
import type { AdapterEvents, JsonPath, Locate } from './adapters/common.ts';
import { ADAPTERS, type Adapter, isSocialFormat } from './adapters/index.ts';
import { FORMAT_NAMES, looksLike } from './adapters/sniff.ts';
import { idOfAuthor } from './adapters/twitterV2.ts';
import { ARCHIVE_ACCOUNT } from './adapters/xArchive.ts';
import { archiveScript } from './archiveScript.ts';
import { attempt, attemptAsync, collectProblem } from './attempt.ts';
import { type CollectionLimit, collectionLimit } from './collection.ts';
import { cutShortNoter } from './cutShort.ts';
import { datasetDigest, isWorkbook, projectPath, sha256 } from './datasetFiles.ts';
import { fileSha256 } from './fileHash.ts';
import { fileHead } from './fileHead.ts';
import { ADDED, IdSet, postPrint, SEEN } from './idSet.ts';
import type { ColumnType, Manifest, ManifestLocator, PostsManifest } from './manifest.ts';
import {
  csvLayoutProblem,
  digestOfRead,
  type OpenDataset,
  openDataset,
  repeatedFileProblem,
  unreadableFileProblem,
} from './openDataset.ts';
import { postMapper } from './postMapping.ts';
import type { DataFormat, RawRecord } from './rawRecord.ts';
import { eachJsonItem, formatOf, type JsonItem, readDataFile } from './readDataFile.ts';
import { type PostReader, pathOfString, plainPostReader, type ReadFile, reusedIdPlaces } from './reusedId.ts';
import { type BytesRead, WHOLE_JSON_LIMIT } from './streamRecords.ts';
import { type CellReader, columnCheck, idCell, readCells, typed, type WantedColumn } from './typedCell.ts';
import type { Account, Dataset, DatasetFile, Post, Row } from './types.ts';

export interface LoadOptions {
  /** The project root; paths in messages are relative to it. */
  root: string;
  /** The folder holding one sub-folder per dataset. */
  dataDir: string;
  /**
   * Collect problems here and go on, instead of throwing at the first
   * (`npm run check`, through {@link checkDataset}). No record is held then (but as {@link fileCache} says), and no dataset returned.
   */
  collect?: SoundingsError[];
  /** JSON files larger than this many bytes are streamed (default {@link WHOLE_JSON_LIMIT}; tests lower it). */
  wholeJsonLimit?: number;
  /**
   * Called every {@link PROGRESS_EVERY} records and after each file, with the records read so far, the file being read
   * and how many of the dataset's bytes are read ({@link ReadBytes}).
   */
  onProgress?: (rows: number, file: string, bytes: ReadBytes) => void;
  /**
   * Where each file's records are kept between loads. With `collect` (a check), a file whose records are kept is not
   * parsed: they are checked as the file's (ids across files, accounts, the archive's account, `collected`) and
   * dropped; a file parsed is kept only if {@link FileCache.keepWhileChecking} says so, since a check holds no record.
   */
  fileCache?: FileCache;
}

/** The records one data file gave, before de-duplication across files. */
export interface FileRecords {
  /** Posts as themselves; accounts and table rows with where they are (duplicate accounts are located). */
  items: (Post | Mapped)[];
  /** Ids of posts the file says were deleted (a v1.1 stream's `delete` notices), wherever they were read. */
  deleted?: string[];
  /** The account an X archive's account.js names: the author of the archive's tweets. */
  account?: string;
  /** The users the file's X API v2 pages include, id and username (each once): they name authors of other files too. */
  users?: [id: string, username: string][];
  /**
   * The author ids the file's X API v2 posts name with no username on their page, each with where its first such
   * post is, in the file's order: which of them no page of the dataset names is known once every file is read.
   */
  byId?: [id: string, at: Location][];
  /** The file's name when its records were read, which their locations start with (see {@link relocated}). */
  file?: string;
}

/**
 * Keeps each data file's records by content; `get` is asked once per file
 * (with a key whenever a cache is given), and what it lacks is parsed. `key` is the SHA-256 of the
 * file's bytes, of how the manifest reads it and of the format its extension names, not of its name: the same
 * key means the same records, whatever the file is called (a file renamed with the same bytes is not parsed
 * again; the loader relabels the locations kept records carry), as long as the loader's code is the same (the
 * cache's business: src/markdown/datasetCache.ts folds its digest in).
 */
export interface FileCache {
  get(file: string, key: string): FileRecords | undefined;
  set(file: string, key: string, records: FileRecords): void;
  /**
   * Whether a check (which otherwise holds no record) may hold the records of the data file at `path` while it reads
   * it, to `set` them if it finds no problem in it; absent, it never does.
   */
  keepWhileChecking?(path: string): boolean;
}

export const PROGRESS_EVERY = 50_000;

/**
 * How far a load is through its dataset's bytes: `total`, the sizes of the files it reads (those the manifest's
 * pattern matches), measured when it starts; `read`, those of the files done (parsed, taken from the cache, or
 * refused) and how far into the current one the read has got (BytesRead: what came off the disk, a chunk or two ahead
 * of the records parsed), short of its last byte until it is done. A file whose records come from the cache counts as
 * read at once, as it is not read.
 */
export interface ReadBytes {
  read: number;
  total: number;
}

/**
 * How many times this process parsed each data file (read it from the disk, rather than take its records from a
 * {@link FileCache}), by name: loads and checks alike. Tests read it (tests/site/check.test.ts, through a module
 * preloaded into `npm run check`) to see that unchanged data is not parsed again. One count per name, so `astro dev`
 * re-loading for hours keeps no more than its files' names.
 */
const parsed = processGlobal<Map<string, number>>('parsedDataFiles', () => new Map());
export const parsedFiles = (): ReadonlyMap<string, number> => parsed;

/** A mapped record and where its id is (for duplicate-account messages). */
export type Mapped = { row: Post | Account | Row; at?: Location };

/**
 * A kept record located in the file as it is called now. Records are kept by content, not by name, so that a
 * renamed 150 MB export is not parsed again; an account's location is the one thing in them that names its file
 * (posts and table rows carry none), and it is relabelled here rather than keyed by name: one lookup for every
 * kind, and a small copy for the accounts of a renamed file only.
 */
const relocated = (m: Mapped, from: string | undefined, file: string): Mapped => {
  if (!m.at) return m;
  const at = relabelled(m.at, from, file);
  return at === m.at ? m : { ...m, at };
};

/** A kept location (an account's, or a post's author id's: {@link FileRecords.byId}) in the file as it is called now. */
const relabelled = (at: Location, from: string | undefined, file: string): Location =>
  // Only the name changes: a streamed JSON file's location goes on with where in it ("data/a.json at 0.id").
  from !== undefined && from !== file && at.file.startsWith(from) ? { ...at, file: `${file}${at.file.slice(from.length)}` } : at;

/** The typed columns of a manifest (`columns:`), as the mapping reads them. */
const typedColumns = (columns: Record<string, unknown>): WantedColumn[] =>
  Object.keys(columns).map((c) => ({ field: c, column: c, key: ['columns', c] }));

/** The cells of a manifest's typed columns (`columns:`), each read into the row under its name. */
const columnCells = (columns: Record<string, ColumnType>): CellReader<Row>[] =>
  Object.entries(columns).map(([column, type]) => (r, row) => {
    row[column] = typed(r, column, type, false);
  });

/**
 * The per-record mapping of a manifest: `header` checks a file's header
 * (before its first record), `map` validates and types one record. Made once
 * per file: a record is one walk over cells listed here.
 */
function mapperFor(manifest: Manifest, file: string, locate: ManifestLocator) {
  switch (manifest.kind) {
    case 'posts': {
      // One mapping for plain posts, shared with the streaming path (postMapping.ts).
      const posts = postMapper(manifest, file, locate);
      return { header: posts.header, map: (r: RawRecord): Mapped => ({ row: posts.map(r) }) };
    }
    case 'accounts': {
      const f = manifest.fields;
      const fields = Object.entries(f).map(([field, column]) => ({ field, column, key: ['fields', field] }));
      const columns = columnCheck([...fields, ...typedColumns(manifest.columns)], file, locate, manifest);
      // The fields last, so that one a `columns:` entry reads too is the field's (as required, an id trimmed).
      const cells: CellReader<Row>[] = [
        ...columnCells(manifest.columns),
        (r, row) => {
          row.id = idCell(r, f.id);
        },
        (r, row) => {
          row.name = typed(r, f.name, 'string', true);
        },
        (r, row) => {
          row.platform = typed(r, f.platform, 'string', true);
        },
        (r, row) => {
          row.followers = typed(r, f.followers, 'integer', true);
        },
      ];
      return {
        header: columns.header,
        map: (r: RawRecord): Mapped => {
          columns.record(r);
          return { row: readCells(r, cells, {}) as Account, at: r.locate(f.id) };
        },
      };
    }
    case 'table': {
      const columns = columnCheck(typedColumns(manifest.columns), file, locate, manifest);
      const cells = columnCells(manifest.columns);
      return {
        header: columns.header,
        map: (r: RawRecord): Mapped => {
          columns.record(r);
          return { row: readCells(r, cells, {}) };
        },
      };
    }
  }
}

/**
 * Fills a repost that names only its original (a Bluesky repost record) with
 * the original's text and entities when the original is in the same dataset,
 * so its hashtags count like those of any other repost.
 */
/**
 * Each post at the earliest time any of its copies gives, whichever file was read first: exports of one post keep
 * different precision (10:00:00.500 and 10:00:00), and views of one Bluesky post or repost give different times (a
 * feed the time it was indexed, the record when it was made), so that the first read would decide which week a post
 * falls in, by the files' names. One pass, only when a post was read twice.
 */
function earliestTimes(rows: Post[], again: readonly Post[]): Post[] {
  const earliest = new Map<string, number>();
  for (const p of again) if (p.time < (earliest.get(p.id) ?? Number.POSITIVE_INFINITY)) earliest.set(p.id, p.time);
  if (earliest.size === 0) return rows;
  return rows.map((p) => {
    const time = earliest.get(p.id);
    return time !== undefined && time < p.time ? { ...p, time } : p;
  });
}

function resolveReposts(rows: Post[], again: readonly Post[]): void {
  if (!rows.some((p) => p.repostOf !== undefined && p.text === '')) return;
  const byId = new Map(rows.map((p) => [p.id, p]));
  // An original that is not a post of the dataset may still be in it: a feed's repost carries the post it reposts,
  // whether that repost was kept or read again after the same repost's bare record (`again`).
  const carried = new Map<string, Post>();
  for (const p of [...rows, ...again])
    if (p.repostOf !== undefined && p.text !== '' && !carried.has(p.repostOf)) carried.set(p.repostOf, p);
  for (const [i, p] of rows.entries()) {
    if (p.repostOf === undefined || p.text !== '' || p.hashtags.length > 0) continue;
    const original = byId.get(p.repostOf) ?? carried.get(p.repostOf);
    if (!original) continue;
    const filled: Post = { ...p, text: original.text, hashtags: original.hashtags };
    if (original.mentions) filled.mentions = original.mentions;
    if (original.urls) filled.urls = original.urls;
    rows[i] = filled;
  }
}

/** Reads, validates and types a dataset. Rejects with a located SoundingsError on the first problem. */
export async function loadDataset(id: string, options: LoadOptions): Promise<Dataset> {
  const dataset = await readDataset(id, options);
  if (!dataset) throw new Error(`unreachable: ${id} failed without a problem`);
  return dataset;
}

/**
 * Every problem in a dataset (manifest, files, records), located, without
 * stopping at the first. An empty list means `loadDataset` will succeed.
 * No record is held (see readDataset), but one file's that its FileCache lets it keep: memory is the id set, not the
 * rows, so a check reads ten million posts.
 */
export async function checkDataset(id: string, options: Omit<LoadOptions, 'collect'>): Promise<SoundingsError[]> {
  const problems: SoundingsError[] = [];
  await readDataset(id, { ...options, collect: problems });
  return problems;
}

/**
 * Reads one social-export file through its adapter (NDJSON line by line, JSON whole or, when large, streamed); `read`
 * follows how far into the file the read has got.
 */
async function readSocialFile(
  path: string,
  file: string,
  adapter: Adapter,
  collection: CollectionLimit,
  emit: (p: Post, item: JsonItem) => void,
  limit: number,
  problems: SoundingsError[] | undefined,
  events: AdapterEvents,
  read?: BytesRead,
): Promise<string> {
  // An X archive's files are scripts around JSON (archiveScript.ts), whatever their extension.
  const script = adapter.scripts ? archiveScript(fileHead(path)) : undefined;
  if (adapter.scripts) {
    if (!script) throw error(NotArchiveFile, { file, line: 1, column: 1 }, file);
    if (!adapter.scripts.includes(script.name)) throw error(ArchiveNotTweets, { file, line: 1, column: 1 }, script.name);
  }
  const format = script ? 'json' : formatOf(path);
  if (format !== 'json' && format !== 'ndjson') {
    if (archiveScript(fileHead(path))) throw error(XArchiveFile, { file, line: 1, column: 1 });
    throw error(NotJsonExport, { file }, file, adapter.format);
  }
  let first = true;
  // Adapters give full paths from the top of the file (they extend `at`), and check each time they read.
  const onItem = (item: JsonItem) => {
    const { value, at, locate } = item;
    const located: Locate = Object.assign((p: JsonPath) => locate(p), { collection });
    if (first) {
      first = false;
      // Another platform's export fails at every record: said once, for the file, when its first one fails.
      const other = looksLike(value);
      if (other && other !== adapter.format) {
        try {
          adapter.read(value, at, located);
        } catch {
          throw error(WrongSocialFormat, located(at), adapter.format, other, FORMAT_NAMES[other]);
        }
      }
    }
    for (const p of attempt(() => adapter.read(value, at, located, events), problems, [])) emit(p, item);
  };
  const collect = problems && ((e: unknown) => collectProblem(e, problems));
  return eachJsonItem(path, file, format, limit, 'exports', onItem, collect, script, read);
}

/**
 * Reads one plain data file record by record through the manifest's mapping. `seen` is told of each record, and of
 * each row the reader could not make one of (a check goes on past them), so that a file with rows, all of them bad,
 * is not taken for one without. `read` follows how far into the file the read has got.
 */
async function readPlainFile(
  path: string,
  file: string,
  format: DataFormat,
  opened: OpenDataset,
  emit: (m: Mapped) => void,
  limit: number,
  seen: () => void,
  problems?: SoundingsError[],
  read?: BytesRead,
): Promise<string> {
  const mapper = mapperFor(opened.manifest, file, opened.locate);
  const record = (r: RawRecord) => {
    seen();
    const mapped = attempt<Mapped | undefined>(() => mapper.map(r), problems, undefined);
    if (mapped) emit(mapped);
  };
  const { delimiter, headerLine } = opened.manifest;
  const onProblem =
    problems &&
    ((e: unknown) => {
      seen();
      collectProblem(e, problems);
    });
  return readDataFile(path, file, format, limit, { header: mapper.header, record }, onProblem, { delimiter, headerLine }, read);
}

/**
 * Reads a dataset: its records, or with `collect` (a check, whose result is not used) its problems only. A check
 * holds no record: each is validated, its id de-duplicated (the id set), and dropped, as streamPosts.ts does, so
 * `npm run check` on ten million posts holds the id set, not the posts (800 MB for a million, against 250 MB).
 * Nothing a check says needs the rows: where a reused id was first read is found by reading the files again (on
 * that error only), and whether an X archive's tweets need its account is a flag kept as they are read.
 */
async function readDataset(id: string, options: LoadOptions): Promise<Dataset | undefined> {
  const problems = options.collect;
  const hold = problems === undefined;
  const fail = (e: SoundingsError) => {
    if (!problems) throw e;
    problems.push(e);
    return undefined;
  };
  const opened = openDataset(id, options, problems);
  if (!opened) return undefined;
  const { dir, manifest, paths } = opened;
  for (const problem of opened.unread) fail(problem);
  // A file's records depend on how the manifest reads them (kind, format, fields, columns), not on what it says of
  // the data (title, description, source, licence, synthetic, files) nor on `collected`, which a drop-in brings up
  // to date: kept records are checked against it again below. So updating `collected` parses only the new file.
  const { title, description, source, licence, synthetic, files: pattern, collected, ...reading } = manifest;
  const manifestSha = sha256(JSON.stringify(reading));
  const collection = collectionLimit(manifest, opened.locate);
  const rel = (path: string) => projectPath(options.root, path);

  const files: DatasetFile[] = [];
  // Posts are de-duplicated by id as they arrive (an id read again for another post is a problem: IdReused);
  // accounts must have unique ids.
  const seen = new IdSet();
  const firstSeen = new Map<string, string>();
  const rows: (Post | Account | Row)[] = [];
  /** Where each file's rows start in `rows`, to say which file an id was first read in. */
  const starts: (ReadFile & { start: number })[] = [];
  let duplicates = 0;
  let total = 0;
  /** Whether a post was read whose author is an X archive's account, named by its account.js. */
  let byArchiveAccount = false;
  /** Posts the files say were deleted: left out once every file is read, since a notice can come before or after its post. */
  const deleted = new Set<string>();
  /** Posts read again (their id was read before, for the same post): their times may differ (earliestTimes). */
  const seenAgain: Post[] = [];
  /** The account of an X archive (its account.js), and where it was named. */
  let account: { username: string; at: string } | undefined;
  /**
   * X API v2 authors (twitterV2.ts): the username of each user a page includes, as the first page in file order to
   * include it gives it (a user renamed between two pages is named as first read, whichever file a post is in); and
   * each author id that posts name with no username on their page, with where its first such post is and how many
   * posts kept (not read again) name it so. Which ids no page names is known once every file is read: the posts are
   * named then, and those left with an id are warned of (AuthorByIdOnly), a load's and a check's alike.
   */
  const users = new Map<string, string>();
  const byId = new Map<string, { at: Location; posts: number }>();
  const userNamed = (userId: string, username: string) => {
    if (!users.has(userId)) users.set(userId, username);
  };
  const accountNamed = (username: string, where: Location) => {
    if (account && account.username !== username) return fail(error(TwoArchiveAccounts, where, username, account.username, account.at));
    account ??= { username, at: where.file };
  };
  /** The file an id was first read in; a linear search, on this error only. */
  const firstFileOf = (id: string): ReadFile | undefined => {
    const at = rows.findIndex((r) => (r as Post).id === id);
    return at < 0 ? undefined : starts.findLast((s) => s.start <= at);
  };
  const limit = options.wholeJsonLimit ?? WHOLE_JSON_LIMIT;
  const format = manifest.format;
  /** Reads a file's posts again, each with where its id is (reusedId.ts): for an IdReused message only. */
  const readAgain: PostReader = isSocialFormat(format)
    ? ({ path, file }, onPost) =>
        readSocialFile(
          path,
          file,
          ADAPTERS[format],
          collection,
          (p, item) => onPost(p, () => item.locate([...item.at, ...pathOfString(item.value, p.id)])),
          limit,
          [],
          { deleted: () => {}, account: () => {}, user: () => {}, authorById: () => {} },
        )
    : plainPostReader(manifest as PostsManifest, limit);
  /**
   * The IdReused problem of a file, located at its first post with a reused id and naming where the id was first
   * read: found by reading the two files again (reusedId.ts), since no line is kept per id.
   */
  const reusedProblem = async (id: string, more: number, refused: ReadFile): Promise<SoundingsError> => {
    const from = firstFileOf(id);
    const again = from === undefined ? starts : from.path === refused.path ? [refused] : [from, refused];
    const where = await reusedIdPlaces(id, again, readAgain);
    return error(IdReused, where.again ?? { file: refused.file }, id, more, where.first, refused.file, where.times);
  };
  // The bytes this load is to read, for its progress line (ReadBytes): one stat per file, taken as it starts. A file
  // gone since the folder was listed counts for nothing: reading it fails below as it did before it was measured.
  const sizes = paths.map((path) => statSync(path, { throwIfNoEntry: false })?.size ?? 0);
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  /** The bytes of the files before the current one: each counts as read once it is done, however it ended. */
  let before = 0;
  for (const [i, path] of paths.entries()) {
    const size = sizes[i] ?? 0;
    const fileStart = before;
    before += size;
    /** How far into this file the read has got, which the readers keep up to date as chunks come off the disk. */
    const inFile: BytesRead = { bytes: 0 };
    const file = rel(path);
    const unreadable = unreadableFileProblem(path, file, formatOf(path, format));
    if (unreadable) {
      fail(unreadable);
      continue;
    }
    starts.push({ path, file, start: rows.length });
    let fileRows = 0;
    /** Records read from the file, good or bad (rows a check found nothing in, too). */
    let fileRecords = 0;
    const counted = () => {
      fileRows++;
      total++;
      if (total % PROGRESS_EVERY === 0 && options.onProgress) {
        // Short of its last byte while its records are read: the bytes run a chunk ahead of the records, and a file's
        // last chunk read is not the file done (a 1M-row read said 100% with 9,000 rows to go). So 100% means done,
        // and a file that grew since it was measured is not said to be read past its size.
        options.onProgress(total, file, { read: fileStart + Math.min(inFile.bytes, Math.max(size - 1, 0)), total: totalBytes });
      }
    };
    const reused: string[] = [];
    const addPost = (post: Post) => {
      counted();
      const added = seen.addPost(post.id, postPrint(post));
      if (added === ADDED) {
        if (post.author === ARCHIVE_ACCOUNT) byArchiveAccount = true;
        const authorId = idOfAuthor(post.author);
        if (authorId !== undefined) {
          // Its file said where (authorById) before the post came, read or kept; the file is the fallback only.
          const named = byId.get(authorId);
          if (named) named.posts++;
          else byId.set(authorId, { at: { file }, posts: 1 });
        }
        if (hold) rows.push(post);
      } else if (added === SEEN) {
        duplicates++;
        if (hold) seenAgain.push(post);
      } else reused.push(post.id);
    };
    const emit = ({ row, at }: Mapped) => {
      if (manifest.kind === 'posts') return addPost(row as Post);
      counted();
      if (manifest.kind === 'accounts') {
        const account = row as Account;
        const where = at ?? { file };
        const first = firstSeen.get(account.id);
        if (first) return fail(error(DuplicateAccount, where, account.id, first));
        firstSeen.set(account.id, `${where.file}:${where.line ?? 1}`);
      }
      if (hold) rows.push(row);
    };
    const readFile = async (post: (p: Post) => void, mapped: (m: Mapped) => void, events: AdapterEvents): Promise<string | undefined> => {
      if (isSocialFormat(format)) {
        return attemptAsync(
          () => readSocialFile(path, file, ADAPTERS[format], collection, post, limit, problems, events, inFile),
          problems,
          undefined,
        );
      }
      const plain = formatOf(path, format);
      if (!plain) {
        fail(isWorkbook(path) ? error(UnreadWorkbook, { file }, extname(path)) : error(UnknownFormat, { file }, file));
        return undefined;
      }
      const layout = csvLayoutProblem(opened, path, file);
      if (layout) {
        fail(layout);
        return undefined;
      }
      const seen = () => {
        fileRecords++;
      };
      return attemptAsync(() => readPlainFile(path, file, plain, opened, mapped, limit, seen, problems, inFile), problems, undefined);
    };
    // A check reads the cache too, and writes a file's records only where the cache lets it hold them
    // (keepWhileChecking). An entry is written only for a file read whole without a problem (a load throws at the
    // first, before `set`; a check counts what it collected), so one that is there proves the file's own records
    // valid, for this manifest's reading, this loader's code and libraries (the key); what depends on the other files
    // or on `collected` is checked below as the kept records are added, as a load does.
    const cache = options.fileCache;
    const fileSha = fileSha256(path);
    // Refused before it is read, so that its rows are not counted (or reported as duplicate accounts) first.
    const repeated = repeatedFileProblem(files, file, fileSha);
    if (repeated) {
      fail(repeated);
      continue;
    }
    // Not the file's name (FileCache), but the format its extension names: a .json renamed .ndjson reads otherwise.
    const key = cache && sha256(`${fileSha}\0${manifestSha}\0${formatOf(path) ?? ''}`);
    const cached = key === undefined ? undefined : cache?.get(file, key);
    // Posts kept before `collected` was moved earlier are read again, so the one past it is refused at its line.
    const kept =
      cached && manifest.kind === 'posts' && cached.items.some((p) => (p as Post).time >= collection.latest) ? undefined : cached;
    let sha: string | undefined;
    if (kept) {
      inFile.bytes = size; // not read: its records are at hand
      fileRecords = kept.items.length;
      for (const [userId, username] of kept.users ?? []) userNamed(userId, username);
      for (const [authorId, at] of kept.byId ?? [])
        if (!byId.has(authorId)) byId.set(authorId, { at: relabelled(at, kept.file, file), posts: 0 });
      for (const item of kept.items) manifest.kind === 'posts' ? addPost(item as Post) : emit(relocated(item as Mapped, kept.file, file));
      for (const id of kept.deleted ?? []) deleted.add(id);
      if (kept.account) accountNamed(kept.account, { file });
      sha = fileSha; // the same bytes as when the records were kept: the key says so
    } else {
      // Records as read, for the cache (kept only when the whole file was read without a problem; by a check, only
      // where its cache lets it hold them).
      const items: (Post | Mapped)[] | undefined = cache && (hold || cache.keepWhileChecking?.(path)) ? [] : undefined;
      const problemsBefore = problems?.length ?? 0;
      parsed.set(file, (parsed.get(file) ?? 0) + 1);
      const fileDeleted: string[] = [];
      let fileAccount: string | undefined;
      const fileUsers = new Map<string, string>();
      const fileById = new Map<string, Location>();
      // A problem of the file's last record says so when the file looks cut short (cutShort.ts): a build's, thrown,
      // as it leaves the read; a check's, collected, once the file is read. A social export is read as its extension
      // says (an X archive's script is JSON, which is never noted).
      const noted = cutShortNoter(path, file, isSocialFormat(format) ? formatOf(path) : formatOf(path, format), manifest.headerLine);
      sha = await readFile(
        (p) => {
          items?.push(p);
          addPost(p);
        },
        (m) => {
          // A post is kept as itself, as a social export's are; other records with where they are.
          items?.push(manifest.kind === 'posts' ? (m.row as Post) : m);
          emit(m);
        },
        {
          deleted: (id) => {
            fileDeleted.push(id);
            deleted.add(id);
          },
          account: (username, where) => {
            fileAccount = username;
            accountNamed(username, where);
          },
          user: (userId, username) => {
            // For the cache only when the file's records are kept; the dataset's first name for the id either way.
            if (items && !fileUsers.has(userId)) fileUsers.set(userId, username);
            userNamed(userId, username);
          },
          authorById: (authorId, where) => {
            if (fileById.has(authorId)) return;
            const at = where();
            fileById.set(authorId, at);
            if (!byId.has(authorId)) byId.set(authorId, { at, posts: 0 });
          },
        },
      ).catch((e: unknown) => {
        throw noted(e);
      });
      if (problems) for (let i = problemsBefore; i < problems.length; i++) problems[i] = noted(problems[i] as SoundingsError);
      // A file changed between hashing and reading is not kept under the old key.
      // A check keeps them only when it found no problem in the file, as a load (which throws at the first) does.
      if (cache && key && items && sha === fileSha && (problems?.length ?? 0) === problemsBefore)
        cache.set(file, key, {
          items,
          file,
          ...(fileDeleted.length > 0 ? { deleted: fileDeleted } : {}),
          ...(fileAccount ? { account: fileAccount } : {}),
          ...(fileUsers.size > 0 ? { users: [...fileUsers] } : {}),
          ...(fileById.size > 0 ? { byId: [...fileById] } : {}),
        });
    }
    // Reported once a file is read, with how many: an export numbering its rows reuses every id of a file.
    if (reused.length > 0) fail(await reusedProblem(reused[0] as string, reused.length - 1, { path, file }));
    if (sha === undefined) continue;
    // A CSV or TSV file with a header and no rows is read, with a warning: a quiet week can export one, but it more
    // often means the export's query matched nothing by mistake (a wrong date range, a misspelt term), which would
    // shrink every count silently. Not an error, as an empty file is (no export writes 0 bytes on purpose): the
    // build goes on. JSON without records is not warned of: an API page with none (`[]`, `{"data": []}`) is how a
    // paged export ends.
    const plain = isSocialFormat(format) ? undefined : formatOf(path, format);
    if ((plain === 'csv' || plain === 'tsv') && fileRecords === 0) warn(HeaderOnlyFile, { file, line: manifest.headerLine ?? 1 });
    files.push({ path: file, sha256: sha, bytes: statSync(path).size, rows: fileRows });
    options.onProgress?.(total, file, { read: before, total: totalBytes });
  }
  // The digest from the hashes taken while reading (datasetDigest would hash every file again); a check that
  // skipped a broken file has not hashed them all.
  const read = files.map((f) => f.sha256);
  const digest = files.length === paths.length ? digestOfRead(opened, read) : datasetDigest(dir);
  const base = { id, dir: rel(dir), files, digest };
  // Posts whose author is an id no page names, once every file is read: they count under the id, so an account some
  // other posts count by username counts twice (a load and a check warn alike; the posts are named below).
  let unnamed = 0;
  let unnamedAccounts = 0;
  let firstUnnamed: [string, Location] | undefined;
  for (const [authorId, { at, posts }] of byId)
    if (posts > 0 && !users.has(authorId)) {
      unnamed += posts;
      unnamedAccounts++;
      firstUnnamed ??= [authorId, at];
    }
  if (firstUnnamed) warn(AuthorByIdOnly, firstUnnamed[1], unnamed, id, unnamedAccounts, firstUnnamed[0]);
  if (!hold) {
    // A check: the one problem found once every file is read, which a load finds below.
    if (manifest.format === 'x-archive' && byArchiveAccount && !account)
      fail(error(ArchiveWithoutAccount, opened.locate(['files']), manifest.files));
    return undefined;
  }
  switch (manifest.kind) {
    case 'posts': {
      // A deleted post goes, and so do its reposts: the platform removes them with it.
      let posts =
        deleted.size === 0
          ? (rows as Post[])
          : (rows as Post[]).filter((p) => !deleted.has(p.id) && !(p.repostOf && deleted.has(p.repostOf)));
      // An X archive's tweets are its account's: named once every file is read (new objects: the cache keeps its own).
      if (manifest.format === 'x-archive' && posts.some((p) => p.author === ARCHIVE_ACCOUNT)) {
        if (!account) {
          fail(error(ArchiveWithoutAccount, opened.locate(['files']), manifest.files));
          return undefined;
        }
        const { username } = account;
        posts = posts.map((p) => (p.author === ARCHIVE_ACCOUNT ? { ...p, author: username } : p));
      }
      // An X API v2 post named by its author's id only takes the username any page of the dataset includes for it, or
      // keeps the id (new objects: the cache keeps its own, marked, since the name may come from another file).
      if (byId.size > 0)
        posts = posts.map((p) => {
          const authorId = idOfAuthor(p.author);
          return authorId === undefined ? p : { ...p, author: users.get(authorId) ?? authorId };
        });
      posts = earliestTimes(posts, seenAgain);
      resolveReposts(posts, seenAgain);
      // d3's extent, not Math.min(...times): spreading a million arguments overflows the stack.
      const [first, last] = extent(posts, (p) => p.time);
      const period: [number, number] | undefined = first === undefined || last === undefined ? undefined : [first, last];
      return {
        ...base,
        manifest,
        kind: 'posts',
        rows: posts,
        duplicates,
        deleted: rows.length - posts.length,
        ...(period ? { period } : {}),
      };
    }
    case 'accounts':
      return { ...base, manifest, kind: 'accounts', rows: rows as Account[] };
    case 'table':
      return { ...base, manifest, kind: 'table', rows: rows as Row[] };
  }
}
