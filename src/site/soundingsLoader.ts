/**
 * The posts collection's loader: Astro's glob() loader, made data-aware.
 *
 * Astro re-renders an entry only when the digest of its Markdown changes, so a
 * new data file would leave stale numbers. This loader wraps glob() and folds
 * into each digest the content hash of the datasets the post names, the chart
 * specs, and the rendering code. Then:
 *  - an unchanged rebuild re-renders nothing;
 *  - a data change re-renders exactly the posts that use that data;
 *  - in `astro dev`, the data folder is watched and the affected posts re-render;
 *    a changed dataset that no post uses is read too, for its errors, and the
 *    dataset pages are built again from the data as it is now.
 *
 * glob() only logs a post that fails to render; a Soundings build must fail
 * instead (a page with a missing number must not ship), so render errors are
 * collected and thrown, and the broken entries are dropped from the store so a
 * later build cannot reuse them.
 */

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { datasetDigest, datasetOfPath, mayChangeDataset, projectPath } from '../data/datasetFiles.ts';
import { listDatasets } from '../data/listDatasets.ts';
import { forgetPrintedRenders, SoundingsError } from '../errors.ts';
import { cachedDataset, countProblems, keepFileLists, type LoadRecord, takeLoadRecords } from '../markdown/datasetCache.ts';
import { postSource } from '../markdown/postSource.ts';
import { takeRenderedAhead } from '../markdown/renderedAhead.ts';
import { validateFrontmatter } from '../markdown/validateFrontmatter.ts';
import { codeDigest } from './codeDigest.ts';
import { refreshPages, showInOverlay } from './devOverlay.ts';
import { PREWARM_DELAY_MS, prewarm } from './devPrewarm.ts';
import { devWatcher } from './devRestart.ts';
import { type EntryTypes, readableFrontmatter } from './frontmatterSyntax.ts';
import { sitePaths } from './paths.ts';
import { postDependencies, siteInputs } from './postDigest.ts';
import { postFiles } from './postFiles.ts';
import {
  buildStop,
  failureReport,
  forgetRenderFailures,
  loggedEntry,
  type RenderFailure,
  recordRenderFailure,
  renderFailureMessage,
} from './renderFailure.ts';
import { storedProfile } from './siteData.ts';
import { summaryTable, type UnreadDataset } from './summary.ts';

/** How long `astro dev` gathers data file events before re-loading (see `onData`). */
const SETTLE_MS = 50;

/**
 * The store, as glob() writes to it in `astro dev`: a post that renders forgets its recorded failure at once, also
 * when glob() re-renders it on its own (the post's file changed), so that its page, served from the store Astro is
 * replacing, does not throw the old error over the recovered page (renderFailure.ts).
 */
