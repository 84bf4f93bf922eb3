import type { Post } from '../data/types.ts';
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
}

/** Each posts array's hashtags, as campaigns match them (hashtagKey): posts sharing a dataset look once. */
const used = new WeakMap<readonly Post[], ReadonlySet<string>>();

function usedHashtags(posts: readonly Post[]): ReadonlySet<string> {
  let keys = used.get(posts);
  if (!keys) {
    const spellings = new Set<string>();
    for (const post of posts) for (const tag of post.hashtags) spellings.add(tag);
    keys = new Set(Array.from(spellings, hashtagKey));
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
  campaigns.forEach((c, i) => {
    const unused = c.hashtags.map((tag, j) => ({ tag, j })).filter(({ tag }) => !keys.has(hashtagKey(tag)));
    if (unused.length === c.hashtags.length) return;
    for (const { tag, j } of unused) out.push({ campaign: i, hashtag: j, listed: tag, label: c.label });
  });
  return out;
}
