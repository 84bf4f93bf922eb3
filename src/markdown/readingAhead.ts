/**
 * What the build's second thread (src/site/helperThread.ts) is doing ahead of the posts' thread: datasets it reads
 * into the disk cache, by data folder and id, posts it renders (src/site/renderAhead.ts), by file, and the datasets'
 * profiles it writes: a wait for it to be done with one. The dataset cache (datasetCache.ts) takes the wait before it reads a dataset, rather than parse
 * the same files at the same time; the remark plugin takes a post's before it renders the post itself
 * (renderedAhead.ts). Light on purpose: the thread is started before Astro (scripts/build.ts).
 */

import type { Html, Text } from 'mdast';
import type { SentError } from '../errors.ts';
import { processGlobal } from '../processGlobal.ts';
import type { LoadRecord } from './datasetCache.ts';
import type { PostRecord } from './postRecord.ts';

/**
 * What the second thread did with a dataset: how many files it parsed, in how long; or the problem in the data that
 * stopped it, which the posts' thread reports as its own load would have, without parsing the files again.
 */
export interface ReadAhead {
  parsed: number;
  /** Its load's time on that thread, ms (0: it did not read the dataset). */
  ms: number;
  failed?: FailedAhead;
}

/**
 * A load stopped by a problem in the data (datasetCache.ts, failureToHand), as the dataset cache remembers it and the
 * second thread hands it over: the error as plain data (it crosses threads and Astro's module graphs), the state of the
 * data and of the loader's code it is true of (datasetCache.ts, loadState: it is thrown again only while that is still
 * the state), and the time the load took to find it, ms.
 */
export interface FailedAhead {
  state: string;
  error: SentError;
  ms: number;
}

/**
 * A post the second thread rendered, with what it rendered it from (checked against the posts' thread's own before
 * it is used: renderedAhead.ts), what it printed, and the loads of the datasets it read for it.
 */
export interface PostAhead {
  fileText: string;
  /** The Markdown body it parsed. */
  body: string;
  /** Its directives as it parsed them (remarkSoundings.ts, directivesSignature). */
  signature: string;
  /** Its datasets' digests, its chart specs' and its language (renderedAhead.ts, aheadDependencies). */
  dependencies: string;
  nodes: (Html | Text | undefined)[];
  record: PostRecord;
  /** The warnings its render gave, which that thread kept rather than print. */
  warnings: string[];
  /** Its datasets' loads, for the build summary. */
  loads: LoadRecord[];
}

/**
 * Waits by key, each taken once (a later load or render is of the data or post as it is then): the one shape of the
 * three registries below, kept for the process (the module graphs Astro loads share them).
 */
function waits<T>(name: string) {
  const map = processGlobal(name, () => new Map<string, () => Promise<T>>());
  return {
    say: (key: string, wait: () => Promise<T>) => void map.set(key, wait),
    take: (key: string): Promise<T> | undefined => {
      const wait = map.get(key);
      map.delete(key);
      return wait?.();
    },
  };
}

const ahead = waits<ReadAhead>('readingAhead');
const posts = waits<PostAhead | undefined>('renderingAhead');
const profiles = waits<boolean>('profilingAhead');

/** Says that dataset `id` of `dataDir` is being read, and that `wait()` resolves with what was done. */
export function readingAhead(dataDir: string, id: string, wait: () => Promise<ReadAhead>): void {
  ahead.say(`${dataDir}\0${id}`, wait);
}

/** The wait for dataset `id` of `dataDir`, once (a later load reads the cache as it is then); none: nothing done. */
export async function waitForAhead(dataDir: string, id: string): Promise<ReadAhead> {
  return (await ahead.take(`${dataDir}\0${id}`)) ?? { parsed: 0, ms: 0 };
}

/** Says that the post at `path` (absolute) is being rendered: `wait()` resolves with it, or undefined (not rendered). */
export function renderingAhead(path: string, wait: () => Promise<PostAhead | undefined>): void {
  posts.say(path, wait);
}

/** The second thread's render of the post at `path`, once (a later render is of the post as it is then). */
export async function waitForPost(path: string): Promise<PostAhead | undefined> {
  return posts.take(path);
}

/**
 * Says that the profile of dataset `id` of `dataDir` (a dataset page's summary, src/site/siteData.ts) is being written
 * to the disk cache: `wait()` resolves with whether it was.
 */
export function profilingAhead(dataDir: string, id: string, wait: () => Promise<boolean>): void {
  profiles.say(`${dataDir}\0${id}`, wait);
}

/**
 * Whether the second thread wrote the profile of dataset `id` of `dataDir` to the disk cache, once it is done with it
 * (false at once when it is not writing it). A page that asks for it before it is written waits for it rather than
 * read the dataset's records and profile them again, which for a large dataset takes seconds and holds every record.
 */
export async function waitForProfile(dataDir: string, id: string): Promise<boolean> {
  return (await profiles.take(`${dataDir}\0${id}`)) ?? false;
}
