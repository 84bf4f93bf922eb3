/**
 * An exact set of post ids for de-duplicating millions of posts while
 * streaming, without a JavaScript string per id.
 *
 * A `Set<string>` of 10M ids costs well over half a gigabyte (a heap string
 * plus a hash-table entry each) and V8 caps a Set at 2^24 (16.7M) entries.
 * Most platforms' ids are decimal numbers (tweet ids are 18–19 digits), so:
 *
 *  - an id in canonical decimal form (digits only, no leading zero unless it is
 *    "0", at most 19 digits) is stored EXACTLY as two numbers: `high` (all but
 *    the last 9 digits, < 10^10, exact in a float64) and `low` (the last 9
 *    digits, < 10^9, fits a uint32). Two such ids are equal iff both parts are
 *    equal, because the canonical decimal form of a number is unique.
 *    The pairs live in an open-addressing hash table (linear probing) made of
 *    a Float64Array and two Uint32Arrays (the low part, and the print
 *    below): 16 bytes a slot, kept at most 70% full, so about 23–46 bytes per
 *    id (10M ids: 268 MB).
 *  - any other id ("007", "at://…", "p1", 20+ digits) goes into an ordinary
 *    `Set<string>`, so nothing is ever approximated: this is exact, with no
 *    probabilistic step.
 *
 * "007" and "7" are different ids (ids are strings); only the first is
 * non-canonical, so they land in different stores and never collide.
 *
 * Each id also keeps a 32-bit print of the post it was first read for
 * ({@link postPrint}: its time in whole seconds), 4 more bytes a slot, so
 * that an id read again for another post — an export that numbers its rows
 * 1, 2, 3… in each file — is told from a true duplicate rather than dropped
 * as one. Prints a second apart are the same post ({@link samePost}).
 */
const EMPTY = -1;
const MAX_LOAD = 0.7;

/** What {@link IdSet.addPost} found: a new id, the id again for the same post, or the id again for another post. */
export const ADDED = 0;
export const SEEN = 1;
export const REUSED = 2;
export type AddResult = typeof ADDED | typeof SEEN | typeof REUSED;

/**
 * A post's print: its time in whole seconds (modulo 2^32). Its time, not its
 * author: one Bluesky post names its author by handle in a search export and
 * by DID in a repository export, and must still be one post. Whole seconds,
 * compared with a second's tolerance ({@link samePost}): exports of one post
 * keep different precision (Mastodon's and Bluesky's APIs give milliseconds,
 * Twitter's v1.1 and most listening tools whole seconds, truncated or
 * rounded). A repost's time differs by source too (a Bluesky feed gives when
 * it was indexed, the repost record when it was made): reposts all print 0,
 * so their ids alone tell them apart. So do posts whose id is a URI
 * (Bluesky's `at://…`, Mastodon's `https://…`): a URI names one post, and its
 * views give different times (a Bluesky post view the earlier of `createdAt`
 * and `indexedAt`, its bare record `createdAt`); the loader keeps the earliest.
 */
export function postPrint(post: { id: string; time: number; repostOf?: string | undefined }): number {
  if (post.repostOf !== undefined || post.id.includes('://')) return 0;
  return Math.floor(post.time / 1000) >>> 0;
}

/** Whether two prints ({@link postPrint}) are of one post: at most a second apart (modulo 2^32). */
export function samePost(a: number, b: number): boolean {
  return (a - b + 1) >>> 0 <= 2;
}

/** An id in canonical decimal form as the set keeps it ({@link decimalId}). */
export interface DecimalId {
  high: number;
  low: number;
}

/**
 * Whether `id` is in canonical decimal form (digits only, no leading zero unless it is "0", at most 19 digits); if so,
 * its two parts are written into `into`: `high`, all but its last 9 digits, and `low`, those.
 */
