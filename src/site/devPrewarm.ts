/**
 * `astro dev`: once the server has started, renders posts that use data once more on this thread (one for each set of
 * datasets: {@link prewarm}), in the background, and throws the renders away, so that the first re-load after a data drop-in finds this thread as warm
 * as later ones do. Otherwise it is the slowest: at the start the build's second thread rendered the posts (or the
 * store had them), so the first re-load on this thread loads the analysis and word-cloud modules and fonts, reads the
 * datasets' records from the disk cache and counts every text's terms, none of which later re-loads do again
 * (`npm run bench:dev`: the first round 2.0–2.2 s, the others 1.2–1.4 s).
 *
 * A render here prints nothing (its warnings are kept, as the second thread keeps them, and dropped; a post with a
 * problem is skipped: the page shows it), and touches nothing Astro stores. What it warms is this process's: the
 * datasets' records in memory (datasetCache.ts), the texts the term counts read (termCounts.ts, in a dev server),
 * the modules and the fonts. Its charts go to the second thread, as this thread's charts do in a dev server.
 */

import { readFileSync } from 'node:fs';
import { listDatasets } from '../data/listDatasets.ts';
import type { SoundingsOptions } from '../markdown/remarkSoundings.ts';
import { datasetsOf } from './postDigest.ts';

/** How long after the initial load the renders start: the server is listening, and the first page has been asked. */
export const PREWARM_DELAY_MS = 1500;

/**
 * Renders, one at a time and letting requests in between, the first of `posts` (absolute paths) that names each set
 * of datasets: one render reads a set's records into memory and loads what rendering needs, and a site of fifty
 * posts on one dataset of a million posts is not rendered fifty times over at every start. (Posts counting other
 * campaigns' terms in those records count them at their first re-load, as before.)
 */
export async function prewarm(posts: readonly string[], options: SoundingsOptions): Promise<void> {
  const { renderAhead } = await import('./renderAhead.ts');
  const datasets = new Set(listDatasets(options.dataDir));
  const warmed = new Set<string>();
  for (const path of posts) {
    let named: string;
    try {
      named = datasetsOf(readFileSync(path, 'utf8')).join('\n');
    } catch {
      continue; // removed since
    }
    if (named === '' || warmed.has(named)) continue;
    warmed.add(named);
    try {
      await renderAhead(path, datasets, options);
    } catch {
      // Nothing to warm: the page, or the next re-load, says what is wrong.
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}
