/**
 * Generates data/labour-2016-tweets/: a SYNTHETIC reconstruction of the tweets
 * of the two campaigns in the 2016 UK Labour leadership contest,
 * #KeepCorbyn (pro Jeremy Corbyn, kick-started by Momentum) and #SavingLabour
 * (pro Owen Smith, also written #SaveLabour).
 *
 * The real tweets cannot be republished, so this script makes up tweets that
 * reproduce the aggregates published by Atlas Partners in September 2016. No
 * text, author or timestamp here is real: authors are random handles, texts
 * are filled-in templates. Only public campaign and politicians' accounts are
 * *mentioned* (never used as authors, never retweeted, never quoted).
 *
 * The collection window is 1 July to Sunday 18 September 2016 (UTC): the
 * article citing these aggregates was published on Monday 19 September, before
 * the ballot closed (21st) and the result was announced (24th). No tweet comes
 * from after the window and no text reports the close or the result; texts may
 * only look forward to them.
 *
 * Calibration (how the exact counts come out, whatever the seed):
 *
 * 1. Three exclusive categories with exact totals: tweets referencing only
 *    #KeepCorbyn (62,259), only #SavingLabour/#SaveLabour (16,074) and both
 *    (79); 78,412 unique tweets, so the shares are 79.4% / 20.5%.
 * 2. Each category's total is split into ISO weeks (Monday 00:00 UTC) with
 *    largest-remainder rounding of the hand-set relative weights in WEEKS,
 *    which encode the news calendar. The weekly gap between #KeepCorbyn- and
 *    SavingLabour-referencing tweets is therefore fixed by the table
 *    (tweets referencing both cancel out of the gap); it is checked below.
 * 3. Each week's count is split into its days (largest remainder again) by a
 *    day-of-week profile plus news events that boost a side for that day and
 *    (decaying) the next two; each day's count into its 24 UTC hours by a UK
 *    diurnal profile (British Summer Time, UTC+1, throughout 1 July to 18
 *    September 2016: the offset is a constant, no time-zone library is
 *    involved) plus a burst after the event's hour.
 * 4. Only then does randomness enter: the second and millisecond inside the
 *    hour, the author, retweet-or-not, and the text. Counts per category, week,
 *    day and hour are identical for every seed; the seed changes the rest.
 *
 * Everything random comes from one `randomLcg(seed)` stream of d3-random,
 * consumed in a fixed order, so a seed gives byte-identical files.
 *
 * Other details:
 * - ids are snowflake-like (milliseconds since Twitter's epoch << 22, then
 *   worker and sequence bits): 18 decimal digits, unique, increasing with time.
 * - ~45% of tweets are retweets, "RT @author: <text of an earlier synthetic
 *   tweet>", picked from the originals of the previous 36 hours weighted by a
 *   heavy-tailed (Pareto) "virality", so a few are retweeted hundreds of times.
 * - ~25,000 distinct authors with a heavy-tailed activity distribution.
 * - Hashtags are always delimited by spaces or line ends, so a text references
 *   a campaign both by a case-insensitive substring test and by Twitter's
 *   hashtag rule (src/data/hashtags.ts).
 * - A handful of texts carry hostile strings (API-escaped HTML, quotes and
 *   commas) to exercise escaping downstream.
 * - Files are split by UTC month; to exercise de-duplication, the last 37
 *   tweets of 31 July (all in its last hour) are repeated at the top of the
 *   August file and the last 21 of 31 August at the top of the September file,
 *   as overlapping export windows do.
 *
 * Run: `npm run generate:tweets` (Node 24 runs this file directly).
 */
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { csvFormat } from 'd3-dsv';
import { randomLcg } from 'd3-random';
import { utcDay, utcMonday } from 'd3-time';

// ------------------------------------------------------------------ types

export interface Tweet {
  id: string;
  created_at: string;
  screen_name: string;
  text: string;
}

export interface GenerateOptions {
  seed?: number;
}

export type Category = 'kc' | 'sl' | 'both';
type Side = 'kc' | 'sl';

// ---------------------------------------------------------- calibration

export const DEFAULT_SEED = 2016;
export const COLUMNS = ['id', 'created_at', 'screen_name', 'text'] as const;
export const OUTPUT_DIR = new URL('../data/labour-2016-tweets/', import.meta.url);

export const TARGETS = {
  total: 78_412,
  onlyKeepCorbyn: 62_259,
  onlySavingLabour: 16_074,
  both: 79,
} as const;

const CATEGORY_TOTALS: Record<Category, number> = {
  kc: TARGETS.onlyKeepCorbyn,
  sl: TARGETS.onlySavingLabour,
  both: TARGETS.both,
};

/** How many tweets of the previous month's last hour each month's file repeats at its top. */
export const OVERLAP: Readonly<Record<string, number>> = { '2016-08': 37, '2016-09': 21 };

const START = Date.UTC(2016, 6, 1); // 2016-07-01T00:00:00Z
/**
 * The collection ends on Sunday 18 September, the day before the article was
 * published (Monday 19th) and before the ballot closed (21st) and the result
 * (24th): no tweet may come from after it.
 */
const END = Date.UTC(2016, 8, 19); // 2016-09-19T00:00:00Z (exclusive)

/**
 * Relative weekly volumes of tweets referencing only one campaign, per ISO week
 * (Monday, UTC). Scaled to the exact totals by largest remainder; "both"
 * follows the sum of the two.
 */
