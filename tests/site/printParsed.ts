/**
 * Preloaded into `npm run check` by tests/site/check.test.ts, and into `npm run build` by tests/scripts/build.test.ts
 * (`node --import`): prints on stderr, as the process exits, how many times its main thread (a check's, or a build's
 * posts' thread) parsed each data file (src/data/loadDataset.ts's parsedFiles), as one JSON line. A worker thread (the
 * build's second thread), which a preload runs in too, keeps counts of its own and prints none.
 */
import { isMainThread } from 'node:worker_threads';

if (isMainThread)
  process.on('exit', () => {
    const parsed = (globalThis as Record<symbol, unknown>)[Symbol.for('soundings.parsedDataFiles')] as Map<string, number> | undefined;
    process.stderr.write(`parsed: ${JSON.stringify(Object.fromEntries(parsed ?? []))}\n`);
  });
