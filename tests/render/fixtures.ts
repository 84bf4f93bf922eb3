import type { Row } from '../../src/data/types.ts';

/** Campaign colours as a post's frontmatter would give them. */
export const colors = {
  domain: ['#KeepCorbyn', '#SaveLabour'],
  range: ['#c2185b', '#1e88e5'],
};

const firstWeek = Date.UTC(2016, 6, 4); // Monday 4 July 2016, ISO week 27
const keep = [812, 1430, 2210, 1975, 3120, 2890, 4410, 3980, 3305, 2760, 5120, 4870, 3650];
const save = [1290, 1104, 860, 930, 1510, 1220, 990, 1405, 1130, 870, 1610, 1340, 1205];

/** 13 ISO weeks × 2 campaigns. */
export const weeklyRows: Row[] = keep.flatMap((posts, i) => [
  { week: new Date(firstWeek + i * 7 * 86_400_000), campaign: '#KeepCorbyn', posts },
  { week: new Date(firstWeek + i * 7 * 86_400_000), campaign: '#SaveLabour', posts: save[i] ?? 0 },
]);

export const shareRows: Row[] = [
  { campaign: '#KeepCorbyn', posts: 62259, share: 62259 / 78412 },
  { campaign: '#SaveLabour', posts: 16074, share: 16074 / 78412 },
  { campaign: 'More than one campaign', posts: 79, share: 79 / 78412 },
];

export const followerRows: Row[] = [
  { name: 'Jeremy Corbyn', followers: 629_000, campaign: '#KeepCorbyn', platform: 'twitter' },
  { name: 'Owen Smith', followers: 16_500, campaign: '#SaveLabour', platform: 'twitter' },
  { name: 'Momentum', followers: 44_400, campaign: '#KeepCorbyn', platform: 'twitter' },
  { name: 'Chuka Umunna', followers: 168_000, campaign: '#SaveLabour', platform: 'twitter' },
  { name: 'Ed Miliband', followers: 530_000, campaign: null, platform: 'twitter' },
  { name: 'Sadiq Khan', followers: 297_000, campaign: '#SaveLabour', platform: 'twitter' },
  { name: 'J. K. Rowling', followers: 8_200_000, campaign: '#SaveLabour', platform: 'twitter' },
  { name: 'Jason Isaacs', followers: 88_400, campaign: null, platform: 'twitter' },
  { name: 'Robert Webb', followers: 420_000, campaign: null, platform: 'twitter' },
];

export const projectionRows: Row[] = [
  { label: 'Projection from share of voice', share: 0.794, kind: 'projection', campaign: '#KeepCorbyn' },
  { label: 'Leadership election 2015', share: 0.595, kind: 'result', campaign: null },
  { label: 'YouGov members poll, August 2016', share: 0.62, kind: 'poll', campaign: null },
  { label: "YouGov, 30 August (excl. don't know), Labour selectorate", share: 0.618, kind: 'poll', campaign: null },
];