const WEEKS: readonly { week: string; kc: number; sl: number; news: string }[] = [
  { week: '2016-06-27', kc: 3200, sl: 300, news: 'Fri 1–Sun 3 July only; rallies after the PLP no-confidence vote' },
  { week: '2016-07-04', kc: 3600, sl: 350, news: 'challenge expected; Momentum rallies' },
  {
    week: '2016-07-11',
    kc: 10400,
    sl: 1600,
    news: 'Eagle launches challenge (11th); NEC puts Corbyn on the ballot (12th); Smith enters (13th)',
  },
  { week: '2016-07-18', kc: 5700, sl: 1950, news: 'Eagle withdraws, Smith the sole challenger (19th)' },
  { week: '2016-07-25', kc: 4500, sl: 1600, news: 'High Court: Corbyn on the ballot automatically (28th)' },
  { week: '2016-08-01', kc: 4050, sl: 1400, news: 'first hustings, Cardiff (4th)' },
  { week: '2016-08-08', kc: 7200, sl: 1850, news: 'High Court: membership freeze unlawful (8th); Court of Appeal overturns it (12th)' },
  { week: '2016-08-15', kc: 4100, sl: 1300, news: 'hustings' },
  { week: '2016-08-22', kc: 5700, sl: 1700, news: 'ballots go out (22nd); hustings' },
  { week: '2016-08-29', kc: 4200, sl: 1250, news: 'hustings; voting under way' },
  { week: '2016-09-05', kc: 4900, sl: 1450, news: 'televised debate (7th)' },
  { week: '2016-09-12', kc: 5300, sl: 1450, news: 'last full week of voting (ballot closes Wed 21st); collection ends Sun 18th' },
];

/** Day-of-week factors, Monday first. */
const DAY_OF_WEEK = [1.0, 1.05, 1.05, 1.0, 0.92, 0.88, 1.15];

/**
 * Tweets per hour of the day by UK local time (BST), 00:00 first: quiet
 * 01:00–06:00, a morning rise, an evening peak from 19:00 to 23:00.
 */
const DIURNAL_UK = [5.8, 2.6, 1.3, 0.8, 0.6, 0.7, 1.5, 3.0, 4.0, 4.4, 4.4, 4.4, 4.9, 4.9, 4.4, 4.4, 4.6, 5.0, 5.8, 6.8, 7.5, 7.8, 7.3, 6.4];
/** BST is UTC+1 for the whole period (1 July to 18 September 2016). */
const UK_OFFSET_HOURS = 1;

/** News events: boosts per side on the day (decaying over the next two) and a burst after `hourUk`. */
const EVENTS: readonly { date: string; hourUk: number; kc: number; sl: number; news: string }[] = [
  { date: '2016-07-11', hourUk: 11, kc: 0.8, sl: 0.9, news: 'Angela Eagle launches her challenge' },
  { date: '2016-07-12', hourUk: 19, kc: 3.5, sl: 1.2, news: 'NEC rules Corbyn is automatically on the ballot' },
  { date: '2016-07-13', hourUk: 11, kc: 0.4, sl: 1.6, news: 'Owen Smith enters the contest' },
  { date: '2016-07-19', hourUk: 14, kc: 0.4, sl: 1.2, news: 'Eagle withdraws; Smith the sole challenger' },
  { date: '2016-07-28', hourUk: 14, kc: 1.3, sl: 0.3, news: 'High Court: Corbyn on the ballot automatically' },
  { date: '2016-08-04', hourUk: 19, kc: 0.8, sl: 0.8, news: 'first hustings, Cardiff' },
  { date: '2016-08-08', hourUk: 11, kc: 2.5, sl: 0.6, news: 'High Court: membership freeze unlawful' },
  { date: '2016-08-11', hourUk: 19, kc: 0.5, sl: 0.5, news: 'hustings' },
  { date: '2016-08-12', hourUk: 15, kc: 2.0, sl: 0.9, news: 'Court of Appeal restores the freeze' },
  { date: '2016-08-18', hourUk: 19, kc: 0.5, sl: 0.5, news: 'hustings' },
  { date: '2016-08-22', hourUk: 9, kc: 1.5, sl: 1.0, news: 'ballots go out' },
  { date: '2016-08-25', hourUk: 19, kc: 0.5, sl: 0.5, news: 'hustings' },
  { date: '2016-09-01', hourUk: 19, kc: 0.5, sl: 0.5, news: 'hustings' },
  { date: '2016-09-07', hourUk: 20, kc: 1.0, sl: 0.9, news: 'televised debate' },
];
const EVENT_DECAY = [1, 0.45, 0.2];

// Tweet mechanics.
const RETWEET_SHARE = 0.45;
const RETWEET_WINDOW_MS = 36 * 3600 * 1000;
const VIRALITY_ALPHA = 1.3;
const MAX_LENGTH = 140;
const TWITTER_EPOCH = 1288834974657n;

/** Author pools: size and Pareto shape of activity, per side. */
const AUTHOR_POOLS: Record<Side, { size: number; alpha: number }> = {
  kc: { size: 27_000, alpha: 1.5 },
  sl: { size: 8_000, alpha: 1.5 },
};

// --------------------------------------------------------------- random

interface Random {
  next: () => number;
  int: (n: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Pareto(1, alpha): 1 + heavy tail. */
  pareto: (alpha: number) => number;
}

function makeRandom(seed: number): Random {
  const next = randomLcg(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    pareto: (alpha) => (1 - next()) ** (-1 / alpha),
  };
}

function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`index ${i} out of range (${items.length})`);
  return item;
}

// ----------------------------------------------------------- allocation

/** Splits `total` into integers proportional to `weights` (largest remainder; ties to the lower index). */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new Error('largestRemainder: weights must have a positive sum');
  const quotas = weights.map((w) => (total * w) / sum);
  const counts = quotas.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, frac: q - Math.floor(q) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = at(counts, i) + 1;
    left--;
  }
  return counts;
}

export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** ISO 8601 UTC to the second: 2016-07-12T18:04:31Z. */
const isoSecond = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

function eventsOn(date: string): typeof EVENTS {
  return EVENTS.filter((e) => e.date === date);
}

/** A side's weight for a day: day of week times (1 + decaying event boosts). */
function dayWeight(day: Date, side: Side): number {
  let boost = 0;
  for (const e of EVENTS) {
    const offset = Math.round((+day - Date.parse(`${e.date}T00:00:00Z`)) / 86_400_000);
    const decay = EVENT_DECAY[offset];
    if (decay !== undefined) boost += e[side] * decay;
  }
  return at(DAY_OF_WEEK, (day.getUTCDay() + 6) % 7) * (1 + boost);
}

