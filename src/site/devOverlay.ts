/**
 * Shows Soundings' errors in Astro's error overlay during `astro dev`.
 *
 * Content is re-loaded outside any request (a data file changed), so there is
 * no request to fail and the error would only reach the terminal. A tiny Vite
 * plugin keeps the dev server's handle, and the loader sends the error to the
 * open pages through Vite's HMR channel, as Astro itself does for content
 * errors. The config and the loader are bundled separately, so the handle is
 * shared through a global symbol rather than a module variable.
 */
import type { Plugin, ViteDevServer } from 'vite';
import { expectRecounts } from '../analysis/recounts.ts';
import { processGlobal } from '../processGlobal.ts';

/** The dev server, set by the plugin (astro.config.mjs's module graph), read by the loader (the content config's). */
const dev = processGlobal('devServer', (): { server?: ViteDevServer } => ({}));

export function devOverlay(): Plugin {
  return {
    name: 'soundings-dev-overlay',
    apply: 'serve',
    configureServer(server) {
      useDevServer(server);
      oneReload(server);
    },
  };
}

/**
 * How long the open pages' reload waits for another (see {@link oneReload}), and how long at most. Every data change
 * waits this long before the page reloads: 100 ms keeps one reload for one edit on a quiet machine (tests/site/dev.test.ts
 * counts them), where 250 ms cost 0.18 s on each change (`npm run bench:dev`: 1.94 s against 1.76 s).
 */
const RELOAD_SETTLE_MS = 100;
const RELOAD_WITHIN_MS = 2_000;

/**
 * Has the open pages reload once for one change, not once for each reload Astro sends for it. For one edited post or
 * data file Astro sends several, each when its own timer fires: one when it has written the content store
 * (content/vite-plugin-content-virtual-mod.js, invalidateDataStore), one from each of its two request handlers'
 * module graphs when it rewrites .astro/content-assets.mjs (vite-plugin-hmr-reload/index.js), and, while its server
 * is marked in error, two more for every file change (vite-plugin-astro-server/controller.js). Vite's client merges
 * only those 20 ms apart (vite/dist/client/client.mjs, pageReload); later ones reloaded the page again, or reached
 * it, reloaded, mid-load and reloaded it once more. So every reload sent to the pages waits until none has come for
 * RELOAD_SETTLE_MS (and never more than RELOAD_WITHIN_MS), and goes as one. An error sent meanwhile goes at once and
 * drops the waiting reload, which would take its overlay away. `server.ws` is the client environment's channel, so
 * Astro's own reloads pass here too, whichever of Astro's wrappers around `send` came first.
 */
function oneReload(server: ViteDevServer): void {
  const hot = server.environments.client.hot;
  const send = hot.send.bind(hot) as (payload: unknown) => void;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  const flush = () => {
    timer = undefined;
    send({ type: 'full-reload', path: '*' });
  };
  hot.send = ((...args: unknown[]) => {
    const payload = args[0] as { type?: string; path?: string } | string;
    const type = typeof payload === 'object' ? payload?.type : undefined;
    // A reload of one HTML page (Vite's, for an .html file) is not Astro's reload of every page.
    if (type === 'full-reload' && typeof payload === 'object' && !payload.path?.endsWith('.html')) {
      if (timer === undefined) first = Date.now();
      clearTimeout(timer);
      timer = setTimeout(flush, Math.max(0, Math.min(RELOAD_SETTLE_MS, first + RELOAD_WITHIN_MS - Date.now())));
      return;
    }
    if (type === 'error' && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    (send as (...a: unknown[]) => void)(...args);
  }) as typeof hot.send;
}

/** Keeps the running dev server's handle (set again when it restarts: devRestart.ts). */
export function useDevServer(server: ViteDevServer): void {
  dev.server = server;
  // Data dropped in re-renders the posts: their term counts keep what they read for the next (termCounts.ts).
  expectRecounts();
}

/** The running dev server, if this process serves `astro dev`. */
export const devServer = (): ViteDevServer | undefined => dev.server;

/**
 * Whether this process is serving `astro dev` (the plugin has the server). Pages ask this rather than
 * `import.meta.env.DEV`, which Astro takes from a `DEV` variable in the environment when there is one (vitest sets
 * `DEV=1`; a shell may too), so that a build never acts as the dev server does.
 */
export const inDevServer = (): boolean => devServer() !== undefined;

const LOCATED = /^(?<file>[^\s:][^:]*):(?<line>\d+)(?::(?<column>\d+))?: (?<rest>[\s\S]*)$/;

/**
 * The message as plain text in the overlay. Astro escapes it, then reads it as Markdown: `[text](url)` becomes a
 * link, `**text**` bold, a URL after a space a link, so a cell of a data file quoted in a message could plant a
 * link ("see [the fix](https://phish.example)"). A word joiner (U+2060, zero-width) between the characters that would make a link or
 * bold text keeps them from matching and shows nothing. (Backticks only make code spans, which are harmless.)
 */
export function overlayText(message: string): string {
  return message
    .replace(/\](?=\()/g, ']\u2060')
    .replace(/\*(?=\*)/g, '*\u2060')
    .replace(/ (?=(?:https?|ftp):\/\/)/gi, ' \u2060');
}

/** The overlay payload for one Soundings message (`file:line:column: what. What to do.`), headed `title`. */
export function overlayError(
  message: string,
  title = 'Soundings could not render a post',
): {
  message: string;
  stack: string;
  title: string;
  loc?: { file: string; line: number; column: number };
  id?: string;
} {
  const first = message.split('\n')[0] ?? message;
  const match = LOCATED.exec(first);
  const base = { message: overlayText(message), stack: '', title };
  if (!match?.groups) return base;
  const { file = '', line = '1', column = '1' } = match.groups;
  return { ...base, id: file, loc: { file, line: Number(line), column: Number(column) } };
}

/**
 * Has the pages built again from the data as it is now, and reloads the open ones; does nothing outside `astro dev`.
 * Astro keeps each dynamic route's `getStaticPaths()` (the dataset pages' list, with each profile) until the content
 * store changes; a data change that no post uses leaves the store as it was, so the list would keep a dataset's old
 * records and files, and miss a new dataset. This sends the event Astro's own store change sends (which clears that
 * cache in the server's environments), then (with `reload`) the reload it sends to the open pages.
 */
export function refreshPages({ reload = true } = {}): void {
  const { server } = dev;
  if (!server) return;
  for (const [name, environment] of Object.entries(server.environments)) {
    if (name !== 'client') environment.hot.send('astro:content-changed', {});
  }
  if (reload) server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}

/** Sends the messages to every open page's error overlay, headed `title`; does nothing outside `astro dev`. */
export function showInOverlay(messages: readonly string[], title?: string): boolean {
  const { server } = dev;
  if (!server || messages.length === 0) return false;
  server.environments.client.hot.send({ type: 'error', err: overlayError(messages.join('\n'), title) });
  return true;
}
