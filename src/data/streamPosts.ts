/**
 * Streams a posts dataset record by record WITHOUT holding its posts, for
 * statistics over more posts than fit in memory (10M and up): each file is
 * read through the streaming readers (streamRecords.ts), each record is
 * validated and typed with the same mapping and located errors as
 * `loadDataset` (postMapping.ts), posts are de-duplicated by id as they come
 * (an exact {@link IdSet}), and each first occurrence is handed to `onPost`
 * and then dropped. So a post exported twice counts at its first copy's time,
 * where `loadDataset` takes the earliest copy's (earliestTimes). The copies
 * of one post are at most a second apart (else its id is refused as reused)
 * unless the id is a URI, which names one post whatever its copies' times.
 *
 * {@link streamCampaignStatistics} reads a large CSV or TSV file on every core
 * (streamParts.ts), with the same result.
 *
 * Plain posts datasets only (CSV, TSV, JSON, NDJSON with `fields`). A social
 * export (`format: bluesky`, …) is refused with a clear error: its reposts
 * take their text from the original post, wherever it is in the dataset,
 * which needs the posts held (`loadDataset` does that).
 *
 * One dataset at a time: a site build never reads a post's campaigns here (it
 * loads the posts, which its word clouds need), so a post counting several
 * posts datasets together (`posts: [a, b]`) is counted from memory
 * (src/analysis/campaignPosts.ts), never by adding up streamed statistics,
 * which could not tell a post two datasets hold (README, "Scale").
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { type CampaignStatistics, campaignAccumulator } from '../analysis/campaignAccumulator.ts';
import type { Campaign } from '../analysis/types.ts';
import { error, IdReused, ManifestInvalid, UnknownFormat, UnreadWorkbook } from '../errors.ts';
import { isSocialFormat } from './adapters/index.ts';
import { type CountedArrays, eachCounted } from './countedColumns.ts';
import { cutShortNoter } from './cutShort.ts';
import { isWorkbook, projectPath } from './datasetFiles.ts';
import { ADDED, type AddResult, decimalText, IdSet, postPrint, REUSED, SEEN } from './idSet.ts';
import { csvLayoutProblem, digestOfRead, openDataset, repeatedFileProblem, unreadableFileProblem } from './openDataset.ts';
import { postMapper } from './postMapping.ts';
import type { RawRecord } from './rawRecord.ts';
import { csvDelimiter, formatOf, readDataFile } from './readDataFile.ts';
import { plainPostReader, type ReadFile, reusedIdPlaces } from './reusedId.ts';
import { type PartsOptions, readInParts } from './streamParts.ts';
import { WHOLE_JSON_LIMIT } from './streamRecords.ts';
import type { DatasetFile, Post } from './types.ts';

export interface StreamPostsOptions {
  /** The project root; paths in messages are relative to it. */
  root: string;
  /** The folder holding one sub-folder per dataset. */
  dataDir: string;
  /** JSON files larger than this many bytes are streamed (default {@link WHOLE_JSON_LIMIT}). */
  wholeJsonLimit?: number;
  /** How {@link streamCampaignStatistics} reads a large CSV or TSV file in parts, one per core (streamParts.ts). */
  parts?: PartsOptions;
}

/** How {@link streamDataset} counts the posts of a file read in parts: the campaigns, and the count of one post. */
interface PartedCount {
  campaigns: readonly Campaign[];
  add(time: number, ids: readonly string[]): void;
}

export interface StreamedPosts {
  id: string;
  /** The dataset folder, relative to the root. */
  dir: string;
  files: DatasetFile[];
  digest: string;
  /** Distinct posts handed on. */
  posts: number;
  /** Records left out because an earlier record had the same id (as `loadDataset`'s `duplicates`). */
  duplicates: number;
}

/**
 * Streams the distinct posts of a plain posts dataset to `onPost`, in file
 * order (files sorted as `loadDataset` sorts them), keeping the first record of
 * each id. Rejects with a located SoundingsError on the first bad record.
 * The post object is the caller's only during the call.
 */
export function streamPosts(id: string, options: StreamPostsOptions, onPost: (post: Post) => void): Promise<StreamedPosts> {
  return streamDataset(id, options, onPost);
}

/**
 * {@link streamPosts}; with `parted`, a large CSV or TSV file is read in parts on every core (streamParts.ts), and the
 * posts of the parts after the first are counted by `parted.add` rather than handed to `onPost`.
 */
