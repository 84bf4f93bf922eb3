/**
 * A post the build's second thread has rendered already (src/site/renderAhead.ts), taken by the remark plugin in
 * place of rendering it again, when it was rendered from what the plugin would render it from:
 *  - the same file, and the same Markdown body;
 *  - the same directives, as written and where (a Markdown set-up other than Astro's default may read them
 *    otherwise, and then the post is rendered here);
 *  - the same data (each dataset's digest), chart specs and language.
 * The code is the same: one process. Its warnings are printed here, as its own render would print them, and its
 * datasets' loads go to the build summary. A post the second thread could not render (it has a problem) is
 * rendered here, which reports the problem as a post's render does.
 */
import type { Root } from 'mdast';
import { processGlobal } from '../processGlobal.ts';
import { sitePaths } from '../site/paths.ts';
import { postDependencies, siteInputs } from '../site/postDigest.ts';
import { printWarning } from '../warnings.ts';
import { keepLoadRecord } from './datasetCache.ts';
import { waitForPost } from './readingAhead.ts';
import type { PostText, RenderedPost, SoundingsOptions } from './remarkSoundings.ts';
import { strayDirectives } from './strayDirectives.ts';

/** How many posts were taken from the second thread since the last {@link takeRenderedAhead} (the loader says it). */
const taken = processGlobal('renderedAhead', () => ({ count: 0 }));

/** The number of posts taken from the second thread since the last call. */
export function takeRenderedAhead(): number {
  const { count } = taken;
  taken.count = 0;
  return count;
}

/** What a post's render depends on besides its Markdown and the code (one process): its data, the chart specs, the language. */
export function aheadDependencies(fileText: string, { root, dataDir }: SoundingsOptions): string {
  return postDependencies(fileText, dataDir, siteInputs(root, sitePaths(root).contentDir));
}

/** The second thread's render of `post` (whose directives' signature is `signature`), if it rendered what this thread would. */
export async function renderedAhead(
  post: PostText,
  tree: Root,
  signature: string,
  options: SoundingsOptions,
): Promise<RenderedPost | undefined> {
  const ahead = await waitForPost(post.path);
  if (!ahead || ahead.fileText !== post.fileText || ahead.body !== post.body || ahead.signature !== signature) return undefined;
  if (ahead.dependencies !== aheadDependencies(post.fileText, options)) return undefined;
  // Its tree, read as the second thread read it, had no malformed directive; one read otherwise may have.
  if (strayDirectives(tree, post.body).length > 0) return undefined;
  // As the post's own render would print them: through Astro's logger (src/warnings.ts).
  for (const warning of ahead.warnings) printWarning(warning);
  for (const load of ahead.loads) keepLoadRecord(load);
  taken.count++;
  return { nodes: ahead.nodes, record: ahead.record };
}
