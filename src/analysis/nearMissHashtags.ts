import { distance } from 'fastest-levenshtein';
import type { Post } from '../data/types.ts';
import { nearestKeys } from '../nearest.ts';
import { bareKey } from './accentVariants.ts';
import { campaignStatistics } from './campaignAccumulator.ts';
import { hashtagKey } from './campaignMatcher.ts';
import type { Campaign } from './types.ts';
import { usedHashtags } from './unusedHashtags.ts';

/** A hashtag the posts use that is spelt almost as a campaign's, which the campaign does not count. */
export interface NearMiss {
  /** The campaign's index in the frontmatter. */
  campaign: number;
  /** The campaign's hashtag it is near, as listed. */
  listed: string;
  /** The spelling in the posts (the first seen, of those equal but for case). */
  spelling: string;
  /** Posts that use it and none of the campaign's hashtags: the posts the campaign does not count. */
  posts: number;
  /** Posts the campaign counts (campaigns.<id>.posts), which `posts` is measured against. */
  counted: number;
}

/**
 * How many uncounted posts a near-miss needs to be warned of: as many as 1% of the campaign's posts, and at least 3.
 *
 * Decided: below 1% a campaign's figures move by less than the precision a post prints a share to, and a big
 * collection holds many such stray spellings (a warning for each would be read as noise, and the real ones missed);
 * at least 3 posts, so that in a small campaign one author's slip is not reported as the campaign's spelling.
 */
export const NEAR_MISS_SHARE = 0.01;
export const NEAR_MISS_POSTS = 3;

/**
 * Whether `key` is a near-miss of the listed `listed` (both hashtag keys): the listed tag with or without a plural
 * "s" (#NoTrams for #NoTram), one edit from a listed tag of at least 5 letters, or two from one of at least 10 (a
 * short tag is one letter from many other words: #Red from #Rod, #Bed; a long one from nothing but its typos).
 * Not a spelling that differs only in its digits (#GE2019 for #GE2017, #Euro2020 for #Euro2016): another event.
 */
export function isNearMiss(listed: string, key: string): boolean {
  if (key === listed) return false;
  if (key === `${listed}s` || listed === `${key}s`) return true;
  if (key.replace(/\d/g, '') === listed.replace(/\d/g, '')) return false;
  const d = distance(listed, key);
  return (d === 1 && listed.length >= 5) || (d === 2 && listed.length >= 10);
}

/**
 * The hashtags of `posts` that no campaign lists and that are near-misses of a campaign's ({@link isNearMiss}), used
 * by enough posts the campaign does not count to matter ({@link NEAR_MISS_SHARE}, {@link NEAR_MISS_POSTS}), most
 * used first. Campaigns match exactly apart from case, so #NoTrams is not #NoTram: a campaign's figures leave those
 * posts out without a word, which is right when it is another campaign's tag and wrong when it is the same one
 * pluralised or mistyped; the analyst decides, by listing it under `hashtags` or under `unrelated`.
 *
 * Not reported: a spelling that differs from a listed one only by accents (accentVariants.ts warns of it), and one
 * the campaign lists under `unrelated`. The candidates are found over the distinct hashtags (usedHashtags, one pass
 * over the posts that the unused-hashtag warning shares); only when there is one are the posts read again, to count
 * those that carry it and none of the campaign's hashtags (the campaign's own count is the analysis's, campaignStatistics).
 */
export function nearMissHashtags(posts: readonly Post[], campaigns: readonly Campaign[]): NearMiss[] {
  const keys = usedHashtags(posts);
  const listed = new Set(campaigns.flatMap((c) => c.hashtags.map(hashtagKey)));
  const bare = new Set(campaigns.flatMap((c) => c.hashtags.map(bareKey)));
  const others = [...keys.keys()].filter((key) => !listed.has(key) && !bare.has(bareKey(key)));
  // Per campaign, its near-misses: key → the listed hashtag it is near.
  const candidates = campaigns.map((c) => {
    const unrelated = new Set((c.unrelated ?? []).map(hashtagKey));
    const near = new Map<string, string>();
    for (const tag of c.hashtags) {
      const key = hashtagKey(tag);
      for (const k of nearestKeys(key, others, Number.POSITIVE_INFINITY))
        if (!near.has(k) && !unrelated.has(k) && isNearMiss(key, k)) near.set(k, tag);
    }
    return near;
  });
  if (candidates.every((near) => near.size === 0)) return [];
  const own = campaigns.map((c) => new Set(c.hashtags.map(hashtagKey)));
  // campaigns.<id>.posts, as the post's analysis counted them (campaignStatistics is memoised per posts and campaigns).
  const counted = campaignStatistics(posts, campaigns).volume.campaigns.map((c) => c.any);
  const uncounted = candidates.map(() => new Map<string, number>());
  const keyOf = new Map<string, string>();
  for (const post of posts) {
    const tags = new Set<string>();
    for (const tag of post.hashtags) {
      let key = keyOf.get(tag);
      if (key === undefined) {
        key = hashtagKey(tag);
        keyOf.set(tag, key);
      }
      tags.add(key);
    }
    own.forEach((mine, i) => {
      const near = candidates[i] as Map<string, string>;
      if (near.size === 0 || [...tags].some((t) => mine.has(t))) return;
      const found = uncounted[i] as Map<string, number>;
      for (const t of tags) if (near.has(t)) found.set(t, (found.get(t) ?? 0) + 1);
    });
  }
  const out: NearMiss[] = [];
  candidates.forEach((near, i) => {
    const total = counted[i] ?? 0;
    for (const [key, n] of uncounted[i] as Map<string, number>)
      if (n >= NEAR_MISS_POSTS && n >= NEAR_MISS_SHARE * total)
        out.push({ campaign: i, listed: near.get(key) as string, spelling: keys.get(key) as string, posts: n, counted: total });
  });
  return out.sort((a, b) => a.campaign - b.campaign || b.posts - a.posts || (a.spelling < b.spelling ? -1 : 1));
}
