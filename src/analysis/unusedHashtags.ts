import type { Post } from '../data/types.ts';
import { nearestKeys } from '../nearest.ts';
import { hashtagKey } from './campaignMatcher.ts';
import type { Campaign } from './types.ts';

/** A hashtag a campaign lists that no post uses, while another of its hashtags is used. */
export interface UnusedHashtag {
  /** The campaign's index in the frontmatter, and the hashtag's in its `hashtags`. */
  campaign: number;
  hashtag: number;
  /** The hashtag as listed, and the campaign's label. */
  listed: string;
  label: string;
  /** The hashtags posts use that are spelt closest to it (as a post first writes each), for "did you mean". */
  near: string[];
}

/** Each posts array's hashtags, by their key as campaigns match them (hashtagKey), each as a post first writes it. */
const used = new WeakMap<readonly Post[], ReadonlyMap<string, string>>();

export function usedHashtags(posts: readonly Post[]): ReadonlyMap<string, string> {
  let keys = used.get(posts);
  if (!keys) {
    const spellings = new Set<string>();
    for (const post of posts) for (const tag of post.hashtags) spellings.add(tag);
    const byKey = new Map<string, string>();
    for (const tag of spellings) {
      const key = hashtagKey(tag);
      if (!byKey.has(key)) byKey.set(key, tag);
    }
    keys = byKey;
    used.set(posts, keys);
  }
  return keys;
}

/**
 * The hashtags campaigns list that no post uses, of campaigns that some post does use (one that none uses is
 * refused: analysePost). A spelling listed among others ("WolneSądy, WolneSady, Wolne-Sadi") that matches nothing
 * is most often a typo, and the posts written that way go uncounted, silently: it is warned of, at its line.
 */
export function unusedHashtags(posts: readonly Post[], campaigns: readonly Campaign[]): UnusedHashtag[] {
  const keys = usedHashtags(posts);
  const out: UnusedHashtag[] = [];
  // The campaigns' own hashtags are no spelling to suggest: they are counted already.
  const listed = new Set(campaigns.flatMap((c) => c.hashtags.map(hashtagKey)));
  const others = [...keys.keys()].filter((key) => !listed.has(key));
  campaigns.forEach((c, i) => {
    const unused = c.hashtags.map((tag, j) => ({ tag, j })).filter(({ tag }) => !keys.has(hashtagKey(tag)));
    if (unused.length === c.hashtags.length) return;
    for (const { tag, j } of unused) {
      // Compared by key, so that a difference of case alone (matched anyway) is not what makes one near.
      const near = nearestKeys(hashtagKey(tag), others).map((key) => keys.get(key) as string);
      out.push({ campaign: i, hashtag: j, listed: tag, label: c.label, near });
    }
  });
  return out;
}
