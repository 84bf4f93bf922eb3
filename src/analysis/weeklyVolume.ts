import { extent, rollup } from 'd3-array';
import { utcMonday } from 'd3-time';
import type { Post } from '../data/types.ts';
import { campaignMatcher } from './campaignMatcher.ts';
import type { Campaign } from './types.ts';

export interface WeeklyRow {
  /** Start of the ISO week: Monday 00:00:00.000 UTC. */
  week: Date;
  /** Campaign id. */
  campaign: string;
  label: string;
  posts: number;
}

/**
 * Posts per campaign per ISO week, with "any" attribution: a post counts
 * towards every campaign it references (see {@link campaignMatcher}), so a post
 * referencing two campaigns is counted in both.
 *
 * A post's week is the ISO week containing its UTC timestamp, identified by
 * its start, Monday 00:00 UTC (`utcMonday.floor`); time zones play no part.
 * The weeks covered are every week from the week of the earliest post to the
 * week of the latest post, inclusive, taken over all posts (including posts
 * referencing no campaign), with no gaps. Each week has one row per campaign,
 * in the order of `campaigns`, with `posts` = 0 when the campaign has no post
 * that week. Rows are sorted by week, then by campaign order. No posts (or no
 * campaigns) gives no rows.
 */
export function weeklyVolume(posts: readonly Post[], campaigns: readonly Campaign[]): WeeklyRow[] {
  const [first, last] = extent(posts, (post) => post.time);
  if (first === undefined || last === undefined) return [];
  const match = campaignMatcher(campaigns);
  const counts = rollup(
    posts.flatMap((post) => match(post.hashtags).map((campaign) => ({ week: +utcMonday.floor(new Date(post.time)), campaign }))),
    (hits) => hits.length,
    (hit) => hit.week,
    (hit) => hit.campaign,
  );
  const weeks = utcMonday.range(utcMonday.floor(new Date(first)), utcMonday.offset(utcMonday.floor(new Date(last)), 1));
  return weeks.flatMap((week) =>
    campaigns.map(({ id, label }) => ({
      week,
      campaign: id,
      label,
      posts: counts.get(+week)?.get(id) ?? 0,
    })),
  );
}
