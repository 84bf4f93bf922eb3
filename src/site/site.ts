/**
 * The site's own helpers: the posts in publication order, and
 * (re-exported from text.ts, which needs no Astro) URL slugs and reading time.
 * Pages import these so every list on the site orders and links posts the same way.
 */
import type { CollectionEntry } from 'astro:content';
import { getCollection } from 'astro:content';
import { slug } from './text.ts';

export { authorUrl, datasetUrl, isoDay, postUrl, readingMinutes, slug, tagUrl, wordCount } from './text.ts';

export type PostEntry = CollectionEntry<'posts'>;

/** Published posts, newest first; same-day posts in id order, so builds are deterministic. */
export async function publishedPosts(): Promise<PostEntry[]> {
  const posts = await getCollection('posts', ({ data }) => !data.draft);
  return posts.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Published posts under each name they carry (a tag, an author), keyed by its slug. */
export interface NamedPosts {
  slug: string;
  /** The spelling of the newest post that uses it. */
  name: string;
  posts: PostEntry[];
}

/**
 * Published posts grouped by the names `namesOf` gives (tags, an author):
 * names that differ only in case or punctuation ("Brexit", "brexit") share
 * one slug, so one page and one line in the index. In first-use order.
 */
export async function postsByName(namesOf: (post: PostEntry) => readonly string[]): Promise<NamedPosts[]> {
  const bySlug = new Map<string, NamedPosts>();
  for (const post of await publishedPosts()) {
    for (const name of namesOf(post)) {
      const s = slug(name);
      const entry = bySlug.get(s) ?? { slug: s, name, posts: [] };
      if (!entry.posts.includes(post)) entry.posts.push(post);
      bySlug.set(s, entry);
    }
  }
  return [...bySlug.values()];
}

/** What the remark plugin recorded about a post's numbers (see postRecord.ts). */
export function recordOf(post: PostEntry): import('../markdown/postRecord.ts').PostRecord | undefined {
  return (post.rendered?.metadata?.frontmatter as Record<string, unknown> | undefined)?.soundings as
    | import('../markdown/postRecord.ts').PostRecord
    | undefined;
}
