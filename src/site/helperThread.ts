/**
 * A second thread for the build: it reads the data ahead, renders the posts that use it, and draws charts.
 *
 * A cold build spends about two seconds before it renders the first post (Node and Astro's CLI start, Astro loads its
 * config, starts Vite, loads the content config) with one core busy. `npm run build` starts a worker (helperWorker.ts)
 * before Astro (scripts/build.ts); `astro dev` and a bare `astro build`, as the config is set up (the integration
 * below). It parses every changed dataset in the data folder into the disk cache (src/markdown/datasetCache.ts),
 * smallest first, while Astro starts; renders the posts that use that data (renderAhead.ts), which the remark plugin
 * takes when it finds them rendered from what it would render them from (src/markdown/renderedAhead.ts); then writes
 * each dataset's profile (the dataset pages' summaries). A post the plugin renders itself waits for the worker to be
 * done with its datasets, then reads the parsed records from the cache: no file is parsed by both threads. This
 * thread has the worker draw the charts of the posts it renders itself (src/render/drawChart.ts, chartExchange); the
 * worker draws its own posts' charts (see HelperRequest).
 *
 * A dataset the worker cannot read because of a problem in its data (a bad date at line 900,000 of a 150 MB export)
 * is handed over with the problem: the error as plain data (errors.ts, sentError: a worker's message cannot carry the
 * class), with the state of the data and of the loader's code it is true of (datasetCache.ts, loadState: the dataset's
 * digest, as the post's digest and the cache keys take it, and the src/data code's). The posts' thread, which would
 * otherwise parse the files again up to the problem (a second ~20 s of silence before the build fails), makes the same
 * error again (receivedError: the same class, message, file:line:column, so Astro's overlay and the build's failure
 * read as ever) and throws it where its own load would have, while the data is in that state: a file edited since
 * (under `astro dev`, or mid-build) is read again. A load that failed otherwise (a bug, the heap run out), or on a file
 * that changed while the worker read it, is handed nothing: the posts' thread reads the dataset itself, as before.
 *
 * The worker keeps the process alive only while something waits for it: a build ends when its pages are written.
 * Only a first start begins one: a dev server restarted by a config change keeps the one it has (its data is in
 * memory and its charts are drawn there already). A build whose data is as the last worker left it starts none
 * (helperStamp.ts). The output is the same either way: the worker runs the same code on the same inputs. A machine
 * with one core gains nothing from it; SOUNDINGS_HELPER_THREAD=0 turns it off (to time or debug the build on one
 * thread).
 */
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { folderBytes, listDatasets } from '../data/listDatasets.ts';
import {
  type FailedAhead,
  type PostAhead,
  profilingAhead,
  type ReadAhead,
  readingAhead,
  renderingAhead,
} from '../markdown/readingAhead.ts';
import { processGlobal } from '../processGlobal.ts';
import { type ChartMessage, chartExchange, useChartDrawer } from '../render/drawChart.ts';
import { printWarning } from '../warnings.ts';
import { dataStamp, lastStamp } from './helperStamp.ts';
import { sitePaths } from './paths.ts';
import { postFiles } from './postFiles.ts';

/**
 * What the worker sends: a dataset read (with the files it parsed; or the problem in its data that stopped it), a post
 * rendered (or not: undefined), a cache it
 * could not write, a warning for this thread to print (one given outside a post's render: a data file's), or a chart
 * to draw, drawn or refused (src/render/drawChart.ts, chartExchange).
 */
export type HelperMessage =
  | { kind: 'read'; id: string; parsed: number; ms: number; failed?: FailedAhead }
  | { kind: 'profiled'; id: string; written: boolean }
  | { kind: 'post'; path: string; ahead: PostAhead | undefined }
  | { kind: 'unwritable'; dir: string; reason: string }
  | { kind: 'warning'; message: string }
  | ChartMessage;

/** What the worker is started with. */
export interface HelperData {
  root: string;
  dataDir: string;
  /** The datasets (folder names), smallest first. */
  ids: readonly string[];
  /** The posts (absolute paths), in name order. */
  posts: readonly string[];
  /** The data's stamp as this thread found it before the worker began (helperStamp.ts). */
  stamp: string;
}

/**
 * What this thread sends the worker: the charts of the posts it renders itself. Not the other way: once this thread
 * waits for the worker's posts, the charts left are drawn sooner by the worker, which has vega loaded and compiled,
 * than here, where vega would first load (measured in session 14: the same wall time, more CPU).
 */
export type HelperRequest = ChartMessage;