/** A side's weights for the 24 UTC hours of a day. */
function hourWeights(day: Date, side: Side): number[] {
  const base = Array.from({ length: 24 }, (_, h) => at(DIURNAL_UK, (h + UK_OFFSET_HOURS) % 24));
  const baseSum = base.reduce((a, b) => a + b, 0);
  const weights = base.map((w) => w / baseSum);
  for (const e of eventsOn(isoDate(+day))) {
    const share = Math.min(0.5, 0.15 * e[side]);
    if (share <= 0) continue;
    const hour = e.hourUk - UK_OFFSET_HOURS;
    const burst = weights.map((_, h) => (h < hour ? 0 : Math.exp(-((h - hour - 0.5) ** 2) / (2 * 1.5 ** 2))));
    const burstSum = burst.reduce((a, b) => a + b, 0);
    for (let h = 0; h < 24; h++) weights[h] = (1 - share) * at(weights, h) + (share * at(burst, h)) / burstSum;
  }
  return weights;
}

interface Slot {
  category: Category;
  /** Start of the UTC hour. */
  hour: number;
  count: number;
}

/** Exact counts per category, week, day and hour. Deterministic: no randomness. */
export function allocate(): Slot[] {
  const slots: Slot[] = [];
  for (const category of ['kc', 'sl', 'both'] as const) {
    const weekWeights = WEEKS.map((w) => (category === 'both' ? w.kc + w.sl : w[category]));
    const weekCounts = largestRemainder(CATEGORY_TOTALS[category], weekWeights);
    WEEKS.forEach((w, i) => {
      const monday = new Date(`${w.week}T00:00:00Z`);
      const from = new Date(Math.max(+monday, START));
      const to = new Date(Math.min(+utcMonday.offset(monday, 1), END));
      const days = utcDay.range(from, to);
      const sides: Side[] = category === 'both' ? ['kc', 'sl'] : [category];
      const dayCounts = largestRemainder(
        at(weekCounts, i),
        days.map((d) => sides.reduce((s, side) => s + dayWeight(d, side), 0)),
      );
      days.forEach((day, j) => {
        const hours = sides.map((side) => hourWeights(day, side)).reduce((a, b) => a.map((x, h) => x + at(b, h)));
        largestRemainder(at(dayCounts, j), hours).forEach((count, h) => {
          if (count > 0) slots.push({ category, hour: +day + h * 3_600_000, count });
        });
      });
    });
  }
  return slots;
}

// ------------------------------------------------------------ vocabulary

const PLACES = [
  'Liverpool',
  'Hull',
  'Leeds',
  'Brighton',
  'Manchester',
  'Sheffield',
  'Bristol',
  'Cardiff',
  'Newcastle',
  'Glasgow',
  'Birmingham',
  'Nottingham',
  'Leicester',
  'Norwich',
  'Exeter',
  'Swansea',
  'Derby',
  'Salford',
  'Durham',
  'Sunderland',
  'Middlesbrough',
  'Bradford',
  'Wakefield',
  'York',
  'Hastings',
  'Oxford',
  'Coventry',
  'Stoke',
  'Plymouth',
  'Southampton',
  'Islington',
  'Lewisham',
  'Hackney',
  'Preston',
  'Wigan',
  'Ipswich',
];
const VENUES = [
  'the town hall',
  'the guildhall',
  'the community centre',
  'the Corn Exchange',
  'the union building',
  'the old library',
  'St Mark’s church hall',
];
const TIMES = ['18:00', '18:30', '19:00', '19:30', '20:00', '7pm', '6.30pm', '7.30pm', '12:30', '10am'];
const CROWDS = ['800', '1,200', '1,500', '2,000', '3,000', '4,000', '5,000', '7,000', '10,000'];
const POINTS = ['8', '9', '10', '11', '12', '14', '15', '16'];

const TAGS_KC = ['#KeepCorbyn', '#keepcorbyn', '#KEEPCORBYN', '#Keepcorbyn'] as const;
const TAGS_KC_WEIGHTS = [0.8, 0.13, 0.04, 0.03];
const TAGS_SL = ['#SavingLabour', '#savinglabour', '#SAVINGLABOUR', '#SaveLabour', '#savelabour'] as const;
/** 60% SavingLabour, 40% SaveLabour, with casing variants. */
const TAGS_SL_WEIGHTS = [0.52, 0.07, 0.03, 0.32, 0.06];

const EXTRA_TAGS: Record<Side, readonly string[]> = {
  kc: ['#JezWeCan', '#JC4PM', '#LabourLeadership', '#Corbyn', '#IStandWithCorbyn', '#JezWeCan', '#LabourLeadership'],
  sl: ['#Smith4Leader', '#LabourLeadership', '#PLP', '#Smith4Leader', '#LabourLeadership', '#Labour'],
};
const EMOJI: Record<Side, readonly string[]> = {
  kc: ['🌹', '✊', '✊', '🌹🌹', '👍', '✊🌹'],
  sl: ['🌹', '👍', '👍', '🌹👍'],
};
const PUBLIC_ACCOUNTS: Record<Side, readonly string[]> = {
  kc: ['@jeremycorbyn', '@jeremycorbyn', '@PeoplesMomentum', '@PeoplesMomentum', '@UKLabour'],
  sl: ['@OwenSmith_MP', '@OwenSmith_MP', '@UKLabour', '@SadiqKhan', '@ChukaUmunna', '@Ed_Miliband', '@jk_rowling'],
};
/** Real public accounts: may be mentioned, never used as authors. */
const RESERVED = new Set([...PUBLIC_ACCOUNTS.kc, ...PUBLIC_ACCOUNTS.sl, '@OwenSmith', '@AngelaEagle'].map((h) => h.slice(1).toLowerCase()));

const PREFIXES: Record<Side, readonly string[]> = {
  kc: [
    'This.',
    'So true.',
    'Exactly.',
    'Remember:',
    'Honestly,',
    'Fact:',
    'Well said.',
    'Spot on.',
    'Yes!',
    'Never forget:',
    'Solidarity.',
  ],
  sl: ['This.', 'Agreed.', 'Exactly.', 'Honestly,', 'Fact:', 'Well said.', 'Spot on.', 'Simple truth:', 'Worth saying again:'],
};
const SUFFIXES: Record<Side, readonly string[]> = {
  kc: ['RT if you agree', 'Pass it on', 'Share &amp; RT', 'Solidarity', 'Simple.', 'Jez we can!'],
  sl: ['RT if you agree', 'Pass it on', 'Please share', 'Simple.', 'Think about it.'],
};

