// @ts-check
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkDirective from 'remark-directive';
import { remarkSoundings } from './src/markdown/remarkSoundings.ts';
import { sitePaths } from './src/site/paths.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const { dataDir } = sitePaths(root);

// SOUNDINGS_OUT_DIR and SOUNDINGS_CACHE_DIR let tests build fixture sites
// without touching the project's own dist/ and content cache.
export default defineConfig({
  site: process.env.SOUNDINGS_SITE ?? 'https://example.org',
  output: 'static',
  outDir: process.env.SOUNDINGS_OUT_DIR ?? './dist',
  cacheDir: process.env.SOUNDINGS_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkDirective, [remarkSoundings, { root, dataDir }]],
    }),
  },
});
