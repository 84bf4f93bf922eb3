import { describe, expect, it } from 'vitest';
import { leadChanges } from '../../src/analysis/leadChanges.ts';
import { weeklyGap } from '../../src/analysis/weeklyGap.ts';
import type { WeeklyRow } from '../../src/analysis/weeklyVolume.ts';

const week = (n: number) => new Date(Date.UTC(2016, 6, 4 + 7 * n)); // Mondays from 2016-07-04
/** Weekly rows of campaigns a and b, one `[a, b]` pair a week from 2016-07-04. */
const rows = (pairs: [number, number][]): WeeklyRow[] =>
  pairs.flatMap(([a, b], n) => [
    { week: week(n), campaign: 'a', label: 'A', posts: a },
    { week: week(n), campaign: 'b', label: 'B', posts: b },
  ]);

describe('leadChanges(gap)', () => {
  it('names the campaign leading in more weeks and the weeks the other led', () => {
    expect(
      leadChanges(
        weeklyGap(
          rows([
            [3, 1],
            [0, 2],
            [1, 1],
            [2, 0],
            [0, 5],
          ]),
          'a',
          'b',
        ),
      ),
    ).toEqual({
      leader: 'a',
      led: 2,
      trailed: [week(1), week(4)],
      counted: 5,
    });
    // b leads in more weeks: a's one week is listed.
    expect(
      leadChanges(
        weeklyGap(
          rows([
            [1, 3],
            [2, 0],
            [0, 4],
          ]),
          'a',
          'b',
        ),
      ),
    ).toEqual({ leader: 'b', led: 2, trailed: [week(1)], counted: 3 });
  });

  it('takes a as the leader when both lead as often, since the gap is written a − b', () => {
    expect(
      leadChanges(
        weeklyGap(
          rows([
            [0, 1],
            [1, 0],
          ]),
          'a',
          'b',
        ),
      ),
    ).toEqual({ leader: 'a', led: 1, trailed: [week(0)], counted: 2 });
    expect(
      leadChanges(
        weeklyGap(
          rows([
            [0, 1],
            [1, 0],
          ]),
          'b',
          'a',
        ),
      ),
    ).toEqual({ leader: 'a', led: 1, trailed: [week(1)], counted: 2 });
  });

  it('sees no change when the other side only ties, or neither posts', () => {
    expect(
      leadChanges(
        weeklyGap(
          rows([
            [3, 1],
            [2, 2],
            [0, 0],
            [5, 0],
          ]),
          'a',
          'b',
        ),
      ),
    ).toBeUndefined();
    expect(
      leadChanges(
        weeklyGap(
          rows([
            [0, 0],
            [0, 0],
          ]),
          'a',
          'b',
        ),
      ),
    ).toBeUndefined();
    expect(leadChanges(weeklyGap([], 'a', 'b'))).toBeUndefined();
  });

  it('looks only at the weeks the gap counts: a partial first or last week left out is not a change', () => {
    // b leads the first and the last week, each of 2 days of 7.
    const days = (w: Date) => (+w === +week(0) || +w === +week(3) ? 2 : 7);
    expect(
      leadChanges(
        weeklyGap(
          rows([
            [0, 9],
            [3, 1],
            [2, 1],
            [0, 9],
          ]),
          'a',
          'b',
          days,
        ),
      ),
    ).toBeUndefined();
    // When no week is whole, every week is counted.
    expect(
      leadChanges(
        weeklyGap(
          rows([
            [0, 9],
            [3, 1],
          ]),
          'a',
          'b',
          () => 3,
        ),
      ),
    ).toEqual({ leader: 'a', led: 1, trailed: [week(0)], counted: 2 });
  });
});