interface Template {
  text: string;
  /**
   * When the template makes sense: from `from` (a UTC date YYYY-MM-DD, or an
   * instant YYYY-MM-DDTHH:MM:SSZ for news that broke during the day) to the
   * UTC date `to`, inclusive (at the latest LAST_DAY); any day when absent.
   */
  from?: string;
  to?: string;
  /** Only on these UTC days (YYYY-MM-DD). */
  days?: readonly string[];
  /** Reports an evening event: only from 18:00 to 01:59 UK time. */
  evening?: boolean;
}

const t = (text: string, from?: string, to?: string): Template =>
  from === undefined ? { text } : to === undefined ? { text, from } : { text, from, to };
const tonight = (text: string): Template => ({ text, evening: true });
const DAY_MS = 86_400_000;

// Instants (UTC) at which news broke, from EVENTS.
const NEC = '2016-07-12T18:00:00Z';
const SMITH = '2016-07-13T10:00:00Z';
const EAGLE_OUT = '2016-07-19T13:00:00Z';
const FOSTER = '2016-07-28T13:00:00Z';
const HIGH_COURT = '2016-08-08T10:00:00Z';
const APPEAL = '2016-08-12T14:00:00Z';
const BALLOTS = '2016-08-22';
/**
 * The last day of the collection (Sunday 18 September). The ballot closed on the
 * 21st and the result came on the 24th, after it: texts may look forward to
 * them but never report them.
 */
const LAST_DAY = '2016-09-18';
/** Hustings and debates (stylised: the Thursday evenings of the campaign plus the televised debate), and the day after. */
const HUSTINGS = ['2016-08-04', '2016-08-11', '2016-08-18', '2016-08-25', '2016-09-01', '2016-09-07', '2016-09-08'].flatMap((d) => [
  d,
  isoDate(Date.parse(`${d}T00:00:00Z`) + DAY_MS),
]);
const onHustings = (text: string, evening = false): Template => ({ text, days: HUSTINGS, evening });

const TEMPLATES_KC: readonly Template[] = [
  tonight('Huge crowd for Jeremy in {place} tonight. This is a movement, not a personality cult'),
  t('Rally at {time} outside {venue}, {place}. Bring a friend and a banner'),
  t('{crowd} people out for Jez in {place} and not a single BBC camera'),
  t('The PLP tried a "coup" and the members said no'),
  t('Members gave Jeremy a mandate. Respect it, respect democracy'),
  t('Just joined Momentum. Grassroots politics is back and it’s brilliant'),
  t('End austerity, save our NHS, bring back public railways. That’s why I’m voting Corbyn'),
  t('People not privilege. It really is that simple'),
  t('Mass purge of members by the NEC. How is this democracy?'),
  t('Blairites had their chance. The members have spoken'),
  t('Media bias on full display again. Corbyn’s rally in {place} ignored, one heckler on every channel'),
  t('Bring our railways back into public ownership. Corbyn is the only one saying it'),
  t('Socialism isn’t a dirty word. It built the NHS'),
  tonight('Jeremy’s speech in {place} tonight was the best I’ve heard in years'),
  t('Proud to stand with Jez'),
  t('Phone banking from {time} tonight. Every member counts'),
  t('Canvassing for Jeremy in {place} today. Loads of support on the doorstep'),
  t('The PLP don’t own this party, the members do'),
  t('Austerity is a political choice. Corbyn is the only leader saying so'),
  t('Momentum volunteers in {place} knocking on doors all weekend'),
  t('59.5% of the vote last year and they still won’t accept his mandate'),
  t('Another day, another smear. The grassroots won’t be bullied'),
  t('Corbyn’s Labour: democracy, not deference'),
  t('Watch the {place} rally live from {time}'),
  t('This movement is bigger than one man, but we’re sticking with him'),
  t('Purged for saying you like the Foo Fighters?! Sort it out, NEC'),
  t('The “coup” failed. Now let’s get on with opposing the Tories'),
  t('Grassroots, not spin doctors'),
  t('Standing room only at {venue} in {place}. The energy is incredible'),
  t('Hands off our democracy. Hands off our leader'),
  t('No more austerity, no more privatisation of the NHS, no more illegal wars'),
  t('Woman next to me at the {place} rally: first rally since the miners’ strike'),
  t('Another {crowd} outside {venue} in {place} who couldn’t get in. Speeches relayed by megaphone'),
  t('Respect the mandate. Respect the members'),
  t('NHS &amp; railways in public hands: what’s radical about that?'),
  t('Momentum phone bank at {time}, {venue}, {place}. Tea &amp; biscuits provided'),
  t('Labour is a movement and the movement is with Jeremy'),
  t('The PLP should get behind the leader the members elected'),
  t('Blairite MPs briefing the papers again. Yawn'),
  t('Tory austerity is hurting people. We need a real opposition, and that’s Jeremy'),
  t('Why is every paper against him? Ask who owns the papers'),
  t('Thousands at the rally in {place}, and the headline is about a heckler'),
  t('Council housing, the NHS, public railways: Corbyn’s priorities are ours'),
  t('Solidarity with everyone purged this week. Appeal it!'),
  { text: 'Our {place} CLP nominated Jeremy tonight. Grassroots democracy in action', from: '2016-07-14', to: '2016-08-15', evening: true },
  t('Leaflets done, banners painted. See you at {venue} at {time}'),
  t('Jez has been right on the big calls for 30 years. Trust the members'),
  t('Not a cult, just people who want a fairer country'),
  t('Paid my £25 to vote for Jeremy. Worth every penny', '2016-07-18', LAST_DAY),
  t('Jeremy on the ballot! The NEC got it right. Democracy wins', NEC, '2016-07-15'),
  t('NEC vote: Corbyn automatically on the ballot. The members will decide', NEC, '2016-07-14'),
  { text: 'Thank you to every NEC member who stood up for democracy tonight', from: NEC, to: '2016-07-12', evening: true },
  t('The membership freeze is a stitch-up. 130,000 members locked out', '2016-07-13', '2016-08-14'),
  t('High Court confirms Jeremy stays on the ballot. Now let the members vote', FOSTER, '2016-07-30'),
  t('High Court rules the freeze on new members unlawful. Huge win for democracy', HIGH_COURT, '2016-08-11'),
  t('Court of Appeal sides with the NEC. 130,000 new members can’t vote. Shameful', APPEAL, '2016-08-15'),
  onHustings('Hustings tonight: Jeremy calm, clear and on the issues', true),
  onHustings('Smith at the hustings: all soundbite, no substance. Jeremy on the issues'),
  t('Ballot arrived! Ticked the box for Jeremy', BALLOTS, LAST_DAY),
  t('Not had your ballot yet? Chase it up, every vote for Jeremy counts', '2016-08-24', '2016-09-16'),
  t('Ballot closes at noon on Wednesday 21st. Have you voted for Jeremy?', '2016-09-14', LAST_DAY),
  t('Result on Saturday 24th. Make sure every member you know has voted for Jeremy', '2016-09-12', LAST_DAY),
  t('See you in Liverpool for conference', '2016-09-15', LAST_DAY),
];

