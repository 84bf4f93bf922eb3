/**
 * Where a reused id (IdReused) was read: the record that first gave it, and the first record of the file being
 * refused that gave it again for a post at another time.
 *
 * Neither the loader nor the streamed path keeps where each id was read: a line per id would grow the id set
 * (idSet.ts) by tens of megabytes at 10M posts (README, "Scale") for a message most builds never print. So the files
 * are read again, on this error only, until both records are found.
 */
import type { Location } from '../errors.ts';
import { postPrint, samePost } from './idSet.ts';
import type { PostsManifest } from './manifest.ts';
import { postMapper } from './postMapping.ts';
import { formatOf, readDataFile } from './readDataFile.ts';
import type { Post } from './types.ts';

/** A data file of the dataset: its path, and its name as messages give it. */
export interface ReadFile {
  path: string;
  file: string;
}

/**
 * Reads a file's posts again, handing each on with where its id is (`locate`, to be called before `onPost` returns:
 * a CSV reader re-points one record at each row). Bad records are skipped: they were refused when first read.
 */
export type PostReader = (read: ReadFile, onPost: (post: Post, locate: () => Location) => void) => Promise<unknown>;

/**
 * Where the two records of a reused id are, and the times of their posts when both are found: the message shows both
 * times (IdReused), which the user needs to tell which copy is right, and which the id set does not keep either (only
 * a print of the first, a time modulo 2^32 seconds: idSet.ts).
 */
export interface ReusedIdPlaces {
  first?: Location | undefined;
  again?: Location | undefined;
  times?: { first: number; again: number } | undefined;
}

/** Thrown by the scan to stop reading once both records are found. */
const FOUND = Symbol('found');

/**
 * The first record that gave `id`, in `files` in the order they were read, and the first of the last file (the one
 * refused) that gave it for a post at another time, as the id set told it ({@link samePost}). Either is undefined when
 * not found (a file changed since it was read).
 */
export async function reusedIdPlaces(id: string, files: readonly ReadFile[], read: PostReader): Promise<ReusedIdPlaces> {
  let first: { at: Location; print: number; time: number } | undefined;
  let again: { at: Location; time: number } | undefined;
  const refused = files.at(-1);
  for (const f of files) {
    try {
      await read(f, (post, locate) => {
        if (post.id !== id) return;
        const print = postPrint(post);
        if (!first) first = { at: locate(), print, time: post.time };
        else if (f === refused && !samePost(first.print, print)) {
          again = { at: locate(), time: post.time };
          throw FOUND;
        }
      });
    } catch (e) {
      if (e !== FOUND) throw e;
      break;
    }
  }
  return {
    first: first?.at,
    again: again?.at,
    times: first && again ? { first: first.time, again: again.time } : undefined,
  };
}

/** A {@link PostReader} for a plain posts dataset (CSV, TSV, JSON, NDJSON through `fields`). */
export function plainPostReader(manifest: PostsManifest, wholeJsonLimit: number): PostReader {
  const { delimiter, headerLine } = manifest;
  return async ({ path, file }, onPost) => {
    const format = formatOf(path, manifest.format);
    if (!format) return;
    const mapper = postMapper(manifest, file);
    const header = (h: readonly string[] | undefined, line?: number) => {
      try {
        mapper.header(h, line);
      } catch {
        // Refused when the file was first read.
      }
    };
    const record = (r: Parameters<typeof mapper.map>[0]) => {
      let post: Post;
      try {
        post = mapper.map(r);
      } catch {
        return;
      }
      onPost(post, () => r.locate(manifest.fields.id));
    };
    await readDataFile(path, file, format, wholeJsonLimit, { header, record }, () => {}, { delimiter, headerLine });
  };
}

/**
 * The JSON path of the first string in `value` that is `id` (depth first, in key order), to locate a social export's
 * post by its id: an item can be a whole API response, with other posts in it. `[]` when there is none (an id the
 * adapter made, as a Bluesky repost's is).
 */
export function pathOfString(value: unknown, id: string): (string | number)[] {
  if (value === id) return [];
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
  for (const [key, child] of entries) {
    if (child === id) return [key];
    if (child !== null && typeof child === 'object') {
      const inner = pathOfString(child, id);
      if (inner.length > 0) return [key, ...inner];
    }
  }
  return [];
}
