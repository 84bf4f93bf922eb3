import { defineCollection } from 'astro:content';
import type * as FrontmatterModule from './markdown/frontmatter.ts';
import type * as LoaderModule from './site/soundingsLoader.ts';

/**
 * The loader and the frontmatter schema are imported by Node itself, not through Vite. Astro runs this file in Vite's
 * module runner, which would transform, source-map and compile every module of Soundings they import (1.2 MB of
 * JavaScript, on every build and every `npm run dev` start) a second time: the config's Markdown plugin has Node load
 * the same modules already (astro.config.mjs). Imported here by Node, they are those same modules, loaded once: a warm
 * build of the typed-in sample took 2.50 s rather than 2.96 s (medians of six each, alternating), and the built site
 * is byte for byte the same. `import()` inside a Function is not rewritten by Vite.
 *
 * What Vite's runner would have given and this does not: `npm run dev` re-running the loader when Soundings' own code
 * under src/ changes (a restart does it). Posts, data and site.yaml are watched as before.
 */
const nativeImport = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;
const here = (path: string) => new URL(path, import.meta.url).href;
const { frontmatterSchema } = (await nativeImport(here('./markdown/frontmatter.ts'))) as typeof FrontmatterModule;
const { soundingsLoader } = (await nativeImport(here('./site/soundingsLoader.ts'))) as typeof LoaderModule;

const posts = defineCollection({
  loader: soundingsLoader(),
  schema: frontmatterSchema,
});

export const collections = { posts };
