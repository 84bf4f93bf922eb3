import { describe, expect, it } from 'vitest';
import { accentVariants } from '../../src/analysis/accentVariants.ts';
import type { Campaign } from '../../src/analysis/types.ts';
import { post } from './fixtures.ts';

const campaigns: Campaign[] = [
  { id: 'si', label: '#EuropaSí', hashtags: ['EuropaSí', 'SíEuropa'], color: '#b3202a' },
  { id: 'adieu', label: '#AdieuBruxelles', hashtags: ['AdieuBruxelles'], color: '#1f5f8b' },
];

describe('accentVariants(posts, campaigns)', () => {
  it('finds hashtags equal to a listed one but for accents, counting posts (not uses), most used first', () => {
    const posts = [
      post('2016-06-01T10:00:00Z', 'EuropaSi'),
      post('2016-06-01T11:00:00Z', 'europasi', 'EuropaSi'),
      post('2016-06-01T12:00:00Z', 'SiEuropa'),
      post('2016-06-01T13:00:00Z', 'EuropaSí', 'europasí'),
      post('2016-06-01T14:00:00Z', 'AdieuBruxellès'),
      post('2016-06-01T15:00:00Z', 'Other', 'EUROPASÍ'),
    ];
    expect(accentVariants(posts, campaigns)).toEqual([
      { campaign: 'si', listed: 'EuropaSí', spelling: 'EuropaSi', posts: 2 },
      { campaign: 'adieu', listed: 'AdieuBruxelles', spelling: 'AdieuBruxellès', posts: 1 },
      { campaign: 'si', listed: 'SíEuropa', spelling: 'SiEuropa', posts: 1 },
    ]);
  });

  it('counts only the posts the campaign does not count already (one that also carries a listed hashtag is)', () => {
    const posts = [
      post('2016-06-01T10:00:00Z', 'SiEuropa', 'SíEuropa'),
      post('2016-06-01T11:00:00Z', 'SiEuropa', 'EuropaSí'),
      post('2016-06-01T12:00:00Z', 'SiEuropa', 'AdieuBruxelles'),
      post('2016-06-01T13:00:00Z', 'AdieuBruxellès', 'SíEuropa'),
    ];
    expect(accentVariants(posts, campaigns)).toEqual([
      { campaign: 'adieu', listed: 'AdieuBruxelles', spelling: 'AdieuBruxellès', posts: 1 },
      { campaign: 'si', listed: 'SíEuropa', spelling: 'SiEuropa', posts: 1 },
    ]);
    expect(accentVariants(posts.slice(0, 2), campaigns)).toEqual([]);
  });

  it('leaves alone marks that are part of a word, not accents (a Devanagari vowel sign)', () => {
    const hindi: Campaign[] = [{ id: 'h', label: '#भारत', hashtags: ['भारत'], color: '#b3202a' }];
    expect(accentVariants([post('2016-06-01T10:00:00Z', 'भरत')], hindi)).toEqual([]);
  });

  it('takes a decomposed accent as the listed hashtag itself (NFC), not a variant', () => {
    expect(accentVariants([post('2016-06-01T10:00:00Z', 'EuropaSi\u0301')], campaigns)).toEqual([]);
  });
});
