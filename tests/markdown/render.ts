import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import { postBody, postSource } from '../../src/markdown/postSource.ts';
import { remarkSoundings } from '../../src/markdown/remarkSoundings.ts';
import { renderFailureMessage } from '../../src/site/renderFailure.ts';

/**
 * Renders a post the way Astro's content layer does: the same processor, the
 * body with its frontmatter removed and trimmed, and the file's URL.
 */
export async function renderPost(root: string, path: string): Promise<string> {
  const processor = await createMarkdownProcessor({
    remarkPlugins: [remarkDirective, [remarkSoundings, { root, dataDir: join(root, 'data') }]],
  });
  const file = join(root, path);
  const text = readFileSync(file, 'utf8');
  const { code } = await processor.render(postBody(text), { frontmatter: postSource(text).data, fileURL: pathToFileURL(file) });
  return code;
}

export async function renderError(root: string, path: string): Promise<string> {
  try {
    await renderPost(root, path);
  } catch (e) {
    return renderFailureMessage((e as Error).message);
  }
  throw new Error('expected the post to fail');
}
