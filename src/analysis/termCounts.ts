import { processGlobal } from '../processGlobal.ts';
import { campaignMatcher } from './campaignMatcher.ts';
import { recounts } from './recounts.ts';
import { STOPWORDS } from './stopwords.ts';
import { cleanText, foldTerm, type OnToken, type TokenizeOptions, tokenScanner } from './tokenize.ts';
import type { Campaign } from './types.ts';

export interface TermCount {
  /** Case-folded key, e.g. `#jezwecan`. */
  key: string;
  /**
   * The most common casing in the texts, e.g. `#JezWeCan`, `NHS`, `members`
   * (ties: code-point order). A word's casing is read where it does not open
   * a sentence, unless it only ever opens one.
   */
  text: string;
  /** Distinct texts using the term. */
  count: number;
}

export interface TermCounts {
  /** Terms by count, descending; ties in code-point order of the key. */
  terms: TermCount[];
  /** Campaign posts read. */
  posts: number;
  /** Distinct texts among them (see {@link termCounts}). */
  texts: number;
  /** Sum of all term counts: the `n` of the keyness statistics. */
  total: number;
}

/** What makes two texts (through cleanText) "the same" for counting: whitespace collapsed, case-folded. */
// Most texts have single spaces only: test before building a new string.
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/;
const cleanKey = (clean: string): string => foldTerm((WHITESPACE_TO_COLLAPSE.test(clean) ? clean.replace(/\s+/g, ' ') : clean).trim());

/**
 * A term being counted: in how many texts, the last text it was seen in, and
 * its casings with their weights — one casing kept inline (`text`, `weight`),
 * since most terms have only one, and a map once a second appears.
 */
interface Entry {
  count: number;
  last: number;
  text: string;
  weight: number;
  casings: Map<string, number> | undefined;
}

/**
 * The terms of one campaign's posts, each counted once per distinct text.
 *
 * A campaign's posts are those using its hashtags and no other campaign's:
 * the posts of `campaigns.<id>.only`, so a comparison never counts a post on
 * both sides.
 *
 * Retweet rule: a text is counted once per campaign however many times it
 * was posted. Two texts are the same when they are equal after removing a
 * leading `RT @user:`, URLs and repeated whitespace, ignoring case. So a
 * viral tweet and its 500 retweets add 1 to each of its terms, not 501, and
 * a term used twice in one text also counts once: `count` is the number of
 * distinct texts using the term.
 *
 * Every campaign's collection hashtags are left out of the terms.
 */
export function termCounts(
  posts: readonly { text: string; hashtags: readonly string[] }[],
  campaign: Campaign,
  campaigns: readonly Campaign[],
  options: Omit<TokenizeOptions, 'exclude'> = {},
): TermCounts {
  return campaignsTermCounts(posts, campaigns, options).get(campaign.id) ?? noTerms();
}

/** The counts of a campaign not among the campaigns counted: it has no posts of its own. */
export const noTerms = (): TermCounts => ({ terms: [], posts: 0, texts: 0, total: 0 });

/** One campaign's terms being counted (see {@link termCounts}). */
interface Counting {
  counts: Map<string, Entry>;
  /** Texts read already, as written: a retweet's text is its original's, so most repeats are found before cleaning. */
  raw: Set<string>;
  /** Their cleaned keys: the distinct texts. */
  seen: Set<string>;
  read: number;
}

/** A text as a count read it: its cleaned key, and its terms once scanned (key, text, initial, …), else its clean text. */
interface ReadText {
  key: string;
  clean: string | undefined;
  terms: (string | boolean)[] | undefined;
}

/**
 * The texts the last counts read, by their options, for the next count with the same options to take rather than
 * clean and scan again, when this process expects recounts (recounts.ts): in a dev server, a data file dropped in
 * has the posts re-rendered and their terms counted again over every post (0.28 s of a 0.65 s re-load for the
 * sample's 78,000 tweets; with the texts kept, only the new file's are read). Off in a build, which counts once:
 * keeping them costs memory (~20 MB for the sample) and time.
 * Each count keeps only the texts it read, so a removed file's go; at most {@link RECOUNT_OPTIONS} sets of options
 * (posts counting with different campaigns or stopwords), and none past {@link RECOUNT_TEXTS} texts.
 */
const readBefore = processGlobal('termCountTexts', () => new Map<string, Map<string, ReadText>>());
const RECOUNT_OPTIONS = 4;
const RECOUNT_TEXTS = 500_000;
/** Texts cleaned (and their terms scanned, the first with each key) in this process: what a recount saved (tests). */
let cleaned = 0;
export const textsCleaned = () => cleaned;

