/**
 * Reads a large CSV or TSV file of a plain posts dataset on every core, for streamed campaign statistics
 * (streamPosts.ts, streamCampaignStatistics): parsing is most of their time (csv-parse alone is two thirds of it at
 * a million posts), and it is the part that can be split.
 *
 * The file is cut after records (csvCuts.ts) into one part per core. This thread reads the first part as a whole
 * file is read; a worker each (streamPartWorker.ts) reads the others at the same time, types their records as this
 * thread would, matches their hashtags, and hands back what counting needs (countedColumns.ts). This thread then
 * goes through those posts in file order through the same de-duplication and counts (`counted`), so the statistics
 * are exactly those of a read of the whole file on one thread: the same posts kept, at the same copies, the same
 * reused ids found.
 *
 * Errors are this thread's: a worker that finds a record it cannot read, or fails in any way, says only that, and
 * this thread reads that part itself, from the line where it starts (known once the parts before it are read), so a
 * problem is reported as a whole read reports it, at its file, line and column. The file's SHA-256 is computed here
 * while the workers read.
 */

import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Campaign } from '../analysis/types.ts';
import { DataFileChanged, error, PartReadAgain, warn } from '../errors.ts';
import type { CountedArrays } from './countedColumns.ts';
import { csvCuts } from './csvCuts.ts';
import { hashFrom } from './fileHash.ts';
import type { PostsManifest } from './manifest.ts';
import type { RecordSink } from './readDataFile.ts';
import { isUtf16le, streamCsv } from './streamRecords.ts';

/** How a file is read in parts: into at most `parts` (default: the machine's cores), none smaller than `minBytes`. */
export interface PartsOptions {
  parts?: number;
  minBytes?: number;
}

/** Below 16 MB a part's worker costs more to start (about a third of a second) than it saves. */
export const PART_MIN_BYTES = 16 * 1024 * 1024;

/** What a part's worker is started with (while this thread looks for the cuts). */
export interface PartData {
  path: string;
  file: string;
  delimiter: string;
  manifest: PostsManifest;
  campaigns: readonly Campaign[];
}

/** What a part's worker then waits for: its part, and the file's header, which the first part reads, and its line. */
export interface PartStart {
  /** The part's bytes: from `start` (a record's start) up to `end` (another's, or the end of the file). */
  start: number;
  end: number | undefined;
  header: string[];
  line: number;
}

/**
 * What a part's worker hands back: its posts and how many lines it read; or why it could not, and whether that is a
 * problem in the data (`data`: a SoundingsError, which this thread then finds and reports).
 */
export type PartResult = { ok: true; arrays: CountedArrays; lines: number } | { ok: false; reason: string; data: boolean };

/**
 * Reads the file at `path` in parts, when it is large enough and the machine has more than one core: the first
 * part's header and records go to `sink`, as a whole read's do, then each later part's posts to `counted`, or, for a
 * part its worker could not read, its records to `sink`. Resolves to the file's SHA-256, or to `undefined` when the
 * file is not read in parts (too small, one core, no cut found, UTF-16, its header not in the first part): the caller
 * reads it whole, and nothing has been handed on.
 */
export async function readInParts(
  path: string,
  file: string,
  layout: { delimiter: string; headerLine: number },
  manifest: PostsManifest,
  campaigns: readonly Campaign[],
  options: PartsOptions,
  sink: RecordSink,
  counted: (arrays: CountedArrays) => void,
): Promise<string | undefined> {
  const minBytes = options.minBytes ?? PART_MIN_BYTES;
  // Excel's "Unicode text" (UTF-16LE) is decoded by csv-parse from its byte order mark, at the file's start only.
  if (isUtf16le(path)) return undefined;
  const workers: Worker[] = [];
  const { delimiter, headerLine } = layout;
  try {
    const before = statSync(path);
    const size = before.size;
    const parts = Math.min(options.parts ?? availableParallelism(), Math.floor(size / minBytes));
    if (parts < 2) return undefined;
    // Started first: a worker loads its modules (a tenth of a second) while this thread looks for the cuts.
    const data: PartData = { path, file, delimiter, manifest, campaigns };
    const results = Array.from({ length: parts - 1 }, () => {
      const worker = new Worker(new URL('./streamPartWorker.ts', import.meta.url), { workerData: data });
      workers.push(worker);
      return new Promise<PartResult>((resolve) => {
        worker.once('message', resolve);
        worker.once('error', (e) => resolve({ ok: false, reason: e.message, data: false }));
        worker.once('exit', () => resolve({ ok: false, reason: 'the worker exited', data: false }));
      });
    });
    const cuts = csvCuts(path, parts);
    if (cuts.length === 0) return undefined;
    results.length = cuts.length;
    // The first part's bytes go into the file's hash as they are read; the rest once it is read, while the workers read.
    const hash = createHash('sha256');
    const first = streamCsv(path, file, delimiter, headerLine, { end: cuts[0], hash });
    let header: string[] | undefined;
    const read = first.each(
      (r) => sink.record(r),
      undefined,
      (names, line, above) => {
        header = names;
        sink.header(names, line, above);
        for (const [k, start] of cuts.entries())
          workers[k]?.postMessage({ start, end: cuts[k + 1], header: names, line } satisfies PartStart);
      },
    );
    // A first part with no header (a title block or blank lines longer than it): nothing was handed on.
    const ended = await read.then(
      () => true,
      (e: unknown) => {
        if (header === undefined) return false;
        throw e;
      },
    );
    if (!ended || header === undefined) return undefined;
    const sha256 = hashFrom(path, cuts[0] as number, hash).digest('hex');
    let line = first.nextLine;
    for (const [k, result] of results.entries()) {
      const done = await result;
      if (done.ok) {
        counted(done.arrays);
        line += done.lines;
        continue;
      }
      // Not a problem in the data, which this thread would find: said, since the statistics now take longer; a
      // catalogue warning, so that it is printed as the others are (through Astro's logger in a build, src/warnings.ts).
      if (!done.data) warn(PartReadAgain, { file }, k + 2, done.reason);
      const start = cuts[k] as number;
      const part = streamCsv(path, file, delimiter, headerLine, { end: cuts[k + 1], from: { start, line, header } });
      await part.each((r) => sink.record(r));
      line = part.nextLine;
    }
    // The parts and the hash are separate reads: a file written meanwhile (still being copied) would mix two versions.
    const after = statSync(path);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ino !== before.ino) throw error(DataFileChanged, { file });
    return sha256;
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
