// @ts-check
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import remarkDirective from 'remark-directive';
import { remarkSoundings } from './src/markdown/remarkSoundings.ts';
import { astroWarnings } from './src/site/astroWarnings.ts';
import { devOverlay } from './src/site/devOverlay.ts';
import { devRestart } from './src/site/devRestart.ts';
import { datasetDownloads } from './src/site/downloads.ts';
import { helperThread } from './src/site/helperThread.ts';
import { sitePaths } from './src/site/paths.ts';
import { searchIndex } from './src/site/searchIndex.ts';
import { siteConfig } from './src/site/siteConfig.ts';

const root = resolve(fileURLToPath(new URL('.', import.meta.url))); // no trailing slash, as `npm run check`'s
const { dataDir } = sitePaths(root);
// For the pages that read data/ (dataset pages, downloads) and content/site.yaml (every page): bundled page code
// cannot find the project itself.
process.env.SOUNDINGS_ROOT = root;

// SOUNDINGS_OUT_DIR and SOUNDINGS_CACHE_DIR let tests build fixture sites
// without touching the project's own dist/ and content cache.
export default defineConfig({
  // `site`, the canonical origin of the published site (canonical links, the sitemap, the feed and social cards
  // are absolute URLs on it), is set by siteConfig: content/site.yaml's `url`, or SOUNDINGS_SITE for a deploy.
  // Internal links are root-relative, so the built site works on any host.
  output: 'static',
  outDir: process.env.SOUNDINGS_OUT_DIR ?? './dist',
  cacheDir: process.env.SOUNDINGS_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [
    // Before any other: Soundings' warnings go through Astro's logger, tagged [WARN] as Astro's own (src/warnings.ts).
    astroWarnings(),
    // Then, to start as early as it can: a second thread that reads the data while Astro starts, and draws charts.
    helperThread(root),
    // It validates content/site.yaml and sets `site`, which the others read.
    siteConfig(root),
    // The 404 page is not a page to index.
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/404') }),
    datasetDownloads(),
    searchIndex(),
    // `astro dev` goes on updating posts and data after a restart (a new url in site.yaml restarts it).
    devRestart(),
  ],
  // Data errors found while `astro dev` re-loads content go to the error overlay.
  vite: { plugins: [devOverlay()] },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkDirective, [remarkSoundings, { root, dataDir }]],
    }),
  },
});
