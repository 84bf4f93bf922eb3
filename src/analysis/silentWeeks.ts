import type { Post } from '../data/types.ts';
import { campaignStatistics, utcWeekStart } from './campaignAccumulator.ts';
import type { Campaign } from './types.ts';
import type { CountedWeeks } from './weekCoverage.ts';

/**
 * The whole weeks the weekly means count in which the posts hold no post at all, in ascending order: weeks a missing
 * export (one week's file left out of data/) makes 0, which the means count as weeks of 0 posts for every campaign.
 *
 * Such a week lies inside the data's period, since the period runs from the first post to the last, and its seven days
 * all do, so weekCoverage calls it whole: nothing else tells it from a week in which no one posted. The numbers are not
 * changed (a real week of silence is a real 0); the writer is told, to add the export or to say in the prose that the
 * week was silent.
 *
 * Decided: a week with no post in the dataset at all, not one with no post of the post's campaigns. A dataset holding
 * other posts that week (the collection ran: a keyword search, a sample of a platform) shows the campaigns were silent,
 * which is a finding; one holding none is what a missing file looks like, and so is the week a campaign-only collection
 * (a hashtag search) was not run. The campaign counts (campaignStatistics, memoised, which the analysis has made) find
 * the candidate weeks, where every campaign has 0; only when there is one are the posts read again, to find whether
 * any post falls in it.
 *
 * None when no week is whole (`counted.whole` false): the data then covers at most a partial week on each side of a
 * Monday, and each holds a post, its first or its last.
 */
export function silentWeeks(
  posts: readonly Pick<Post, 'time' | 'hashtags' | 'author'>[],
  campaigns: readonly Campaign[],
  counted: CountedWeeks,
): Date[] {
  if (!counted.whole) return [];
  const busy = new Set<number>();
  for (const row of campaignStatistics(posts, campaigns).weekly) if (row.posts > 0) busy.add(+row.week);
  const candidates = counted.weeks.filter((week) => !busy.has(+week));
  if (candidates.length === 0) return [];
  const left = new Set(candidates.map(Number));
  for (const post of posts) {
    left.delete(utcWeekStart(post.time));
    if (left.size === 0) break;
  }
  return candidates.filter((week) => left.has(+week));
}
