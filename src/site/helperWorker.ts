/**
 * The worker of src/site/helperThread.ts. Reads each dataset it is given into the disk cache, in order, and tells the
 * build thread as each is done, with how many files it parsed; then renders each post that uses data it read
 * (renderAhead.ts), and sends it, or undefined for a post it did not render; then writes each dataset's profile (the
 * dataset pages' summaries, siteData.ts) into the cache too. A dataset whose data has a problem is handed over with it
 * (the error, and the state of the data it is true of: datasetCache.ts, failureToHand), for the build to report where
 * the post that uses it is without parsing the files again; one it cannot read otherwise (a bug, the heap run out), or
 * a post it cannot render, is left to the build, which tries itself and says what is wrong. Meanwhile, and after, it
 * draws the charts it is sent (the posts the build renders itself). Once every dataset is profiled, it keeps the data's
 * stamp (helperStamp.ts): the next build with the same data starts no worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { handCacheWarningsTo } from '../markdown/cacheEntry.ts';
import type { FailedAhead, PostAhead } from '../markdown/readingAhead.ts';
import { chartExchange } from '../render/drawChart.ts';
import { printWarningsWith } from '../warnings.ts';
import { keepStamp } from './helperStamp.ts';
import type { HelperData, HelperMessage, HelperRequest } from './helperThread.ts';
import { hasCachedProfile, profileCode } from './profileEntry.ts';

const port = parentPort;
if (!port) throw new Error('helperWorker.ts runs as a worker thread (helperThread.ts)');
const send = (m: HelperMessage) => port.postMessage(m);
// A cache this thread cannot write is said by the build's thread, once for both.
handCacheWarningsTo((dir, reason) => send({ kind: 'unwritable', dir, reason }));
// Its other warnings (a post's are kept with its render, renderAhead.ts) too: the build's thread prints them through
// Astro's logger, which this thread cannot reach (src/warnings.ts).
printWarningsWith({ warn: (message) => send({ kind: 'warning', message }) });

// The charts of the posts the build's thread renders itself, drawn here; this thread's own are drawn here too.
const charts = chartExchange(send);
port.on('message', (m: HelperRequest) => void charts.receive(m));

const { root, dataDir, ids, posts, stamp } = workerData as HelperData;
/** The code digest the profiles' cache keys hold, hashed once for every dataset. */
const code = profileCode(root);
// What reads and renders is loaded only when there is something to read: in a warm build, nothing (a third of a
// second of the other core while Astro starts).
const unread = ids.filter((id) => {
  try {
    // Read whole by an earlier build (a warm build, or a drop-in's other datasets): nothing to parse ahead.
    if (!hasCachedProfile(id, { root, dataDir }, code)) return true;
  } catch {
    // A folder that cannot be hashed: its read below fails, and the build's own load says why.
    return true;
  }
  send({ kind: 'read', id, parsed: 0, ms: 0 });
  return false;
});
if (unread.length === 0) for (const path of posts) send({ kind: 'post', path, ahead: undefined });
// Every dataset's profile is in the cache: the next build with the same stamp need not start this thread.
if (unread.length === 0 || (await readAndRender(unread))) keepStamp(root, dataDir, stamp);

/** Reads the datasets `unread`, renders the posts that use them, then writes the datasets' profiles; says whether it wrote all. */
async function readAndRender(unread: readonly string[]): Promise<boolean> {
  const { cachedDataset, clearMemoryCache, failureToHand, parseCount } = await import('../markdown/datasetCache.ts');
  /** The datasets read, whose posts are rendered, and whose profiles are written once every post is. */
  const read = new Set<string>();
  for (const id of unread) {
    const before = parseCount();
    const start = performance.now();
    let ms = 0;
    let failed: FailedAhead | undefined;
    try {
      await cachedDataset(id, { root, dataDir });
      ms = performance.now() - start;
      read.add(id);
    } catch (e) {
      // A problem in the data, found in data that has not changed since, goes to the build's thread, which reports it
      // without parsing the files again; anything else, the build reads the dataset again and says what is wrong.
      failed = failureToHand(id, { root, dataDir }, e);
    }
    send({ kind: 'read', id, parsed: parseCount() - before, ms, ...(failed ? { failed } : {}) });
  }
  // The posts that use data read here: those Astro renders again.
  const { renderAhead } = await import('./renderAhead.ts');
  for (const path of posts) {
    let ahead: PostAhead | undefined;
    try {
      ahead = await renderAhead(path, read, { root, dataDir });
    } catch {
      // Whatever went wrong, the posts' thread renders the post and says it.
    }
    send({ kind: 'post', path, ahead });
  }
  // Then the profiles, which the pages ask for last (one they ask for first they make themselves).
  const { cachedProfile } = await import('./siteData.ts');
  let profiled = read.size === unread.length;
  for (const id of unread) {
    let written = read.has(id);
    if (written)
      await cachedProfile(id, { root, dataDir }, code).catch(() => {
        written = false;
      });
    // A page waiting for it reads it from the disk cache, or makes it itself (siteData.ts).
    send({ kind: 'profiled', id, written });
    if (!written) profiled = false;
  }
  // The build thread reads the records from the disk cache: this one need not hold them too.
  clearMemoryCache();
  return profiled;
}
