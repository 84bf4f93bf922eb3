/**
 * The posts a post's campaigns are counted on: its posts dataset's, or the posts of several (`posts: [bluesky,
 * mastodon]`, README "Writing a post") counted together as if they were one dataset. A dataset's files share one
 * `format`, so a Bluesky export and a Mastodon export of one campaign are two datasets; the adapters read both to the
 * same post record, and every campaign figure, term count and warning reads these rows as it reads one dataset's.
 *
 * A post two of the datasets hold counts once, its id compared as the loader compares ids within a dataset
 * (idSet.ts): the same id for the same post (times a second apart or less, or an id that is a URI, or a repost's) is
 * one post, kept as the dataset listed first has it, at the earliest time any copy gives (as loadDataset keeps the
 * copies of one dataset's files). A listening tool's X export and an X API export hold the same tweet ids; Bluesky's
 * `at://` URIs and Mastodon's `https://` URIs never meet. The same id at times further apart is two posts under one
 * id, which the loader refuses within a dataset (IdReused) and this refuses across two ({@link ReusedAcross}).
 */
import { ADDED, IdSet, postPrint, SEEN } from '../data/idSet.ts';
import type { Post, PostsDataset } from '../data/types.ts';

export interface CampaignPosts {
  /** The datasets, in the order `posts` lists them: one, for a post counting one. */
  datasets: readonly PostsDataset[];
  /**
   * Their posts as one dataset's: the first dataset's rows, then each later one's that no dataset before it holds.
   * For one dataset, its rows themselves (the same array), so that what is memoised per rows array (the campaign
   * statistics, term counts, hashtag warnings) is shared with every post reading it, as before datasets combined.
   */
  rows: readonly Post[];
  /** Posts of a later dataset that one listed before it holds (the same id, for the same post), counted once; 0 for one dataset. */
  shared: number;
  /** Records each dataset dropped as repeats of its own posts (loadDataset), added up; {@link shared} is apart. */
  duplicates: number;
  /** Posts the datasets left out as deleted (a v1.1 stream's `delete` notices), added up. */
  deleted: number;
  /**
   * The time every dataset covers, epoch ms: from the latest of their first posts to the earliest of their last
   * (each dataset's `period`: all its posts, with a campaign's hashtags or not). The weekly table counts a week's
   * days within it (weekCoverage.ts): a week is whole only where every dataset covers it, since a week one platform's
   * export covers in part would otherwise read as a drop. Undefined when a dataset has no posts, and then no day is
   * covered; from later than to when the datasets' periods do not meet, and then no day is either.
   */
  covered: [number, number] | undefined;
}

/** Two of the datasets holding one id for posts at times more than a second apart: where each was read, and how many more. */
export interface ReusedAcross {
  id: string;
  /** The earlier dataset (its index in the list) holding the id, and its post's time. */
  first: { dataset: number; time: number };
  /** The later dataset, the first of its posts whose id an earlier one holds for another post, and that post's time. */
  again: { dataset: number; time: number };
  /** Further ids of {@link again}'s dataset that name another post in an earlier one. */
  more: number;
}

export type Combined = { posts: CampaignPosts } | { reused: ReusedAcross };

/**
 * The combinations made, by the datasets in list order (a trie of WeakMaps, one level a dataset): posts that combine
 * the same loaded datasets in the same order share one combination, its rows one array, so that the statistics and
 * term counts memoised per rows array are counted once for them all, and 1M rows are not copied again for each post.
 * A dataset loaded again (a data file dropped in under the dev server) is a new object, and makes a new combination;
 * the old one goes with the old datasets.
 */
interface Node {
  next: WeakMap<PostsDataset, Node>;
  combined?: Combined;
}
const root: Node = { next: new WeakMap() };

/** The posts of `datasets` (at least one) counted together, or the id two of them hold for two posts. */
export function campaignPosts(datasets: readonly PostsDataset[]): Combined {
  let node = root;
  for (const dataset of datasets) {
    let next = node.next.get(dataset);
    if (!next) {
      next = { next: new WeakMap() };
      node.next.set(dataset, next);
    }
    node = next;
  }
  node.combined ??= combine(datasets);
  return node.combined;
}

const sum = (datasets: readonly PostsDataset[], count: (d: PostsDataset) => number) => datasets.reduce((n, d) => n + count(d), 0);

function combine(datasets: readonly PostsDataset[]): Combined {
  const [only] = datasets;
  if (!only) throw new Error('campaignPosts needs at least one dataset');
  const common = {
    datasets,
    duplicates: sum(datasets, (d) => d.duplicates),
    deleted: sum(datasets, (d) => d.deleted),
    covered: coveredPeriod(datasets),
  };
  if (datasets.length === 1) return { posts: { ...common, rows: only.rows, shared: 0 } };

  // Ids as the loader keeps them (exact, no string kept per canonical decimal id): at 1M posts a Map of strings
  // would cost far more. Each dataset's ids are unique already, so only a later dataset's can be found again.
  const seen = new IdSet(sum(datasets, (d) => d.rows.length));
  const rows: Post[] = [];
  /** The earliest time of each kept post's copies read from a later dataset. */
  const earliest = new Map<string, number>();
  let shared = 0;
  let reused: { id: string; dataset: number; time: number; more: number } | undefined;
  for (const [i, dataset] of datasets.entries()) {
    for (const post of dataset.rows) {
      const added = seen.addPost(post.id, postPrint(post));
      if (added === ADDED) rows.push(post);
      else if (added === SEEN) {
        shared++;
        if (post.time < (earliest.get(post.id) ?? Number.POSITIVE_INFINITY)) earliest.set(post.id, post.time);
      } else if (!reused) reused = { id: post.id, dataset: i, time: post.time, more: 0 };
      else reused.more++;
    }
    // The first dataset that reuses an id is the one refused, with every such id of its own counted.
    if (reused) break;
  }
  if (reused) {
    const { id, dataset, time, more } = reused;
    // Where the id was first read: no index is kept per id (as the loader keeps none), so it is looked for, on this error only.
    const first = datasets.findIndex((d) => d.rows.some((p) => p.id === id));
    const firstTime = datasets[first]?.rows.find((p) => p.id === id)?.time ?? Number.NaN;
    return { reused: { id, first: { dataset: first, time: firstTime }, again: { dataset, time }, more } };
  }
  const kept =
    earliest.size === 0
      ? rows
      : rows.map((p) => {
          const time = earliest.get(p.id);
          return time !== undefined && time < p.time ? { ...p, time } : p;
        });
  return { posts: { ...common, rows: kept, shared } };
}

/** {@link CampaignPosts.covered}: the time every dataset's period covers. */
function coveredPeriod(datasets: readonly PostsDataset[]): [number, number] | undefined {
  let from = Number.NEGATIVE_INFINITY;
  let to = Number.POSITIVE_INFINITY;
  for (const { period } of datasets) {
    if (!period) return undefined;
    from = Math.max(from, period[0]);
    to = Math.min(to, period[1]);
  }
  return [from, to];
}
