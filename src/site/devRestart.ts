/**
 * `astro dev` goes on updating posts and data after it restarts.
 *
 * The dev server restarts when content/site.yaml's canonical origin (siteConfig.ts) or astro.config.mjs changes. Vite then closes its
 * file watcher and makes a new one, but Astro 7.3.5 neither re-runs the content loaders nor hands them the new
 * watcher: the loaders' listeners stay on the closed one, so an edited post or a dropped-in data file changed nothing
 * until the server was stopped and started again (the bug withastro/astro#12976 reported for Astro 5). So:
 *  - the integration below has the content synced again once the restarted server has loaded the content config;
 *  - the loader listens on the watcher of the server running now (`devWatcher`), not the one Astro kept, and removes
 *    the listeners its previous load added (as Astro's own wrapper does on each sync), so a sync never leaves two.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { FSWatcher } from 'vite';
import { processGlobal } from '../processGlobal.ts';
import { devServer, useDevServer } from './devOverlay.ts';

type Listener = { watcher: FSWatcher; event: string; listener: (...args: unknown[]) => void };

/**
 * The listeners the posts' last load added, and how many loads have started, across the module copies Astro loads
 * (processGlobal.ts).
 */
const state = processGlobal('devWatcher', () => ({ added: [] as Listener[], loads: 0 }));

/**
 * The watcher a load of the posts listens on: none outside `astro dev` (`given` is Astro's, undefined in a build),
 * else the running server's, with what the previous load added to any watcher removed first.
 */
export function devWatcher<W extends FSWatcher | undefined>(given: W): W {
  state.loads += 1;
  if (given === undefined) return given;
  for (const { watcher, event, listener } of state.added.splice(0)) watcher.off(event, listener);
  const live = devServer()?.watcher ?? given;
  const proxy: FSWatcher = new Proxy(live, {
    get(target, prop) {
      if (prop === 'on')
        return (event: string, listener: Listener['listener']) => {
          state.added.push({ watcher: target, event, listener });
          target.on(event, listener);
          return proxy;
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return proxy as W;
}

/** Has a restarted `astro dev` sync the content again, on the new server's watcher. */
export function devRestart(): AstroIntegration {
  let restart = false;
  return {
    name: 'soundings-dev-restart',
    hooks: {
      'astro:config:setup': ({ isRestart }) => {
        restart = isRestart;
      },
      'astro:server:setup': ({ server, refreshContent, logger }) => {
        // The loader must find the new server when the sync runs, whichever plugin Vite tells of it first.
        useDevServer(server);
        // Not awaited: the server finishes starting meanwhile.
        if (restart && refreshContent) void resync(refreshContent, logger);
      },
    },
  };
}

/** How long a restarted server may take to load the content config again before the posts are left as they are. */
const RESYNC_WITHIN_MS = 60_000;
const RETRY_MS = 100;

/**
 * Runs the posts' loader once more. Astro's `refreshContent` does nothing while the restarted server is still
 * loading the content config (it says nothing of it), so it is asked again until a load has started.
 */
async function resync(refresh: (options: object) => Promise<void>, logger: AstroIntegrationLogger): Promise<void> {
  const loads = state.loads;
  const deadline = Date.now() + RESYNC_WITHIN_MS;
  while (state.loads === loads) {
    if (Date.now() > deadline) {
      logger.warn('The restarted dev server did not load the posts again: stop it and run `npm run dev` to see changes.');
      return;
    }
    // A post's own failure is the loader's to report; this is what stops a whole sync.
    await refresh({}).catch((e: unknown) => logger.error((e as Error).message));
    if (state.loads === loads) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}