const TEMPLATES_SL: readonly Template[] = [
  t('Owen Smith is the credible, electable choice'),
  t('Labour needs to be in government, not in permanent opposition'),
  t('The Tories are laughing at us. We need a leader who can win'),
  t('172 MPs voted no confidence. That can’t just be ignored'),
  t('Unity matters. The PLP and the members need a leader they can both trust'),
  t('A second referendum on the Brexit deal. Owen is the only one offering it'),
  t('Opposition isn’t enough. Power is how we change lives'),
  t('Polls have Labour {points} points behind the Tories. Something has to change'),
  t('I want a Labour government, not a protest movement'),
  t('Leadership means leading the PLP, not just filling halls'),
  t('Owen Smith for leader. For unity, for government'),
  t('Electability isn’t a dirty word. Ask anyone who needs a Labour government'),
  t('Brexit is the biggest issue of our lifetime and we need a credible opposition'),
  t('Great to hear {account} making the case for a party of government'),
  t('Ed Miliband lost in 2015. We can’t afford a worse result in 2020'),
  t('Phone banking for Owen tonight from {time}. Join us'),
  t('Leafleting for Owen in {place} today. Lots of lifelong Labour voters worried'),
  t('Every Tory minister’s dream: Labour in opposition for a decade'),
  t('Unity, credibility, government. That’s the choice'),
  t('Members, please think about who can actually win a general election'),
  t('The Tories have a majority of 12 and we’re arguing with ourselves'),
  t('Labour out of power helps no one on a zero-hours contract'),
  t('£200bn of investment: Owen’s plan is a serious plan for government'),
  t('A leader who can’t command his own MPs can’t command the Commons'),
  t('We need a serious opposition while the Tories botch Brexit'),
  t('The PLP is not the enemy. We need each other to win'),
  t('Who would you trust to negotiate Brexit? Honestly?'),
  t('It’s not about left or right, it’s about winning'),
  t('Credible on the economy, credible on Brexit, credible on security'),
  t('Labour can’t help anyone from opposition'),
  t('Not a Blairite, just a member who wants a Labour government'),
  t('Theresa May must be delighted with the state of the Labour Party'),
  t('Lifelong member, voting Owen. The party has to get serious about power'),
  t('Owen Smith: Labour values, a plan for government and the ability to lead'),
  t('The country needs an effective opposition now, not in 2025'),
  t('Winning elections is how Labour built the NHS in the first place'),
  t('Every leadership contest we lose time. Let’s pick someone who can lead'),
  t('No confidence from the PLP, trailing in the polls. Time for a change'),
  t('Owen Smith in {place} tonight, talking jobs, investment and Brexit', '2016-07-13', LAST_DAY),
  t('J K Rowling backs Owen Smith. Good to see', '2016-07-20', LAST_DAY),
  t('Even {account} can see we need a leader who can win', '2016-07-20', LAST_DAY),
  t('NEC ruling means a real contest. Good, let’s have the debate', NEC, '2016-07-14'),
  t('Owen Smith is standing. Finally a credible choice', SMITH, '2016-07-18'),
  t('Angela Eagle steps aside for Owen. Unity candidate it is', EAGLE_OUT, '2016-07-21'),
  t('Court of Appeal restores the NEC’s freeze date. Rules are rules', APPEAL, '2016-08-14'),
  onHustings('Owen at the hustings tonight: clear, credible, ready to lead', true),
  onHustings('Hustings in {place}: Owen answered every question directly'),
  t('Sadiq Khan backs Owen Smith. Listen to someone who actually wins elections', '2016-08-20', LAST_DAY),
  t('Ballot arrived. Voting Owen Smith, for a Labour government', BALLOTS, LAST_DAY),
  t('Please use your vote. Ballot closes at noon on the 21st', '2016-09-12', LAST_DAY),
  t('Result on the 24th. Not voted yet? There’s still time to vote Owen', '2016-09-12', LAST_DAY),
];

const TEMPLATES_BOTH: readonly Template[] = [
  t('Ballot papers arriving today. {KC} or {SL}, whichever, just vote', BALLOTS, LAST_DAY),
  tonight('{place} CLP meeting tonight: half {KC}, half {SL}, all Labour'),
  t('{SL} trending, {KC} filling halls in {place}. Draw your own conclusions'),
  t('{KC} people shouting at {SL} people. The Tories must be loving it'),
  t('Dear {KC} and {SL}: the Tories are the opposition'),
  t('Data nerd note: {KC} out-tweeting {SL} roughly 4 to 1 this week'),
  t('Whoever wins, {KC} and {SL} have to work together on the 25th', '2016-09-01', LAST_DAY),
  t('Muted {KC} and {SL} for my own sanity. See you on the 24th'),
  t('{SL} or {KC}? My timeline is a civil war'),
  t('{SL} says electable, {KC} says mandate. Both say Labour. Start there'),
];

