import { describe, expect, it } from 'vitest';
import { campaignVolume } from '../../src/analysis/campaignVolume.ts';
import { campaigns, post } from './fixtures.ts';

// Hand-computed fixture (campaigns: labour, corbyn, empty):
//   p1 savelabour              → labour
//   p2 SavingLabour            → labour   (variant)
//   p3 KeepCorbyn              → corbyn
//   p4 SaveLabour + keepcorbyn → labour, corbyn (overlap)
//   p5 other                   → none
//   p6 (no hashtags)           → none
// total 4, unmatched 2, overlap 1; labour any 3 only 2; corbyn any 2 only 1; empty 0/0.
const posts = [
  post('2016-07-01T10:00:00Z', 'savelabour'),
  post('2016-07-01T11:00:00Z', 'SavingLabour'),
  post('2016-07-02T10:00:00Z', 'KeepCorbyn'),
  post('2016-07-02T11:00:00Z', 'SaveLabour', 'keepcorbyn'),
  post('2016-07-03T10:00:00Z', 'other'),
  post('2016-07-03T11:00:00Z'),
];

// Edge cases: empty campaign, post in two campaigns, case/variant matching,
// unmatched posts, a post in three campaigns, no posts, no campaigns.
describe('campaignVolume(posts, campaigns)', () => {
  it('counts total, unmatched, overlap, any and only', () => {
    expect(campaignVolume(posts, campaigns)).toEqual({
      total: 4,
      unmatched: 2,
      overlap: 1,
      campaigns: [
        { id: 'labour', label: '#SaveLabour', color: '#d50000', any: 3, only: 2 },
        { id: 'corbyn', label: '#KeepCorbyn', color: '#ff8f00', any: 2, only: 1 },
        { id: 'empty', label: '#NobodyUsesThis', color: '#2962ff', any: 0, only: 0 },
      ],
    });
  });

  it('counts a post in two campaigns in both any, in overlap and in no only', () => {
    const v = campaignVolume([post('2016-07-01T00:00:00Z', '#SAVELABOUR', 'KeepCorbyn')], campaigns);
    expect(v.total).toBe(1);
    expect(v.overlap).toBe(1);
    expect(v.campaigns.map((c) => [c.any, c.only])).toEqual([
      [1, 0],
      [1, 0],
      [0, 0],
    ]);
  });

  it('counts a post in three campaigns once in overlap', () => {
    const v = campaignVolume([post('2016-07-01T00:00:00Z', 'SaveLabour', 'KeepCorbyn', 'NobodyUsesThis')], campaigns);
    expect(v).toMatchObject({ total: 1, unmatched: 0, overlap: 1 });
    expect(v.campaigns.map((c) => c.any)).toEqual([1, 1, 1]);
  });

  it('satisfies total = Σ only + overlap and total + unmatched = posts', () => {
    const v = campaignVolume(posts, campaigns);
    expect(v.campaigns.reduce((n, c) => n + c.only, 0) + v.overlap).toBe(v.total);
    expect(v.total + v.unmatched).toBe(posts.length);
  });

  it('handles no posts and no campaigns', () => {
    expect(campaignVolume([], campaigns)).toEqual({
      total: 0,
      unmatched: 0,
      overlap: 0,
      campaigns: campaigns.map(({ id, label, color }) => ({ id, label, color, any: 0, only: 0 })),
    });
    expect(campaignVolume(posts, [])).toEqual({ total: 0, unmatched: 6, overlap: 0, campaigns: [] });
  });
});
