import type { Value } from './value.ts';

/**
 * A post's values, by key, some of them computed only when first read. Every key is known at once (`has`, `keys`:
 * a misspelt key is told apart, and the nearest offered, without computing anything); a group of values promised
 * with {@link PostValues.later} is computed together the first time one of them is read (`get`), or when the map is
 * iterated whole.
 *
 * For values whose work is large and often unused: the term counts behind `terms.*` and `keyness.*` read every text
 * of the posts dataset (a second or more for a million posts), and a post that prints none of them and draws no word
 * cloud need not count them (analysePost.ts).
 */
export class PostValues extends Map<string, Value> {
  /** The promised keys not yet computed, each with the computation that sets its group. */
  readonly #later = new Map<string, () => void>();

  /** Promises `keys`, which `compute` sets (with this map's `set`) when one of them is first read. */
  later(keys: readonly string[], compute: () => void): void {
    const run = () => {
      // Forgotten first: `compute` sets them, and a setter that asks `has` before setting finds them free.
      for (const key of keys) this.#later.delete(key);
      compute();
    };
    for (const key of keys) this.#later.set(key, run);
  }

  override get(key: string): Value | undefined {
    this.#later.get(key)?.();
    return super.get(key);
  }

  override has(key: string): boolean {
    return this.#later.has(key) || super.has(key);
  }

  /** Every key, computed or promised, without computing any. */
  override keys(): MapIterator<string> {
    return new Set([...super.keys(), ...this.#later.keys()]).values();
  }

  override get size(): number {
    this.#computeAll();
    return super.size;
  }

  override entries(): MapIterator<[string, Value]> {
    this.#computeAll();
    return super.entries();
  }

  override values(): MapIterator<Value> {
    this.#computeAll();
    return super.values();
  }

  override forEach(callback: (value: Value, key: string, map: Map<string, Value>) => void, thisArg?: unknown): void {
    this.#computeAll();
    super.forEach(callback, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[string, Value]> {
    return this.entries();
  }

  #computeAll(): void {
    for (const run of new Set(this.#later.values())) run();
  }
}
