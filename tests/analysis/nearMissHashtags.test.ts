import { describe, expect, it } from 'vitest';
import { isNearMiss, nearMissHashtags } from '../../src/analysis/nearMissHashtags.ts';
import type { Post } from '../../src/data/types.ts';

const post = (id: string, hashtags: string[]): Post => ({ id, time: 0, author: 'a', text: '', hashtags });
const posts = (n: number, hashtags: string[], from = 0) =>
  Array.from({ length: n }, (_, i) => post(`${hashtags.join()}${from + i}`, hashtags));
const campaign = (id: string, hashtags: string[], unrelated?: string[]) => ({
  id,
  label: `#${id}`,
  hashtags,
  color: '#000000',
  ...(unrelated ? { unrelated } : {}),
});

describe('isNearMiss(listed, key)', () => {
  it('takes a plural "s" either way, one edit from 5 letters up, two from 10 up', () => {
    expect(isNearMiss('notram', 'notrams')).toBe(true);
    expect(isNearMiss('trams', 'tram')).toBe(true);
    expect(isNearMiss('red', 'reds')).toBe(true);
    expect(isNearMiss('yestram', 'yestran')).toBe(true);
    expect(isNearMiss('keepcorbyn', 'keepcorbin')).toBe(true);
    expect(isNearMiss('keepcorbyn', 'kepcorbin')).toBe(true);
    // A short tag is one letter from other words; six letters are not two edits from a typo only.
    expect(isNearMiss('red', 'rod')).toBe(false);
    expect(isNearMiss('notram', 'notrump')).toBe(false);
    // Another year is another event; the tag itself is no miss.
    expect(isNearMiss('ge2017', 'ge2019')).toBe(false);
    expect(isNearMiss('notram', 'notram')).toBe(false);
  });
});

describe('nearMissHashtags(posts, campaigns)', () => {
  const campaigns = [campaign('yes', ['YesTram', 'TramYes']), campaign('no', ['NoTram'])];

  it('counts the posts that use a near-miss and none of the campaign’s hashtags, against the posts the campaign counts', () => {
    // No counts 100 posts (#NoTram, with or without #NoTrams); #NoTrams alone is in 4, #NOTRAMS in 2 more: 6, 6%.
    const data = [
      ...posts(95, ['NoTram']),
      ...posts(5, ['NoTram', 'NoTrams']),
      ...posts(4, ['NoTrams']),
      ...posts(2, ['NOTRAMS', 'Halvorsby']),
      ...posts(50, ['YesTram']),
    ];
    expect(nearMissHashtags(data, campaigns)).toEqual([{ campaign: 1, listed: 'NoTram', spelling: 'NoTrams', posts: 6, counted: 100 }]);
  });

  it('leaves out one below 1% of the campaign’s posts or under 3 posts, an accent variant, and one listed as unrelated', () => {
    const data = [
      ...posts(300, ['NoTram']),
      // 2 posts: under 3, and under 1% of 300.
      ...posts(2, ['NoTrams']),
      // 3 posts: 1% of 300 exactly, kept.
      ...posts(3, ['YesTrams']),
      ...posts(300, ['YesTram']),
      // Warned of as an accent variant (accentVariants.ts), not again here.
      ...posts(20, ['NöTram']),
      // One edit from #YesTram: reported, unless the analyst lists it as not the campaign's.
      ...posts(20, ['YesTran']),
    ];
    expect(nearMissHashtags(data, campaigns).map((m) => [m.spelling, m.posts, m.counted])).toEqual([
      ['YesTran', 20, 300],
      ['YesTrams', 3, 300],
    ]);
    const marked = [campaign('yes', ['YesTram', 'TramYes'], ['YesTran']), campaigns[1] as ReturnType<typeof campaign>];
    expect(nearMissHashtags(data, marked).map((m) => m.spelling)).toEqual(['YesTrams']);
  });

  it('finds nothing, without reading the posts again, when no hashtag is near', () => {
    expect(nearMissHashtags([...posts(10, ['NoTram']), ...posts(10, ['Halvorsby'])], campaigns)).toEqual([]);
  });
});