/** Hostile strings, each forced onto the first original tweet of its category at or after `after`. */
const SPECIALS: readonly { category: Category; after: string; text: string }[] = [
  {
    category: 'kc',
    after: '2016-07-14T09:00:00Z',
    text: 'If the NEC wrote code: &lt;script&gt;alert("purged")&lt;/script&gt; Every member with a tweet gets one #KeepCorbyn',
  },
  {
    category: 'sl',
    after: '2016-08-03T12:00:00Z',
    text: 'The question isn’t "who fills halls, who I like", it’s "who can beat the Tories" #SavingLabour',
  },
  {
    category: 'kc',
    after: '2016-08-16T18:00:00Z',
    text: 'Tomorrow’s front page: &lt;b&gt;CORBYN CHAOS&lt;/b&gt;. Reality: 5,000 at the rally in Hull &amp; no chaos #KeepCorbyn',
  },
  {
    category: 'sl',
    after: '2016-09-06T20:00:00Z',
    text: 'Labour &lt; Tories in every poll since June. 14 points behind &gt; any "mandate", sorry #SaveLabour',
  },
];

// --------------------------------------------------------------- authors

const FIRST = [
  'Martha',
  'Dave',
  'Sue',
  'Jo',
  'Pete',
  'Karen',
  'Sian',
  'Gareth',
  'Aisha',
  'Tom',
  'Lucy',
  'Raj',
  'Priya',
  'Kev',
  'Bev',
  'Ian',
  'Mo',
  'Dan',
  'Ellie',
  'Jack',
  'Cath',
  'Nia',
  'Rhys',
  'Liam',
  'Shaz',
  'Becky',
  'Mick',
  'Tess',
  'Alan',
  'Jan',
  'Fran',
  'Sam',
  'Ade',
  'Femi',
  'Chris',
  'Kirsty',
  'Gemma',
  'Hamza',
  'Zainab',
  'Bill',
  'Dot',
  'Nadia',
  'Ollie',
  'Megan',
  'Stu',
  'Bridget',
  'Yusuf',
  'Carys',
  'Declan',
  'Rosa',
  'Gwen',
  'Imran',
  'Lorna',
];
const PLACE_PARTS = [
  'Leeds',
  'Hull',
  'Brum',
  'Bristol',
  'Cardiff',
  'Swansea',
  'Glasgow',
  'Leics',
  'Notts',
  'Derby',
  'Salford',
  'Wigan',
  'Bolton',
  'Norwich',
  'Exeter',
  'Durham',
  'Hackney',
  'Croydon',
  'Camden',
  'Sheff',
  'York',
  'Newport',
  'Kent',
  'Essex',
  'Fife',
  'Devon',
  'Bucks',
  'Lancs',
  'Yorks',
  'Wirral',
  'Stoke',
  'Luton',
  'Bath',
  'Hove',
];
const WORDS: Record<Side, readonly string[]> = {
  kc: [
    'redrose',
    'leftie',
    'comrade',
    'socialist',
    'redflag',
    'unionist',
    'canvasser',
    'doorstep',
    'tealover',
    'nurse',
    'teacher',
    'grandad',
    'nan',
    'cyclist',
    'gardener',
    'allotment',
    'rebel',
    'picket',
    'solidarity',
  ],
  sl: [
    'redrose',
    'moderate',
    'centreleft',
    'progressive',
    'member',
    'voter',
    'councillor',
    'nurse',
    'teacher',
    'dad',
    'mum',
    'runner',
    'bookworm',
    'commuter',
    'realist',
    'pragmatist',
    'rosette',
    'policywonk',
  ],
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const LETTERS = 'ABCDEFGHIJKLMNOPRSTW';

function makeHandle(random: Random, side: Side): string {
  const first = random.pick(FIRST);
  const place = random.pick(PLACE_PARTS);
  const word = random.pick(WORDS[side]);
  const nn = String(random.int(100));
  const year = String(1950 + random.int(50));
  switch (random.int(9)) {
    case 0:
      return `${first}In${place}`;
    case 1:
      return `${word}_${nn}`;
    case 2:
      return `${first}${random.pick([...LETTERS])}${nn}`;
    case 3:
      return `${place}${capitalise(word)}`;
    case 4:
      return `${first.toLowerCase()}_${word}`;
    case 5:
      return `${word}${first}${random.int(10)}`;
    case 6:
      return `${first}${year.slice(2)}_${place}`;
    case 7:
      return `${capitalise(word)}Of${place}`;
    default:
      return `${first.toLowerCase()}${random.pick([...LETTERS]).toLowerCase()}${year}`;
  }
}

interface AuthorPool {
  handles: string[];
  /** Cumulative activity weights. */
  cumulative: number[];
}

function makePool(random: Random, side: Side, taken: Set<string>): AuthorPool {
  const { size, alpha } = AUTHOR_POOLS[side];
  const handles: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  while (handles.length < size) {
    const handle = makeHandle(random, side);
    const key = handle.toLowerCase();
    if (handle.length > 15 || taken.has(key) || RESERVED.has(key)) continue;
    taken.add(key);
    handles.push(handle);
    total += random.pareto(alpha);
    cumulative.push(total);
  }
  return { handles, cumulative };
}

function drawAuthor(random: Random, pool: AuthorPool): string {
  const target = random.next() * at(pool.cumulative, pool.cumulative.length - 1);
  let lo = 0;
  let hi = pool.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(pool.cumulative, mid) > target) hi = mid;
    else lo = mid + 1;
  }
  return at(pool.handles, lo);
}

// ------------------------------------------------------------------ text

const codePoints = (s: string) => [...s].length;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function url(random: Random): string {
  let s = 'https://t.co/';
  for (let i = 0; i < 10; i++) s += ALNUM.charAt(random.int(ALNUM.length));
  return s;
}

function weightedPick<T>(random: Random, items: readonly T[], weights: readonly number[]): T {
  let u = random.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    u -= at(weights, i);
    if (u < 0) return at(items, i);
  }
  return at(items, items.length - 1);
}

const campaignTag = (random: Random, side: Side) =>
  side === 'kc' ? weightedPick(random, TAGS_KC, TAGS_KC_WEIGHTS) : weightedPick(random, TAGS_SL, TAGS_SL_WEIGHTS);

