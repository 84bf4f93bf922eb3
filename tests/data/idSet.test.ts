import { describe, expect, it } from 'vitest';
import { ADDED, type DecimalId, decimalId, decimalText, IdSet, postPrint, REUSED, SEEN } from '../../src/data/idSet.ts';

describe('IdSet', () => {
  it('keeps 18-digit ids exactly: ids differing in one digit anywhere are distinct', () => {
    const set = new IdSet(4);
    const base = '765432109876543210';
    expect(set.add(base)).toBe(true);
    expect(set.add(base)).toBe(false);
    for (let i = 0; i < base.length; i++) {
      const other = `${base.slice(0, i)}${(Number(base[i]) + 1) % 10}${base.slice(i + 1)}`;
      if (other.startsWith('0')) continue;
      expect(set.add(other)).toBe(true);
    }
    // Beyond 2^53, where a float64 would merge neighbours.
    expect(set.add('9007199254740993')).toBe(true);
    expect(set.add('9007199254740992')).toBe(true);
    expect(set.add('9007199254740993')).toBe(false);
  });

  it('treats ids as strings: "7", "07" and "007" are three ids; other ids go to an exact string set', () => {
    const set = new IdSet();
    for (const id of ['7', '07', '007', 'p7', 'at://did:plc:x/app.bsky.feed.post/1', '12345678901234567890', '0', ''])
      expect(set.add(id)).toBe(true);
    for (const id of ['7', '07', '007', 'p7', '12345678901234567890', '0', '']) expect(set.add(id)).toBe(false);
    expect(set.size).toBe(8);
  });

  it('tells an id read again for the same post from one read for another, through growth, in both stores', () => {
    const set = new IdSet(16);
    const post = (i: number) => ({ id: 'x', time: Date.UTC(2016, 6, 1) + i * 60_000 });
    const ids = (i: number) => [`753289326347${String(673600 + i)}`, `p${i}`];
    for (let i = 0; i < 1000; i++) for (const id of ids(i)) expect(set.addPost(id, postPrint(post(i)))).toBe(ADDED);
    for (let i = 0; i < 1000; i++) {
      for (const id of ids(i)) {
        expect(set.addPost(id, postPrint(post(i)))).toBe(SEEN);
        expect(set.addPost(id, postPrint(post(i + 1)))).toBe(REUSED);
      }
    }
    expect(postPrint({ id: 'r', time: 1, repostOf: 'x' })).toBe(postPrint({ id: 'r', time: 2, repostOf: 'x' }));
    // A URI names one post, whatever time each view of it gives (the loader keeps the earliest).
    const uri = 'at://did:plc:mia/app.bsky.feed.post/3k00014';
    expect(set.addPost(uri, postPrint({ id: uri, time: Date.parse('2024-03-18T00:00:30Z') }))).toBe(ADDED);
    expect(set.addPost(uri, postPrint({ id: uri, time: Date.parse('2024-03-17T23:59:50Z') }))).toBe(SEEN);
  });

  it('takes one post exported at different precision (milliseconds, whole seconds truncated or rounded) as a duplicate, not a reused id', () => {
    const set = new IdSet();
    const t = Date.parse('2016-07-01T00:03:06.901Z');
    expect(set.addPost('748668214966480896', postPrint({ id: 'p', time: t }))).toBe(ADDED);
    expect(set.addPost('748668214966480896', postPrint({ id: 'p', time: Date.parse('2016-07-01T00:03:06Z') }))).toBe(SEEN);
    expect(set.addPost('748668214966480896', postPrint({ id: 'p', time: Date.parse('2016-07-01T00:03:07Z') }))).toBe(SEEN);
    expect(set.addPost('748668214966480896', postPrint({ id: 'p', time: Date.parse('2016-07-01T00:03:08Z') }))).toBe(REUSED);
    expect(set.addPost('748668214966480896', postPrint({ id: 'p', time: Date.parse('2016-07-01T00:03:04Z') }))).toBe(REUSED);
    // Before 1970 too (prints wrap modulo 2^32).
    expect(set.addPost('p1', postPrint({ id: 'p', time: Date.parse('1969-12-31T23:59:59.500Z') }))).toBe(ADDED);
    expect(set.addPost('p1', postPrint({ id: 'p', time: Date.parse('1970-01-01T00:00:00Z') }))).toBe(SEEN);
    expect(set.addPost('p1', postPrint({ id: 'p', time: Date.parse('1970-01-01T00:00:01Z') }))).toBe(REUSED);
  });

  it('stays exact while growing through 300,000 ids, as a Set of strings does', () => {
    const set = new IdSet(16);
    const reference = new Set<string>();
    let seed = 7;
    let wrong = 0;
    for (let i = 0; i < 300_000; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      // Tweet-like ids, with many repeats (2^17 distinct low parts).
      const id = `7${String(seed % 50).padStart(8, '0')}${String(seed >>> 15).padStart(9, '0')}`;
      if (set.add(id) === reference.has(id)) wrong++;
      reference.add(id);
    }
    expect(wrong).toBe(0);
    expect(set.size).toBe(reference.size);
    expect(reference.size).toBeGreaterThan(50_000);
    expect(reference.size).toBeLessThan(300_000);
  });

  it('takes a decimal id as its two parts (addDecimal) as it takes its text, and gives the text back', () => {
    const parts: DecimalId = { high: -1, low: -1 };
    for (const id of ['0', '7', '123456789', '1234567890', '765432109876543210', '9999999999999999999']) {
      expect(decimalId(id, parts)).toBe(true);
      expect(decimalText(parts)).toBe(id);
      const set = new IdSet();
      expect(set.addDecimal(parts.high, parts.low, 5)).toBe(ADDED);
      expect(set.addPost(id, 5)).toBe(SEEN);
      expect(set.addPost(id, 500)).toBe(REUSED);
    }
    for (const id of ['', '07', '12a', '-1', '12345678901234567890']) expect(decimalId(id, parts)).toBe(false);
  });
});