function keepForRecount(optionsKey: string, texts: Map<string, ReadText>): void {
  readBefore.delete(optionsKey);
  if (texts.size > RECOUNT_TEXTS) return;
  readBefore.set(optionsKey, texts);
  // The least recently counted options go first (a Map iterates in insertion order).
  for (const key of readBefore.keys()) if (readBefore.size > RECOUNT_OPTIONS) readBefore.delete(key);
}

/**
 * {@link termCounts} of every campaign, by id, in one pass over the posts: each post's hashtags are matched once,
 * and each text is read for the one campaign it belongs to.
 */
export function campaignsTermCounts(
  posts: readonly { text: string; hashtags: readonly string[] }[],
  campaigns: readonly Campaign[],
  options: Omit<TokenizeOptions, 'exclude'> = {},
): Map<string, TermCounts> {
  const matcher = campaignMatcher(campaigns);
  const exclude = campaigns.flatMap((c) => c.hashtags);
  const scan = tokenScanner({ ...options, exclude });
  const counting = new Map<string, Counting>(campaigns.map((c) => [c.id, { counts: new Map(), raw: new Set(), seen: new Set(), read: 0 }]));
  /** The index of the distinct text being read (unique across campaigns): a term counts once per text (`last`). */
  let textIndex = 0;
  let counts = new Map<string, Entry>();
  const onToken: OnToken = (key, text, initial) => {
    let entry = counts.get(key);
    if (!entry) {
      entry = { count: 0, last: -1, text, weight: 0, casings: undefined };
      counts.set(key, entry);
    }
    if (entry.last !== textIndex) {
      entry.count++;
      entry.last = textIndex;
    }
    // Sentence-initial capitals weigh almost nothing: they decide only when nothing else does.
    const weight = initial ? 1e-6 : 1;
    if (entry.casings) entry.casings.set(text, (entry.casings.get(text) ?? 0) + weight);
    else if (text === entry.text) entry.weight += weight;
    else
      entry.casings = new Map([
        [entry.text, entry.weight],
        [text, weight],
      ]);
  };
  // The texts this count reads, kept for the next (a dev server), and those the last count with these options kept.
  const kept = recounts.on ? new Map<string, ReadText>() : undefined;
  const optionsKey = kept
    ? JSON.stringify([options.minLength ?? 3, options.mentions ?? false, [...(options.stopwords ?? STOPWORDS)].sort(), exclude])
    : '';
  const before = kept && readBefore.get(optionsKey);
  for (const post of posts) {
    const ids = matcher(post.hashtags);
    if (ids.length !== 1) continue;
    const c = counting.get(ids[0] as string) as Counting;
    c.read++;
    if (c.raw.has(post.text)) continue;
    c.raw.add(post.text);
    let text = kept?.get(post.text) ?? before?.get(post.text);
    if (!text) {
      cleaned++;
      const clean = cleanText(post.text);
      text = { key: cleanKey(clean), clean, terms: undefined };
    }
    kept?.set(post.text, text);
    if (c.seen.has(text.key)) continue;
    c.seen.add(text.key);
    textIndex++;
    counts = c.counts;
    const { terms } = text;
    if (terms) {
      for (let i = 0; i < terms.length; i += 3) onToken(terms[i] as string, terms[i + 1] as string, terms[i + 2] as boolean);
    } else if (kept) {
      const found: (string | boolean)[] = [];
      scan(text.clean as string, (key, written, initial) => {
        found.push(key, written, initial);
        onToken(key, written, initial);
      });
      text.terms = found;
      text.clean = undefined;
    } else {
      scan(text.clean as string, onToken);
    }
  }
  if (kept) keepForRecount(optionsKey, kept);
  return new Map(Array.from(counting, ([id, c]) => [id, ranked(c)]));
}

/** A campaign's counted terms, by count, then key; each with its most common casing. */
function ranked({ counts, seen, read }: Counting): TermCounts {
  const terms: TermCount[] = [];
  let total = 0;
  for (const [key, entry] of counts) {
    let text = entry.text;
    if (entry.casings) {
      text = key;
      let best = -1;
      for (const [casing, n] of entry.casings) {
        if (n > best || (n === best && casing < text)) {
          text = casing;
          best = n;
        }
      }
    }
    terms.push({ key, text, count: entry.count });
    total += entry.count;
  }
  terms.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { terms, posts: read, texts: seen.size, total };
}

/**
 * Whether `term`, written alone, would be counted as a term by {@link termCounts} with these campaigns and options:
 * not a stopword, a number, a campaign's own hashtag, a mention left out, or shorter than `minLength`.
 */
export function isCountedTerm(term: string, campaigns: readonly Campaign[], options: Omit<TokenizeOptions, 'exclude'> = {}): boolean {
  const key = foldTerm(term.trim());
  let counted = false;
  tokenScanner({ ...options, exclude: campaigns.flatMap((c) => c.hashtags) })(cleanText(term), (k) => {
    if (k === key) counted = true;
  });
  return counted;
}
