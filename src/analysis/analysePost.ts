/**
 * Everything a post can print or chart, computed from its datasets and its
 * frontmatter. Pure: the datasets come in already loaded, and problems are
 * reported through `fail(path, message)` so the caller can point at the line
 * of the frontmatter that caused them.
 *
 *   datasets + campaigns ─┬─ campaignStatistics ─┬─ volume ─ shareOfVoice ─ values, tables
 *                         │                      └─ weekly ─ weeklyGap ───── values, tables
 *   datasets + values ────┴─ pick / share / sum / count / ratio ─── values
 *                              └─ projection ──────────────────────── values, tables
 */
import { sum } from 'd3-array';
import type { Account, Cell, Dataset, Post, PostsDataset, Row } from '../data/types.ts';
import { PostIdInTwoDatasets, type PostIn, PostsDatasetsInvalid, type PostsProblem } from '../errors.ts';
import { joinNames } from '../joinNames.ts';
import type { Frontmatter, TableDefinition, ValueDefinition } from '../markdown/frontmatter.ts';
import { didYouMean, nearestKeys } from '../nearest.ts';
import { asText, formatValue } from '../render/format.ts';
import { isolate, isolatedIfDirectional } from '../render/isolate.ts';
import { campaignStatistics } from './campaignAccumulator.ts';
import { hashtagKey } from './campaignMatcher.ts';
import { type CampaignPosts, campaignPosts } from './campaignPosts.ts';
import { extreme } from './extreme.ts';
import { cellText, computeTable, describeRow, type TableSource } from './frontmatterTables.ts';
import { keynessKeys, keynessValues } from './keyness.ts';
import { pick } from './pick.ts';
import { PostValues } from './postValues.ts';
import { projection } from './projection.ts';
import { ratio } from './ratio.ts';
import { share } from './share.ts';
import { shareOfVoice } from './shareOfVoice.ts';
import { STOPWORD_LANGUAGES, STOPWORDS, stopwordsFor } from './stopwords.ts';
import type { Campaign } from './types.ts';
import { DEFAULT_FORMAT, type Value, type ValueType } from './value.ts';
import { type CountedWeeks, type PartialWeek, weekCoverage, wholeWeeks } from './weekCoverage.ts';
import { type WeeklyGap, weeklyGap } from './weeklyGap.ts';
import { heldValues, where } from './where.ts';

export interface Table {
  rows: Row[];
  /** Column formats for the fallback data table. */
  formats: Record<string, string>;
  /**
   * Readers' headers for its columns, so that `::table` and a chart's data table head it alike: a table the analysis
   * makes carries them for the columns Soundings names (`share`, `absError`); one derived under `tables` carries
   * those of the columns it keeps from its source, a renamed column's, and those its definition's `headers` gives
   * (frontmatterTables.ts). A column without one is headed by its name as words ("Valid votes": dataTable.ts), and
   * `headers="…"` on the directive wins over all of them.
   */
  headers?: Record<string, string>;
  /** How the table was made, for the methods section. */
  definition: string;
}

export interface PostAnalysis {
  values: Map<string, Value>;
  tables: Map<string, Table>;
  campaigns: Campaign[];
  /**
   * The posts the campaign figures count, if any: one posts dataset's, or several's counted together (`posts: [a, b]`,
   * campaignPosts.ts). Every reader of posts reads its `rows` (the hashtag warnings, the word clouds), so that all
   * count the same posts the figures do.
   */
  posts?: CampaignPosts;
  /** The aliases of the post's posts datasets, which are not tables (for messages). */
  postsAliases: string[];
  /** The words the post's word clouds and keyness leave out (its `stopwords` languages' lists: {@link postStopwords}). */
  stopwords: ReadonlySet<string>;
  /**
   * The weeks the weekly means are taken over, and the weekly gap with its two campaigns (when there are two), for the
   * warnings about them (leadChanges.ts, silentWeeks.ts: remarkSoundings.ts); set when there are campaigns.
   */
  weekly?: { counted: CountedWeeks; gap?: { a: Campaign; b: Campaign; weeks: WeeklyGap } };
}

/**
 * Reports a problem at `path` of the frontmatter and stops the analysis. `as`: the catalogue entry (errors.ts) it is
 * reported as, when it is not one the path's section implies (a value's, a table's, the frontmatter's in general).
 */
export type Fail = (path: (string | number)[], message: string, as?: { name: string; title: string; hint: string }) => never;

const thousands = (n: number) => n.toLocaleString('en-GB');
/**
 * How a name (a dataset, an account, a campaign, a cell) goes into text: isolated in definitions, which the site
 * prints (src/render/isolate.ts), as it is in messages, which a terminal prints and a writer copies from.
 */
type Naming = (name: string) => string;
const plain: Naming = (name) => name;
/**
 * Why a campaign that no post uses is refused: every number about it would be 0 (its share, its weeks, the gap), which
 * a mistyped hashtag (#CleanHarbor for #CleanHarbour) makes look like a finding. The message names the dataset's
 * hashtags closest to the campaign's, with how many posts use each.
 */
function noPostUses(campaign: Campaign, posts: readonly Post[], datasets: readonly string[], campaigns: readonly Campaign[]): string {
  const key = hashtagKey; // as campaigns match hashtags
  // Another campaign's hashtags are that campaign's: not suggested.
  const listed = new Set(campaigns.flatMap((c) => c.hashtags.map(key)));
  const used = new Map<string, { spelling: string; posts: number }>();
  for (const post of posts)
    for (const tag of new Set(post.hashtags.map(key))) {
      if (listed.has(tag)) continue;
      const seen = used.get(tag);
      if (seen) seen.posts++;
      else used.set(tag, { spelling: post.hashtags.find((h) => key(h) === tag) as string, posts: 1 });
    }
  const near = [...new Set(campaign.hashtags.flatMap((h) => nearestKeys(key(h), used.keys())))].slice(0, 3).map((tag) => {
    const { spelling, posts: n } = used.get(tag) as { spelling: string; posts: number };
    return `#${spelling} (${thousands(n)} ${n === 1 ? 'post' : 'posts'})`;
  });
  const tags = campaign.hashtags.map((h) => `#${h}`).join(', ');
  const closest = near.length > 0 ? ` The closest hashtags in the data: ${near.join(', ')}.` : '';
  return `no post of ${datasets.map((d) => `"${d}"`).join(' or ')} (${thousands(posts.length)} posts) uses ${tags}, so every number about ${campaign.label} would be 0.${closest} Hashtags match exactly apart from case: list the spellings the posts use; if no post really used the campaign's hashtags, leave the campaign out and say so in the prose.`;
}

