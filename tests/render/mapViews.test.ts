import { describe, expect, it } from 'vitest';
import { mapChannelDefs, mapViews } from '../../src/render/mapViews.ts';

describe('mapViews(spec, fn)', () => {
  it('visits the spec and every nested view, parents first', () => {
    const spec = {
      name: 'top',
      layer: [{ name: 'l1' }, { name: 'l2', layer: [{ name: 'l2a' }] }],
      hconcat: [{ name: 'h1' }],
      vconcat: [{ name: 'v1' }],
      concat: [{ name: 'c1' }],
      spec: { name: 'inner' },
    };
    const seen: unknown[] = [];
    const out = mapViews(spec, (view) => {
      seen.push(view.name);
      return { ...view, seen: true };
    });
    expect(seen).toEqual(['top', 'l1', 'l2', 'l2a', 'c1', 'h1', 'v1', 'inner']);
    expect(out).toMatchObject({ seen: true, layer: [{ seen: true }, { seen: true, layer: [{ seen: true }] }], spec: { seen: true } });
    expect(spec).not.toHaveProperty('seen');
  });
});

describe('mapChannelDefs(view, fn)', () => {
  it('visits plain, array and conditional definitions with their channel', () => {
    const view = {
      encoding: {
        x: { field: 'a' },
        tooltip: [{ field: 'b' }, { field: 'c' }],
        color: { condition: { test: 'true', field: 'd' }, value: 'red' },
      },
    };
    const seen: string[] = [];
    mapChannelDefs(view, (def, channel) => {
      seen.push(`${channel}:${String(def.field)}`);
      return def;
    });
    expect(seen).toEqual(['x:a', 'tooltip:b', 'tooltip:c', 'color:undefined', 'color:d']);
  });
});
