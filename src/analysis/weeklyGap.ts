import { ascending, descending, greatest, mean, rollup } from 'd3-array';
import { type CountedWeeks, type PartialWeek, wholeWeeks } from './weekCoverage.ts';
import type { WeeklyRow } from './weeklyVolume.ts';

export interface WeeklyGapWeek {
  week: Date;
  /** Posts of campaign `a` that week. */
  a: number;
  /** Posts of campaign `b` that week. */
  b: number;
  /** `|a − b|`. */
  gap: number;
}

export interface WeeklyGap {
  /** One entry per week, in ascending week order. */
  weeks: WeeklyGapWeek[];
  /** The weeks `mean` and `latest` are taken over: the whole weeks, or every week when none is whole. */
  counted: CountedWeeks;
  /** Arithmetic mean of `gap` over the counted weeks; NaN when there are no weeks. */
  mean: number;
  /**
   * Arithmetic mean of `a − b` over the counted weeks: which side leads on average, and by how much (negative when `b`
   * does); NaN when there are no weeks.
   */
  lead: number;
  /** The week with the largest gap, the earliest such week on ties, over every week; undefined when there are no weeks. */
  max: { week: Date; gap: number } | undefined;
  /**
   * The last counted week, and the partial weeks after it that are left out (`after`); undefined when there are no
   * weeks.
   */
  latest: { week: Date; gap: number; after: PartialWeek[] } | undefined;
}

/**
 * The weekly gap between campaigns `a` and `b` (ids), from rows produced by
 * {@link weeklyVolume}.
 *
 * The weeks are every distinct `week` present in `weekly` (for any campaign),
 * in ascending order. For each week, `a` and `b` are the `posts` of the rows
 * of that week for campaign `a` and `b` respectively (summed if there are
 * several; 0 when there is none, including when an id does not occur at all),
 * and `gap` = |`a` − `b`|.
 *
 * - `mean`: arithmetic mean of the weekly gaps over the counted weeks (`days`
 *   tells how many of a week's seven days the data covers: the whole weeks
 *   when there is one, else every week: {@link wholeWeeks}), zero-gap weeks
 *   included; NaN when there are no weeks;
 * - `lead`: the mean of `a − b` over the same weeks. Decided: `gap` stays
 *   unsigned (a post says "the gap was 3,000", and the largest gap is the
 *   largest whoever led), so `mean` adds `b`'s leads to `a`'s when the lead
 *   changes side; `lead` is the signed figure beside it, and equals `mean`
 *   when `a` never trails (leadChanges.ts warns when it does);
 * - `max`: the week with the largest gap, over every week, partial ones
 *   included (a partial week's gap is a real count, of fewer days, so one
 *   that is the largest is so over a whole week too); on ties the earliest;
 * - `latest`: the gap of the last counted week: a partial week after it, of a
 *   day or two, is not what "the gap in the last week" means.
 *
 * Without `days`, every week is taken as whole.
 *
 * Because both counts use "any" attribution, a post referencing both `a` and
 * `b` is counted once in each and cancels out: the gap equals |(posts
 * referencing `a` but not `b`) − (posts referencing `b` but not `a`)|, which is
 * the difference of the exclusive ("only") counts when `a` and `b` are the
 * only campaigns.
 */
export function weeklyGap(weekly: readonly WeeklyRow[], a: string, b: string, days: (week: Date) => number = () => 7): WeeklyGap {
  const totals = rollup(
    weekly,
    (rows) => ({
      week: rows[0]?.week ?? new Date(NaN),
      a: rows.reduce((n, row) => n + (row.campaign === a ? row.posts : 0), 0),
      b: rows.reduce((n, row) => n + (row.campaign === b ? row.posts : 0), 0),
    }),
    (row) => +row.week,
  );
  const weeks = [...totals.values()]
    .sort((x, y) => ascending(+x.week, +y.week))
    .map(({ week, a, b }) => ({ week, a, b, gap: Math.abs(a - b) }));
  const max = greatest(weeks, (x, y) => ascending(x.gap, y.gap) || descending(+x.week, +y.week));
  const counted = wholeWeeks(
    weeks.map((w) => w.week),
    days,
  );
  const kept = new Set(counted.weeks.map(Number));
  const over = weeks.filter((w) => kept.has(+w.week));
  const latest = over.at(-1);
  return {
    weeks,
    counted,
    mean: mean(over, (week) => week.gap) ?? NaN,
    lead: mean(over, (week) => week.a - week.b) ?? NaN,
    max: max && { week: max.week, gap: max.gap },
    latest: latest && {
      week: latest.week,
      gap: latest.gap,
      after: counted.leftOut.filter((w) => +w.week > +latest.week),
    },
  };
}