export function decimalId(id: string, into: DecimalId): boolean {
  const n = id.length;
  if (n === 0 || n > 19 || (n > 1 && id.charCodeAt(0) === 48)) return false;
  let high = 0;
  let low = 0;
  const split = n - 9;
  for (let i = 0; i < n; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (i < split) high = high * 10 + d;
    else low = low * 10 + d;
  }
  into.high = high;
  into.low = low;
  return true;
}

/** The id a {@link decimalId} was read from. */
export const decimalText = ({ high, low }: DecimalId): string => (high === 0 ? String(low) : `${high}${String(low).padStart(9, '0')}`);

export class IdSet {
  #high: Float64Array;
  #low: Uint32Array;
  #print: Uint32Array;
  #mask: number;
  #numeric = 0;
  #other = new Map<string, number>();
  /** The parts of the id being added (decimalId writes them here: no object per id). */
  #parts: DecimalId = { high: 0, low: 0 };

  constructor(capacity = 1 << 16) {
    let size = 16;
    while (size * MAX_LOAD < capacity) size *= 2;
    this.#high = new Float64Array(size).fill(EMPTY);
    this.#low = new Uint32Array(size);
    this.#print = new Uint32Array(size);
    this.#mask = size - 1;
  }

  /** How many distinct ids have been added. */
  get size(): number {
    return this.#numeric + this.#other.size;
  }

  /** Adds `id`; true when it was not in the set yet. */
  add(id: string): boolean {
    return this.addPost(id, 0) === ADDED;
  }

  /** Adds the id of a post whose print is `print` ({@link postPrint}); says whether it was new, and if not, for which post. */
  addPost(id: string, print: number): AddResult {
    const parts = this.#parts;
    return decimalId(id, parts) ? this.#addPair(parts.high, parts.low, print) : this.#addOther(id, print);
  }

  /** {@link addPost} for an id in canonical decimal form, given as its parts ({@link decimalId}). */
  addDecimal(high: number, low: number, print: number): AddResult {
    return this.#addPair(high, low, print);
  }

  #addOther(id: string, print: number): AddResult {
    const first = this.#other.get(id);
    if (first !== undefined) return samePost(first, print) ? SEEN : REUSED;
    this.#other.set(id, print);
    return ADDED;
  }

  #slot(high: number, low: number): number {
    // Mixes both parts (high < 10^10 is split into its two 32-bit halves) with murmur3's finaliser.
    let h = Math.imul(low ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul((high >>> 0) ^ 0x7f4a7c15, 0xc2b2ae35);
    h ^= Math.imul(Math.floor(high / 4294967296), 0x27d4eb2f);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    return (h >>> 0) & this.#mask;
  }

  #addPair(high: number, low: number, print: number): AddResult {
    let i = this.#slot(high, low);
    const highs = this.#high;
    const lows = this.#low;
    while (highs[i] !== EMPTY) {
      if (highs[i] === high && lows[i] === low) return samePost(this.#print[i] as number, print) ? SEEN : REUSED;
      i = (i + 1) & this.#mask;
    }
    highs[i] = high;
    lows[i] = low;
    this.#print[i] = print;
    this.#numeric++;
    if (this.#numeric > (this.#mask + 1) * MAX_LOAD) this.#grow();
    return ADDED;
  }

  #grow(): void {
    const highs = this.#high;
    const lows = this.#low;
    const prints = this.#print;
    this.#high = new Float64Array(highs.length * 2).fill(EMPTY);
    this.#low = new Uint32Array(highs.length * 2);
    this.#print = new Uint32Array(highs.length * 2);
    this.#mask = highs.length * 2 - 1;
    for (let j = 0; j < highs.length; j++) {
      const high = highs[j] as number;
      if (high === EMPTY) continue;
      const low = lows[j] as number;
      let i = this.#slot(high, low);
      while (this.#high[i] !== EMPTY) i = (i + 1) & this.#mask;
      this.#high[i] = high;
      this.#low[i] = low;
      this.#print[i] = prints[j] as number;
    }
  }
}
