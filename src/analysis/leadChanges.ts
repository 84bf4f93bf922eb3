import type { WeeklyGap } from './weeklyGap.ts';

/** Over the counted weeks of a weekly gap, the lead changing side: which campaign led most, and when the other did. */
export interface LeadChange {
  /** The campaign (`a` or `b` of the gap) that posted more in more of the counted weeks; `a` when both lead as often. */
  leader: 'a' | 'b';
  /** The counted weeks the leader led in. */
  led: number;
  /** The counted weeks the other campaign led in, ascending. */
  trailed: Date[];
  /** How many weeks the gap counts (its mean's weeks). */
  counted: number;
}

/**
 * Whether the lead changes side over the weeks a weekly gap counts (its `counted` weeks: those of its mean and its
 * latest figure): `a` posts more in some, `b` in others. Undefined when one campaign never posts more than the other.
 *
 * The gap is |a − b| (weeklyGap.ts), so a week `b` leads reads as the same size of gap as a week `a` does, and
 * `weekly.gap.mean` adds `b`'s leads to `a`'s: a post that writes "the gap averaged 2,000 a week, in #A's favour" is
 * then wrong, silently. Said once, with the weeks the other side led, so that the writer can check the prose.
 *
 * A tie (a = b) is no lead for either, and so is a week neither posts in (0 = 0): the side changes only when each
 * campaign out-posts the other in some week. Weeks the gap does not count (a partial first or last week left out of the
 * mean) are not looked at: what the mean reads is the question. The leader is the campaign leading in more weeks, so
 * the weeks listed are the fewer; on a tie, `a`, as the gap is written a − b.
 */
export function leadChanges(gap: WeeklyGap): LeadChange | undefined {
  const counted = new Set(gap.counted.weeks.map(Number));
  const weeks = gap.weeks.filter((w) => counted.has(+w.week));
  const aLed = weeks.filter((w) => w.a > w.b).map((w) => w.week);
  const bLed = weeks.filter((w) => w.b > w.a).map((w) => w.week);
  if (aLed.length === 0 || bLed.length === 0) return undefined;
  return aLed.length >= bLed.length
    ? { leader: 'a', led: aLed.length, trailed: bLed, counted: weeks.length }
    : { leader: 'b', led: bLed.length, trailed: aLed, counted: weeks.length };
}