async function streamDataset(
  id: string,
  options: StreamPostsOptions,
  onPost: (post: Post) => void,
  parted?: PartedCount,
): Promise<StreamedPosts> {
  const opened = openDataset(id, options);
  const { dir, manifestPath, manifest, locate, paths } = opened;
  if (opened.unread[0]) throw opened.unread[0];
  const rel = (path: string) => projectPath(options.root, path);
  if (manifest.kind !== 'posts' || isSocialFormat(manifest.format)) {
    const why =
      manifest.kind !== 'posts'
        ? `is a "${manifest.kind}" dataset`
        : `is a "${manifest.format}" export, whose reposts need the whole dataset in memory`;
    throw error(
      ManifestInvalid,
      { file: rel(manifestPath), line: 1, column: 1 },
      `The dataset "${id}" ${why}; streamed statistics read plain posts datasets only (CSV, TSV, JSON, NDJSON with "fields"). Use loadDataset for it.`,
    );
  }

  const seen = new IdSet();
  const files: DatasetFile[] = [];
  /** The files read so far, to find where a reused id was read (reusedId.ts). */
  const read: ReadFile[] = [];
  const limit = options.wholeJsonLimit ?? WHOLE_JSON_LIMIT;
  let posts = 0;
  let duplicates = 0;
  for (const path of paths) {
    const file = rel(path);
    const format = formatOf(path, manifest.format);
    if (!format) throw isWorkbook(path) ? error(UnreadWorkbook, { file }, extname(path)) : error(UnknownFormat, { file }, file);
    const unreadable = unreadableFileProblem(path, file, format);
    if (unreadable) throw unreadable;
    const layoutProblem = csvLayoutProblem(opened, path, file);
    if (layoutProblem) throw layoutProblem;
    const mapper = postMapper(manifest, file, locate);
    let rows = 0;
    // Reported once the file is read, with how many, as loadDataset reports them.
    let reused: { id: string; more: number } | undefined;
    /** Counts a record whose id `seen` found `added`; true for a post to hand on. */
    const tally = (added: AddResult, id: () => string): boolean => {
      rows++;
      if (added === REUSED) {
        if (reused) reused.more++;
        else reused = { id: id(), more: 0 };
      } else if (added === SEEN) duplicates++;
      else posts++;
      return added === ADDED;
    };
    const record = (r: RawRecord) => {
      const post = mapper.map(r);
      if (tally(seen.addPost(post.id, postPrint(post)), () => post.id)) onPost(post);
    };
    const sink = { header: mapper.header, record };
    const layout = { delimiter: csvDelimiter(format, manifest), headerLine: manifest.headerLine ?? 1 };
    const counted = (arrays: CountedArrays) =>
      eachCounted(arrays, (text, decimal, print, time, campaigns) => {
        const added = text === undefined ? seen.addDecimal(decimal.high, decimal.low, print) : seen.addPost(text, print);
        if (tally(added, () => text ?? decimalText(decimal))) parted?.add(time, campaigns);
      });
    // A problem of the file's last record says so when the file looks cut short (cutShort.ts), as loadDataset's do.
    const noted = cutShortNoter(path, file, format, layout.headerLine);
    const sha = await (async () => {
      const inParts =
        parted && (format === 'csv' || format === 'tsv')
          ? await readInParts(path, file, layout, manifest, parted.campaigns, options.parts ?? {}, sink, counted)
          : undefined;
      return inParts ?? (await readDataFile(path, file, format, limit, sink, undefined, layout));
    })().catch((e: unknown) => {
      throw noted(e);
    });
    read.push({ path, file });
    if (reused) {
      // The id set keeps no line per id, nor its file: the files read so far are read again, on this error only.
      const where = await reusedIdPlaces(reused.id, read, plainPostReader(manifest, limit));
      throw error(IdReused, where.again ?? { file }, reused.id, reused.more, where.first, file, where.times);
    }
    // Checked once read (hashing first would read a 1.2 GB file twice); its posts were duplicates by id anyway.
    const repeated = repeatedFileProblem(files, file, sha);
    if (repeated) throw repeated;
    files.push({ path: file, sha256: sha, bytes: statSync(path).size, rows });
  }
  // Not datasetDigest(dir), which would read a 1.2 GB file at 10M posts a second time, whole.
  const digest = digestOfRead(
    opened,
    files.map((f) => f.sha256),
  );
  return { id, dir: rel(dir), files, digest, posts, duplicates };
}

/**
 * The campaign statistics of a posts dataset (what `campaignVolume` and
 * `weeklyVolume` give over `loadDataset(...).rows`), computed in one streaming
 * pass that holds no post: memory is the id set plus the weekly counts.
 */
export async function streamCampaignStatistics(
  id: string,
  options: StreamPostsOptions,
  campaigns: readonly Campaign[],
): Promise<StreamedPosts & { statistics: CampaignStatistics }> {
  const accumulator = campaignAccumulator(campaigns);
  const add = (time: number, ids: readonly string[]) => accumulator.addMatched(time, ids);
  const streamed = await streamDataset(id, options, (post) => accumulator.add(post), { campaigns, add });
  return { ...streamed, statistics: accumulator.result() };
}
