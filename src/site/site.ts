/**
 * The site's own helpers: its name, the posts in publication order, and
 * (re-exported from text.ts, which needs no Astro) URL slugs and reading time.
 * Pages import these so every list on the site orders and links posts the same way.
 */
import type { CollectionEntry } from 'astro:content';
import { getCollection } from 'astro:content';

export { authorUrl, datasetUrl, isoDay, postUrl, readingMinutes, slug, tagUrl, wordCount } from './text.ts';

export const SITE_NAME = 'Soundings';
export const SITE_DESCRIPTION = 'Analyses of online campaigns, polls and results, with every figure computed from the data.';

export type PostEntry = CollectionEntry<'posts'>;

/** Published posts, newest first; same-day posts in id order, so builds are deterministic. */
export async function publishedPosts(): Promise<PostEntry[]> {
  const posts = await getCollection('posts', ({ data }) => !data.draft);
  return posts.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What the remark plugin recorded about a post's numbers (see postRecord.ts). */
export function recordOf(post: PostEntry): import('../markdown/postRecord.ts').PostRecord | undefined {
  return (post.rendered?.metadata?.frontmatter as Record<string, unknown> | undefined)?.soundings as
    | import('../markdown/postRecord.ts').PostRecord
    | undefined;
}
