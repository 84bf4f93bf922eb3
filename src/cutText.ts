/**
 * Text cut to a budget of characters as a reader counts them: grapheme
 * clusters (a letter with its accents, an emoji with its modifiers, a flag),
 * so a cut never splits one, nor a surrogate pair.
 */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** `text` if it has at most `max` characters; else its first `max - 1` and "…", trailing spaces dropped. */
export function cutText(text: string, max: number): string {
  const parts: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    parts.push(segment);
    if (parts.length > max)
      return `${parts
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
  }
  return text;
}

/** How many characters a reader counts in `text` (grapheme clusters). */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}
