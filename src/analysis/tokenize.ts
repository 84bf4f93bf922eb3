/**
 * Splits social-media text into the terms a word cloud counts.
 *
 *   text ─ decode entities ─ drop "RT @user:" ─ drop URLs ─ split ─ fold ─ filter
 *
 * - HTML entities (`&amp;`, `&#39;`, `&quot;`…) are decoded with `entities`,
 *   as exports from the Twitter API carry them.
 * - A leading retweet prefix `RT @user:` and every URL (`http(s)://…`,
 *   `www.…`, a domain and path without a scheme: `t.co/…`, `example.com/a…`)
 *   are removed.
 * - Hashtags stay terms of their own (`#JezWeCan`); a campaign's collection
 *   hashtags are left out through `exclude`, since every post of the
 *   campaign carries them by construction.
 * - Mentions (`@user`, `@alice.bsky.social`, `@ann@mastodon.social`) are
 *   dropped, whole, unless `mentions` is true.
 * - Curly apostrophes become straight ones, and a possessive `'s` is removed
 *   ("Corbyn’s" → "Corbyn"); other contractions stay whole and are mostly
 *   stopwords ("don't").
 * - Terms are case-folded (lower case, NFC) into `key`; `text` keeps the
 *   author's casing so the cloud can show the most common one, and
 *   `initial` marks a word that opens a sentence, whose capital is not its
 *   casing.
 * - Stopwords ({@link STOPWORDS}), numbers and terms shorter than `minLength`
 *   characters (not counting "#" or "@") are dropped.
 * - So are amounts: a word that is a number with a unit is no more a word than
 *   the number is. A currency sign or "%" is not part of a term, so "£5", "$20"
 *   and "50%" leave the bare number, dropped as numbers are; "£261m" and "2.5bn"
 *   leave "261m" and "5bn". A word of digits then a magnitude (k, m, mn, mil,
 *   mln, million, b, bn, bln, billion, tn, trn, trillion, and p or c for pence
 *   and cents), a time of day (am, pm) or an ordinal ending (st, nd, rd, th) is
 *   dropped, in any case ("10K", "3pm", "21st"); so is any word beginning with
 *   a digit written right after a currency sign ("£20pw", "€3k"). The list is
 *   closed rather than "digits then a few letters": "5GW", "4chan", "2FA"
 *   and "3DS" are words a debate is about. Hashtags are kept as tagged ("#10k",
 *   "#21st"), as their authors chose them; a hashtag of digits alone is still
 *   a number.
 * - Emoji and other symbols are not letters, so they never form a term: the
 *   site ships no emoji font, and a cloud laid out with one font and drawn
 *   with another would overlap.
 */
import { decodeHTML } from 'entities';
import { LINK, MAY_LINK } from '../data/hashtags.ts';
import { STOPWORDS } from './stopwords.ts';

export interface Token {
  /** Case-folded comparison key, e.g. `#jezwecan`, `members`. */
  key: string;
  /** As written (apostrophes straightened, possessive removed), e.g. `#JezWeCan`. */
  text: string;
  /**
   * The word opens a sentence (start of text, or after . ! ? : ; or opening
   * quotes, tags and mentions): its capital says nothing about its casing.
   */
  initial: boolean;
}

export interface TokenizeOptions {
  /** Keep `@mentions` as terms (default false: dropped). */
  mentions?: boolean;
  /** Hashtags (with or without "#", any casing) to leave out: the campaigns' own. */
  exclude?: Iterable<string>;
  /** Shortest term kept, in characters, not counting "#" or "@" (default 3). */
  minLength?: number;
  /** Words to drop (case-folded); default {@link STOPWORDS}. */
  stopwords?: ReadonlySet<string>;
}

