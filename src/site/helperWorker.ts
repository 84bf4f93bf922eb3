/**
 * The worker of src/site/helperThread.ts. Reads each dataset it is given into the disk cache, in order, and tells the
 * build thread as each is done, with how many files it parsed and, for posts, the keyness term counts of the posts
 * that use it (termsAhead.ts); then loads vega for the charts, and writes each
 * dataset's profile (the dataset pages' summaries, siteData.ts) into the cache too. A dataset it cannot read is left to the build, whose own load reports
 * the problem where the post that uses it is. Meanwhile, and after, it draws the charts it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SoundingsError } from '../errors.ts';
import { handCacheWarningsTo } from '../markdown/cacheEntry.ts';
import { cachedDataset, clearMemoryCache, parseCount } from '../markdown/datasetCache.ts';
import { drawnChart } from '../render/drawChart.ts';
import type { HelperMessage } from './helperThread.ts';
import { cachedProfile, hasCachedProfile, profileCode } from './siteData.ts';
import { countTermsAhead, type TermsAhead } from './termsAhead.ts';

const port = parentPort;
if (!port) throw new Error('helperWorker.ts runs as a worker thread (helperThread.ts)');
const send = (m: HelperMessage) => port.postMessage(m);
// A cache this thread cannot write is said by the build's thread, once for both.
handCacheWarningsTo((dir, reason) => send({ kind: 'unwritable', dir, reason }));

port.on('message', async ({ job, spec, rows, options }) => {
  try {
    send({ kind: 'drawn', job, chart: await drawnChart(spec, rows, options) });
  } catch (e) {
    const err = e as Error;
    const fields = e instanceof SoundingsError ? { title: e.title, hint: e.hint, detail: e.detail } : {};
    send({ kind: 'failed', job, error: { name: err.name, message: err.message, ...fields } });
  }
});

const { root, dataDir, postsDir, ids } = workerData as { root: string; dataDir: string; postsDir: string; ids: readonly string[] };
/** The code digest the profiles' cache keys hold, hashed once for every dataset. */
const code = profileCode(root);
/** The datasets read, whose profiles are written once every dataset is. */
const profiles: string[] = [];
for (const id of ids) {
  // Read whole by an earlier build (a warm build, or a drop-in's other datasets): nothing to parse ahead.
  if (hasCachedProfile(id, { root, dataDir }, code)) {
    send({ kind: 'read', id, parsed: 0, ms: 0 });
    continue;
  }
  const before = parseCount();
  const start = performance.now();
  let ms = 0;
  let read = true;
  let terms: TermsAhead | undefined;
  try {
    const dataset = await cachedDataset(id, { root, dataDir });
    ms = performance.now() - start;
    // Counted now, while Astro starts: the posts' thread would count them as soon as it has the dataset.
    if (dataset.kind === 'posts') terms = countTermsAhead(dataset, postsDir, root);
  } catch {
    // The build reads it again and says what is wrong.
    read = false;
  }
  send({ kind: 'read', id, parsed: parseCount() - before, ms, ...(terms && terms.entries.length > 0 ? { terms } : {}) });
  if (read) profiles.push(id);
}
// The posts' charts come next, soon after the data: vega is loaded for them now (a fifth of a second), not at the
// first; unless no data changed (a warm build, which most likely redraws nothing: a post edited alone loads it at
// its first chart). Then the profiles, which the pages ask for last (one they ask for first they make themselves).
if (profiles.length > 0) await import('../render/chartSvg.ts');
for (const id of profiles) await cachedProfile(id, { root, dataDir }, code).catch(() => undefined);
// The build thread reads the records from the disk cache: this one need not hold them too.
clearMemoryCache();