/** A posts dataset a post counts its campaigns on: its alias, and where the frontmatter names it. */
interface Listed {
  alias: string;
  path: (string | number)[];
}

/**
 * The posts datasets a post counts its campaigns on, in the order it lists them, each at the place that names it:
 * `posts` as written (one alias, at `posts`; a list, each alias at its item), or else the post's one posts dataset.
 * Without `posts`, a post with several posts datasets and campaigns is refused rather than given one of them, or all:
 * which it meant cannot be told, and either guess would print numbers of data the writer did not choose; the message
 * gives both ways of writing it. With no campaigns it counts none, and `posts` is only checked.
 *
 * Decided: an alias is checked here, not in the frontmatter's schema, because whether it is a posts dataset is known
 * only once its manifest is read; every problem is reported at the item as PostsDatasetsInvalid.
 */
function postsListed(
  written: string | string[] | undefined,
  datasets: Record<string, Dataset>,
  aliases: readonly string[],
  hasCampaigns: boolean,
  fail: Fail,
): Listed[] | undefined {
  const problem = (path: (string | number)[], p: PostsProblem) => fail(path, PostsDatasetsInvalid.message(p), PostsDatasetsInvalid);
  if (written === undefined) {
    const [only] = aliases;
    if (aliases.length === 1 && only !== undefined) return [{ alias: only, path: ['datasets', only] }];
    if (!hasCampaigns) return undefined;
    // Where the problem is written: there is no "posts" key to point at.
    return aliases.length === 0 ? problem(['campaigns'], { problem: 'none' }) : problem(['datasets'], { problem: 'several', aliases });
  }
  const items: Listed[] =
    typeof written === 'string' ? [{ alias: written, path: ['posts'] }] : written.map((alias, i) => ({ alias, path: ['posts', i] }));
  if (items.length === 0) problem(['posts'], { problem: 'empty', aliases });
  items.forEach(({ alias, path }, i) => {
    const dataset = Object.hasOwn(datasets, alias) ? datasets[alias] : undefined;
    if (!dataset) problem(path, { problem: 'unknown', alias, aliases });
    else if (dataset.kind !== 'posts') problem(path, { problem: 'notPosts', alias, kind: dataset.kind, id: dataset.id, aliases });
    const first = items.findIndex((item) => item.alias === alias);
    if (first < i) problem(path, { problem: 'twice', alias, first });
  });
  return items;
}

/** "pollster = YouGov, date = 2016-08-30", or "note is empty" for a null (an empty cell), as the methods print it. */
const describeFilter = (filter: Record<string, Cell>, name = plain) =>
  Object.entries(filter)
    .map(([k, v]) => (v === null ? `${k} is empty` : `${k} = ${name(asText(v))}`))
    .join(', ') || 'all rows';
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** "3 days", "1 day". */
const dayCount = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
/** "partial week of 2016-06-27 (3 days of 7)", "partial weeks of 2016-06-27 (3 days of 7) and 2016-09-19 (1 day of 7)". */
const partialWeeks = (weeks: readonly PartialWeek[]) =>
  `partial ${weeks.length === 1 ? 'week' : 'weeks'} of ${joinNames(weeks.map((w) => `${isoDay(w.week)} (${dayCount(w.days)} of 7)`))}`;
/**
 * What a weekly mean is over, as its definition says: "over 11 whole ISO weeks; the partial week of 2016-06-27 (3 days
 * of 7) left out", or, when no week is whole, "over 2 ISO weeks, none of them whole".
 */
const overWeeks = (counted: CountedWeeks) =>
  counted.whole
    ? `over ${counted.weeks.length} whole ISO ${counted.weeks.length === 1 ? 'week' : 'weeks'}${
        counted.leftOut.length > 0 ? `; the ${partialWeeks(counted.leftOut)} left out` : ''
      }`
    : `over ${counted.weeks.length} ISO ${counted.weeks.length === 1 ? 'week' : 'weeks'}, none of them whole (the data covers no whole week, so partial weeks are counted)`;
/** " The weeks of A and B tie for it; the earliest is named." when more than one week holds the largest figure. */
const tiedWeeks = (weeks: readonly Date[]) =>
  weeks.length > 1 ? ` The weeks of ${joinNames(weeks.map(isoDay))} tie for it; the earliest is named.` : '';

