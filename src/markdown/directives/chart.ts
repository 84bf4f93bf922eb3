import { readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { z } from 'astro/zod';
import { jsonErrorOffset, positionOf } from '../../data/jsonLocation.ts';
import { BuiltinChartOverflows, ChartOverflows, ChartSpecJson, DirectiveInvalid, formatLocation, UnknownSpec, warn } from '../../errors.ts';
import { builtinCharts } from '../../render/builtinCharts.ts';
import { dataTable } from '../../render/dataTable.ts';
import { drawChart } from '../../render/drawChart.ts';
import { fieldTitles } from '../../render/fieldTitles.ts';
import { figure } from '../../render/figure.ts';
import { narrowSpec } from '../../render/narrowChart.ts';
import { smartText } from '../smartText.ts';
import { directiveTable } from './filterRows.ts';
import { parseWhere } from './parseWhere.ts';
import { tableColumns } from './tableColumns.ts';
import { atLine, type Directive, DirectiveProblem, type DirectiveSetting } from './types.ts';

const attributes = z.strictObject({
  /** The computed table or dataset alias to chart. */
  data: z.string().min(1),
  /** A built-in chart name, or a `.vl.json` file relative to the post. */
  spec: z.string().min(1),
  // With the body's typography, as the label is (remark-smartypants sets the label; attributes it does not read).
  title: z.string().transform(smartText).optional(),
  description: z.string().min(1).transform(smartText),
  /** Keep only rows matching `column=value` pairs, separated by commas. */
  where: z.string().optional(),
  source: z.string().optional(),
  /** The data table's columns, in order, and their headers, separated by commas (see tableColumns.ts). */
  columns: z.string().optional(),
  headers: z.string().optional(),
});

/**
 * What V8's JSON.parse says went wrong, without where (the location says it, as the spec file's line and column):
 * "Expected ',' or '}' after property value", "Unexpected token '}'", "Unexpected end of JSON input".
 */
function jsonReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message
    .replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?$/, '')
    .replace(/^(Unexpected token .+?), ".*" is not valid JSON$/s, '$1');
}

function loadSpec(
  spec: string,
  context: Pick<DirectiveSetting, 'file' | 'postDir' | 'location'>,
): { spec: Record<string, unknown>; formats: Record<string, string>; headers?: Record<string, string> | undefined } {
  const builtin = builtinCharts[spec];
  if (builtin)
    return { spec: structuredClone(builtin.spec) as Record<string, unknown>, formats: builtin.formats, headers: builtin.headers };
  if ((spec.startsWith('./') || spec.startsWith('../')) && spec.endsWith('.vl.json')) {
    let text: string;
    try {
      text = readFileSync(resolve(context.postDir, spec), 'utf8');
    } catch (e) {
      throw new DirectiveProblem(DirectiveInvalid, DirectiveInvalid.message('chart', `cannot read ${spec} (${(e as Error).message}).`), {
        attribute: 'spec',
      });
    }
    // An editor's byte order mark is not part of the JSON.
    if (text.startsWith('\ufeff')) text = text.slice(1);
    try {
      return { spec: JSON.parse(text), formats: {} };
    } catch (e) {
      // Reported in the spec file, at the line and column of the mistake, as the project's other JSON files are.
      const { line, column } = positionOf(text, jsonErrorOffset(text).offset);
      const file = posix.normalize(posix.join(posix.dirname(context.file), spec));
      throw new DirectiveProblem(ChartSpecJson, ChartSpecJson.message(jsonReason(e), formatLocation(context.location)), {
        file,
        line,
        column,
      });
    }
  }
  throw new DirectiveProblem(UnknownSpec, UnknownSpec.message(spec, Object.keys(builtinCharts)), { attribute: 'spec' });
}

/**
 * `::chart[Title]{data=… spec=… description="…"}` renders a vega-lite chart
 * of a computed table to static SVG, with its caption and a fallback table.
 */
