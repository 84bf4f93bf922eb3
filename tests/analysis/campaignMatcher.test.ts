import { describe, expect, it } from 'vitest';
import { campaignMatcher } from '../../src/analysis/campaignMatcher.ts';
import type { Campaign } from '../../src/analysis/types.ts';
import { campaigns } from './fixtures.ts';

// Edge cases: case, a leading '#' on either side, spelling variants, NFC vs NFD,
// duplicate hashtags, several campaigns (order), shared hashtags, no campaigns,
// no hashtags, substrings.
describe('campaignMatcher(campaigns)', () => {
  const match = campaignMatcher(campaigns);

  it('matches case-insensitively and strips a leading #', () => {
    expect(match(['savelabour'])).toEqual(['labour']);
    expect(match(['#savelabour'])).toEqual(['labour']);
    expect(match(['SAVELABOUR'])).toEqual(['labour']);
  });

  it('matches every listed variant, and only listed variants', () => {
    expect(match(['savinglabour'])).toEqual(['labour']);
    expect(match(['SavedLabour'])).toEqual([]);
    expect(match(['SaveLabourNow'])).toEqual([]);
    expect(match(['Labour'])).toEqual([]);
  });

  it('strips a leading # from the campaign hashtags too, but only one', () => {
    const m = campaignMatcher([{ id: 'x', label: '#X', hashtags: ['#Brexit'], color: 'red' }]);
    expect(m(['brexit'])).toEqual(['x']);
    expect(m(['##brexit'])).toEqual([]);
  });

  it('compares after NFC normalisation', () => {
    const m = campaignMatcher([{ id: 'cafe', label: '#Café', hashtags: ['Caf\u00e9'], color: 'red' }]);
    expect(m(['cafe\u0301'])).toEqual(['cafe']); // decomposed é
    expect(m(['CAFE\u0301'])).toEqual(['cafe']); // decomposed É
    expect(m(['cafe'])).toEqual([]);
  });

  it("lists each campaign at most once, in the campaigns' order", () => {
    expect(match(['KeepCorbyn', 'SaveLabour'])).toEqual(['labour', 'corbyn']);
    expect(match(['SaveLabour', 'savinglabour', '#SAVELABOUR'])).toEqual(['labour']);
  });

  it('lists every campaign that shares a hashtag', () => {
    const shared: Campaign[] = [
      { id: 'a', label: 'A', hashtags: ['Both', 'OnlyA'], color: 'red' },
      { id: 'b', label: 'B', hashtags: ['both'], color: 'blue' },
    ];
    expect(campaignMatcher(shared)(['BOTH'])).toEqual(['a', 'b']);
  });

  it('returns [] for no hashtags, unrelated hashtags or no campaigns', () => {
    expect(match([])).toEqual([]);
    expect(match(['Brexit'])).toEqual([]);
    expect(campaignMatcher([])(['SaveLabour'])).toEqual([]);
  });
});
