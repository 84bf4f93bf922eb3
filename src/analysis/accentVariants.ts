import type { Post } from '../data/types.ts';
import type { Campaign } from './types.ts';

/** How campaigns match hashtags (campaignMatcher.ts): NFC, lower case. */
const matchKey = (tag: string) => tag.normalize('NFC').toLowerCase();
/**
 * The same without accents: NFD with the combining diacritical marks (U+0300–U+036F: acute, grave, diaeresis,
 * cedilla…) removed. Not every mark: a Devanagari vowel sign or an Arabic vowel mark is part of the word.
 */
export const bareKey = (tag: string) =>
  tag
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** A hashtag the posts use that differs from a campaign's only by accents, so the campaign does not count it. */
export interface AccentVariant {
  /** The campaign's id, and the hashtag it lists. */
  campaign: string;
  listed: string;
  /**
   * The spelling in the posts (the first seen, of those equal but for case), and how many posts use it that the
   * campaign does not count (a post that also carries one of the campaign's own hashtags is counted already).
   */
  spelling: string;
  posts: number;
}

/**
 * The hashtags of `posts` that no campaign lists but that equal a listed one once accents are removed
 * (#SiEuropa for a campaign listing #SíEuropa), most used first. Campaigns match exactly apart from case, as
 * most platforms do (Mastodon folds accents itself, and its adapter keeps the author's spelling), so these are
 * not counted; they are reported, for the analyst to list them if they belong to the campaign.
 */
export function accentVariants(posts: readonly Post[], campaigns: readonly Campaign[]): readonly AccentVariant[] {
  // Memoised per posts array and hashtags, as campaignStatistics is: posts sharing a dataset look once.
  let byHashtags = memo.get(posts);
  if (!byHashtags) {
    byHashtags = new Map();
    memo.set(posts, byHashtags);
  }
  const key = JSON.stringify(campaigns.map((c) => [c.id, c.hashtags]));
  let found = byHashtags.get(key);
  if (!found) {
    found = findVariants(posts, campaigns);
    byHashtags.set(key, found);
  }
  return found;
}

const memo = new WeakMap<readonly Post[], Map<string, readonly AccentVariant[]>>();

function findVariants(posts: readonly Post[], campaigns: readonly Campaign[]): AccentVariant[] {
  // The campaigns each listed hashtag counts a post for.
  const listed = new Map<string, Set<string>>();
  for (const c of campaigns)
    for (const tag of c.hashtags) {
      const ids = listed.get(matchKey(tag)) ?? new Set<string>();
      ids.add(c.id);
      listed.set(matchKey(tag), ids);
    }
  const byBare = new Map<string, { campaign: string; listed: string }>();
  for (const c of campaigns)
    for (const tag of c.hashtags) if (!byBare.has(bareKey(tag))) byBare.set(bareKey(tag), { campaign: c.id, listed: tag });
  // Per spelling, once: its variant's key, or null when it is listed or like none.
  const variantOf = new Map<string, string | null>();
  const found = new Map<string, AccentVariant>();
  for (const post of posts) {
    let counted: Set<string> | undefined;
    /** The campaigns that count this post, found when it has a variant (few posts do). */
    let matched: Set<string> | undefined;
    for (const tag of post.hashtags) {
      let key = variantOf.get(tag);
      if (key === undefined) {
        const k = matchKey(tag);
        key = !listed.has(k) && byBare.has(bareKey(tag)) ? k : null;
        variantOf.set(tag, key);
      }
      if (key === null || counted?.has(key)) continue;
      counted ??= new Set();
      counted.add(key);
      matched ??= new Set(post.hashtags.flatMap((t) => [...(listed.get(matchKey(t)) ?? [])]));
      if (matched.has((byBare.get(bareKey(tag)) as { campaign: string }).campaign)) continue;
      const seen = found.get(key);
      if (seen) seen.posts++;
      else found.set(key, { ...(byBare.get(bareKey(tag)) as { campaign: string; listed: string }), spelling: tag, posts: 1 });
    }
  }
  return [...found.values()].sort((a, b) => b.posts - a.posts || (a.spelling < b.spelling ? -1 : 1));
}
