import { utcMonday } from 'd3-time';
import type { Post } from '../data/types.ts';
import { campaignMatcher } from './campaignMatcher.ts';
import type { CampaignVolume } from './campaignVolume.ts';
import type { Campaign } from './types.ts';
import type { WeeklyRow } from './weeklyVolume.ts';

/** What a post must carry for the campaign statistics. */
export type CountedPost = Pick<Post, 'time' | 'hashtags'>;

export interface CampaignStatistics {
  /** Posts added. */
  posts: number;
  /** Earliest and latest post time (epoch ms UTC), over all posts; undefined without posts. */
  first: number | undefined;
  last: number | undefined;
  /** Exactly what {@link campaignVolume} gives for the same posts. */
  volume: CampaignVolume;
  /** Exactly what {@link weeklyVolume} gives for the same posts. */
  weekly: WeeklyRow[];
}

export interface CampaignAccumulator {
  /** Counts a post; says whether it references a campaign. */
  add(post: CountedPost): boolean;
  /**
   * Counts a post at `time` whose hashtags {@link campaignMatcher} matched to `ids` elsewhere (on another thread:
   * streamParts.ts); says whether it references a campaign.
   */
  addMatched(time: number, ids: readonly string[]): boolean;
  result(): CampaignStatistics;
}

const DAY = 24 * 3600 * 1000;
const WEEK = 7 * DAY;
/**
 * Start (Monday 00:00 UTC) of the ISO week holding `time`. UTC has no
 * daylight-saving shifts and JavaScript time no leap seconds, so every UTC
 * week is exactly 7 × 86,400,000 ms, counted from Monday 1969-12-29 (epoch −3
 * days): plain arithmetic gives what `utcMonday.floor` gives (the tests check
 * both on week boundaries), without a Date per post.
 */
export const utcWeekStart = (time: number): number => Math.floor((time + 3 * DAY) / WEEK) * WEEK - 3 * DAY;

/**
 * The campaign statistics of a stream of posts, one post at a time, holding
 * no post: per campaign `any`/`only` counts, the overlap and unmatched counts,
 * per-ISO-week counts per campaign and the first/last time. `result()` returns
 * the same values as {@link campaignVolume} and {@link weeklyVolume} over the
 * posts added (counted as given: de-duplicating is the caller's job, as for
 * those functions), with the same matching rule ({@link campaignMatcher}).
 *
 * Matching is {@link campaignMatcher}'s, which remembers each hashtag
 * spelling's campaigns. Memory is the weeks × campaigns counts.
 */
export function campaignAccumulator(campaigns: readonly Campaign[]): CampaignAccumulator {
  const match = campaignMatcher(campaigns);
  // Counts are kept per distinct id (the first row with that id), as campaignMatcher reports each id once.
  const index = new Map<string, number>();
  for (const [i, c] of campaigns.entries()) if (!index.has(c.id)) index.set(c.id, i);
  const n = campaigns.length;
  const any = new Float64Array(n);
  const only = new Float64Array(n);
  const weeks = new Map<number, Float64Array>();
  let lastWeek = Number.NaN;
  let lastCounts: Float64Array | undefined;
  let posts = 0;
  let total = 0;
  let overlap = 0;
  let first: number | undefined;
  let last: number | undefined;

  const accumulator: CampaignAccumulator = {
    add: ({ time, hashtags }) => accumulator.addMatched(time, match(hashtags)),
    addMatched(time, ids) {
      posts++;
      if (first === undefined || time < first) first = time;
      if (last === undefined || time > last) last = time;
      if (ids.length === 0) return false;
      total++;
      if (ids.length === 1) {
        const c = index.get(ids[0] as string) as number;
        only[c] = (only[c] as number) + 1;
      } else overlap++;
      const week = utcWeekStart(time);
      if (week !== lastWeek) {
        lastWeek = week;
        lastCounts = weeks.get(week);
        if (!lastCounts) {
          lastCounts = new Float64Array(n);
          weeks.set(week, lastCounts);
        }
      }
      const counts = lastCounts as Float64Array;
      for (const id of ids) {
        const c = index.get(id) as number;
        any[c] = (any[c] as number) + 1;
        counts[c] = (counts[c] as number) + 1;
      }
      return true;
    },
    result() {
      const volume: CampaignVolume = {
        total,
        unmatched: posts - total,
        overlap,
        campaigns: campaigns.map(({ id, label, color }) => {
          const i = index.get(id) as number;
          return { id, label, color, any: any[i] as number, only: only[i] as number };
        }),
      };
      // The same week range and row order as weeklyVolume: every week from the first post's to the last post's.
      const weekly: WeeklyRow[] =
        first === undefined || last === undefined
          ? []
          : utcMonday
              .range(utcMonday.floor(new Date(first)), utcMonday.offset(utcMonday.floor(new Date(last)), 1))
              .flatMap((week) =>
                campaigns.map(({ id, label }) => ({ week, campaign: id, label, posts: weeks.get(+week)?.[index.get(id) as number] ?? 0 })),
              );
      return { posts, first, last, volume, weekly };
    },
  };
  return accumulator;
}

/** What a post must carry for {@link campaignStatistics}: the counted fields and its author. */
export type AuthoredPost = CountedPost & Pick<Post, 'author'>;

export interface LoadedCampaignStatistics extends CampaignStatistics {
  /** Distinct authors of the posts that reference at least one campaign. */
  authors: number;
}

const memo = new WeakMap<readonly AuthoredPost[], Map<string, LoadedCampaignStatistics>>();

/**
 * The campaign statistics of loaded posts, in one pass through
 * {@link campaignAccumulator}, plus the distinct authors of the posts that
 * reference a campaign. Memoised per posts array and campaign list: the posts
 * of one build that share a dataset and campaigns (an analysis and its
 * follow-up) count them once. The result is shared: read it, do not change it.
 */
export function campaignStatistics(posts: readonly AuthoredPost[], campaigns: readonly Campaign[]): LoadedCampaignStatistics {
  let byCampaigns = memo.get(posts);
  if (!byCampaigns) {
    byCampaigns = new Map();
    memo.set(posts, byCampaigns);
  }
  const key = JSON.stringify(campaigns.map(({ id, label, color, hashtags }) => [id, label, color, hashtags]));
  let result = byCampaigns.get(key);
  if (!result) {
    const accumulator = campaignAccumulator(campaigns);
    const authors = new Set<string>();
    for (const post of posts) if (accumulator.add(post)) authors.add(post.author);
    result = { ...accumulator.result(), authors: authors.size };
    byCampaigns.set(key, result);
  }
  return result;
}
