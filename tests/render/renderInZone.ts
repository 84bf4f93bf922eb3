/**
 * Run by chartSvg.test.ts in a child process with a given TZ (the time zone
 * must be set before the process starts). Prints JSON: the house renderings
 * of two temporal charts, and a control rendered by plain vega-lite, which
 * must differ between time zones for the comparison to mean anything.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { builtinCharts } from '../../src/render/builtinCharts.ts';
import { chartSvg } from '../../src/render/chartSvg.ts';
import { weeklyRows } from './fixtures.ts';

/** A spec that says nothing about UTC: temporal axis, time unit transform, text and tooltip. */
const localSpec = {
  transform: [{ timeUnit: 'yearmonthdate', field: 'week', as: 'day' }],
  mark: 'text',
  encoding: {
    x: { field: 'week', type: 'temporal' },
    y: { field: 'posts', type: 'quantitative' },
    text: { field: 'week', type: 'temporal' },
    tooltip: [{ field: 'day', type: 'temporal' }],
  },
};

const weekly = await chartSvg(builtinCharts['weekly-volume']?.spec ?? {}, weeklyRows, { id: 'weekly' });
const local = await chartSvg(localSpec, weeklyRows, { id: 'local' });
const values = weeklyRows.map((row) => ({ ...row, week: (row.week as Date).toISOString() }));
const view = new View(parse(compile({ ...localSpec, data: { values } } as TopLevelSpec).spec), { renderer: 'none' });
const control = await view.toSVG();
view.finalize();
process.stdout.write(JSON.stringify({ weekly, local, control }));
