/**
 * An Astro integration that applies content/site.yaml (siteSettings.ts) to the build: it validates the file before
 * anything is built, so a bad one stops `astro build` (and `astro dev` from starting) at its `file:line:column`, and
 * sets Astro's `site`, the canonical origin (SOUNDINGS_SITE, else the file's `url`, else the example origin, which
 * it warns of).
 *
 * Under `astro dev` it follows the file itself ({@link followSiteFile}) rather than having Astro restart the server on
 * every change: a restart builds Vite's module graph again, and the open page showed a new name 4–7 s after the save
 * (the sample site, 2 cores), where a post or a data file shows in about 1.5 s. Pages read the name, description
 * and language as they render (siteSettings()), so only what the server fixed when it started needs more than a
 * reload: the origin (Astro's `site`) restarts it, the language (the posts' stopwords) renders the posts again.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { projectPath } from '../data/datasetFiles.ts';
import type { SoundingsError } from '../errors.ts';
import { refreshPages, showInOverlay } from './devOverlay.ts';
import { sitePaths } from './paths.ts';
import { buildStop } from './renderFailure.ts';
import { DEFAULT_ORIGIN, loadSiteSettings, MISNAMED_FILE, SITE_FILE, siteOrigin } from './siteSettings.ts';

/** What a running dev server fixed when it started from the file: the canonical origin and the posts' language. */
export interface ServedSettings {
  origin: string;
  language: string;
}

export function siteConfig(root: string): AstroIntegration {
  const { contentDir } = sitePaths(root);
  const file = join(contentDir, SITE_FILE);
  const named = projectPath(root, file);
  const files = [file, join(contentDir, MISNAMED_FILE)];
  // Said once the logger is at hand (astro:config:done): an example origin is a warning, an override news.
  let notice: { warn: boolean; text: string } | undefined;
  // What the server about to start is given, and the path that has Astro restart it (see followSiteFile).
  let served: ServedSettings | undefined;
  let restartPath = '';
  return {
    name: 'soundings-site',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, addWatchFile, config }) => {
        // Astro restarts the dev server when a watched file changes. Not site.yaml itself (most of its changes need
        // only a reload), but a path no file is ever written at, which followSiteFile reports changed when the origin
        // has.
        restartPath = join(fileURLToPath(config.cacheDir), 'soundings', 'site-origin-changed');
        addWatchFile(restartPath);
        const read = loadSiteSettings(contentDir, root);
        // The message alone (it says where and what to do), not a trace into Astro's hooks.
        if ('problems' in read) throw buildStop((read.problems[0] as SoundingsError).message);
        const found = siteOrigin(read.settings);
        if ('problem' in found) throw buildStop(found.problem.message);
        updateConfig({ site: found.origin });
        served = { origin: found.origin, language: read.settings.language };
        const { url } = read.settings;
        // `astro preview` serves what the build made, and the build has said it (`npm run serve` runs both).
        if (command === 'preview') return;
        notice =
          found.origin === DEFAULT_ORIGIN
            ? {
                warn: true,
                text: `Canonical links, the feed, the sitemap and social cards use ${DEFAULT_ORIGIN}, an example address: set "url" in ${named} to the site's own (or SOUNDINGS_SITE for one deploy).`,
              }
            : found.from === 'SOUNDINGS_SITE' && url && url !== found.origin
              ? { warn: false, text: `SOUNDINGS_SITE sets the canonical origin, ${found.origin}, rather than "url" in ${named} (${url}).` }
              : undefined;
      },
      'astro:config:done': ({ logger }) => {
        if (notice?.warn) logger.warn(notice.text);
        else if (notice) logger.info(notice.text);
      },
      // Vite watches the project; a content folder elsewhere (SOUNDINGS_CONTENT_DIR) is watched for its site.yaml too:
      // the folder, which exists, not the files, which may not yet. chokidar watches a missing path through its folder
      // once it has found it missing, and takes a file created before that for one that was there (no event, no
      // update); a folder watched from the start reports every file added to it. (A test saw a site.yaml added a few
      // seconds after the start go unnoticed once, in a loaded full run; this is the likeliest reason found, not a
      // proven one.)
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        server.watcher.add(contentDir);
        if (served) followSiteFile({ server, logger, refreshContent, root, contentDir, files, served, restartPath });
      },
    },
  };
}

/** What a dev server does when site.yaml (or a site.yml) has changed, given what it was started with. */
export type SiteFileChange =
  | { kind: 'reload' }
  | { kind: 'render posts'; language: string }
  | { kind: 'restart'; origin: string }
  | { kind: 'error'; message: string };

/**
 * What the file as it is now (`read`, from loadSiteSettings) asks of a server started with `served`: its first problem
 * shown, or a restart when the canonical origin is another (SOUNDINGS_SITE, when set, keeps it), the posts rendered
 * again when their language is another, else a reload of the open pages, which read the rest as they render.
 */
export function siteFileChange(
  served: ServedSettings,
  read: ReturnType<typeof loadSiteSettings>,
  env: NodeJS.ProcessEnv = process.env,
): SiteFileChange {
  if ('problems' in read) return { kind: 'error', message: (read.problems[0] as SoundingsError).message };
  const found = siteOrigin(read.settings, env);
  if ('problem' in found) return { kind: 'error', message: found.problem.message };
  if (found.origin !== served.origin) return { kind: 'restart', origin: found.origin };
  if (read.settings.language !== served.language) return { kind: 'render posts', language: read.settings.language };
  return { kind: 'reload' };
}

/** How long one save's events (an editor's write, then another) are gathered before the file is read. */
const SETTLE_MS = 50;

/**
 * Follows site.yaml (and a misnamed site.yml) for a running `astro dev`: on each change, once its events have settled,
 * does what {@link siteFileChange} says. A mistake is printed once and sent to the open pages' error overlay, located
 * (the pages themselves throw it as they render: siteSettings()); the page it covers comes back, with the new
 * settings, when the file is fixed. An origin change has Astro restart the server, as it restarts for its own config:
 * the watcher is told that `restartPath`, which Astro was given as a watched file, has changed.
 */
function followSiteFile(options: {
  server: ViteDevServer;
  logger: AstroIntegrationLogger;
  refreshContent: ((options: object) => Promise<void>) | undefined;
  root: string;
  contentDir: string;
  files: readonly string[];
  served: ServedSettings;
  restartPath: string;
}): void {
  const { server, logger, refreshContent, root, contentDir, files, restartPath } = options;
  const served = { ...options.served };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = async () => {
    const change = siteFileChange(served, loadSiteSettings(contentDir, root));
    if (change.kind === 'error') {
      logger.error(change.message);
      showInOverlay([change.message], 'Soundings could not read the site settings');
    } else if (change.kind === 'restart') {
      logger.info(`${projectPath(root, files[0] as string)} sets the canonical origin to ${change.origin}: restarting the dev server.`);
      server.watcher.emit('change', restartPath);
    } else if (change.kind === 'render posts') {
      // The posts' digests hold the language (postDigest.ts, siteInputs): the loader renders each again.
      served.language = change.language;
      await refreshContent?.({}).catch((e: unknown) => logger.error((e as Error).message));
      refreshPages();
    } else refreshPages();
  };
  const onEvent = (path: string) => {
    if (!files.includes(path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void apply(), SETTLE_MS);
  };
  for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, onEvent);
}
