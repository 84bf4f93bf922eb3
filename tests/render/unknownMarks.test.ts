import { describe, expect, it } from 'vitest';
import { unknownMarks } from '../../src/render/unknownMarks.ts';

describe('unknownMarks(spec)', () => {
  it('finds unknown mark types, in string and object form, in every view', () => {
    const spec = {
      layer: [{ mark: 'bar' }, { mark: { type: 'sparkline' } }, { mark: 'Bar' }, { mark: { type: 'sparkline' } }],
      hconcat: [{ mark: 'boxplot' }],
    };
    expect(unknownMarks(spec)).toEqual(['sparkline', 'Bar']);
  });

  it('accepts every vega-lite mark and specs without marks', () => {
    expect(unknownMarks({ mark: { type: 'errorband' }, layer: [{ mark: 'geoshape' }, { mark: 'trail' }] })).toEqual([]);
    expect(unknownMarks({ layer: [] })).toEqual([]);
  });
});
