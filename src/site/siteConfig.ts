/**
 * An Astro integration that applies content/site.yaml (siteSettings.ts) to the build: it validates the file before
 * anything is built, so a bad one stops `astro build` (and `astro dev` from starting) at its `file:line:column`;
 * sets Astro's `site`, the canonical origin (SOUNDINGS_SITE, else the file's `url`, else the example origin, which
 * it warns of); and has `astro dev` restart when the file changes, is added or removed, since `site` is fixed for
 * a server's life. The restart reloads the open pages; a file made invalid keeps the running server (Astro:
 * "Continuing with previous valid configuration"), and its pages then show the error (siteSettings()).
 */
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { projectPath } from '../data/datasetFiles.ts';
import type { SoundingsError } from '../errors.ts';
import { sitePaths } from './paths.ts';
import { buildStop } from './renderFailure.ts';
import { DEFAULT_ORIGIN, loadSiteSettings, MISNAMED_FILE, SITE_FILE, siteOrigin } from './siteSettings.ts';

export function siteConfig(root: string): AstroIntegration {
  const { contentDir } = sitePaths(root);
  const file = join(contentDir, SITE_FILE);
  const named = projectPath(root, file);
  const files = [file, join(contentDir, MISNAMED_FILE)];
  // Said once the logger is at hand (astro:config:done): an example origin is a warning, an override news.
  let notice: { warn: boolean; text: string } | undefined;
  return {
    name: 'soundings-site',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, addWatchFile }) => {
        // Watched first: a restart after the file is fixed must be possible even when it is bad now.
        for (const watched of files) addWatchFile(watched);
        const read = loadSiteSettings(contentDir, root);
        // The message alone (it says where and what to do), not a trace into Astro's hooks.
        if ('problems' in read) throw buildStop((read.problems[0] as SoundingsError).message);
        const found = siteOrigin(read.settings);
        if ('problem' in found) throw buildStop(found.problem.message);
        updateConfig({ site: found.origin });
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
      // restart); a folder watched from the start reports every file added to it. (A test saw a site.yaml added a few
      // seconds after the start go unnoticed once, in a loaded full run; this is the likeliest reason found, not a
      // proven one.)
      'astro:server:setup': ({ server }) => {
        server.watcher.add(contentDir);
      },
    },
  };
}
