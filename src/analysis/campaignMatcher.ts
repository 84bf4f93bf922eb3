import type { Campaign } from './types.ts';

/** Hashtag comparison key: one leading "#" removed, NFC-normalised, then lower-cased. */
const key = (hashtag: string): string => hashtag.replace(/^#/, '').normalize('NFC').toLowerCase();

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
 */
export function campaignMatcher(campaigns: readonly Campaign[]): (hashtags: readonly string[]) => string[] {
  const lists = campaigns.map((campaign) => ({
    id: campaign.id,
    keys: new Set(campaign.hashtags.map(key)),
  }));
  return (hashtags) => {
    const keys = new Set(hashtags.map(key));
    const ids: string[] = [];
    for (const { id, keys: campaignKeys } of lists) {
      if (ids.includes(id)) continue;
      for (const k of keys) {
        if (campaignKeys.has(k)) {
          ids.push(id);
          break;
        }
      }
    }
    return ids;
  };
}
