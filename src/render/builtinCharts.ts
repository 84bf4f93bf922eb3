import { SCORECARD_HEADERS, SHARE_SCORECARD_FORMATS } from '../analysis/scorecard.ts';
import followerReach from './charts/follower-reach.vl.json' with { type: 'json' };
import projection from './charts/projection.vl.json' with { type: 'json' };
import scorecard from './charts/scorecard.vl.json' with { type: 'json' };
import shareBar from './charts/share-bar.vl.json' with { type: 'json' };
import shareOfVoice from './charts/share-of-voice.vl.json' with { type: 'json' };
import weeklyVolume from './charts/weekly-volume.vl.json' with { type: 'json' };
import type { VegaLiteSpec } from './mapViews.ts';

/** Freezes a JSON value and everything in it: the specs are shared, so no caller may change them (clone first). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export interface BuiltinChart {
  /** A vega-lite spec without data; {@link chartSvg} supplies the rows. */
  spec: VegaLiteSpec;
  /** Column formats (house formats or d3 specifiers) for the fallback data table. */
  formats: Record<string, string>;
  /** Headers of the fallback data table's columns that the spec gives no title (an axis drawn without one). */
  headers?: Record<string, string>;
}

/**
 * The charts a post can name in `::chart{spec=…}`, each bound to the columns
 * of the table it draws:
 *
 * - `weekly-volume`: `{week: Date, campaign: string, posts: number, days?:
 *   number}`, one row per campaign and week (the UTC midnight that starts the
 *   ISO week). A line per campaign, a point per week; weeks are evenly spaced
 *   categories, so a week without posts must be a row with 0, not a missing
 *   row. `days` (the `weekly` table's: weekCoverage.ts) is how many of the
 *   week's days the data covers: a first or last week with fewer than 7 is
 *   drawn with hollow points, under a dotted rule labelled "3 days of 7", so
 *   that its lower count does not read as a drop. Several posts datasets
 *   counted together can leave more than one such week at either end (a week
 *   one export does not reach: "0 days of 7"): a partial week in the first
 *   half of the weeks is labelled as the first is, running right from its
 *   rule, one in the second half as the last is, running left, so that each
 *   label runs inwards. The label sits above the
 *   plot, where the rule reaches up to it, not inside it: a partial week can
 *   hold the most posts, and a label inside the plot's top then crossed its
 *   line and points (any data value can be drawn anywhere in the plot, so no
 *   place inside it is always clear); the legend stands 26 px above the plot
 *   rather than vega's 18, to leave the label room beneath it. Without
 *   `days`, every week is drawn as whole.
 * - `share-of-voice`: `{campaign: string, posts: number, share: number}`, share
 *   a proportion; a horizontal bar per campaign, in row order, labelled "79.4%".
 * - `follower-reach`: `{name: string, followers: number, campaign: string|null,
 *   platform: string}`; a dot per account, sorted by followers, on a log
 *   scale with ticks at powers of ten ("10k", "1m"), each labelled "629k".
 *   Dots, not bars: a bar's length on a log scale starts at an arbitrary
 *   power of ten, so 629k drawn two-thirds as long as 8.2m would mislead. A null campaign is shown as "Other/unaffiliated" (OTHER_CAMPAIGN),
 *   in neutral grey when campaign colours are given. A name that occurs more
 *   than once is labelled "Name (platform)". Accounts with no or 0 followers
 *   are left out (a log scale cannot show them); the data table keeps them.
 * - `projection`: `{label: string, share: number, kind: string, campaign:
 *   string|null}`; a horizontal bar per row, in row order, in its campaign's
 *   colour (a reference, with a null campaign, in neutral grey), labelled
 *   "52.0%", with a dashed rule at 50%. No legend: each bar is named on the
 *   axis, and a label too long for it is wrapped, not cut (`houseWrap`,
 *   wrapLabel.ts).
 * - `share-bar`: `{label: string, share: number}`, share a proportion; a
 *   horizontal bar per row, in row order (sort the table first), labelled
 *   "62.3%", on a 0–100% axis with a dashed rule at 50%. For any table of
 *   shares, e.g. a computed table with `select: {label: Region, share: leaveShare}`.
 * - `scorecard`: `{label: string, value: number, actual: number, error: number}`
 *   (the columns of a `scorecard` table of shares); per row, a line from the
 *   actual value to the estimate and a dot at the estimate, labelled with the
 *   error in points ("+17.6 points"), beside a dashed rule at the actual value.
 */
export const builtinCharts: Record<string, BuiltinChart> = {
  'weekly-volume': {
    spec: deepFreeze(weeklyVolume),
    formats: { posts: 'thousands' },
    headers: { campaign: 'Campaign', days: 'Days of 7' },
  },
  'share-of-voice': {
    spec: deepFreeze(shareOfVoice),
    formats: { share: 'percent', posts: 'thousands' },
    headers: { campaign: 'Campaign', posts: 'Posts' },
  },
  'follower-reach': {
    spec: deepFreeze(followerReach),
    formats: { followers: 'thousands' },
    headers: { account: 'Account', campaign: 'Campaign', name: 'Name', role: 'Role', id: 'Id', platform: 'Platform' },
  },
  projection: {
    spec: deepFreeze(projection),
    formats: { share: 'percent' },
    headers: { label: 'Label', kind: 'Kind', campaign: 'Campaign' },
  },
  'share-bar': { spec: deepFreeze(shareBar), formats: { share: 'percent' }, headers: { label: 'Label' } },
  scorecard: {
    spec: deepFreeze(scorecard),
    formats: SHARE_SCORECARD_FORMATS,
    headers: SCORECARD_HEADERS,
  },
};
