/**
 * A text an analyst writes outside the Markdown body (a post's title and summary, the site's description, a dataset
 * manifest's title, description and source) with the body's typography: curly quotes and apostrophes ("Twitter’s"),
 * a dash from `--`, an ellipsis from `...`.
 * Astro's Markdown gives the body that typography with remark-smartypants (on by default; astro.config.mjs keeps the
 * default), so a summary shown above the body, or on the home page beside other posts, read "Twitter's" under a body
 * that read "Twitter’s". The same plugin, with the same (default) options, is run here on the text alone, as one
 * paragraph: nothing in it is read as Markdown ("*", "_" and "[" stay as written).
 */
import type { Paragraph, Root, Text } from 'mdast';
import remarkSmartypants from 'remark-smartypants';

// The plugin reads no processor (`this`): its transformer is all it is.
const smarten = (remarkSmartypants as unknown as (options: object) => (tree: Root) => void)({});

export function smartText(text: string): string {
  const value: Text = { type: 'text', value: text };
  const paragraph: Paragraph = { type: 'paragraph', children: [value] };
  smarten({ type: 'root', children: [paragraph] });
  return value.value;
}
