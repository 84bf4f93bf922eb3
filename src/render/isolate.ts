/**
 * Bidi isolation of a name in running text. Names come from the data and the
 * frontmatter (a campaign label, an account, a licence, a dataset's folder),
 * and may be right-to-left or hold an override left open (U+202E): unisolated,
 * either reorders the words after it ("Followers of X on twitter" read with
 * "on twitter" backwards). Isolated, the name is laid out on its own and cannot
 * reach past its end.
 */
import { DIRECTIONAL } from '../directional.ts';
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

/**
 * Whether a chart or a table cell shows a text from the data isolated ({@link isolate}d, or in {@link bdi}): when it
 * holds a directional formatting character, as an override it leaves open (U+202E) would reorder what is drawn after
 * it in the same element (a label's second line, "(twitter)" after an account's name, the values after it in a mark's
 * description). Other text is left as it is, so that a spec's expressions comparing a field with a value (a filter,
 * a colour's domain) still match it.
 */
export function isDirectional(text: string): boolean {
  return DIRECTIONAL.test(text);
}

/** `text` between U+2068 and U+2069 if it holds a directional formatting character ({@link isDirectional}), else as it is. */
export function isolatedIfDirectional(text: string): string {
  return isDirectional(text) ? isolate(text) : text;
}

/** `text` without the isolation {@link isolate} put around it, if it has one. */
export function withoutIsolation(text: string): string {
  return text.length >= 2 && text.startsWith('\u2068') && text.endsWith('\u2069') ? text.slice(1, -1) : text;
}
