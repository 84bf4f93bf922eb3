/**
 * A second thread for the build: it reads the data ahead and draws the charts.
 *
 * A cold build spends about two seconds before it renders the first post (Node and Astro's CLI start, Astro loads its
 * config, starts Vite, loads the content config) with one core busy, and then the posts wait for their datasets to be
 * parsed. `npm run build` starts a worker (helperWorker.ts) before Astro (scripts/build.ts); `astro dev` and a bare
 * `astro build`, as the config is set up (the integration below). It parses every dataset in the data folder into the
 * disk cache (src/markdown/datasetCache.ts), smallest first, while Astro starts, and then writes each one's profile
 * (the dataset pages' summaries). A post's load of a dataset waits for the worker to be done with it, then reads the
 * parsed records from the cache: no file is parsed by both threads. Charts (src/render/drawChart.ts) are drawn there
 * too, while the posts' own thread goes on with their analysis, word clouds and tables.
 *
 * The worker keeps the process alive only while something waits for it: a build ends when its pages are written.
 * Only a first start begins one: a dev server restarted by a config change keeps the one it has (its data is in
 * memory and its charts are drawn there already). The output is the same either way: the worker runs the same code
 * on the same inputs. A machine with one core gains nothing from it; SOUNDINGS_HELPER_THREAD=0 turns it off (to time
 * or debug the build on one thread).
 */
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { listDatasets } from '../data/listDatasets.ts';
import { type ReadAhead, readingAhead } from '../markdown/readingAhead.ts';
import { processGlobal } from '../processGlobal.ts';
import { type DrawnChart, useChartDrawer } from '../render/drawChart.ts';
import { sitePaths } from './paths.ts';
import type { TermsAhead } from './termsAhead.ts';

/** What the worker sends: a dataset read (with the files it parsed), a cache it could not write, or a chart drawn or refused. */
export type HelperMessage =
  | { kind: 'read'; id: string; parsed: number; ms: number; terms?: TermsAhead }
  | { kind: 'unwritable'; dir: string; reason: string }
  | { kind: 'drawn'; job: number; chart: DrawnChart }
  | { kind: 'failed'; job: number; error: { name: string; title?: string; hint?: string; detail?: string; message: string } };

export function helperThread(root: string): AstroIntegration {
  return {
    name: 'soundings-helper-thread',
    hooks: {
      'astro:config:setup': ({ command, isRestart, logger }) => {
        if (isRestart || (command !== 'build' && command !== 'dev')) return;
        startHelper(root, sitePaths(root).dataDir, logger);
      },
    },
  };
}

/** Whether this process has started its second thread (`npm run build` does, before Astro: scripts/build.ts). */
const started = processGlobal('helperThread', () => ({ started: false }));

/**
 * Starts the worker on every dataset of `dataDir`, smallest first, and has charts drawn there; once a process, and
 * not at all with SOUNDINGS_HELPER_THREAD=0 or on one core.
 */
export function startHelper(root: string, dataDir: string, logger?: AstroIntegrationLogger): void {
  if (started.started || process.env.SOUNDINGS_HELPER_THREAD === '0' || availableParallelism() < 2) return;
  started.started = true;
  // The folder's bytes, whatever its manifest matches: an order, not a measure.
  const size = (id: string) =>
    readdirSync(join(dataDir, id), { withFileTypes: true }).reduce(
      (sum, e) => sum + (e.isFile() ? statSync(join(dataDir, id, e.name)).size : 0),
      0,
    );
  const ids = listDatasets(dataDir)
    .map((id) => ({ id, bytes: size(id) }))
    .sort((a, b) => a.bytes - b.bytes)
    .map((d) => d.id);
  // No data, no charts: nothing for a second thread to do (data dropped in under `astro dev` is read here).
  if (ids.length === 0) return;
  const reading = new Map<string, (done: ReadAhead) => void>();
  const waited = new Set<string>();
  for (const id of ids) {
    const done = new Promise<ReadAhead>((resolve) => reading.set(id, resolve));
    readingAhead(dataDir, id, () => {
      waited.add(id);
      hold();
      return done;
    });
  }
  const drawing = new Map<number, { resolve: (chart: DrawnChart) => void; reject: (e: Error) => void }>();
  let jobs = 0;
  const postsDir = join(sitePaths(root).contentDir, 'posts');
  const worker = new Worker(join(root, 'src', 'site', 'helperWorker.ts'), { workerData: { root, dataDir, postsDir, ids } });
  // Alive while something waits for it (a build stopped by a bad config does not wait for the data to be read).
  const hold = () => ([...waited].some((id) => reading.has(id)) || drawing.size > 0 ? worker.ref() : worker.unref());
  hold();
  worker.on('message', (m: HelperMessage) => {
    if (m.kind === 'read') {
      reading.get(m.id)?.({ parsed: m.parsed, ms: m.ms, terms: m.terms });
      reading.delete(m.id);
    } else if (m.kind === 'unwritable') {
      // Imported when needed, as the error catalogue below: this module loads before Astro starts (scripts/build.ts).
      void import('../markdown/cacheEntry.ts').then(({ cacheNotWritten }) => cacheNotWritten(m.dir, m.reason));
    } else {
      const waiting = drawing.get(m.job);
      drawing.delete(m.job);
      if (m.kind === 'drawn') waiting?.resolve(m.chart);
      else void thrown(m.error).then((e) => waiting?.reject(e));
    }
    hold();
  });
  // What the worker did not do, this thread does: nothing waits for a worker that stopped.
  const stopped = (why: string) => {
    useChartDrawer(undefined);
    for (const resolve of reading.values()) resolve({ parsed: 0, ms: 0 });
    reading.clear();
    for (const { reject } of drawing.values()) reject(new Error(why));
    drawing.clear();
  };
  worker.on('error', (e) => {
    // Before Astro starts (scripts/build.ts) there is no Astro logger yet.
    const say = logger ? (text: string) => logger.warn(text) : (text: string) => console.warn(text);
    say(`The build's second thread stopped (${e.message}); this one reads the data and draws the charts.`);
    stopped(e.message);
  });
  worker.on('exit', () => stopped('the second thread exited'));
  useChartDrawer((spec, rows, options) => {
    const job = jobs++;
    const done = new Promise<DrawnChart>((resolve, reject) => drawing.set(job, { resolve, reject }));
    worker.postMessage({ job, spec, rows, options });
    hold();
    return done;
  });
}

/** The error a chart failed with on the worker, as it would have been thrown here. */
async function thrown(e: Extract<HelperMessage, { kind: 'failed' }>['error']): Promise<Error> {
  if (e.title === undefined || e.hint === undefined || e.detail === undefined) return Object.assign(new Error(e.message), { name: e.name });
  const { SoundingsError } = await import('../errors.ts');
  return new SoundingsError({ name: e.name, title: e.title, hint: e.hint }, e.detail);
}
