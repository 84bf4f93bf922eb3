/**
 * Datasets the build's second thread is reading into the disk cache (src/site/helperThread.ts), by data folder and
 * id: a wait for it to be done with one, with how many files it parsed. The dataset cache (datasetCache.ts) takes
 * the wait before it reads the dataset, rather than parse the same files at the same time. Light on purpose: the
 * thread is started before Astro (scripts/build.ts).
 */

import { processGlobal } from '../processGlobal.ts';
import type { TermsAhead } from '../site/termsAhead.ts';

/** What the second thread did with a dataset: how many files it parsed, in how long, and the keyness term counts. */
export interface ReadAhead {
  parsed: number;
  /** Its load's time on that thread, ms (0: it did not read the dataset). */
  ms: number;
  terms?: TermsAhead | undefined;
}

const ahead = processGlobal('readingAhead', () => new Map<string, () => Promise<ReadAhead>>());

/** Says that dataset `id` of `dataDir` is being read, and that `wait()` resolves with what was done. */
export function readingAhead(dataDir: string, id: string, wait: () => Promise<ReadAhead>): void {
  ahead.set(`${dataDir}\0${id}`, wait);
}

/** The wait for dataset `id` of `dataDir`, once (a later load reads the cache as it is then); none: nothing done. */
export async function waitForAhead(dataDir: string, id: string): Promise<ReadAhead> {
  const key = `${dataDir}\0${id}`;
  const wait = ahead.get(key);
  ahead.delete(key);
  return (await wait?.()) ?? { parsed: 0, ms: 0 };
}
