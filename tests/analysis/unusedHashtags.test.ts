import { describe, expect, it } from 'vitest';
import { unusedHashtags } from '../../src/analysis/unusedHashtags.ts';
import type { Post } from '../../src/data/types.ts';

const post = (id: string, hashtags: string[]): Post => ({ id, time: 0, author: 'a', text: '', hashtags });
const campaign = (id: string, hashtags: string[]) => ({ id, label: `#${id}`, hashtags, color: '#000000' });

describe('unusedHashtags(posts, campaigns)', () => {
  it('lists the spellings no post uses, as campaigns match (case, Unicode normalisation), of campaigns some post uses', () => {
    const posts = [post('1', ['KeepCorbyn']), post('2', ['SAVINGLABOUR']), post('3', ['Si\u0301Europa'])];
    const campaigns = [
      campaign('keep', ['keepcorbyn', 'KeepCorbin']),
      campaign('saving', ['SavingLabour', 'SaveLabour']),
      campaign('si', ['SíEuropa']),
      // Used by no post at all: refused by analysePost, not listed here.
      campaign('none', ['Nobody', 'Nothing']),
    ];
    expect(unusedHashtags(posts, campaigns)).toEqual([
      { campaign: 0, hashtag: 1, listed: 'KeepCorbin', label: '#keep', near: [] },
      { campaign: 1, hashtag: 1, listed: 'SaveLabour', label: '#saving', near: [] },
    ]);
  });

  it("names the posts' hashtags spelt closest to one, as a post first writes them, not the campaigns' own", () => {
    const posts = [post('1', ['KeepCorbyn']), post('2', ['KeepCorbynn', 'keepcorbynn']), post('3', ['JezWeCan'])];
    expect(unusedHashtags(posts, [campaign('keep', ['KeepCorbyn', 'KeepCorbin'])])).toEqual([
      { campaign: 0, hashtag: 1, listed: 'KeepCorbin', label: '#keep', near: ['KeepCorbynn'] },
    ]);
  });
});
