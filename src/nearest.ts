import { distance } from 'fastest-levenshtein';

const letters = (name: string) => [...name].sort().join('');

/** The `limit` known names closest to `name` by edit distance (ties in name order), for "did you mean" messages. */
export function nearestKeys(name: string, known: Iterable<string>, limit = 3): string[] {
  // Each name once: a list may repeat one ("polls" or "polls").
  return (
    Array.from(new Set(known), (k) => ({ k, d: distance(name, k) }))
      // Near enough to be a slip, and no more than half the longer name rewritten ("pcnt" is not near "n", nor "Tag"
      // near "Date", nor "colour" near "columns", four edits in seven: a chart has no colour to offer), unless the
      // letters are the same ones swapped ("ue" for "eu").
      .filter(
        ({ k, d }) =>
          d <= Math.max(3, Math.ceil(k.length / 2)) && (2 * d <= Math.max(k.length, name.length) || letters(k) === letters(name)),
      )
      .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))
      // Only names about as near as the nearest (at most twice its edits, plus one): "harbour-mastadon" is a slip for
      // "harbour-mastodon", and "harbour-listening" beside it, eight edits away, is a second name to read for nothing;
      // "datum" is as likely "date" (two edits) as "datetime" (five).
      .filter(({ d }, _, near) => d <= 2 * (near[0]?.d ?? d) + 1)
      .slice(0, limit)
      .map(({ k }) => k)
  );
}

/** ` Did you mean "a" or "b"?`, or nothing when no known name is close; `show` writes each name (a message cuts data). */
export function didYouMean(name: string, known: Iterable<string>, show: (name: string) => string = (k) => k): string {
  const near = nearestKeys(name, known);
  return near.length === 0 ? '' : ` Did you mean ${near.map((k) => `"${show(k)}"`).join(' or ')}?`;
}