export function helperThread(root: string): AstroIntegration {
  return {
    name: 'soundings-helper-thread',
    hooks: {
      'astro:config:setup': ({ command, isRestart }) => {
        if (isRestart || (command !== 'build' && command !== 'dev')) return;
        startHelper(root, sitePaths(root).dataDir, command);
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
export function startHelper(root: string, dataDir: string, command: 'build' | 'dev'): void {
  if (started.started || process.env.SOUNDINGS_HELPER_THREAD === '0' || availableParallelism() < 2) return;
  started.started = true;
  const ids = listDatasets(dataDir)
    .map((id) => ({ id, bytes: folderBytes(join(dataDir, id)) }))
    .sort((a, b) => a.bytes - b.bytes)
    .map((d) => d.id);
  // No data, no charts: nothing for a second thread to do (data dropped in under `astro dev` is read here); nor, in a
  // build, when the data and the code that reads it are as the last thread left them (helperStamp.ts): a warm build.
  // `astro dev` starts it all the same, to draw the charts of the posts that data dropped in later re-renders.
  if (ids.length === 0) return;
  const stamp = dataStamp(root, dataDir);
  if (command === 'build' && stamp === lastStamp(root, dataDir)) return;
  // What this thread waits for, by dataset id and by post path: once waited for, the worker keeps the process alive.
  const reading = new Map<string, (done: ReadAhead) => void>();
  const rendering = new Map<string, (done: PostAhead | undefined) => void>();
  const profiling = new Map<string, (written: boolean) => void>();
  const waited = new Set<string>();
  const awaited =
    <T>(key: string, done: Promise<T>) =>
    () => {
      waited.add(key);
      hold();
      return done;
    };
  for (const id of ids) readingAhead(dataDir, id, awaited(id, new Promise<ReadAhead>((resolve) => reading.set(id, resolve))));
  for (const id of ids)
    profilingAhead(dataDir, id, awaited(`\0${id}`, new Promise<boolean>((resolve) => profiling.set(`\0${id}`, resolve))));
  const posts = postFiles(join(sitePaths(root).contentDir, 'posts'));
  for (const path of posts)
    renderingAhead(path, awaited(path, new Promise<PostAhead | undefined>((resolve) => rendering.set(path, resolve))));
  const charts = chartExchange((m) => {
    worker.postMessage(m satisfies HelperRequest);
    hold();
  });
  const worker = new Worker(join(root, 'src', 'site', 'helperWorker.ts'), {
    workerData: { root, dataDir, ids, posts, stamp } satisfies HelperData,
    env: compileCached(),
  });
  // Alive while something waits for it (a build stopped by a bad config does not wait for the data to be read).
  const hold = () =>
    [...waited].some((key) => reading.has(key) || rendering.has(key) || profiling.has(key)) || charts.waiting() > 0
      ? worker.ref()
      : worker.unref();
  hold();
  worker.on('message', (m: HelperMessage) => {
    if (m.kind === 'read') {
      reading.get(m.id)?.({ parsed: m.parsed, ms: m.ms, ...(m.failed ? { failed: m.failed } : {}) });
      reading.delete(m.id);
    } else if (m.kind === 'profiled') {
      profiling.get(`\0${m.id}`)?.(m.written);
      profiling.delete(`\0${m.id}`);
    } else if (m.kind === 'post') {
      rendering.get(m.path)?.(m.ahead);
      rendering.delete(m.path);
    } else if (m.kind === 'unwritable') {
      // Imported when needed, as the error catalogue below: this module loads before Astro starts (scripts/build.ts).
      void import('../markdown/cacheEntry.ts').then(({ cacheNotWritten }) => cacheNotWritten(m.dir, m.reason));
    } else if (m.kind === 'warning') {
      // Through Astro's logger, as this thread's own warnings (src/warnings.ts); held until Astro gives it.
      printWarning(m.message);
    } else {
      void charts.receive(m).then(hold);
    }
    hold();
  });
  // What the worker did not do, this thread does: nothing waits for a worker that stopped.
  const stopped = (why: string) => {
    useChartDrawer(undefined);
    for (const resolve of reading.values()) resolve({ parsed: 0, ms: 0 });
    reading.clear();
    for (const resolve of rendering.values()) resolve(undefined);
    rendering.clear();
    for (const resolve of profiling.values()) resolve(false);
    profiling.clear();
    charts.stop(why);
  };
  worker.on('error', (e) => {
    // Through Astro's logger, or held until Astro gives it (src/warnings.ts).
    printWarning(`The build's second thread stopped (${e.message}); this one reads the data and draws the charts.`);
    stopped(e.message);
  });
  worker.on('exit', () => stopped('the second thread exited'));
  useChartDrawer(charts.drawer);
}

/**
 * The worker's environment: this process's, with Node's compile cache on, where Node keeps it by default (Astro's CLI
 * turns it on for its own thread; a worker has its own Node instance, which reads it from its environment): the
 * worker's modules, compiled once, load in two thirds of the time (0.5 s → 0.35 s), and it starts on the data sooner.
 */
function compileCached(): NodeJS.ProcessEnv {
  if (process.env.NODE_DISABLE_COMPILE_CACHE || process.env.NODE_COMPILE_CACHE) return process.env;
  return { ...process.env, NODE_COMPILE_CACHE: join(tmpdir(), 'node-compile-cache') };
}
