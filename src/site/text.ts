/** Pure helpers for the site's URLs and reading time (no Astro imports, so tests can load them). */
import { createHash } from 'node:crypto';

/**
 * Longer slugs are cut: a folder name has a limit, 255 bytes on most file
 * systems, which 80 characters outside the Basic Multilingual Plane exceed.
 */
export const MAX_SLUG = 80;
const MAX_SLUG_BYTES = 160;

/**
 * A URL segment for a tag or an author: lower case, accents folded, anything
 * but letters and digits turned into single hyphens ("Ed Gavaghan" → "ed-gavaghan").
 * One longer than {@link MAX_SLUG} characters (or 160 bytes of UTF-8) keeps its
 * start and ends with 8 hex digits of the SHA-256 of the whole, so two long
 * names stay apart.
 */
export function slug(text: string): string {
  const full =
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'untitled';
  if ([...full].length <= MAX_SLUG && Buffer.byteLength(full) <= MAX_SLUG_BYTES) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  let start = '';
  for (const c of full) {
    if ([...start].length >= MAX_SLUG - 9 || Buffer.byteLength(start + c) > MAX_SLUG_BYTES - 9) break;
    start += c;
  }
  return `${start.replace(/-+$/, '')}-${hash}`;
}

export const postUrl = (id: string) => `/posts/${id}/`;
export const tagUrl = (tag: string) => `/tags/${slug(tag)}/`;
export const authorUrl = (author: string) => `/authors/${slug(author)}/`;
/**
 * A dataset's page. Its id is a folder name, which may hold any character but "/": encoded as `encodeURI` does,
 * with "#" and "?" too, so the link stays one path segment. The characters `encodeURI` leaves (":", "@", "&", "=",
 * "+", "$", ",", ";") are legal in a path and stay as they are: `astro dev` does not decode them in a request.
 */
export const datasetUrl = (id: string) => `/data/${encodeURI(id).replace(/[#?]/g, encodeURIComponent)}/`;
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Words a reader reads: the rendered article without charts' SVG, data tables and markup. */
export function wordCount(html: string): number {
  const text = html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<details[\s\S]*?<\/details>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Minutes to read `words` at 230 words a minute (a common adult silent-reading rate), at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}
