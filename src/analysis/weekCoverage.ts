import { utcDay, utcMonday } from 'd3-time';

/**
 * How many of the seven days of the ISO week starting `week` (Monday 00:00 UTC) lie within the data's period: from
 * the UTC day of its first post, `first`, to the UTC day of its last, `last` (epoch milliseconds). 7 for a week the
 * period covers whole; fewer for a partial first or last week (the sample's first week, beginning Monday 27 June
 * 2016, has 3: its posts start on Friday 1 July); 0 for a week outside the period.
 *
 * Days, not hours: a collection that starts at 00:03 on a Friday covers that Friday.
 */
export function weekCoverage(week: Date, first: number, last: number): number {
  const from = Math.max(+week, +utcDay.floor(new Date(first)));
  const to = Math.min(+utcMonday.offset(week, 1), +utcDay.offset(utcDay.floor(new Date(last)), 1));
  return to > from ? utcDay.count(new Date(from), new Date(to)) : 0;
}

/** A week a mean leaves out, and how many of its seven days the data covers. */
export interface PartialWeek {
  week: Date;
  days: number;
}

/** The weeks a weekly mean or "latest" is taken over ({@link wholeWeeks}). */
export interface CountedWeeks {
  /** The weeks counted, in ascending order. */
  weeks: Date[];
  /** Whether they are the whole weeks (false: no week is whole, and every week is counted). */
  whole: boolean;
  /** The partial weeks left out, in ascending order (none when `whole` is false). */
  leftOut: PartialWeek[];
}

/**
 * The weeks a weekly mean is taken over: the whole weeks (all seven days within the data's period, by `days`) when
 * there is at least one, else every week.
 *
 * Decided: a partial week's count is of fewer days, so averaged with whole weeks it reads as a quiet week and drags
 * the mean (a last week of 1 day and 5 posts took a mean of 164.2 posts a week to 151.8), and as "the latest week" it
 * names a gap of a day as a week's. Left out, the mean is a mean of weeks; the methods name the weeks left out. When
 * no week is whole (a collection of a few days), there is nothing else to average, and every week is counted, as the
 * definitions say. `weeks` need not be sorted or distinct.
 */
export function wholeWeeks(weeks: Iterable<Date>, days: (week: Date) => number): CountedWeeks {
  const sorted = [...new Map(Array.from(weeks, (w) => [+w, w])).values()].sort((a, b) => +a - +b);
  const whole = sorted.filter((w) => days(w) >= 7);
  if (whole.length === 0) return { weeks: sorted, whole: false, leftOut: [] };
  return { weeks: whole, whole: true, leftOut: sorted.filter((w) => days(w) < 7).map((week) => ({ week, days: days(week) })) };
}
