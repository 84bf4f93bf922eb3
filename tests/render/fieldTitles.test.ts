import { describe, expect, it } from 'vitest';
import { builtinCharts } from '../../src/render/builtinCharts.ts';
import { fieldTitles } from '../../src/render/fieldTitles.ts';

const of = (name: string) => fieldTitles(builtinCharts[name]?.spec ?? {});

describe('fieldTitles(spec)', () => {
  it("heads a column with its field's title, without the chart's note", () => {
    expect(of('weekly-volume')).toMatchObject({ week: 'Week beginning', posts: 'Posts' });
    expect(of('follower-reach').followers).toBe('Followers');
    // A unit is the column's.
    expect(
      fieldTitles({ mark: 'bar', encoding: { x: { field: 's', title: 'Spend (£m)' }, y: { field: 't', title: 'Time (UTC)' } } }),
    ).toEqual({
      s: 'Spend (£m)',
      t: 'Time (UTC)',
    });
  });

  it('heads neither column of a range with the title of the scale they share', () => {
    const scorecard = of('scorecard');
    expect(scorecard.actual).toBeUndefined();
    expect(scorecard.value).toBeUndefined();
  });

  it('takes an encoding title over an axis or legend title, and leaves untitled fields alone', () => {
    expect(
      fieldTitles({
        layer: [
          {
            mark: 'bar',
            encoding: { x: { field: 'n', title: 'Count', axis: { title: 'Axis' } }, color: { field: 'c', legend: { title: 'Side' } } },
          },
          { mark: 'text', encoding: { x: { field: 'n' }, text: { field: 'label' } } },
        ],
      }),
    ).toEqual({ n: 'Count', c: 'Side' });
  });
});
