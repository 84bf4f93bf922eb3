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
