/**
 * An Astro integration that builds the site search with Pagefind once the
 * static site is written: it indexes dist/ (the regions marked
 * `data-pagefind-body`: articles and dataset pages) and writes the index to
 * dist/pagefind/, which the search page queries in the browser. Each page is
 * given to Pagefind with its table cells and list terms spaced apart
 * (searchText.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { separateCells } from './searchText.ts';
import { siteSettings } from './siteSettings.ts';

/** The site's HTML files, as paths relative to `outDir` in a stable order (Pagefind's index is then too). */
function htmlFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html') && !path.startsWith(`pagefind${sep}`))
    .sort();
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'soundings-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Words are stemmed in the posts' language (site.yaml's, validated before the build): "en" of "en-GB".
        const forceLanguage = new Intl.Locale(siteSettings().language).language;
        const { index, errors } = await pagefind.createIndex({ forceLanguage });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const files = htmlFiles(outDir);
        // Pagefind indexes the pages marked data-pagefind-body (articles and dataset pages), not the lists.
        let searchable = 0;
        for (const path of files) {
          const content = separateCells(readFileSync(join(outDir, path), 'utf8'));
          if (content.includes('data-pagefind-body')) searchable++;
          // Pagefind makes the result's URL from the path relative to the site root ("data/x/index.html" → "/data/x/").
          const added = await index.addHTMLFile({ sourcePath: path.split(sep).join('/'), content });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${path}: ${added.errors.join('; ')}`);
        }
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Search index: ${searchable} pages (articles and datasets) of the site's ${files.length}.`);
      },
    },
  };
}
