import { describe, expect, it } from 'vitest';
import { utcTemporal } from '../../src/render/utcTemporal.ts';

describe('utcTemporal(spec)', () => {
  it('gives temporal fields on scale channels a UTC scale, keeping other scale settings', () => {
    const spec = {
      mark: 'line',
      encoding: {
        x: { field: 'week', type: 'temporal', scale: { nice: false } },
        y: { field: 'posts', type: 'quantitative' },
        color: { field: 'day', type: 'temporal', scale: { type: 'time' } },
      },
    };
    expect(utcTemporal(spec)).toEqual({
      mark: 'line',
      encoding: {
        x: { field: 'week', type: 'temporal', scale: { nice: false, type: 'utc' } },
        y: { field: 'posts', type: 'quantitative' },
        color: { field: 'day', type: 'temporal', scale: { type: 'time' } },
      },
    });
  });

  it('makes time units UTC in encodings, conditions and transforms', () => {
    const spec = {
      transform: [
        { timeUnit: 'yearweek', field: 'time', as: 'week' },
        { timeUnit: { unit: 'month' }, field: 't', as: 'm' },
      ],
      mark: 'bar',
      encoding: {
        x: { field: 'time', type: 'ordinal', timeUnit: 'yearmonthdate' },
        y: { field: 'time', type: 'ordinal', timeUnit: 'utcmonth' },
        opacity: { condition: { test: 'true', field: 't', type: 'ordinal', timeUnit: 'hours' }, value: 1 },
      },
    };
    expect(utcTemporal(spec)).toEqual({
      transform: [
        { timeUnit: 'utcyearweek', field: 'time', as: 'week' },
        { timeUnit: { unit: 'utcmonth' }, field: 't', as: 'm' },
      ],
      mark: 'bar',
      encoding: {
        x: { field: 'time', type: 'ordinal', timeUnit: 'utcyearmonthdate' },
        y: { field: 'time', type: 'ordinal', timeUnit: 'utcmonth' },
        opacity: { condition: { test: 'true', field: 't', type: 'ordinal', timeUnit: 'utchours' }, value: 1 },
      },
    });
  });

  it('formats temporal text and tooltip fields with utcFormat', () => {
    const spec = {
      mark: 'text',
      encoding: {
        text: { field: 'week', type: 'temporal' },
        tooltip: [
          { field: 'week', type: 'temporal', format: '%Y' },
          { field: 'posts', type: 'quantitative' },
        ],
      },
    };
    expect(utcTemporal(spec)).toEqual({
      mark: 'text',
      encoding: {
        text: { field: 'week', type: 'temporal', formatType: 'utcFormat', format: '%-d %B %Y' },
        tooltip: [
          { field: 'week', type: 'temporal', format: '%Y', formatType: 'utcFormat' },
          { field: 'posts', type: 'quantitative' },
        ],
      },
    });
  });

  it('reaches into layers and does not modify its input', () => {
    const spec = { layer: [{ mark: 'line', encoding: { x: { field: 'w', type: 'temporal' } } }] };
    const copy = structuredClone(spec);
    expect(utcTemporal(spec)).toEqual({
      layer: [{ mark: 'line', encoding: { x: { field: 'w', type: 'temporal', scale: { type: 'utc' } } } }],
    });
    expect(spec).toEqual(copy);
  });
});