export function analysePost(
  frontmatter: Frontmatter,
  datasets: Record<string, Dataset>,
  fail: Fail,
  site: { language?: string | undefined } = {},
): PostAnalysis {
  const values = new PostValues();
  const tables = new Map<string, Table>();
  const campaigns: Campaign[] = frontmatter.campaigns;

  const set = (key: string, value: Value['value'], type: ValueType, definition: string, label?: string, inputs?: string[]) => {
    if (values.has(key)) fail(['values'], `The key "${key}" is defined twice.`);
    values.set(key, {
      key,
      value,
      type,
      definition,
      ...(label === undefined ? {} : { label }),
      ...(inputs === undefined ? {} : { inputs }),
    });
  };

  // ---- datasets: row counts, accounts, raw tables
  for (const [alias, dataset] of Object.entries(datasets)) {
    set(`${alias}.rows`, dataset.rows.length, 'count', `Rows in dataset ${isolate(dataset.id)}, after removing duplicate ids.`);
    if (dataset.kind === 'accounts') {
      for (const account of dataset.rows) {
        set(
          `${alias}.${account.id}`,
          account.followers,
          'audience',
          `Followers of ${isolate(account.name)} on ${isolate(account.platform)}, from dataset ${isolate(dataset.id)}.`,
          account.name,
        );
      }
      tables.set(alias, {
        rows: dataset.rows.map((a: Account) => {
          const campaign = campaigns.find((c) => c.id === a.campaign);
          return { ...a, campaign: campaign ? campaign.label : null };
        }),
        formats: { followers: 'thousands' },
        definition: `The rows of dataset ${isolate(dataset.id)}; "campaign" is the label of the post’s campaign whose id the row names.`,
      });
    } else if (dataset.kind === 'table') {
      tables.set(alias, { rows: dataset.rows, formats: {}, definition: `The rows of dataset ${isolate(dataset.id)}.` });
    }
  }

  // ---- posts and campaigns
  const postAliases = Object.entries(datasets)
    .filter(([, d]) => d.kind === 'posts')
    .map(([alias]) => alias);
  let stopwords = STOPWORDS;
  const listed = postsListed(frontmatter.posts, datasets, postAliases, campaigns.length > 0, fail);
  let counted: CampaignPosts | undefined;
  let weeklyFound: PostAnalysis['weekly'];
  if (listed) {
    const combined = campaignPosts(listed.map(({ alias }) => datasets[alias] as PostsDataset));
    if ('reused' in combined) {
      const { id, first, again, more } = combined.reused;
      const at = (n: { dataset: number; time: number }): PostIn => {
        const { alias } = listed[n.dataset] as Listed;
        return { dataset: (datasets[alias] as PostsDataset).id, alias, time: n.time };
      };
      fail((listed[again.dataset] as Listed).path, PostIdInTwoDatasets.message(id, at(first), at(again), more), PostIdInTwoDatasets);
    }
    counted = combined.posts;
    analysePosts(counted);
  }

  function analysePosts(counted: CampaignPosts) {
    const posts = counted.rows;
    const several = counted.datasets.length > 1;
    const ids = counted.datasets.map((d) => d.id);
    // One dataset is named as every definition names a dataset (its id, isolated); several each in quotes, so that
    // "Posts in “a” and “b” that use…" does not run the ids into the sentence.
    const named = several ? joinNames(ids.map((id) => `“${isolate(id)}”`)) : isolate(ids[0] as string);
    /** " in “a” and “b”", for the definitions that name no dataset when a post counts one (as they did before). */
    const within = several ? ` in ${named}` : '';
    const [firstNamed, ...laterNamed] = ids.map((id) => `“${isolate(id)}”`);
    set(
      'posts.duplicates',
      counted.duplicates + counted.shared,
      'count',
      several
        ? `Records whose id had already been read, each counted once: within a dataset (earlier in the same file or in an earlier one), ${joinNames(
            counted.datasets.map((d) => `${thousands(d.duplicates)} of “${isolate(d.id)}”`),
          )}; and ${thousands(counted.shared)} ${counted.shared === 1 ? 'post' : 'posts'} of ${
            ids.length === 2 ? `${laterNamed[0]} that ${firstNamed} holds too` : 'a dataset that one listed before it holds too'
          } (posts.shared).`
        : `Records of ${named} whose id had already been read (earlier in the same file or in an earlier one); each counted once.`,
    );
    if (several)
      set(
        'posts.shared',
        counted.shared,
        'count',
        `Posts that ${ids.length === 2 ? `both ${named} hold` : `more than one of ${named} hold`}, counted once: the same id for the same post (times at most a second apart; an id that is a URI, or a repost's, whatever its times), kept as the dataset listed first under “posts” has it, at the earliest time any copy gives.`,
      );
    set(
      'posts.deleted',
      counted.deleted,
      'count',
      several
        ? `Posts left out because the exports say they were deleted (a v1.1 stream’s delete notices), with their reposts: ${joinNames(
            counted.datasets.map((d) => `${thousands(d.deleted)} of “${isolate(d.id)}”`),
          )}.`
        : `Posts of ${named} left out because the export says they were deleted (a v1.1 stream’s delete notices), with their reposts.`,
    );
    if (campaigns.length === 0) return;
    // One pass over the posts (src/analysis/campaignAccumulator.ts), memoised for posts sharing a dataset:
    // the same counts campaignVolume and weeklyVolume define.
    const statistics = campaignStatistics(posts, campaigns);
    const { volume, weekly } = statistics;
    volume.campaigns.forEach((row, i) => {
      if (row.any === 0) fail(['campaigns', i, 'hashtags'], noPostUses(campaigns[i] as Campaign, posts, ids, campaigns));
    });
    const tagList = (c: Campaign) => c.hashtags.map((h) => isolate(`#${h}`)).join(' or ');
    set(
      'posts.total',
      volume.total,
      'count',
      `Posts in ${named} that use the hashtags of at least one campaign (${campaigns.map(tagList).join('; ')}), matched case-insensitively, each post counted once${several ? ', one that more than one of them holds too (posts.shared)' : ''}.`,
    );
    set('posts.unmatched', volume.unmatched, 'count', `Posts in ${named} that use no campaign hashtag; left out of every share.`);
    // Word-cloud terms and keyness (src/analysis/keyness.ts): terms.<id>.top, keyness.<a>.<b>.top|shared|count,
    // counted when one is first read: counting reads every text, and many posts print none of them.
    stopwords = postStopwords(frontmatter, fail, site.language);
    values.later(keynessKeys(campaigns), () => {
      // `stopwords` is set once, above, before anything can read these.
      const together = several ? ` Counted over the posts of ${named} together.` : '';
      for (const v of keynessValues(posts, campaigns, { stopwords })) set(v.key, v.value, v.type, `${v.definition}${together}`, v.label);
    });
    const { first, last } = statistics;
    if (first !== undefined && last !== undefined) {
      set('posts.first', new Date(first), 'date', `Time of the earliest post in ${named}, UTC.`);
      set('posts.last', new Date(last), 'date', `Time of the latest post in ${named}, UTC.`);
    }
    set('posts.authors', statistics.authors, 'count', `Distinct authors of the posts${within} that use at least one campaign’s hashtags.`);
    for (const c of volume.campaigns) {
      set(
        `campaigns.${c.id}.posts`,
        c.any,
        'count',
        `Posts${within} using ${tagList(campaigns.find((x) => x.id === c.id) as Campaign)}, whether or not they also use another campaign’s hashtags.`,
        c.label,
      );
      set(
        `campaigns.${c.id}.only`,
        c.only,
        'count',
        `Posts${within} using the hashtags of ${isolate(c.label)} and of no other campaign.`,
        c.label,
      );
    }
    set('campaigns.overlap.posts', volume.overlap, 'count', `Posts${within} using the hashtags of two or more campaigns.`);
    const shares = shareOfVoice(volume);
    // No post with several campaigns' hashtags: no overlap row in the share-of-voice table and chart, but the key a post
    // may print still says so (0.0%).
    if (volume.overlap === 0)
      set(
        'campaigns.overlap.share',
        ratio(0, volume.total),
        'share',
        `Posts${within} using the hashtags of two or more campaigns ÷ posts using any campaign’s hashtags = 0 ÷ ${thousands(volume.total)}.`,
      );
    for (const row of shares) {
      const definition =
        row.id === 'overlap'
          ? `Posts${within} using the hashtags of two or more campaigns ÷ posts using any campaign’s hashtags = ${thousands(row.posts)} ÷ ${thousands(volume.total)}.`
          : `Posts${within} using ${isolate(row.label)}’s hashtags and no other campaign’s ÷ posts using any campaign’s hashtags = ${thousands(row.posts)} ÷ ${thousands(volume.total)}. Posts that use several campaigns’ hashtags form their own share, so the shares add up to 100%.`;
      set(`campaigns.${row.id}.share`, row.share, 'share', definition, row.label);
    }
    tables.set('share-of-voice', {
      rows: shares.map((r) => ({ campaign: r.label, posts: r.posts, share: r.share })),
      formats: { posts: 'thousands', share: 'percent' },
      // Column headers, not the chart's axis titles: "Share of campaign posts" names the chart's scale, and beside
      // "Posts" in a table's header row it said twice what the caption says once. A chart's data table heads the
      // columns so too (chart.ts: a table's own headers win over its spec's titles), so ::table and it agree.
      headers: { campaign: 'Campaign', posts: 'Posts', share: 'Share' },
      definition: `Share of voice: each campaign’s exclusive posts ÷ all campaign posts${within}; posts with several campaigns’ hashtags form their own row.`,
    });

    // The days of a week the data covers: one dataset's, from its first post's day to its last's; several datasets',
    // the days every one of them covers (CampaignPosts.covered), so that a week one platform's export covers in part
    // is drawn as partial rather than read as a drop. Weekly rows exist only when there are posts, so first and last
    // are set.
    const covered = several ? counted.covered : ([first, last] as [number, number]);
    const days = (week: Date) => (covered ? weekCoverage(week, covered[0], covered[1]) : 0);
    tables.set('weekly', {
      rows: weekly.map((w) => ({
        week: w.week,
        campaign: w.label,
        posts: w.posts,
        days: days(w.week),
      })),
      formats: { posts: 'thousands' },
      // "Days of 7" (as the chart labels a partial week, "3 days of 7"), not "Days with data": a day the period covers
      // counts whether it has posts or not; and short words, so the table fits a 320 px phone ("covered" did not).
      headers: { week: 'Week beginning', campaign: 'Campaign', posts: 'Posts', days: 'Days of 7' },
      definition: several
        ? `Posts${within} per ISO week (Monday 00:00 UTC to Sunday 23:59:59 UTC) using each campaign’s hashtags; a post with several campaigns’ hashtags counts in each. The "days" column is how many of the week’s seven days lie within the period of every one of the datasets (${counted.datasets
            .map(
              (d) =>
                `“${isolate(d.id)}” ${d.period ? `${isoDay(new Date(d.period[0]))} to ${isoDay(new Date(d.period[1]))}` : 'none: it has no posts'}`,
            )
            .join(
              '; ',
            )}; each from the UTC day of its first post to that of its last): fewer than 7 in a week one of them covers only in part, whose count is of those days only for it.`
        : 'Posts per ISO week (Monday 00:00 UTC to Sunday 23:59:59 UTC) using each campaign’s hashtags; a post with several campaigns’ hashtags counts in each. The "days" column is how many of the week’s seven days lie within the data’s period (the UTC day of its first post to that of its last): fewer than 7 in a partial first or last week, whose count is of those days only.',
    });
    const weeks = new Set(weekly.map((w) => w.week.getTime())).size;
    set(
      'weekly.weeks',
      weeks,
      'count',
      several
        ? `ISO weeks (Monday to Sunday, UTC) from the week of the first post in any of ${named} to the week of the last (any post, with a campaign’s hashtags or not), including partial weeks.`
        : 'ISO weeks (Monday to Sunday, UTC) from the week of the dataset’s first post to the week of its last (any post, with a campaign’s hashtags or not: the period the data covers), including partial weeks.',
    );
    // The means and the latest gap are over the whole weeks, when there is one (weekCoverage.ts, wholeWeeks).
    const meanWeeks = wholeWeeks(
      weekly.map((w) => w.week),
      days,
    );
    weeklyFound = { counted: meanWeeks };
    const whole = meanWeeks.whole ? meanWeeks.weeks.length : 0;
    set(
      'weekly.wholeWeeks',
      whole,
      'count',
      `ISO weeks of the ${weeks} (weekly.weeks) whose seven days all lie within ${several ? 'the period of every one of the datasets' : 'the data’s period'}: the weekly means and the latest gap are taken over these${
        meanWeeks.leftOut.length > 0 ? `, leaving out the ${partialWeeks(meanWeeks.leftOut)}` : ''
      }.${whole === 0 ? ' None is whole, so they are taken over every week.' : ''}`,
    );
    const over = overWeeks(meanWeeks);
    const includingPartial =
      meanWeeks.leftOut.length > 0
        ? ` Partial weeks are included: a partial week’s count is a real one, of fewer days, so a largest count in one is the largest over a whole week too.`
        : '';
    const kept = new Set(meanWeeks.weeks.map(Number));
    for (const c of campaigns) {
      const rows = weekly.filter((w) => w.campaign === c.id);
      const max = rows.reduce<(typeof rows)[number] | undefined>((best, w) => (!best || w.posts > best.posts ? w : best), undefined);
      const meanRows = rows.filter((w) => kept.has(+w.week));
      set(
        `weekly.${c.id}.mean`,
        sum(meanRows, (w) => w.posts) / (meanRows.length || Number.NaN),
        'mean',
        `Mean posts${within} a week using ${isolate(c.label)}’s hashtags, ${over}.`,
        c.label,
      );
      if (max) {
        set(
          `weekly.${c.id}.max`,
          max.posts,
          'count',
          `The most posts${within} using ${isolate(c.label)}’s hashtags in one ISO week (week of ${isoDay(max.week)}), over all ${weeks} weeks.${tiedWeeks(
            rows.filter((w) => w.posts === max.posts).map((w) => w.week),
          )}${includingPartial}`,
          c.label,
        );
        set(
          `weekly.${c.id}.max.week`,
          max.week,
          'date',
          `The Monday starting the ISO week with the most posts using ${isolate(c.label)}’s hashtags.`,
          c.label,
        );
      }
    }
    const pair = frontmatter.gap ?? (campaigns.length >= 2 ? [campaigns[0]?.id, campaigns[1]?.id] : undefined);
    if (pair) {
      const [a, b] = pair as [string, string];
      for (const [i, cid] of [a, b].entries()) {
        if (!campaigns.some((c) => c.id === cid)) fail(['gap', i], `"${cid}" is not one of this post's campaign ids.`);
      }
      const gap = weeklyGap(weekly, a, b, days);
      weeklyFound.gap = { a: campaigns.find((c) => c.id === a) as Campaign, b: campaigns.find((c) => c.id === b) as Campaign, weeks: gap };
      const la = isolate(campaigns.find((c) => c.id === a)?.label ?? a);
      const lb = isolate(campaigns.find((c) => c.id === b)?.label ?? b);
      const gapDef = `the absolute difference between posts${within} using ${la}’s hashtags and posts using ${lb}’s in one ISO week (UTC)`;
      set('weekly.gap.mean', gap.mean, 'mean', `Mean of ${gapDef}, ${overWeeks(gap.counted)}.`);
      set(
        'weekly.gap.lead.mean',
        gap.lead,
        'mean',
        `Mean of posts${within} using ${la}’s hashtags minus posts using ${lb}’s in one ISO week (UTC), ${overWeeks(gap.counted)}: positive when ${la} posted more on average, negative when ${lb} did.`,
      );
      if (gap.max) {
        set(
          'weekly.gap.max',
          gap.max.gap,
          'count',
          `The largest, over all ${gap.weeks.length} ISO weeks, of ${gapDef}; it was in the week of ${isoDay(gap.max.week)}.${tiedWeeks(
            gap.weeks.filter((w) => w.gap === gap.max?.gap).map((w) => w.week),
          )}${includingPartial}`,
        );
        set('weekly.gap.max.week', gap.max.week, 'date', 'The Monday starting the ISO week with the largest gap.');
      }
      if (gap.latest) {
        const { week, after } = gap.latest;
        const Gap = `${gapDef[0]?.toUpperCase()}${gapDef.slice(1)}`;
        set(
          'weekly.gap.latest',
          gap.latest.gap,
          'count',
          gap.counted.whole
            ? `${Gap}, in the latest whole week (week of ${isoDay(week)})${after.length > 0 ? `; the later ${partialWeeks(after)} left out` : ''}.`
            : `${Gap}, in the latest week (week of ${isoDay(week)}, ${dayCount(days(week))} of 7: the data covers no whole week).`,
        );
        set(
          'weekly.gap.latest.week',
          week,
          'date',
          gap.counted.whole
            ? 'The Monday starting the latest ISO week the data covers whole.'
            : 'The Monday starting the latest ISO week with posts (the data covers no whole week).',
        );
      }
    }
  }

  // ---- named values and computed tables: each is computed when first needed,
  // so values may read tables and tables may score values; cycles are reported.
  const defs = frontmatter.values;
  const tableDefs = frontmatter.tables;
  const resolving = new Set<string>();
  for (const name of Object.keys(tableDefs)) {
    if (tables.has(name) || name in datasets || (name === 'projection' && frontmatter.projection)) {
      fail(['tables', name], 'is already the name of a dataset alias or a computed table of this post; choose another name.');
    }
  }
  const tableNames = () =>
    [
      // The tables hold every accounts and table dataset under its alias already.
      ...new Set([...tables.keys(), ...Object.keys(tableDefs), ...(frontmatter.projection ? ['projection'] : [])]),
    ].sort();
  /** A dataset alias (not posts) or a table, computed first if it is defined under `tables` or is the projection. */
  const source = (alias: string): TableSource | undefined => {
    if (Object.hasOwn(tableDefs, alias)) resolveTable(alias);
    else if (alias === 'projection') resolveProjection();
    const dataset = datasets[alias];
    if (dataset && dataset.kind !== 'posts') {
      return {
        rows: dataset.rows as Row[],
        formats: {},
        definition: `The rows of dataset ${isolate(dataset.id)}.`,
        what: `dataset ${dataset.id}`,
        named: `dataset ${isolate(dataset.id)}`,
      };
    }
    const computed = tables.get(alias);
    return computed ? { ...computed, what: `table "${alias}"`, named: `table "${alias}"` } : undefined;
  };
  /** How definitions name what a value reads: the dataset id (as before tables existed), or `table "name"`. */
  const nameOf = (alias: string, name = plain) => {
    const dataset = datasets[alias];
    return dataset ? name(dataset.id) : `table "${alias}"`;
  };
  /** "the rows of X where a = 1", or "all rows of X". */
  const rowsOf = (alias: string, filter: Record<string, Cell>, name = plain) =>
    Object.keys(filter).length > 0
      ? `the rows of ${nameOf(alias, name)} where ${describeFilter(filter, name)}`
      : `all rows of ${nameOf(alias, name)}`;
  const table = (name: string, alias: string, key: string): TableSource => {
    if (datasets[alias]?.kind === 'posts')
      fail(['values', name, key], `reads "${alias}", a posts dataset; use the campaign keys for posts.`);
    const found = source(alias);
    if (!found) {
      fail(
        ['values', name, key],
        Object.keys(tableDefs).length === 0
          ? `reads dataset alias "${alias}", which is not under "datasets".${didYouMean(alias, Object.keys(datasets))}`
          : `reads "${alias}", which is neither a dataset alias under "datasets" nor a table (known: ${tableNames().join(', ')}).${didYouMean(alias, [...Object.keys(datasets), ...tableNames()])}`,
      );
    }
    return found;
  };
  // Every row of a table or dataset has the same columns (a manifest's, or a computed table's).
  const columnsOf = (rows: Row[]) => Object.keys(rows[0] as Row);
  const checkColumn = (name: string, rows: Row[], column: string, key: string) => {
    if (rows.length > 0 && !(column in (rows[0] as Row))) {
      fail(
        ['values', name, key === 'column' ? 'column' : key],
        `reads column "${column}", which the dataset does not have (it has ${columnsOf(rows).join(', ')}).`,
      );
    }
  };
  /** A filter on a column the rows do not have would match nothing, silently: a count of 0, a sum of 0. */
  const checkFilter = (name: string, rows: Row[], filter: Record<string, Cell>, key: 'where' | 'of') => {
    if (rows.length === 0) return;
    for (const column of Object.keys(filter)) {
      if (!(column in (rows[0] as Row))) {
        fail(
          ['values', name, key, column],
          `filters on column "${column}", which the dataset does not have (it has ${columnsOf(rows).join(', ')}). Column names are case-sensitive.`,
        );
      }
    }
  };
  /**
   * A filter that keeps no row would print 0 (a count, a sum, a share of nothing) as if it were a finding: refused,
   * naming what the filtered columns hold, as a directive's `where` is (filterRows.ts). A value that is truly zero
   * is then written in the prose. `of` is matched within the rows `where` keeps.
   */
  const checkMatches = (name: string, alias: string, rows: Row[], filter: Record<string, Cell>, key: 'where' | 'of') => {
    if (rows.length === 0 || Object.keys(filter).length === 0 || where(rows, filter).length > 0) return;
    const among =
      key === 'of'
        ? `an "of" that keeps none of the ${thousands(rows.length)} rows its "where" keeps`
        : `a "where" that keeps no row of "${alias}" (${thousands(rows.length)} rows)`;
    fail(['values', name, key], `has ${among}: ${heldValues(rows, filter)}. Values match exactly, in case and spelling.`);
  };
  /** A sum over text or dates would be a number with no meaning (d3's sum reads "12" as 12, a date as its milliseconds). */
  const checkSummable = (name: string, rows: Row[], filter: Record<string, Cell>, column: string, verb: string) => {
    const matched = new Set(where(rows, filter));
    const index = rows.findIndex((r) => matched.has(r) && r[column] !== null && r[column] !== undefined && typeof r[column] !== 'number');
    const bad = rows[index];
    if (bad)
      fail(
        ['values', name, 'column'],
        `${verb} column "${column}", but ${describeRow(bad, index)} holds ${cellText(bad[column])}, not a number. Choose a column of numbers, or leave such rows out with "where".`,
      );
  };
  /** "empty", "2016-08-30, a date", "\"YouGov\", a text": a cell that is not a number, as a message names it. */
  const notNumber = (v: Cell | Date | string) =>
    v === null
      ? 'empty'
      : v instanceof Date
        ? `${asText(v)}, a date`
        : typeof v === 'string'
          ? `"${v}", a text`
          : `${String(v)}, a ${typeof v}`;
  /** `what` says what the value reads: 'picks "votes"', 'reads "a"'. */
  const numeric = (name: string, path: (string | number)[], v: Cell, what: string, hint = ''): number => {
    if (typeof v !== 'number') fail(['values', name, ...path], `${what}, which is ${notNumber(v)}, not a number.${hint}`);
    return v;
  };
  /** The value `key`, computing it (or the projection) first if needed; fails at `path` when there is none. */
  const lookup = (key: string, path: (string | number)[]): Value => {
    const base = key.split('.')[0] as string;
    if (Object.hasOwn(defs, base) && !values.has(base)) resolve(base);
    if (key.startsWith('projection.')) resolveProjection();
    const value = values.get(key);
    if (!value) fail(path, `refers to "${key}", which is not a known key.`);
    return value;
  };
  const resolveKey = (name: string, key: string, index: number): Value => lookup(key, ['values', name, index]);
  function resolveTable(name: string) {
    if (tables.has(name)) return;
    if (resolving.has(`table:${name}`)) fail(['tables', name], 'depends on itself.');
    resolving.add(`table:${name}`);
    const def = tableDefs[name] as TableDefinition;
    const known = () => tableNames().filter((n) => n !== name);
    const isPosts = (alias: string) => datasets[alias]?.kind === 'posts';
    tables.set(name, computeTable(name, def, { source, known, isPosts, value: lookup, fail }));
    resolving.delete(`table:${name}`);
  }
  function resolve(name: string) {
    if (values.has(name)) return;
    if (resolving.has(name)) fail(['values', name], 'depends on itself.');
    resolving.add(name);
    const def = defs[name] as ValueDefinition;
    const scale = def.scale ?? 1;
    const scaled = scale === 1 ? '' : ` × ${scale}`;
    let value: Value['value'];
    let type: ValueType;
    let definition: string;
    let rowName: { value: Value['value']; type: ValueType; definition: string } | undefined;
    if ('pick' in def) {
      const src = table(name, def.pick, 'pick');
      const rows = src.rows;
      checkColumn(name, rows, def.column, 'column');
      checkFilter(name, rows, def.where, 'where');
      checkMatches(name, def.pick, rows, def.where, 'where');
      const result = pick(rows, def.where, def.column);
      if (!result.ok)
        fail(
          ['values', name, 'where'],
          `matches ${result.matches} rows of "${def.pick}" where ${describeFilter(def.where)}; it must match exactly one.`,
        );
      const cell = result.value;
      const picks = `picks "${def.column}" from the row of "${def.pick}" where ${describeFilter(def.where)}`;
      if (def.type === 'date' || def.type === 'text') {
        // A date or a text is printed as it is: nothing to scale.
        if (def.scale !== undefined)
          fail(['values', name, 'scale'], `has "type: ${def.type}", and only a number can be scaled; remove "scale".`);
        const fits = def.type === 'date' ? cell instanceof Date : typeof cell === 'string' && cell !== '';
        if (!fits)
          fail(
            ['values', name, 'type'],
            `${picks}, which is ${notNumber(cell)}, not a ${def.type}. Pick a ${def.type} cell, or remove "type: ${def.type}".`,
          );
        value = cell as Date | string;
      } else {
        const hint =
          cell instanceof Date
            ? ' Add "type: date" to print it as a date.'
            : typeof cell === 'string'
              ? ' Add "type: text" to print it as it is.'
              : '';
        value = numeric(name, ['column'], cell, picks, hint) * scale;
      }
      type = def.type ?? typeOfFormat(src.formats[def.column]) ?? 'number';
      definition = `"${def.column}" of the one row of ${nameOf(def.pick, isolate)} where ${describeFilter(def.where, isolate)}${scaled}.`;
    } else if ('share' in def) {
      const rows = table(name, def.share, 'share').rows;
      checkColumn(name, rows, def.column, 'column');
      checkFilter(name, rows, def.where, 'where');
      checkFilter(name, rows, def.of, 'of');
      checkMatches(name, def.share, rows, def.where, 'where');
      checkMatches(name, def.share, where(rows, def.where), def.of, 'of');
      checkSummable(name, rows, def.where, def.column, 'shares');
      const r = share(rows, def.column, def.where, def.of);
      if (r.denominator === 0)
        fail(['values', name, 'where'], `has no "${def.column}" to share: no rows of "${def.share}" match ${describeFilter(def.where)}.`);
      value = r.value * scale;
      type = def.type ?? 'share';
      definition = `Sum of "${def.column}" where ${describeFilter({ ...def.where, ...def.of }, isolate)} ÷ sum of "${def.column}" where ${describeFilter(def.where, isolate)} = ${thousands(r.numerator)} ÷ ${thousands(r.denominator)}, from ${nameOf(def.share, isolate)}${scaled}.`;
    } else if ('sum' in def) {
      const rows = table(name, def.sum, 'sum').rows;
      checkColumn(name, rows, def.column, 'column');
      checkFilter(name, rows, def.where, 'where');
      checkMatches(name, def.sum, rows, def.where, 'where');
      checkSummable(name, rows, def.where, def.column, 'sums');
      value = sum(where(rows, def.where), (r) => r[def.column] as number) * scale;
      type = def.type ?? 'count';
      definition = `Sum of "${def.column}" over ${rowsOf(def.sum, def.where, isolate)}${scaled}.`;
    } else if ('count' in def) {
      const rows = table(name, def.count, 'count').rows;
      checkFilter(name, rows, def.where, 'where');
      checkMatches(name, def.count, rows, def.where, 'where');
      value = where(rows, def.where).length * scale;
      type = def.type ?? 'count';
      definition = `${Object.keys(def.where).length > 0 ? `Rows of ${nameOf(def.count, isolate)} where ${describeFilter(def.where, isolate)}` : `All rows of ${nameOf(def.count, isolate)}`}${scaled}.`;
    } else if ('max' in def || 'min' in def) {
      const which = 'max' in def ? 'max' : 'min';
      const alias = 'max' in def ? def.max : def.min;
      const src = table(name, alias, which);
      checkColumn(name, src.rows, def.column, 'column');
      if (def.name !== undefined) checkColumn(name, src.rows, def.name, 'name');
      checkFilter(name, src.rows, def.where, 'where');
      checkMatches(name, alias, src.rows, def.where, 'where');
      const most = which === 'max' ? 'largest' : 'smallest';
      const found = extreme(where(src.rows, def.where), def.column, which);
      if (!found)
        fail(['values', name, 'column'], `has no number in "${def.column}" among ${rowsOf(alias, def.where)} to take the ${most} of.`);
      value = found.value * scale;
      type = def.type ?? typeOfFormat(src.formats[def.column]) ?? 'number';
      const ties = found.rows.length > 1 ? ` ${found.rows.length} rows tie for it.` : '';
      definition = `The ${most} "${def.column}" among ${rowsOf(alias, def.where, isolate)}${scaled}.${ties}`;
      if (def.name !== undefined) {
        const column = def.name;
        const only = found.rows.length === 1 ? found.rows[0]?.[column] : undefined;
        rowName = {
          // One row's date stays a date (printed as one, as weekly.<id>.max.week is); tied rows are named in text,
          // their dates written as a date value prints ("27 June 2016 and 4 July 2016"), so prose reads alike.
          ...(only instanceof Date
            ? { value: only, type: 'date' as const }
            : {
                value: joinNames(
                  found.rows.map((r) => {
                    const cell = r[column];
                    if (cell === null || cell === undefined) return '—';
                    // A day (midnight UTC) as a date prints; a time keeps its time of day (asText: ISO 8601 UTC).
                    // Among tied names, one holding an override is isolated, so that it cannot reverse " and " and
                    // the names after it; a name alone is kept as it is, and isolated where it is printed (value.ts).
                    const text = cell instanceof Date && cell.getTime() % 86_400_000 === 0 ? formatValue(cell, 'date') : asText(cell);
                    return found.rows.length > 1 ? isolatedIfDirectional(text) : text;
                  }),
                ),
                type: 'text' as const,
              }),
          definition: `The "${column}" of the row${ties ? 's' : ''} with the ${most} "${def.column}" among ${rowsOf(alias, def.where, isolate)}.${ties ? `${ties.replace(/\.$/, '')}; all are named, in table order.` : ''}`,
        };
      }
    } else {
      const [ka, kb] = 'ratio' in def ? def.ratio : def.difference;
      const a = resolveKey(name, ka, 0);
      const b = resolveKey(name, kb, 1);
      const va = numeric(name, ['ratio' in def ? 'ratio' : 'difference', 0], a.value, `reads "${ka}"`);
      const vb = numeric(name, ['ratio' in def ? 'ratio' : 'difference', 1], b.value, `reads "${kb}"`);
      if ('ratio' in def) {
        value = ratio(va, vb) * scale;
        type = def.type ?? 'ratio';
        definition = `${ka} ÷ ${kb}${scaled}.`;
      } else {
        value = (va - vb) * scale;
        type = def.type ?? (a.type === 'share' && b.type === 'share' ? 'points' : a.type);
        definition = `${ka} − ${kb}${scaled}.`;
      }
    }
    resolving.delete(name);
    set(name, value, type, definition, def.label, 'ratio' in def ? def.ratio : 'difference' in def ? def.difference : undefined);
    if (rowName) set(`${name}.name`, rowName.value, rowName.type, rowName.definition, def.label);
  }

  // ---- projection
  let projectionState: 'todo' | 'doing' | 'done' = 'todo';
  function resolveProjection() {
    if (!frontmatter.projection || projectionState === 'done') return;
    if (projectionState === 'doing') fail(['projection'], 'depends on itself: one of its references reads the projection.');
    projectionState = 'doing';
    const p = frontmatter.projection;
    const projected = values.get(`campaigns.${p.campaign}.share`);
    if (!projected) fail(['projection', 'campaign'], `"${p.campaign}" is not one of this post's campaign ids.`);
    const refs = p.references.map((key, i) => {
      if (Object.hasOwn(defs, key)) resolve(key);
      const v = values.get(key);
      if (!v || typeof v.value !== 'number') fail(['projection', 'references', i], `"${key}" is not a numeric value of this post.`);
      return { label: v.label ?? key, share: v.value, kind: 'reference', key };
    });
    const rows = projection({ label: p.label, share: projected.value as number }, refs);
    tables.set('projection', {
      // `campaign` names the campaign on the projected row (none on a reference), so the chart draws it in the
      // campaign's colour, as every other chart does, and the references in neutral grey.
      rows: rows.map((r, i) => ({
        label: r.label,
        share: r.share,
        kind: r.kind,
        campaign: i === 0 ? (projected.label ?? p.campaign) : null,
      })),
      formats: { share: 'percent' },
      headers: { label: 'Label', share: 'Share', kind: 'Kind', campaign: 'Campaign' },
      definition: `${isolate(p.label)}: the share of voice of ${isolate(projected.label ?? p.campaign)} read as a vote share, beside the reference values.`,
    });
    set('projection.share', projected.value, 'share', `${projected.definition} Read as a projected vote share.`, p.label);
    refs.forEach((ref, i) => {
      set(
        `projection.vs.${ref.key}`,
        rows[i + 1]?.difference ?? Number.NaN,
        'points',
        `projection.share − ${ref.key}, in percentage points.`,
        undefined,
        ['projection.share', ref.key],
      );
    });
    projectionState = 'done';
  }

  for (const name of Object.keys(defs)) resolve(name);
  for (const name of Object.keys(tableDefs)) resolveTable(name);
  resolveProjection();

  const common = { values, tables, campaigns, postsAliases: postAliases, stopwords, ...(weeklyFound ? { weekly: weeklyFound } : {}) };
  return counted ? { ...common, posts: counted } : common;
}