function pickTemplate(random: Random, templates: readonly Template[], ms: number): Template {
  const instant = isoSecond(ms);
  const date = instant.slice(0, 10);
  const hourUk = (new Date(ms).getUTCHours() + UK_OFFSET_HOURS) % 24;
  const evening = hourUk >= 18 || hourUk < 2;
  const valid = templates.filter(
    (tp) => (tp.from ?? '') <= instant && date <= (tp.to ?? '9999') && (tp.days?.includes(date) ?? true) && (evening || !tp.evening),
  );
  // Templates tied to the news are favoured while they are current, the more so the shorter their window.
  const weights = valid.map((tp) => {
    if (tp.days) return 4;
    if (tp.from === undefined) return 1;
    const span = (Date.parse(tp.to ?? LAST_DAY) - Date.parse(tp.from.slice(0, 10))) / DAY_MS;
    return span <= 4 ? 6 : 2;
  });
  return weightedPick(random, valid, weights);
}

function fill(random: Random, text: string, side: Side): string {
  return text.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'place':
        return random.pick(PLACES);
      case 'venue':
        return random.pick(VENUES);
      case 'time':
        return random.pick(TIMES);
      case 'crowd':
        return random.pick(CROWDS);
      case 'points':
        return random.pick(POINTS);
      case 'account':
        return random.pick(['@SadiqKhan', '@ChukaUmunna', '@Ed_Miliband', '@jk_rowling']);
      case 'KC':
        return campaignTag(random, 'kc');
      case 'SL':
        return campaignTag(random, 'sl');
      default:
        throw new Error(`unknown template slot {${slot}} (${side})`);
    }
  });
}

/** An original (non-retweet) text for a category at a date; ≤ 140 code points. */
function composeText(random: Random, category: Category, ms: number, replyTo: () => string): string {
  const side: Side = category === 'both' ? (random.chance(0.55) ? 'kc' : 'sl') : category;
  const templates = category === 'kc' ? TEMPLATES_KC : category === 'sl' ? TEMPLATES_SL : TEMPLATES_BOTH;
  let core = fill(random, pickTemplate(random, templates, ms).text, side);
  if (random.chance(0.04)) core = core.toLowerCase();
  if (random.chance(0.25)) core = core.replaceAll('’', "'");

  const reply = random.chance(0.1) ? `${replyTo()} ` : '';
  const prefix = random.chance(0.12) ? `${random.pick(PREFIXES[side])} ` : '';
  const suffix = random.chance(0.08) ? `${/[.!?]$/.test(core) ? '' : '.'} ${random.pick(SUFFIXES[side])}` : '';
  const mention = random.chance(0.1) ? ` ${random.chance(0.5) ? 'cc' : 'via'} ${random.pick(PUBLIC_ACCOUNTS[side])}` : '';
  const tag = category === 'both' ? '' : campaignTag(random, side);
  const tagFirst = tag !== '' && random.chance(0.15);
  const extras: string[] = [];
  for (let n = weightedPick(random, [0, 1, 2], [0.4, 0.4, 0.2]); n > 0; n--) {
    const extra = random.pick(EXTRA_TAGS[category === 'both' ? 'kc' : side]);
    if (!extras.includes(extra) && category !== 'both') extras.push(extra);
  }
  const emoji = random.chance(0.12) ? random.pick(EMOJI[side]) : '';
  const link = random.chance(0.28) ? url(random) : '';

  const build = (parts: {
    reply: string;
    prefix: string;
    suffix: string;
    mention: string;
    extras: string[];
    emoji: string;
    link: string;
  }) => {
    const head = [parts.reply + (tagFirst ? `${tag} ` : '') + parts.prefix + core + parts.suffix + parts.mention];
    const tail = [...(tagFirst ? [] : [tag]), ...parts.extras, parts.emoji, parts.link].filter((s) => s !== '');
    return [...head, ...tail].join(' ');
  };
  let parts = { reply, prefix, suffix, mention, extras, emoji, link };
  let text = build(parts);
  // Drop optional parts until the tweet fits.
  for (const drop of ['link', 'emoji', 'extras', 'suffix', 'mention', 'prefix', 'reply'] as const) {
    if (codePoints(text) <= MAX_LENGTH) break;
    parts = { ...parts, [drop]: drop === 'extras' ? [] : '' };
    text = build(parts);
  }
  if (codePoints(text) > MAX_LENGTH) throw new Error(`template too long: ${text}`);
  return text;
}

// ------------------------------------------------------------- retweets

/** Fenwick tree of virality weights over originals, in creation order. */
class Fenwick {
  tree: number[] = [0];
  values: number[] = [];
  push(value: number): void {
    this.values.push(value);
    const i = this.values.length;
    let sum = value;
    // tree[i] covers (i - lowbit(i), i]
    for (let step = 1; step < (i & -i); step <<= 1) sum += at(this.tree, i - step);
    this.tree.push(sum);
  }
  /** Sum of the first n values. */
  prefix(n: number): number {
    let s = 0;
    for (let i = n; i > 0; i -= i & -i) s += at(this.tree, i);
    return s;
  }
  /** Smallest index i (0-based) with prefix(i + 1) > target. */
  find(target: number): number {
    let pos = 0;
    let rest = target;
    let step = 1;
    while (step * 2 < this.tree.length) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = pos + step;
      if (next < this.tree.length && at(this.tree, next) <= rest) {
        pos = next;
        rest -= at(this.tree, next);
      }
    }
    return Math.min(pos, this.values.length - 1);
  }
}

interface Original {
  ms: number;
  author: string;
  text: string;
}

// ------------------------------------------------------------ generator

