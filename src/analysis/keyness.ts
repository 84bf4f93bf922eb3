/**
 * Which terms distinguish two campaigns, and which they share.
 *
 *   posts ─ termCounts(a) ─┐
 *   posts ─ termCounts(b) ─┴─ logOdds ─ sides by z ─ values for prose
 *
 * Term counts are memoised per posts array, campaign and options, because a
 * post's values and each of its cloud directives ask for the same counts.
 */

import { joinNames } from '../joinNames.ts';
import { isolate } from '../render/isolate.ts';
import { logOdds } from './logOdds.ts';
import { stopwordLanguages } from './stopwords.ts';
import { campaignsTermCounts, noTerms, type TermCount, type TermCounts } from './termCounts.ts';
import type { TokenizeOptions } from './tokenize.ts';
import type { Campaign } from './types.ts';
import type { Value } from './value.ts';

/** |z| at or above which a term distinguishes a side (two-sided 5% level). */
export const Z_DISTINGUISHES = 1.96;

/** Terms named by the `keyness.*.top`, `keyness.*.shared` and `terms.*.top` values. */
export const TOP_IN_PROSE = 3;

export interface KeynessTerm {
  key: string;
  /** The most common casing over both campaigns. */
  text: string;
  /** Distinct texts using the term in campaign a and in campaign b. */
  a: number;
  b: number;
  /** Weighted log-odds z-score, a over b. */
  z: number;
  side: 'a' | 'b' | 'shared';
}

export interface Keyness {
  a: TermCounts;
  b: TermCounts;
  /** z ≥ 1.96, by z descending (ties: key). */
  distinctA: KeynessTerm[];
  /** z ≤ −1.96, by z ascending (ties: key). */
  distinctB: KeynessTerm[];
  /** |z| < 1.96, by a + b descending (ties: key). */
  shared: KeynessTerm[];
}

type Posts = readonly { text: string; hashtags: readonly string[] }[];
type Options = Omit<TokenizeOptions, 'exclude'>;

/** Stopword sets not made by stopwordsFor (tests), told apart in memo keys by identity: a number each. */
const otherSets = new WeakMap<ReadonlySet<string>, number>();
let sets = 0;
const stopwordsKey = (set: ReadonlySet<string> | undefined): string => {
  if (set === undefined) return 'en';
  const languages = stopwordLanguages(set);
  if (languages !== undefined) return languages;
  let n = otherSets.get(set);
  if (n === undefined) {
    n = ++sets;
    otherSets.set(set, n);
  }
  return `set ${n}`;
};

const memo = new WeakMap<Posts, Map<string, Map<string, TermCounts>>>();

/** {@link termCounts}, memoised on the posts array: every campaign's are counted in one pass, when the first is asked. */
export function campaignTerms(posts: Posts, campaign: Campaign, campaigns: readonly Campaign[], options: Options = {}): TermCounts {
  let cache = memo.get(posts);
  if (!cache) {
    cache = new Map();
    memo.set(posts, cache);
  }
  const key = JSON.stringify([campaigns, options.mentions ?? false, options.minLength ?? 3, stopwordsKey(options.stopwords)]);
  let all = cache.get(key);
  if (!all) {
    all = campaignsTermCounts(posts, campaigns, options);
    cache.set(key, all);
  }
  // Counted by id among `campaigns`, as termCounts counts it.
  return all.get(campaign.id) ?? noTerms();
}

const byKey = (x: { key: string }, y: { key: string }) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);

/** Compares campaign a with campaign b (see {@link logOdds} for the statistic). */
export function keyness(posts: Posts, a: Campaign, b: Campaign, campaigns: readonly Campaign[], options: Options = {}): Keyness {
  const ta = campaignTerms(posts, a, campaigns, options);
  const tb = campaignTerms(posts, b, campaigns, options);
  const toMap = (t: TermCounts) => new Map(t.terms.map((x) => [x.key, x.count]));
  const texts = new Map<string, TermCount>();
  for (const t of [...tb.terms, ...ta.terms]) {
    const known = texts.get(t.key);
    if (!known || t.count >= known.count) texts.set(t.key, t);
  }
  const rows: KeynessTerm[] = logOdds(toMap(ta), toMap(tb)).map((r) => ({
    key: r.key,
    text: texts.get(r.key)?.text ?? r.key,
    a: r.a,
    b: r.b,
    z: r.z,
    side: r.z >= Z_DISTINGUISHES ? 'a' : r.z <= -Z_DISTINGUISHES ? 'b' : 'shared',
  }));
  return {
    a: ta,
    b: tb,
    distinctA: rows.filter((r) => r.side === 'a').sort((x, y) => y.z - x.z || byKey(x, y)),
    distinctB: rows.filter((r) => r.side === 'b').sort((x, y) => x.z - y.z || byKey(x, y)),
    shared: rows.filter((r) => r.side === 'shared').sort((x, y) => y.a + y.b - (x.a + x.b) || byKey(x, y)),
  };
}