/**
 * The stopwords of a post's terms: its `stopwords` lists, or else its `language`'s (the tag's first part: "pt" for
 * "pt-BR"), or else the site's (content/site.yaml: the language the posts are written in), or else English. Asked only of a post that counts terms (campaigns over posts), so a post in a language
 * stopwords-iso has no list for (Welsh, Scots Gaelic) is refused only when it has terms to count, at its `language`
 * line, and told how to choose.
 */
export function postStopwords(
  frontmatter: Pick<Frontmatter, 'language' | 'stopwords'>,
  fail: Fail,
  siteLanguage = 'en',
): ReadonlySet<string> {
  if (frontmatter.stopwords) return stopwordsFor(frontmatter.stopwords);
  const language = (frontmatter.language ?? siteLanguage).split('-')[0]?.toLowerCase() ?? 'en';
  if (!STOPWORD_LANGUAGES.includes(language)) {
    const whose = frontmatter.language === undefined ? ` (content/site.yaml's \`language\`, which the post does not set)` : '';
    fail(
      ['language'],
      `stopwords-iso has no stopword list for "${language}"${whose}, which this post's word clouds and keyness need: add \`stopwords:\` with the lists to leave out instead (e.g. [en]; [] for none). It has ${STOPWORD_LANGUAGES.join(', ')}.`,
    );
  }
  return stopwordsFor([language]);
}

/** The numeric value type each house format stands for: DEFAULT_FORMAT read backwards. */
const TYPE_OF_FORMAT = new Map(
  (Object.entries(DEFAULT_FORMAT) as [ValueType, string][])
    .filter(([type]) => type !== 'date' && type !== 'text')
    .map(([type, format]) => [format, type]),
);

/** The value type a table column's format implies, for values read from computed tables. */
function typeOfFormat(format: string | undefined): ValueType | undefined {
  return format === undefined ? undefined : TYPE_OF_FORMAT.get(format);
}
