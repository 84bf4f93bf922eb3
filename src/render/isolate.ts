/**
 * Bidi isolation of a name in running text. Names come from the data and the
 * frontmatter (a campaign label, an account, a licence, a dataset's folder),
 * and may be right-to-left or hold an override left open (U+202E): unisolated,
 * either reorders the words after it ("Followers of X on twitter" read with
 * "on twitter" backwards). Isolated, the name is laid out on its own and cannot
 * reach past its end.
 */
import { escapeHtml } from './escape.ts';

/** A name in HTML text, escaped, in `<bdi>`. */
export function bdi(name: string): string {
  return `<bdi>${escapeHtml(name)}</bdi>`;
}

/**
 * A name in plain text (an SVG's `<title>` or `<desc>`, an attribute, a definition), between FIRST STRONG
 * ISOLATE and POP DIRECTIONAL ISOLATE (U+2068 … U+2069): the plain-text form of `<bdi>`, invisible, and
 * closing any override the name leaves open. Not escaped: escape the text it goes into, as any text.
 */
export function isolate(name: string): string {
  return `\u2068${name}\u2069`;
}

/** Text built with {@link isolate}, without its isolation: for a message, which a terminal prints. */
export function unisolated(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
}
