import { describe, expect, it } from 'vitest';
import { campaignColors, NEUTRAL_COLOR, OTHER_CAMPAIGN } from '../../src/render/campaignColors.ts';

const colors = { domain: ['#KeepCorbyn', '#SaveLabour'], range: ['#c2185b', '#1e88e5'] };

describe('campaignColors(spec, colors, rows)', () => {
  it('sets the scale of colour encodings of `campaign`, in every layer', () => {
    const spec = {
      encoding: { color: { field: 'campaign', type: 'nominal' } },
      layer: [{ mark: 'bar', encoding: { fill: { field: 'campaign' }, stroke: { field: 'kind' } } }],
    };
    const rows = [{ campaign: '#SaveLabour' }];
    expect(campaignColors(spec, colors, rows)).toEqual({
      encoding: { color: { field: 'campaign', type: 'nominal', scale: colors } },
      layer: [{ mark: 'bar', encoding: { fill: { field: 'campaign', scale: colors }, stroke: { field: 'kind' } } }],
    });
  });

  it('appends other values and a null campaign in neutral grey', () => {
    const spec = { mark: 'bar', encoding: { color: { field: 'campaign' } } };
    const rows = [{ campaign: null }, { campaign: 'More than one campaign' }, { campaign: '#KeepCorbyn' }, { campaign: null }];
    expect(campaignColors(spec, colors, rows).encoding).toEqual({
      color: {
        field: 'campaign',
        scale: {
          domain: ['#KeepCorbyn', '#SaveLabour', OTHER_CAMPAIGN, 'More than one campaign'],
          range: ['#c2185b', '#1e88e5', NEUTRAL_COLOR, NEUTRAL_COLOR],
        },
      },
    });
    expect(OTHER_CAMPAIGN).toBe('Other/unaffiliated');
  });

  it('names a date as the chart data writes it (a day as YYYY-MM-DD)', () => {
    const spec = { mark: 'bar', encoding: { color: { field: 'campaign' } } };
    const rows = [{ campaign: new Date(Date.UTC(2016, 6, 11)) }, { campaign: new Date(Date.UTC(2016, 6, 11, 18, 4)) }];
    expect((campaignColors(spec, colors, rows).encoding as { color: { scale: { domain: string[] } } }).color.scale.domain).toEqual([
      '#KeepCorbyn',
      '#SaveLabour',
      '2016-07-11',
      '2016-07-11T18:04:00.000Z',
    ]);
  });

  it('pads a short range with grey rather than reusing a campaign’s colour', () => {
    const spec = { mark: 'bar', encoding: { color: { field: 'campaign' } } };
    const out = campaignColors(spec, { domain: ['a', 'b'], range: ['red'] }, []);
    expect(out.encoding).toEqual({ color: { field: 'campaign', scale: { domain: ['a', 'b'], range: ['red', NEUTRAL_COLOR] } } });
  });

  it('leaves a spec’s own scale (even null) and other fields alone', () => {
    const spec = {
      mark: 'bar',
      encoding: {
        color: { field: 'campaign', scale: null },
        fill: { field: 'campaign', scale: { scheme: 'set2' } },
        x: { field: 'campaign' },
      },
    };
    expect(campaignColors(spec, colors, [])).toEqual(spec);
  });
});
