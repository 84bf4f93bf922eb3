import { describe, expect, it } from 'vitest';
import { keyness, keynessKeys, keynessValues } from '../../src/analysis/keyness.ts';
import { extractHashtags } from '../../src/data/hashtags.ts';

const red = { id: 'red', label: '#Red', hashtags: ['Red'], color: '#b3202a' };
const blue = { id: 'blue', label: '#Blue', hashtags: ['Blue'], color: '#1f5f8b' };
const posts: { text: string; hashtags: string[] }[] = [];
const add = (text: string) => posts.push({ text, hashtags: extractHashtags(text) });
for (let i = 0; i < 40; i++) add(`Members rally for democracy ${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))}x party #Red`);
for (let i = 0; i < 20; i++) add(`Win the election ${String.fromCharCode(97 + (i % 26))}y party #Blue`);

describe('keyness(posts, a, b, campaigns)', () => {
  const k = keyness(posts, red, blue, [red, blue]);
  it('puts z ≥ 1.96 on side a, z ≤ −1.96 on side b and the rest in shared, each sorted', () => {
    expect(k.distinctA.map((t) => t.key)).toEqual(['democracy', 'members', 'rally']);
    expect(k.distinctB.map((t) => t.key)).toEqual(['election', 'win']);
    expect(k.shared[0]).toMatchObject({ key: 'party', a: 40, b: 20, side: 'shared' });
    expect(k.distinctA.every((t) => t.z >= 1.96)).toBe(true);
    expect(k.distinctB.every((t) => t.z <= -1.96)).toBe(true);
    expect(k.shared.every((t) => Math.abs(t.z) < 1.96)).toBe(true);
    expect(k.a.texts).toBe(40);
    expect(k.b.texts).toBe(20);
  });

  it('is antisymmetric: b against a gives the same words with the opposite z', () => {
    const back = keyness(posts, blue, red, [red, blue]);
    expect(back.distinctA.map((t) => t.key)).toEqual(k.distinctB.map((t) => t.key));
    expect(back.distinctA[0]?.z).toBeCloseTo(-(k.distinctB[0]?.z ?? 0), 10);
  });
});

describe('keynessValues(posts, campaigns)', () => {
  it('gives the keys keynessKeys names before counting, in its order', () => {
    const green = { ...red, id: 'green', label: '#Green', hashtags: ['Green'] };
    for (const campaigns of [[red, blue], [red, blue, green], [red]])
      expect(keynessValues(posts, campaigns).map((v) => v.key)).toEqual(keynessKeys(campaigns));
    expect(keynessKeys([red, blue])).toEqual([
      'terms.red.top',
      'terms.blue.top',
      'keyness.red.blue.top',
      'keyness.red.blue.shared',
      'keyness.red.blue.count',
      'keyness.blue.red.top',
      'keyness.blue.red.shared',
      'keyness.blue.red.count',
    ]);
  });

  it('gives the prose keys as text, with "none" when nothing distinguishes a side', () => {
    const values = new Map(keynessValues(posts, [red, blue]).map((v) => [v.key, v]));
    expect(values.get('keyness.red.blue.top')?.value).toBe('democracy, Members and rally');
    expect(values.get('keyness.blue.red.top')?.value).toBe('election and Win');
    expect(values.get('keyness.red.blue.shared')?.value).toMatch(/^party, /);
    expect(values.get('keyness.red.blue.count')).toMatchObject({ value: 3, type: 'count' });
    expect(values.get('terms.red.top')).toMatchObject({ type: 'text', label: '#Red' });
    // A label naming two campaigns isolates each (src/render/isolate.ts).
    expect(values.get('keyness.red.blue.top')?.label).toBe('\u2068#Red\u2069 vs \u2068#Blue\u2069');
    // Four terms are in all 40 red texts: three are named, and the definition says which one was left out.
    expect(values.get('terms.red.top')?.value).toBe('democracy, Members and party');
    expect(values.get('terms.red.top')?.definition).toMatch(
      /“\u2068rally\u2069” is in as many texts \(40\) as “\u2068party\u2069”; terms that tie are named in code-point order of their lower-case form\.$/,
    );
    const same = keynessValues(posts.slice(0, 5), [red, { ...blue, hashtags: ['Nobody'] }]);
    expect(same.find((v) => v.key === 'keyness.blue.red.top')?.value).toBe('none');
  });
});