const RETWEET_PREFIX = /^\s*RT\s+@[\p{L}\p{N}_]+(?:[.@-][\p{L}\p{N}_]+)*:?\s*/iu;
/**
 * A term: a mention first, whole with the dots, "@" and hyphens inside it (a Bluesky handle `@alice.bsky.social`,
 * a Mastodon account `@ann@mastodon.social`, neither of which may leave "bsky" or "social" behind as words); else a
 * hashtag or word, with the apostrophes and hyphens inside it.
 */
const TERM = /@[\p{L}\p{M}\p{N}_]+(?:[.@-][\p{L}\p{M}\p{N}_]+)*|[#＃@]?[\p{L}\p{M}\p{N}_]+(?:'[\p{L}\p{M}\p{N}_]+|-[\p{L}\p{M}\p{N}_]+)*/gu;
/**
 * Where a sentence opens: a word opens one when the text before it matches
 * this (start of text, or . ! ? : ; or an opening quote or bracket, then only
 * whitespace and hashtags or mentions). {@link sentenceOpener} decides the
 * same in one pass over the text, rather than matching every word's prefix.
 */
export const SENTENCE_START = /(?:^|[.!?:;"“(])\s*(?:[#@]\S+\s*)*$/u;

/** The characters `\s` matches in a JavaScript pattern. */
const WHITESPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
const isWhitespace = (c: number) => WHITESPACE.has(c) || (c >= 0x2000 && c <= 0x200a);
const OPENERS = new Set(Array.from('.!?:;"“(', (c) => c.charCodeAt(0)));
const HASH = 0x23;
const AT = 0x40;
/** What {@link sentenceOpener} reads of a character: whether it is whitespace, opens a sentence, or is "#" or "@". */
const SPACE = 1;
const OPENER = 2;
const SIGIL_CHAR = 4;
const charClass = (c: number) => (isWhitespace(c) ? SPACE : 0) | (OPENERS.has(c) ? OPENER : 0) | (c === HASH || c === AT ? SIGIL_CHAR : 0);
/** The classes of the first 256 code points, looked up rather than tested (every character of every text is read). */
const LATIN1_CLASS = Uint8Array.from({ length: 256 }, (_, c) => charClass(c));

/**
 * `opens(i)`: whether `SENTENCE_START.test(text.slice(0, i))`, for positions
 * asked in increasing order, in time linear in the text. It runs the
 * pattern's automaton over the text once, as a set of states: after an
 * opener or whitespace in the run (AFTER), just after a "#" or "@" (SIGIL),
 * inside a hashtag or mention (TAG).
 */
export function sentenceOpener(text: string): (index: number) => boolean {
  const AFTER = 1;
  const SIGIL = 2;
  const TAG = 4;
  let states = AFTER;
  let at = 0;
  return (index) => {
    for (; at < index; at++) {
      const c = text.charCodeAt(at);
      const k = c < 256 ? (LATIN1_CLASS[c] as number) : charClass(c);
      let next = k & OPENER ? AFTER : 0;
      if (states & (AFTER | TAG)) {
        if (k & SPACE) next |= AFTER;
        if (k & SIGIL_CHAR) next |= SIGIL;
      }
      if (states & (SIGIL | TAG) && !(k & SPACE)) next |= TAG;
      states = next;
    }
    return (states & (AFTER | TAG)) !== 0;
  };
}

/** No character outside ASCII (code points up to U+007F), which is always in NFC already. */
const ASCII = /^[^\u0080-\u{10ffff}]*$/u;
/** Case-folding key of a hashtag or word: NFC, lower case (ASCII is already NFC). */
export const foldTerm = (term: string): string => (ASCII.test(term) ? term : term.normalize('NFC')).toLowerCase();

/** The text with entities decoded, a retweet prefix and URLs removed (what {@link tokenize} splits). */
export function cleanText(text: string): string {
  const decoded = decodeHTML(text).replace(RETWEET_PREFIX, '');
  // LINK tries at every word boundary: run only on texts that may hold a link (a third of cleanText's time otherwise).
  return (MAY_LINK.test(decoded) ? decoded.replace(LINK, ' ') : decoded).replace(/[’‘`´]/g, "'");
}

/** The terms of one post's text, in order (see the module comment for the rules). */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  return tokenizer(options)(cleanText(text));
}

/**
 * {@link tokenize} for many texts with the same options: the options are read
 * once and each spelling is case-folded once. Takes text already through
 * {@link cleanText}.
 */
export function tokenizer(options: TokenizeOptions = {}): (clean: string) => Token[] {
  const scan = tokenScanner(options);
  return (clean) => {
    const tokens: Token[] = [];
    scan(clean, (key, text, initial) => tokens.push({ key, text, initial }));
    return tokens;
  };
}

/** A term as {@link tokenScanner} hands it on: a {@link Token}'s fields. */
export type OnToken = (key: string, text: string, initial: boolean) => void;

const FULLWIDTH_HASH = 0xff03;
/** A term whose body (after "#" or "@") is digits and underscores only. */
const NUMBER_TERM = /^[#@]?[\p{N}_]+$/u;
/** A word that is an amount, a time of day or an ordinal: digits and one of the closed list of units (module comment). */
const AMOUNT_TERM = /^\p{N}+(?:k|m|mn|mil|mln|millions?|b|bn|bln|billions?|tn|trn|trillions?|p|c|am|pm|st|nd|rd|th)$/iu;
/** A word that begins with a digit: after a currency sign, an amount whatever its letters ("£20pw"). */
const DIGIT_FIRST = /^\p{N}/u;
/** A currency sign (£ $ € ¥ ₹ …). */
const CURRENCY = /^\p{Sc}$/u;

/**
 * {@link tokenizer} without the array: calls `onToken` for each term of a
 * cleaned text, in order. For counting the terms of many texts (termCounts),
 * which need no Token objects.
 */
export function tokenScanner(options: TokenizeOptions = {}): (clean: string, onToken: OnToken) => void {
  const minLength = options.minLength ?? 3;
  const stopwords = options.stopwords ?? STOPWORDS;
  const exclude = new Set(Array.from(options.exclude ?? [], (h) => `#${foldTerm(h.replace(/^[#＃]/, ''))}`));
  const folded = new Map<string, string>();
  const fold = (raw: string) => {
    let key = folded.get(raw);
    if (key === undefined) {
      key = foldTerm(raw);
      if (folded.size < 100_000) folded.set(raw, key);
    }
    return key;
  };
  return (clean, onToken) => {
    const opens = sentenceOpener(clean);
    TERM.lastIndex = 0;
    for (let match = TERM.exec(clean); match !== null; match = TERM.exec(clean)) {
      let raw = match[0];
      if (raw.charCodeAt(0) === FULLWIDTH_HASH) raw = `#${raw.slice(1)}`;
      const sigil = raw[0] === '#' || raw[0] === '@' ? raw[0] : '';
      // An "@" or "#" inside a word (e-mail addresses, "AT&T#1") is not a mention or tag: what follows is read again
      // as words ("info@momentum.org": "momentum", "org").
      if (sigil && match.index > 0 && /[\p{L}\p{N}_&]/u.test(clean[match.index - 1] ?? '')) {
        TERM.lastIndex = match.index + 1;
        continue;
      }
      if (sigil === '@' && !options.mentions) continue;
      // A possessive "'s" (tested before the pattern: most words have none).
      if (!sigil && raw.length > 2 && raw[raw.length - 2] === "'") raw = raw.replace(/'s$/i, '');
      if (raw.length - sigil.length < minLength || NUMBER_TERM.test(raw)) continue;
      if (!sigil && DIGIT_FIRST.test(raw) && (AMOUNT_TERM.test(raw) || CURRENCY.test(clean[match.index - 1] ?? ''))) continue;
      const key = fold(raw);
      if (sigil === '#' && exclude.has(key)) continue;
      if (!sigil && stopwords.has(key)) continue;
      onToken(key, raw, !sigil && opens(match.index));
    }
  };
}