export const chartDirective: Directive<z.infer<typeof attributes>> = {
  name: 'chart',
  kind: 'leaf',
  attributes,
  check(attrs, label, setting) {
    if (!(attrs.title ?? label).trim())
      throw new DirectiveProblem(DirectiveInvalid, DirectiveInvalid.message('chart', 'needs a title: ::chart[Title]{…}.'));
    loadSpec(attrs.spec, setting);
    if (attrs.where !== undefined) parseWhere(attrs.where, 'chart');
  },
  async render(attrs, label, context) {
    const { analysis, nextId, recorder } = context;
    const title = (attrs.title ?? label).trim();
    const { table, rows } = directiveTable(analysis, attrs, 'chart');
    const { spec, formats, headers } = loadSpec(attrs.spec, context);
    const tableShows = tableColumns(attrs, table.rows, 'chart');
    const id = nextId(`chart-${attrs.data}`);
    // Recorded before any await, so charts are listed in document order.
    const record = recorder.chart(id, title, attrs.data, rows);
    // The campaigns the rows hold (a chart filtered to one campaign has one in its legend), each in its own colour.
    const present = new Set(rows.map((r) => r.campaign));
    const held = analysis.campaigns.filter((c) => present.has(c.label));
    const shown = held.length > 0 ? held : analysis.campaigns;
    const colors = { domain: shown.map((c) => c.label), range: shown.map((c) => c.color) };
    // A text cut off at the edge of a built-in chart is the analyst's (a campaign's label, a label in the data), not
    // its spec's, which they did not write: the warning says which text, and which campaign's label it is.
    const overflows = (drawing: string) => (pixels: number, texts: string[]) => {
      const cut = texts.map((text) => ({ text, campaign: analysis.campaigns.find((c) => c.label === text)?.id }));
      if (Object.hasOwn(builtinCharts, attrs.spec)) warn(BuiltinChartOverflows, atLine(context), attrs.spec, drawing, pixels, cut);
      else warn(ChartOverflows, atLine(context), drawing, pixels, cut);
    };
    // Drawn twice, for the article column and for phones (src/render/narrowChart.ts), unless a composite view.
    const narrow = narrowSpec(spec);
    const [svg, narrowSvg] = await Promise.all([
      drawChart(spec, rows, { id, colors, title, description: attrs.description, onOverflow: overflows('article') }),
      narrow &&
        drawChart(narrow, rows, { id: `${id}-narrow`, colors, title, description: attrs.description, onOverflow: overflows('phone') }),
    ]);
    // Headed as ::table heads the table, else as the chart labels its fields, and captioned with its title for those
    // who reach it by table; a column none of these heads is headed by its name as words (dataTable.ts). Later wins.
    // A built-in chart: its headers for any table it may draw; its spec's titles; the table's own (share-of-voice's
    // "Share", a derived table's `headers`, a renamed column's source: frontmatterTables.ts), which are written for a
    // column where the spec's are axis titles written for a scale ("Share of campaign posts"), and which carry the
    // analyst's words ("Leave share" for the column share-bar reads as `share` and titles only "Share"). A spec file
    // is the analyst's: its titles ("Share of voice") win over the table's headers. The directive's win over all.
    const titles = fieldTitles(spec);
    const own = Object.hasOwn(builtinCharts, attrs.spec)
      ? { ...headers, ...titles, ...table.headers }
      : { ...headers, ...table.headers, ...titles };
    const html = dataTable(rows, {
      formats: { ...table.formats, ...formats },
      headers: { ...own, ...tableShows.headers },
      ...(tableShows.columns ? { columns: tableShows.columns } : {}),
      caption: title,
    });
    // The CSV itself is written beside the post by src/pages/posts/[...path].csv.ts.
    const download = `${id}.csv`;
    return figure({
      id,
      title,
      description: attrs.description,
      svg,
      narrowSvg,
      table: html,
      download: { href: download, rows: record.rows },
      ...(attrs.source ? { source: attrs.source } : {}),
    });
  },
};
