import { describe, expect, it } from 'vitest';
import { missingFields } from '../../src/render/missingFields.ts';

const rows = [{ name: 'a', followers: 1, 'a.b': 2, nested: null }];

describe('missingFields(spec, rows)', () => {
  it('lists encoded fields that are neither columns nor transform outputs', () => {
    const spec = {
      transform: [
        { calculate: 'datum.followers * 2', as: 'double' },
        { aggregate: [{ op: 'sum', field: 'followers', as: 'total' }], groupby: ['name'] },
        { fold: ['x', 'y'] },
      ],
      layer: [
        { mark: 'bar', encoding: { x: { field: 'double' }, y: { field: 'name' }, color: { field: 'colour' } } },
        { mark: 'text', encoding: { text: { field: 'total' }, tooltip: [{ field: 'key' }, { field: 'nme' }, { field: 'colour' }] } },
      ],
    };
    expect(missingFields(spec, rows)).toEqual(['colour', 'nme']);
  });

  it('reads nested and escaped field names as vega-lite does', () => {
    const spec = { mark: 'bar', encoding: { x: { field: 'nested.deep' }, y: { field: 'a\\.b' }, color: { field: 'other.x' } } };
    expect(missingFields(spec, rows)).toEqual(['other']);
  });

  it('does not check when it cannot know: no rows, or opaque transforms', () => {
    const spec = { mark: 'bar', encoding: { x: { field: 'missing' } } };
    expect(missingFields(spec, [])).toEqual([]);
    expect(missingFields({ ...spec, transform: [{ pivot: 'name', value: 'followers' }] }, rows)).toEqual([]);
  });

  it('ignores count aggregates and repeat references', () => {
    const spec = { mark: 'bar', encoding: { x: { aggregate: 'count', field: '*' }, y: { field: { repeat: 'row' } } } };
    expect(missingFields(spec, rows)).toEqual([]);
  });
});