/** The unique synthetic tweets, sorted by created_at then id. Pure: same seed, same tweets. */
export function generateTweets(options: GenerateOptions = {}): Tweet[] {
  const random = makeRandom(options.seed ?? DEFAULT_SEED);
  const taken = new Set<string>();
  const pools: Record<Side, AuthorPool> = { kc: makePool(random, 'kc', taken), sl: makePool(random, 'sl', taken) };

  // Exact slots, then a random second and millisecond for each tweet.
  const stamps: { category: Category; ms: number; key: number }[] = [];
  for (const slot of allocate()) {
    for (let i = 0; i < slot.count; i++) {
      stamps.push({ category: slot.category, ms: slot.hour + random.int(3_600_000), key: random.next() });
    }
  }
  stamps.sort((a, b) => a.ms - b.ms || a.key - b.key);

  const originals: Record<Category, Original[]> = { kc: [], sl: [], both: [] };
  const virality: Record<Category, Fenwick> = { kc: new Fenwick(), sl: new Fenwick(), both: new Fenwick() };
  const windowStart: Record<Category, number> = { kc: 0, sl: 0, both: 0 };
  const specials = SPECIALS.map((s) => ({ ...s, at: Date.parse(s.after), used: false }));

  const tweets: Tweet[] = [];
  let lastMs = -1;
  let sequence = 0;
  for (const { category, ms } of stamps) {
    sequence = ms === lastMs ? sequence + 1 : 0;
    lastMs = ms;
    const worker = BigInt(random.int(1024));
    const id = (((BigInt(ms) - TWITTER_EPOCH) << 22n) | (worker << 12n) | BigInt(sequence)).toString();
    const side: Side = category === 'both' ? (random.chance(0.6) ? 'kc' : 'sl') : category;
    const author = drawAuthor(random, pools[side]);

    const list = originals[category];
    while (windowStart[category] < list.length && at(list, windowStart[category]).ms < ms - RETWEET_WINDOW_MS) {
      windowStart[category]++;
    }
    const special = specials.find((s) => !s.used && s.category === category && ms >= s.at);
    let text: string;
    if (!special && windowStart[category] < list.length && random.chance(RETWEET_SHARE)) {
      const tree = virality[category];
      const lo = tree.prefix(windowStart[category]);
      const hi = tree.prefix(list.length);
      const source = at(list, tree.find(lo + random.next() * (hi - lo)));
      text = `RT @${source.author}: ${source.text}`;
    } else {
      if (special) special.used = true;
      text =
        special?.text ??
        composeText(random, category, ms, () =>
          random.chance(0.3) ? random.pick(PUBLIC_ACCOUNTS[side]) : `@${drawAuthor(random, pools[side])}`,
        );
      list.push({ ms, author, text });
      const reply = text.startsWith('@');
      virality[category].push(random.pareto(VIRALITY_ALPHA) * (reply ? 0.2 : 1));
    }
    tweets.push({ id, created_at: isoSecond(ms), screen_name: author, text });
  }
  if (specials.some((s) => !s.used)) throw new Error('a special tweet found no slot');
  // Stamps are in time order and ids grow with time, so this only orders ids within a second.
  return tweets.sort((a, b) =>
    a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

// --------------------------------------------------------------- output

/** CSV with the columns id,created_at,screen_name,text and a final newline. */
export function toCsv(rows: readonly Tweet[]): string {
  return `${csvFormat(rows as Tweet[], [...COLUMNS])}\n`;
}

/**
 * The data files: one per UTC month, each opening with the last OVERLAP[month]
 * tweets of the previous month (all within its last hour), as overlapping
 * export windows do.
 */
export function renderFiles(tweets: readonly Tweet[]): { name: string; content: string }[] {
  const months = new Map<string, Tweet[]>();
  for (const tweet of tweets) {
    const month = tweet.created_at.slice(0, 7);
    const rows = months.get(month) ?? [];
    rows.push(tweet);
    months.set(month, rows);
  }
  const keys = [...months.keys()].sort();
  return keys.map((month, i) => {
    const rows = months.get(month) ?? [];
    const overlap = OVERLAP[month] ?? 0;
    const previous = i > 0 ? (months.get(at(keys, i - 1)) ?? []) : [];
    const repeated = overlap > 0 ? previous.slice(-overlap) : [];
    const lastHour = `${isoDate(Date.parse(`${month}-01T00:00:00Z`) - 1)}T23:`;
    if (repeated.length !== overlap || repeated.some((r) => !r.created_at.startsWith(lastHour))) {
      throw new Error(`fewer than ${overlap} tweets in the last hour before ${month}`);
    }
    return { name: `tweets-${month}.csv`, content: toCsv([...repeated, ...rows]) };
  });
}

/**
 * The weekly series the allocation fixes (the same for every seed): tweets
 * referencing #KeepCorbyn, tweets referencing SavingLabour/SaveLabour, and the
 * gap. Throws unless the largest gap exceeds 8,000 while the mean stays well
 * below it and the last week's gap is smaller than the largest.
 */
export function weeklyPlan(): { week: string; kc: number; sl: number; gap: number }[] {
  const weeks = new Map<string, { week: string; kc: number; sl: number; gap: number }>();
  for (const slot of allocate()) {
    const week = isoDate(+utcMonday.floor(new Date(slot.hour)));
    const row = weeks.get(week) ?? { week, kc: 0, sl: 0, gap: 0 };
    if (slot.category !== 'sl') row.kc += slot.count;
    if (slot.category !== 'kc') row.sl += slot.count;
    row.gap = row.kc - row.sl;
    weeks.set(week, row);
  }
  const rows = [...weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
  const gaps = rows.map((r) => r.gap);
  const max = Math.max(...gaps);
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  const last = rows.at(-1)?.gap ?? Number.NaN;
  if (!(max > 8000 && mean < 0.5 * max && last < max)) throw new Error(`weekly calibration off: max ${max}, mean ${mean}, last ${last}`);
  return rows;
}

function main(): void {
  console.table(weeklyPlan());
  const tweets = generateTweets();
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const files = renderFiles(tweets);
  for (const name of readdirSync(OUTPUT_DIR)) {
    if (/^tweets-.*\.csv$/.test(name) && !files.some((f) => f.name === name)) unlinkSync(new URL(name, OUTPUT_DIR));
  }
  for (const { name, content } of files) {
    writeFileSync(new URL(name, OUTPUT_DIR), content);
    console.log(`${name}: ${Buffer.byteLength(content)} bytes, ${content.split('\n').length - 2} rows`);
  }
  console.log(`${tweets.length} unique tweets (seed ${DEFAULT_SEED})`);
}

if (import.meta.main) main();
