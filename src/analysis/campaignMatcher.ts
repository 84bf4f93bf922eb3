import type { Campaign } from './types.ts';

/** Hashtag comparison key: one leading "#" removed, NFC-normalised, then lower-cased. */
export const hashtagKey = (hashtag: string): string => hashtag.replace(/^#/, '').normalize('NFC').toLowerCase();

/** Most distinct hashtag spellings a matcher remembers (beyond this they are keyed each time). */
const SPELLINGS_KEPT = 200_000;

/**
 * Builds a function that lists the campaigns a post references.
 *
 * A post references a campaign when at least one of the post's hashtags equals
 * at least one of the campaign's `hashtags`, where two hashtags are equal when
 * their keys are identical; the key of a hashtag is obtained by removing one
 * leading "#" (if present), applying Unicode NFC normalisation, then
 * `String.prototype.toLowerCase()`. Matching is otherwise exact: spelling
 * variants (e.g. `SaveLabour` and `SavingLabour`) match only when both are
 * listed in the campaign's `hashtags`. A hashtag listed by several campaigns
 * makes the post reference each of them.
 *
 * The returned function gives the ids of the referenced campaigns in the order
 * of `campaigns`, each id at most once (an empty array when there is none).
 * The array may be shared between calls: read it, do not change it.
 *
 * Each spelling's campaigns are remembered (a post references the union of
 * its hashtags' campaigns, and a hashtag's campaigns depend only on its
 * spelling), so a dataset's few thousand spellings are keyed once each, not
 * once per post.
 */
export function campaignMatcher(campaigns: readonly Campaign[]): (hashtags: readonly string[]) => readonly string[] {
  const ids = [...new Set(campaigns.map((c) => c.id))];
  const byKey = new Map<string, boolean[]>();
  for (const campaign of campaigns) {
    const at = ids.indexOf(campaign.id);
    for (const tag of campaign.hashtags) {
      const k = hashtagKey(tag);
      let flags = byKey.get(k);
      if (!flags) {
        flags = ids.map(() => false);
        byKey.set(k, flags);
      }
      flags[at] = true;
    }
  }
  const NONE: readonly string[] = Object.freeze([]);
  const spellings = new Map<string, readonly string[]>();
  const ofSpelling = (hashtag: string): readonly string[] => {
    let hit = spellings.get(hashtag);
    if (hit === undefined) {
      const flags = byKey.get(hashtagKey(hashtag));
      hit = flags ? Object.freeze(ids.filter((_, i) => flags[i])) : NONE;
      if (spellings.size < SPELLINGS_KEPT) spellings.set(hashtag, hit);
    }
    return hit;
  };
  return (hashtags) => {
    let found: readonly string[] = NONE;
    for (const tag of hashtags) {
      const these = ofSpelling(tag);
      if (these.length === 0 || these === found) continue;
      if (found.length === 0) found = these;
      else if (these.some((id) => !found.includes(id))) {
        const union = new Set([...found, ...these]);
        found = ids.filter((id) => union.has(id));
      }
    }
    return found;
  };
}
