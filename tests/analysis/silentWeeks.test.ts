import { describe, expect, it } from 'vitest';
import { silentWeeks } from '../../src/analysis/silentWeeks.ts';
import { wholeWeeks } from '../../src/analysis/weekCoverage.ts';
import { weeklyVolume } from '../../src/analysis/weeklyVolume.ts';
import type { Post } from '../../src/data/types.ts';
import { campaigns, post } from './fixtures.ts';

const week = (n: number) => new Date(Date.UTC(2016, 6, 4 + 7 * n)); // Mondays from 2016-07-04
/** The weeks the means count for `posts`: every week from the first post's to the last's, whole unless `partial`. */
const counted = (posts: readonly Post[], partial: (w: Date) => boolean = () => false) =>
  wholeWeeks(
    weeklyVolume(posts, campaigns).map((r) => r.week),
    (w) => (partial(w) ? 3 : 7),
  );

describe('silentWeeks(posts, campaigns, counted)', () => {
  it('finds the whole weeks with no post at all, inside the period', () => {
    const posts = [
      post('2016-07-04T10:00:00Z', 'KeepCorbyn'),
      // No post in the weeks of 11 and 18 July (a missing export), nor of 1 August.
      post('2016-07-25T10:00:00Z', 'SaveLabour'),
      post('2016-08-08T10:00:00Z', 'KeepCorbyn'),
    ];
    expect(silentWeeks(posts, campaigns, counted(posts))).toEqual([week(1), week(2), week(4)]);
  });

  it('finds none in a week whose posts are of no campaign: the data is there, and the campaigns were silent', () => {
    const posts = [
      post('2016-07-04T10:00:00Z', 'KeepCorbyn'),
      post('2016-07-13T10:00:00Z', 'Other'),
      post('2016-07-18T10:00:00Z', 'KeepCorbyn'),
    ];
    expect(silentWeeks(posts, campaigns, counted(posts))).toEqual([]);
  });

  it('finds none in a partial week the means leave out, nor when no week is whole', () => {
    const posts = [post('2016-07-04T10:00:00Z', 'KeepCorbyn'), post('2016-07-25T10:00:00Z', 'KeepCorbyn')];
    // The empty weeks of 11 and 18 July taken as partial: only whole weeks are counted, and so looked at.
    expect(
      silentWeeks(
        posts,
        campaigns,
        counted(posts, (w) => +w === +week(1)),
      ),
    ).toEqual([week(2)]);
    expect(
      silentWeeks(
        posts,
        campaigns,
        counted(posts, () => true),
      ),
    ).toEqual([]);
  });
});
