/**
 * An Astro integration that builds the site search with Pagefind once the
 * static site is written: it indexes dist/ (the regions marked
 * `data-pagefind-body`: articles and dataset pages) and writes the index to
 * dist/pagefind/, which the search page queries in the browser.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export function searchIndex(): AstroIntegration {
  return {
    name: 'soundings-search-index',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        if (!process.env.SOUNDINGS_SITE) {
          logger.info(`SOUNDINGS_SITE is not set: canonical links, the feed and the sitemap use ${config.site}.`);
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Search index: ${added.page_count} pages.`);
      },
    },
  };
}
