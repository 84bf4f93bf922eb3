import { describe, expect, it } from 'vitest';
import { PostValues } from '../../src/analysis/postValues.ts';
import type { Value } from '../../src/analysis/value.ts';

const value = (key: string, v: number): Value => ({ key, value: v, type: 'count', definition: `${key}.` });

/** A map with "a" set and "b.x", "b.y" promised; `runs` counts the promise's computations. */
function promised() {
  const values = new PostValues();
  const runs = { count: 0 };
  values.set('a', value('a', 1));
  values.later(['b.x', 'b.y'], () => {
    runs.count++;
    // As analysePost's setter does: a key set twice is an error, so the promised keys must read as free here.
    for (const key of ['b.x', 'b.y']) {
      if (values.has(key)) throw new Error(`${key} set twice`);
      values.set(key, value(key, key === 'b.x' ? 2 : 3));
    }
  });
  return { values, runs };
}

describe('PostValues', () => {
  it('knows a promised key, and lists it, without computing it', () => {
    const { values, runs } = promised();
    expect(values.has('b.y')).toBe(true);
    expect(values.has('b.z')).toBe(false);
    expect([...values.keys()]).toEqual(['a', 'b.x', 'b.y']);
    expect(values.get('a')?.value).toBe(1);
    expect(runs.count).toBe(0);
  });

  it('computes a promised group once, when one of its keys is first read', () => {
    const { values, runs } = promised();
    expect(values.get('b.y')?.value).toBe(3);
    expect(values.get('b.x')?.value).toBe(2);
    expect(values.has('b.x')).toBe(true);
    expect([...values.keys()]).toEqual(['a', 'b.x', 'b.y']);
    expect(runs.count).toBe(1);
  });

  it('computes every promise when iterated whole, or asked its size', () => {
    for (const read of [
      (v: PostValues) => [...v].map(([k]) => k),
      (v: PostValues) => [...v.entries()].map(([k]) => k),
      (v: PostValues) => [...v.values()].map((x) => x.key),
      (v: PostValues) => {
        const keys: string[] = [];
        v.forEach((_, k) => {
          keys.push(k);
        });
        return keys;
      },
    ]) {
      const { values, runs } = promised();
      expect(read(values)).toEqual(['a', 'b.x', 'b.y']);
      expect(runs.count).toBe(1);
    }
    const { values, runs } = promised();
    expect(values.size).toBe(3);
    expect(runs.count).toBe(1);
  });
});
