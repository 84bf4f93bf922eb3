import { describe, expect, it } from 'vitest';
import { recounts } from '../../src/analysis/recounts.ts';
import { campaignsTermCounts, termCounts, textsCleaned } from '../../src/analysis/termCounts.ts';
import { extractHashtags } from '../../src/data/hashtags.ts';

const red = { id: 'red', label: '#Red', hashtags: ['Red'], color: '#b3202a' };
const blue = { id: 'blue', label: '#Blue', hashtags: ['Blue', 'SaveBlue'], color: '#1f5f8b' };
const posts = (...texts: string[]) => texts.map((text) => ({ text, hashtags: extractHashtags(text) }));

describe('termCounts(posts, campaign, campaigns)', () => {
  it("counts each distinct text once: a viral tweet's retweets and copies add nothing", () => {
    const viral = 'Rally tonight in Leeds #Red https://t.co/a1';
    const result = termCounts(
      posts(viral, `RT @someone: ${viral}`, `RT @other: ${viral}`, 'rally TONIGHT in leeds #red https://t.co/b2', 'Members rally #Red'),
      red,
      [red, blue],
    );
    expect(result.posts).toBe(5);
    expect(result.texts).toBe(2);
    expect(result.terms).toEqual([
      { key: 'rally', text: 'rally', count: 2 }, // "Rally" only opens sentences
      { key: 'leeds', text: 'Leeds', count: 1 },
      { key: 'members', text: 'Members', count: 1 },
      { key: 'tonight', text: 'tonight', count: 1 },
    ]);
    expect(result.total).toBe(5);
  });

  it('reads only posts using the campaign alone, and leaves out every campaign hashtag', () => {
    const result = termCounts(posts('#Red #Blue together', '#SaveBlue unity', '#Red #Comrades'), red, [red, blue]);
    expect(result.posts).toBe(1);
    expect(result.terms.map((t) => t.text)).toEqual(['#Comrades']);
    expect(termCounts(posts('#Red #Blue together', '#SaveBlue unity'), blue, [red, blue]).terms.map((t) => t.key)).toEqual(['unity']);
  });

  it("counts every campaign's terms in one pass, each as termCounts counts it alone: a text both sides posted counts on both", () => {
    const all = posts(
      'Vote today #Red',
      'Vote today #Blue',
      'RT @a: Vote today #Red',
      'Unity wins #SaveBlue',
      '#Red #Blue both',
      'nothing',
    );
    const both = campaignsTermCounts(all, [red, blue]);
    expect([...both.keys()]).toEqual(['red', 'blue']);
    expect(both.get('red')).toEqual(termCounts(all, red, [red, blue]));
    expect(both.get('blue')).toEqual(termCounts(all, blue, [red, blue]));
    expect(both.get('red')?.terms.map((t) => [t.key, t.count])).toEqual([
      ['today', 1],
      ['vote', 1],
    ]);
    expect(both.get('blue')?.terms.map((t) => [t.key, t.count])).toEqual([
      ['today', 1],
      ['unity', 1],
      ['vote', 1],
      ['wins', 1],
    ]);
    expect([both.get('red')?.posts, both.get('blue')?.posts]).toEqual([2, 2]);
  });

  it('shows the most common casing, ignoring sentence-initial capitals unless there is nothing else', () => {
    const result = termCounts(
      posts(
        '#Red Members first.',
        '#Red Members again.',
        '#Red for the members',
        '#JezWeCan #Red',
        '#jezwecan #red x',
        '#JezWeCan #red y',
        '#Red Unity.',
      ),
      red,
      [red],
    );
    const text = (key: string) => result.terms.find((t) => t.key === key)?.text;
    expect(text('members')).toBe('members');
    expect(text('#jezwecan')).toBe('#JezWeCan');
    expect(text('unity')).toBe('Unity');
  });

  it('counts a term once per text however often the text repeats it; ties sort by key', () => {
    const result = termCounts(posts('#Red vote vote vote', '#Red zeal alpha'), red, [red]);
    expect(result.terms).toEqual([
      { key: 'alpha', text: 'alpha', count: 1 },
      { key: 'vote', text: 'vote', count: 1 },
      { key: 'zeal', text: 'zeal', count: 1 },
    ]);
  });
});

describe('campaignsTermCounts in a process that counts again (a dev server: recounts.ts)', () => {
  it('counts what a first count would from the texts it kept, reading only the new ones; a removed file’s are not kept', () => {
    const week = posts(
      'Rally tonight in Leeds #Red https://t.co/a1',
      'RT @x: Rally tonight in Leeds #Red https://t.co/a1',
      'Members rally #Red',
      'Unity wins #SaveBlue',
      'Vote today #Red',
      'Vote today #Blue',
      'Vote TODAY #blue https://t.co/zz',
    );
    // A file dropped in: two new texts and one the week has.
    const dropped = posts('New week: Leeds rally again #Red', 'Jobs and unity #Blue', 'Members rally #Red');
    const campaigns = [red, blue];
    const counts = (p: typeof week) => campaignsTermCounts(p, campaigns);
    const expected = [counts(week), counts([...week, ...dropped]), counts(week), counts([...week, ...dropped])];
    recounts.on = true;
    try {
      const read: number[] = [];
      const got = [week, [...week, ...dropped], week, [...week, ...dropped]].map((p) => {
        const before = textsCleaned();
        const result = counts(p);
        read.push(textsCleaned() - before);
        return result;
      });
      expect(got).toEqual(expected);
      // Every text of the first count as written (a retweet's too: its prefix goes in the cleaning); then the dropped
      // file's two new ones; none; and those two again, since the count without them kept only the texts it read.
      expect(read).toEqual([7, 2, 0, 2]);
      // Other options (here, another campaign's hashtags left out) are not answered from these texts.
      const before = textsCleaned();
      expect(campaignsTermCounts(week, [red])).toEqual(recountOff(() => campaignsTermCounts(week, [red])));
      expect(textsCleaned() - before).toBeGreaterThan(0);
    } finally {
      recounts.on = false;
    }
  });
});

function recountOff<T>(f: () => T): T {
  const on = recounts.on;
  recounts.on = false;
  try {
    return f();
  } finally {
    recounts.on = on;
  }
}