/** When terms left out have as many texts as the last one named: which, and how the tie was broken. */
function tiedAtCut(terms: readonly TermCount[]): string {
  const last = terms[TOP_IN_PROSE - 1];
  if (!last) return '';
  const tied = terms.slice(TOP_IN_PROSE).filter((t) => t.count === last.count);
  if (tied.length === 0) return '';
  const named = tied.slice(0, 5).map((t) => `“${isolate(t.text)}”`);
  const names = tied.length > 5 ? `${named.join(', ')} and ${tied.length - 5} more` : joinNames(named);
  return ` ${names} ${tied.length === 1 ? 'is' : 'are'} in as many texts (${last.count}) as “${isolate(last.text)}”; terms that tie are named in code-point order of their lower-case form.`;
}

/** Terms as prose prints them: "a, b and c" (or "none"). */
const list = (terms: readonly { text: string }[]) =>
  terms.length === 0 ? 'none' : joinNames(terms.slice(0, TOP_IN_PROSE).map((t) => t.text));

/** The keys {@link keynessValues} gives, in its order, known without counting a term (analysePost.ts computes them when first read). */
export function keynessKeys(campaigns: readonly Campaign[]): string[] {
  const pairs = campaigns.flatMap((a) => campaigns.filter((b) => b !== a).map((b) => `keyness.${a.id}.${b.id}`));
  return [...campaigns.map((c) => `terms.${c.id}.top`), ...pairs.flatMap((p) => [`${p}.top`, `${p}.shared`, `${p}.count`])];
}

/**
 * The text values prose can print (README, "Keys"): `terms.<id>.top` for each
 * campaign, and for each ordered pair of campaigns `keyness.<a>.<b>.top`
 * (the terms that most distinguish a from b), `keyness.<a>.<b>.shared` (the
 * most used terms neither side distinguishes) and `keyness.<a>.<b>.count`
 * (how many terms distinguish a).
 */
export function keynessValues(posts: Posts, campaigns: readonly Campaign[], options: Pick<Options, 'stopwords'> = {}): Value[] {
  const values: Value[] = [];
  const lists = stopwordsKey(options.stopwords);
  const which =
    lists === '' ? 'social-media noise words (rt, via…)' : `stopwords (stopwords-iso ${joinNames(lists.split(','))}, with rt, via…)`;
  const rule = `each distinct text counted once (retweets and copies of a text add nothing), URLs, mentions, ${which} and the campaigns’ own hashtags left out`;
  for (const c of campaigns) {
    const t = campaignTerms(posts, c, campaigns, options);
    values.push({
      key: `terms.${c.id}.top`,
      value: list(t.terms),
      type: 'text',
      definition: `The ${TOP_IN_PROSE} terms used in the most distinct texts of posts using only ${isolate(c.label)}’s hashtags; ${rule}.${tiedAtCut(t.terms)}`,
      label: c.label,
    });
  }
  for (const a of campaigns) {
    for (const b of campaigns) {
      if (a === b) continue;
      const k = keyness(posts, a, b, campaigns, options);
      const [la, lb] = [isolate(a.label), isolate(b.label)];
      const stat = `weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) of ${la}’s terms against ${lb}’s; ${rule}`;
      values.push(
        {
          key: `keyness.${a.id}.${b.id}.top`,
          value: list(k.distinctA),
          type: 'text',
          definition: `The ${TOP_IN_PROSE} terms with the highest z-score (at least ${Z_DISTINGUISHES}) in the ${stat}.`,
          label: `${la} vs ${lb}`,
        },
        {
          key: `keyness.${a.id}.${b.id}.shared`,
          value: list(k.shared),
          type: 'text',
          definition: `The ${TOP_IN_PROSE} most used terms whose |z| is below ${Z_DISTINGUISHES} in the ${stat}.`,
          label: `${la} and ${lb}`,
        },
        {
          key: `keyness.${a.id}.${b.id}.count`,
          value: k.distinctA.length,
          type: 'count',
          definition: `Terms with a z-score of at least ${Z_DISTINGUISHES} in the ${stat}.`,
          label: `${la} vs ${lb}`,
        },
      );
    }
  }
  return values;
}
