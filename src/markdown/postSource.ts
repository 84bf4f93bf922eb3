import matter from 'gray-matter';

export interface PostSource {
  /** The raw YAML between the `---` fences. */
  frontmatter: string;
  /** The line of the file on which the YAML starts (the line after the opening `---`). */
  frontmatterLine: number;
  /** The parsed (not yet validated) frontmatter. */
  data: Record<string, unknown>;
}

/** Splits a post into its frontmatter (with gray-matter) and where it sits. */
export function postSource(text: string): PostSource {
  const parsed = matter(text, {});
  // gray-matter caches by content; copy so callers can't mutate the cache.
  return { frontmatter: parsed.matter.replace(/^\r?\n/, ''), frontmatterLine: 2, data: { ...parsed.data } };
}

/** The body Astro's content layer hands remark: the text after the closing `---`, trimmed. */
export const postBody = (text: string): string => text.slice(text.indexOf('\n---', 3) + 4).trim();

/**
 * The number of lines before `body` in the file. Astro hands remark the body
 * with the frontmatter removed and whitespace trimmed, so node positions are
 * relative to it; add this to point into the real file.
 */
export function bodyLineOffset(fileText: string, body: string): number {
  const start = body.length > 0 ? fileText.indexOf(body) : -1;
  if (start < 0) return 0;
  let lines = 0;
  for (let i = 0; i < start; i++) if (fileText.charCodeAt(i) === 10) lines++;
  return lines;
}