function forgettingStore(store: LoaderContext['store'], root: string): LoaderContext['store'] {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'set')
        return (entry: Parameters<LoaderContext['store']['set']>[0]) => {
          const stored = target.set(entry);
          if (stored && entry.rendered !== undefined && entry.filePath) forgetRenderFailures(root, [entry.filePath]);
          return stored;
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function soundingsLoader(): Loader {
  return {
    name: 'soundings-posts',
    async load(context: LoaderContext) {
      const root = resolve(fileURLToPath(context.config.root)); // no trailing slash, as `npm run check`'s
      const { contentDir, dataDir } = sitePaths(root);
      const inner = glob({ pattern: '**/*.md', base: join(contentDir, 'posts') });
      const failures: RenderFailure[] = [];
      /**
       * The failures of this run that no page shows (`astro dev`), sent to the open pages' overlay instead. A post's
       * or a dataset's failure is not: its page shows it when the reload the change causes loads it, and an error
       * sent over HMR puts Astro's dev server in its error state, in which every file change reloads every open page
       * (node_modules/astro/dist/vite-plugin-astro-server/controller.js; core/module-loader/vite.js sets it on any
       * "error" sent to the client): one edit would reload a page several times, and before the posts re-rendered.
       */
      const pageless: string[] = [];
      // In `astro dev`, the running server's watcher, which a restart replaces (devRestart.ts).
      const liveWatcher = devWatcher(context.watcher);
      const dev = liveWatcher !== undefined;

      /** Syncs the posts (and in `astro dev`, reads the `changed` datasets no post uses); says whether the store changed. */
      const run = async (watcher: LoaderContext['watcher'], changed: readonly string[] = []): Promise<boolean> => {
        failures.length = 0;
        pageless.length = 0;
        forgetPrintedRenders();
        // The summary is this run's: what pages read since the last (`astro dev`) is not.
        takeLoadRecords();
        takeRenderedAhead();
        // An entry that failed to render (kept by `astro dev`, perhaps in a store a later build reads) is
        // rendered again, whatever its digest says: glob() would otherwise reuse it as it is, empty.
        for (const entry of [...context.store.values()]) if (entry.rendered === undefined) context.store.delete(entry.id);
        const before = new Map([...context.store.values()].map((e) => [e.id, e.digest]));
        const extra = `${codeDigest(root)}\n${siteInputs(root, contentDir)}`;
        const logger = Object.create(context.logger) as LoaderContext['logger'];
        logger.error = (message: string) => {
          const entry = loggedEntry(message);
          const located = renderFailureMessage(message);
          failures.push({ entry, message: located });
          // A post that did not render: Astro's Markdown renderer has printed why already (console.error, headed
          // "Soundings could not render post.md" by SoundingsError's inspect): it is not printed again. A build
          // prints every failure once more, together, when it stops (below); `astro dev` goes on, and keeps each
          // for the post's page to show (renderFailure.ts).
          if (entry) {
            if (dev) recordRenderFailure(join(contentDir, 'posts', entry), message);
            return;
          }
          // Anything else glob() logs (`Failed to reload new.md: …`, a new post whose frontmatter is refused, so
          // with no page to show it) nobody has printed: printed here, and sent to the open pages' overlay.
          context.logger.error(located);
          pageless.push(located);
        };
        await inner.load({
          ...context,
          logger,
          watcher,
          entryTypes: readableFrontmatter((context as LoaderContext & { entryTypes: EntryTypes }).entryTypes),
          store: dev ? forgettingStore(context.store, root) : context.store,
          generateDigest: (data) =>
            typeof data === 'string'
              ? context.generateDigest(`${data}\0${postDependencies(data, dataDir, extra)}`)
              : context.generateDigest(data),
          // Validate frontmatter ourselves first, so errors point at post.md:line:column.
          parseData: async (props) => {
            if (props.filePath) {
              const file = projectPath(root, props.filePath);
              try {
                validateFrontmatter(postSource(readFileSync(props.filePath, 'utf8'), file), file);
              } catch (e) {
                // A build stops here. `astro dev` keeps a post whose frontmatter is being edited with its last
                // good data: rendering it then fails with the same located error, which its page shows
                // (renderFailure.ts), and the other posts go on updating. A new post has no such data.
                const last = dev ? context.store.get(props.id)?.data : undefined;
                if (last !== undefined) return last;
                if (!(e instanceof SoundingsError)) throw e;
                throw buildStop(e.message);
              }
            }
            return context.parseData(props);
          },
        } as LoaderContext);
        const entries = [...context.store.values()];
        const failed = entries.filter((e) => e.rendered === undefined);
        // A build drops a failed entry; `astro dev` keeps it, so that its page shows the error (renderFailure.ts).
        if (!dev) for (const entry of failed) context.store.delete(entry.id);
        const rendered = entries.filter((e) => e.rendered !== undefined && before.get(e.id) !== e.digest).length;
        const failedText = failed.length > 0 ? ` and ${failed.length} failed` : '';
        const unchanged = entries.length - rendered - failed.length;
        const others = unchanged > 0 ? `; the others' Markdown, data and code are unchanged` : '';
        const ahead = takeRenderedAhead();
        const aheadText = ahead > 0 ? ` (${ahead} by the build's second thread, while Astro started)` : '';
        context.logger.info(`Rendered ${rendered} of ${entries.length} posts${aheadText}${failedText}${others}.`);
        await readUnused(changed, entries);
        const records = takeLoadRecords();
        await countProblems(records, { root, dataDir });
        context.logger.info(summaryTable(records, dev ? [] : unreadDatasets(records, failed)));
        keepFileLists(records, { root, dataDir });
        return rendered > 0 || failed.length > 0 || entries.length !== before.size;
      };

      /** The datasets the posts `entries` use (their frontmatter's `datasets`, by alias). */
      const datasetsOf = (entries: readonly { data: Record<string, unknown> }[]) =>
        new Set(entries.flatMap((e) => Object.values((e.data.datasets ?? {}) as Record<string, string>)));

      /**
       * A build's datasets that no post read, for its summary to list every dataset of the site: each with its numbers
       * when its profile is known without reading it (storedProfile: a warm build has them all), and whether a post
       * that uses it failed (on a problem found before it read this one: "no post needed it" would be untrue). `astro
       * dev` lists only what each re-load read.
       */
      const unreadDatasets = (records: readonly LoadRecord[], failed: readonly { data: Record<string, unknown> }[]): UnreadDataset[] => {
        const read = new Set(records.map((r) => r.id));
        const ofFailed = datasetsOf(failed);
        return listDatasets(dataDir)
          .filter((id) => !read.has(id))
          .map((id) => {
            const profile = storedProfile(id, { root, dataDir });
            return {
              id,
              failedFirst: ofFailed.has(id),
              rows: profile?.rows,
              files: profile?.files.length,
              period: profile?.first && profile.last ? ([profile.first, profile.last] as const) : undefined,
            };
          });
      };

      /**
       * `astro dev`: reads the changed datasets that no post uses, which no post re-rendering would read, so that
       * their errors reach the terminal and the overlay as a post's data errors do (their pages throw them too).
       */
      const readUnused = async (changed: readonly string[], entries: readonly { data: Record<string, unknown> }[]) => {
        const used = datasetsOf(entries);
        const datasets = new Set(listDatasets(dataDir));
        const ids = new Set(changed.map((path) => datasetOfPath(dataDir, path)));
        for (const id of [...ids].sort()) {
          if (used.has(id) || !datasets.has(id)) continue;
          try {
            await cachedDataset(id, { root, dataDir });
          } catch (e) {
            // Printed once; its page (/data/<id>/) shows it (siteData.ts, devErrorPage.ts).
            const message = (e as Error).message;
            failures.push({ entry: undefined, message });
            context.logger.error(message);
          }
        }
      };

      await run(liveWatcher);
      showInOverlay(pageless);
      if (failures.length > 0 && !dev) {
        throw buildStop(failureReport(failures));
      }

      const watcher = liveWatcher;
      if (!watcher) return;
      watcher.add(dataDir);
      // The first re-load after a drop-in then finds this thread warm (devPrewarm.ts).
      setTimeout(() => void prewarm(postFiles(join(contentDir, 'posts')), { root, dataDir }), PREWARM_DELAY_MS).unref();
      /**
       * Each dataset's digest as the last re-load found it, taken before that re-load read the data (a change during
       * it makes the next digest differ, so it is never missed). Events that leave every dataset they touch as it was
       * are not a change: a rename fires "add" for the new name at once and "unlink" for the old one some 100 ms
       * later (the watcher waits for an atomic save's re-add), after the re-load the first started has read the
       * folder as it is; a file saved again with the same bytes is another.
       */
      const lastDigests = new Map<string, string>();
      const unchanged = (paths: readonly string[]): boolean => {
        let same = true;
        for (const id of new Set(paths.map((path) => datasetOfPath(dataDir, path)))) {
          let digest: string | undefined;
          try {
            digest = datasetDigest(join(dataDir, id));
          } catch {
            // A file removed while it was being hashed: the re-load says what is there now.
          }
          if (digest === undefined || lastDigests.get(id) !== digest) same = false;
          if (digest === undefined) lastDigests.delete(id);
          else lastDigests.set(id, digest);
        }
        return same;
      };
      const reload = async (paths: readonly string[]) => {
        if (unchanged(paths)) return;
        // In name order, not the order the watcher saw them: files copied at once are named alike whatever the timing.
        const changed = [...new Set(paths.map((path) => projectPath(root, path)))].sort().join(', ');
        context.logger.info(`Data changed: ${changed}; re-rendering the posts that use it.`);
        // Astro builds the pages again once the store changes; a change no post uses changes nothing there.
        let storeChanged = true;
        try {
          storeChanged = await run(undefined, paths);
        } catch (e) {
          // What still stops a whole load (a post not in the store yet whose frontmatter is invalid, a duplicate
          // slug): keep the dev server up, and say it in the terminal and the overlay. A post's own problems,
          // stale pins among them, fail only that post (see parseData).
          const message = renderFailureMessage((e as Error).message);
          failures.push({ entry: undefined, message });
          pageless.push(message);
          context.logger.error(message);
        }
        // The dataset pages are built again from the data as it is now, and the open pages reload (Astro reloads
        // them itself when the store changed), a dataset's page showing its data's error if it has one; unless the
        // overlay has an error no page shows, which a reload would take away.
        if (!storeChanged) refreshPages({ reload: pageless.length === 0 });
        showInOverlay(pageless);
      };
      // One change often fires several events (a copy: "add" then "change"s; an editor: a write, then another;
      // three files dropped at once). They are gathered for SETTLE_MS, then the data is re-loaded once, and
      // never by two runs at a time: events during a run are gathered for the next.
      const pending: string[] = [];
      let draining = false;
      const drain = async () => {
        draining = true;
        try {
          while (pending.length > 0) {
            await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
            await reload(pending.splice(0));
          }
        } finally {
          draining = false;
        }
      };
      const onData = (path: string) => {
        if (!path.startsWith(dataDir) || !mayChangeDataset(dataDir, path)) return;
        pending.push(path);
        if (!draining) void drain();
      };
      watcher.on('change', onData);
      watcher.on('add', onData);
      watcher.on('unlink', onData);
    },
  };
}
