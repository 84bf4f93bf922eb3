/**
 * The posts of one part of a file as a thread that read it hands them back (streamParts.ts), in file order: for each
 * record, what de-duplicating and counting it needs and nothing else: its id (as {@link IdSet} keeps it: two numbers
 * for an id in canonical decimal form, else its text), its print ({@link postPrint}), its time and the campaigns its
 * hashtags reference (an index into the part's lists of campaigns). 28 bytes a post, in typed arrays that move to the
 * other thread without being copied.
 */
import { type DecimalId, decimalId } from './idSet.ts';

/** The columns' arrays: what one thread posts to another (their buffers are transferred). */
export interface CountedArrays {
  length: number;
  /** An id's high part, or −1 for an id kept as text (the next of `texts`). */
  high: Float64Array;
  low: Uint32Array;
  print: Uint32Array;
  time: Float64Array;
  /** Which of `campaigns` the post's hashtags reference. */
  match: Uint32Array;
  texts: string[];
  /** Each distinct list of campaign ids the posts reference, once. */
  campaigns: (readonly string[])[];
}

const TEXT = -1;

export class CountedColumns {
  #arrays: CountedArrays = {
    length: 0,
    high: new Float64Array(1 << 12),
    low: new Uint32Array(1 << 12),
    print: new Uint32Array(1 << 12),
    time: new Float64Array(1 << 12),
    match: new Uint32Array(1 << 12),
    texts: [],
    campaigns: [],
  };
  #parts: DecimalId = { high: 0, low: 0 };
  /** The index of each list of campaigns: by the array (campaignMatcher gives one per hashtag spelling), else by its ids. */
  #byArray = new Map<readonly string[], number>();
  #byIds = new Map<string, number>();

  push(id: string, print: number, time: number, campaigns: readonly string[]): void {
    let a = this.#arrays;
    if (a.length === a.high.length) a = this.#grow();
    const i = a.length++;
    if (decimalId(id, this.#parts)) {
      a.high[i] = this.#parts.high;
      a.low[i] = this.#parts.low;
    } else {
      a.high[i] = TEXT;
      a.texts.push(id);
    }
    a.print[i] = print;
    a.time[i] = time;
    a.match[i] = this.#indexOf(campaigns);
  }

  #indexOf(campaigns: readonly string[]): number {
    let index = this.#byArray.get(campaigns);
    if (index !== undefined) return index;
    // A post whose hashtags reference several campaigns gets a new array each time: known by its ids.
    const ids = JSON.stringify(campaigns);
    index = this.#byIds.get(ids);
    if (index === undefined) {
      index = this.#arrays.campaigns.push(campaigns) - 1;
      this.#byIds.set(ids, index);
    }
    if (this.#byArray.size < 1024) this.#byArray.set(campaigns, index);
    return index;
  }

  #grow(): CountedArrays {
    const a = this.#arrays;
    const size = a.high.length * 2;
    const grown = <T extends Float64Array | Uint32Array>(from: T, to: T) => {
      to.set(from);
      return to;
    };
    this.#arrays = {
      length: a.length,
      high: grown(a.high, new Float64Array(size)),
      low: grown(a.low, new Uint32Array(size)),
      print: grown(a.print, new Uint32Array(size)),
      time: grown(a.time, new Float64Array(size)),
      match: grown(a.match, new Uint32Array(size)),
      texts: a.texts,
      campaigns: a.campaigns,
    };
    return this.#arrays;
  }

  /** The arrays, and the buffers to transfer with them. */
  arrays(): { arrays: CountedArrays; transfer: ArrayBuffer[] } {
    const a = this.#arrays;
    return { arrays: a, transfer: [a.high.buffer, a.low.buffer, a.print.buffer, a.time.buffer, a.match.buffer] as ArrayBuffer[] };
  }
}

/**
 * Hands each post of `arrays` to `visit` in order: its id as text (`undefined` for a decimal id, then in `decimal`),
 * print, time and the campaigns it references. `decimal` is reused from one post to the next.
 */
export function eachCounted(
  arrays: CountedArrays,
  visit: (text: string | undefined, decimal: DecimalId, print: number, time: number, campaigns: readonly string[]) => void,
): void {
  const decimal: DecimalId = { high: 0, low: 0 };
  let texts = 0;
  for (let i = 0; i < arrays.length; i++) {
    const high = arrays.high[i] as number;
    let text: string | undefined;
    if (high === TEXT) text = arrays.texts[texts++];
    else {
      decimal.high = high;
      decimal.low = arrays.low[i] as number;
    }
    visit(
      text,
      decimal,
      arrays.print[i] as number,
      arrays.time[i] as number,
      arrays.campaigns[arrays.match[i] as number] as readonly string[],
    );
  }
}
