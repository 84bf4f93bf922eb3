/**
 * Renders a post on the build's second thread (helperWorker.ts), while Astro is still starting, as the remark plugin
 * would render it on the posts' thread (src/markdown/remarkSoundings.ts, renderPost): the plugin then takes the
 * result rather than render it again (src/markdown/renderedAhead.ts), if the post, its directives and its data are
 * what the result was rendered from.
 *
 * The Markdown is read as Astro's Markdown processor reads it by default (remark-parse, GitHub-flavoured Markdown,
 * smartypants), with remark-directive, as the site's config adds it (astro.config.mjs), from the body Astro hands
 * remark (postBody). A site that sets its Markdown up otherwise may read some directives otherwise: the plugin sees
 * that their signature differs, and renders the post itself. A post with a problem is not rendered ahead: the posts'
 * thread renders it and reports the problem, as ever.
 */
import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { keepingWarnings } from '../errors.ts';
import { loadRecordOf } from '../markdown/datasetCache.ts';
import { postBody } from '../markdown/postSource.ts';
import type { PostAhead } from '../markdown/readingAhead.ts';
import { directivesSignature, findDirectives, renderPost, type SoundingsOptions } from '../markdown/remarkSoundings.ts';
import { aheadDependencies } from '../markdown/renderedAhead.ts';
import { datasetsOf } from './postDigest.ts';

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkSmartypants).use(remarkDirective);

/**
 * The post at `path` (absolute) rendered, with what it was rendered from; undefined when it names none of the datasets
 * `read` (Astro takes it from its store, or the posts' thread renders it: its Markdown alone changed), or has a problem.
 */
export async function renderAhead(path: string, read: ReadonlySet<string>, options: SoundingsOptions): Promise<PostAhead | undefined> {
  const fileText = readFileSync(path, 'utf8');
  const datasets = datasetsOf(fileText);
  if (!datasets.some((id) => read.has(id))) return undefined;
  const body = postBody(fileText);
  const file = { path, value: body };
  const tree = (await markdown.run(markdown.parse(file), file)) as Root;
  const found = findDirectives(tree);
  const signature = directivesSignature(found);
  const warnings: string[] = [];
  try {
    const { nodes, record } = await keepingWarnings(warnings, () => renderPost({ path, fileText, body }, tree, found, options));
    const loads = datasets.flatMap((id) => loadRecordOf(id) ?? []);
    return { fileText, body, signature, dependencies: aheadDependencies(fileText, options), nodes, record, warnings, loads };
  } catch {
    // The posts' thread renders it again and says what is wrong.
    return undefined;
  }
}
