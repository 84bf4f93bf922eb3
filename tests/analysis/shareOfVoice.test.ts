import { describe, expect, it } from 'vitest';
import type { CampaignVolume } from '../../src/analysis/campaignVolume.ts';
import { shareOfVoice } from '../../src/analysis/shareOfVoice.ts';

const row = (id: string, any: number, only: number) => ({ id, label: `#${id}`, color: 'red', any, only });

// Edge cases: empty campaign (share 0), overlap row present/absent, shares sum
// to 1, total 0 (NaN, never Infinity).
describe('shareOfVoice(volume)', () => {
  it('attributes exclusively, with an overlap row last (hand-computed: 2/4, 1/4, 0/4, 1/4)', () => {
    const volume: CampaignVolume = {
      total: 4,
      unmatched: 2,
      overlap: 1,
      campaigns: [row('labour', 3, 2), row('corbyn', 2, 1), row('empty', 0, 0)],
    };
    const rows = shareOfVoice(volume);
    expect(rows).toEqual([
      { id: 'labour', label: '#labour', color: 'red', posts: 2, share: 0.5 },
      { id: 'corbyn', label: '#corbyn', color: 'red', posts: 1, share: 0.25 },
      { id: 'empty', label: '#empty', color: 'red', posts: 0, share: 0 },
      { id: 'overlap', label: 'More than one campaign', color: '#8a8a8a', posts: 1, share: 0.25 },
    ]);
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
  });

  it('omits the overlap row when no post is in two campaigns', () => {
    const rows = shareOfVoice({ total: 3, unmatched: 0, overlap: 0, campaigns: [row('a', 1, 1), row('b', 2, 2)] });
    expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(rows.map((r) => r.share)).toEqual([1 / 3, 2 / 3]);
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
  });

  it('gives NaN shares, never Infinity, when total is 0', () => {
    const rows = shareOfVoice({ total: 0, unmatched: 5, overlap: 0, campaigns: [row('a', 0, 0), row('b', 0, 0)] });
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.share).toBeNaN();
  });

  it('returns [] for no campaigns', () => {
    expect(shareOfVoice({ total: 0, unmatched: 0, overlap: 0, campaigns: [] })).toEqual([]);
  });
});
