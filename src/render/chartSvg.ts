import * as vega from 'vega';
import { Error as LOG_ERROR, loader, logger, parse, type Spec as VgSpec, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Row } from '../data/types.ts';
import { ChartFailed, error } from '../errors.ts';
import { type CampaignColors, campaignColors } from './campaignColors.ts';
import { cutAtRight, drawingWidth, overflowLeft, overflowRight, overflowRightWider, reachesPastRight } from './chartFit.ts';
import { escapeHtml } from './escape.ts';
import { dayOrInstant } from './format.ts';
import { HOUSE_WIDTH, houseConfig } from './houseConfig.ts';
import { isolatedIfDirectional } from './isolate.ts';
import { isComposite, isRecord, mapChannelDefs, mapViews, type VegaLiteSpec } from './mapViews.ts';
import { missingFields } from './missingFields.ts';
import { prefixSvgIds } from './prefixSvgIds.ts';
import { placedTexts } from './sceneText.ts';
import { textWidth } from './textWidth.ts';
import { MARK_TYPES, unknownMarks } from './unknownMarks.ts';
import { utcTemporal } from './utcTemporal.ts';
// Registers houseWrap() for specs' expressions (labels wrapped rather than cut).
import './wrapLabel.ts';

export type { CampaignColors } from './campaignColors.ts';
export type { VegaLiteSpec } from './mapViews.ts';

export interface ChartSvgOptions {
  /** Unique on the page; every id in the SVG starts with it (characters other than A–Z a–z 0–9 _ - become "-"). */
  id: string;
  /** Campaign colours (see {@link campaignColors}). */
  colors?: CampaignColors;
  /** The SVG's accessible name, instead of the spec's `title` (which vega also draws). */
  title?: string;
  /** The SVG's accessible description, instead of the spec's `description`. */
  description?: string;
  /**
   * Told how many pixels the drawing still reaches past its right edge, when no redraw brought it inside, and the
   * texts cut off there (each as the data or spec gives it, its lines joined; none when a mark other than text is).
   */
  onOverflow?: (pixels: number, cut: string[]) => void;
}

interface TextItem {
  fontSize?: number | null;
  fontWeight?: string | number | null;
  limit?: number | null;
}

/** vega's text measurement hook (not in its typings); vl-convert replaces it the same way. */
const textMetrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;

/**
 * Measures text for vega with {@link textWidth} instead of its 0.8 em per
 * character guess. Truncated text (with a `limit`) is at most `limit` wide.
 */
function houseTextWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
  const width = textWidth(text == null ? '' : String(text).trim(), size, item.fontWeight ?? undefined);
  const limit = Number(item.limit);
  return limit > 0 ? Math.min(width, limit) : width;
}

/** Deep merge of plain objects; values from `over` win, arrays are replaced. */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isRecord(current) && isRecord(value) ? merge(current, value) : value;
  }
  return out;
}

/**
 * A Date as vega reads it: an ISO string (a temporal field parses it back to the same UTC instant). A day
 * (midnight UTC) is written `YYYY-MM-DD`, as the data table and the CSV write it, so that a chart drawing
 * dates as categories labels them so rather than "2016-08-30T00:00:00.000Z".
 */
function toValue(cell: unknown): unknown {
  if (!(cell instanceof Date)) return cell;
  return Number.isNaN(cell.getTime()) ? null : dayOrInstant(cell);
}

function titleText(title: unknown): string | undefined {
  const text = isRecord(title) ? title.text : title;
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.filter((line) => typeof line === 'string').join(' ');
  return undefined;
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The fields a spec links to (the `href` and `url` channels of any view): their values are addresses, not text. */
function linkFields(spec: VegaLiteSpec): Set<string> {
  const fields = new Set<string>();
  mapViews(spec, (view) =>
    mapChannelDefs(view, (def, channel) => {
      if ((channel === 'href' || channel === 'url') && typeof def.field === 'string') fields.add(def.field);
      return def;
    }),
  );
  return fields;
}

/**
 * Prepares a spec for rendering: the rows as inline data, UTC dates, campaign
 * colours, the house config under the spec's own, and the house width for
 * single and layered views that set none.
 */
function prepare(spec: VegaLiteSpec, rows: readonly Row[], options: ChartSvgOptions): Record<string, unknown> {
  // A deep copy: vega stamps ids onto inline data objects, which must not reach the caller's spec.
  let out: VegaLiteSpec = utcTemporal(structuredClone(spec));
  // Data text holding a directional override is isolated, as the page isolates a name (isolate.ts): in its axis
  // label, legend entry, text mark and description (aria-label) alike. Not a link (an href's or image's url), which
  // would no longer be one; and so too in the campaigns' colour domain, which must match the data as drawn.
  const links = linkFields(out);
  const drawn = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && !links.has(k) ? isolatedIfDirectional(v) : v])),
  );
  if (options.colors) out = campaignColors(out, { ...options.colors, domain: options.colors.domain.map(isolatedIfDirectional) }, drawn);
  const prepared: Record<string, unknown> = {
    ...out,
    data: { values: drawn.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toValue(v)]))) },
    config: merge(houseConfig, isRecord(out.config) ? out.config : {}),
  };
  if (!isComposite(out)) {
    prepared.width ??= HOUSE_WIDTH;
    prepared.autosize ??= { type: 'fit-x', contains: 'padding' };
  }
  return prepared;
}

/**
 * Adds `role="img"` and an accessible name and description to the root
 * `<svg>`: a `<title>` and a `<desc>` as its first children, referenced by
 * `aria-labelledby` and `aria-describedby`.
 */
function labelRoot(svg: string, prefix: string, title: string, description: string | undefined): string {
  const end = svg.indexOf('>');
  if (!svg.startsWith('<svg') || end < 0) throw new Error('vega did not produce an <svg> element');
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  const attrs = [' role="img"', ` aria-labelledby="${titleId}"`];
  let children = `<title id="${titleId}">${escapeHtml(title)}</title>`;
  if (description !== undefined) {
    attrs.push(` aria-describedby="${descId}"`);
    children += `<desc id="${descId}">${escapeHtml(description)}</desc>`;
  }
  const selfClosing = svg[end - 1] === '/';
  const open = svg.slice(4, selfClosing ? end - 1 : end);
  const body = selfClosing ? '</svg>' : svg.slice(end + 1);
  return `<svg${attrs.join('')}${open}>${children}${body}`;
}

/**
 * Renders a vega-lite spec with the given rows to a static, self-contained
 * SVG string, ready to inline in a page.
 *
 * - Rows become `data: {values}`; Date cells become ISO strings, and
 *   temporal fields are read and shown in UTC (see {@link utcTemporal}), so
 *   the output is the same in every time zone.
 * - With `colors`, encodings of `campaign` get the campaigns' colours (see
 *   {@link campaignColors}).
 * - The house config (see {@link houseConfig}) sits under the spec's own.
 * - Every id is rewritten to start with `options.id` (see
 *   {@link prefixSvgIds}), so the bytes do not depend on render order and
 *   charts on one page do not collide.
 * - The root `<svg>` gets `role="img"`, a `<title>` (from `options.title`,
 *   the spec's `title`, its `description` or "Chart") and a `<desc>` (from
 *   `options.description` or the spec's `description`), all escaped; vega's
 *   own ARIA attributes are kept.
 *
 * Throws ChartFailed when vega-lite or vega rejects the spec, when it uses an
 * unknown mark type (see {@link unknownMarks}) or when an encoding reads a
 * field the rows do not have (see {@link missingFields}).
 */
/** Link schemes a chart may carry; a link without a scheme (a page of the site, "#method-x") is fine too. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * vega's loader, with links (the `href` channel) limited to http(s) and mailto URLs and links without a
 * scheme. vega's own check refuses `javascript:` but lets `data:` through, and its SVG writer then fails on
 * the refusal outside any promise the caller holds (vega-scenegraph 5.3: `attr` is null), which would end the
 * build without a location. Refused links are collected, and the chart fails with them named.
 */
function linkLoader() {
  const base = loader();
  const refused: string[] = [];
  const sanitize: typeof base.sanitize = (uri, options) => {
    if ((options as { context?: string } | undefined)?.context !== 'href') return base.sanitize(uri, options);
    // Browsers drop tabs, line breaks and leading spaces from a URL before reading its scheme ("java\tscript:").
    // biome-ignore lint/suspicious/noControlCharactersInRegex: those characters are what is removed.
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1]?.toLowerCase();
    if (scheme === undefined || SAFE_SCHEMES.has(scheme)) return Promise.resolve({ href: uri });
    if (!refused.includes(uri)) refused.push(uri);
    // An object, not a rejection: vega writes its fields (an <a> without a link), and the chart fails after.
    return Promise.resolve({ href: null as unknown as string });
  };
  return { loader: { ...base, sanitize }, refused };
}

/** At most this many drawings of one chart to keep its labels inside (see {@link chartSvg}). */
const MAX_PASSES = 4;
/** The house padding (houseConfig.ts) on each side, as a spec's `padding` object. */
const PADDING = { left: houseConfig.padding, right: houseConfig.padding, top: houseConfig.padding, bottom: houseConfig.padding };

/**
 * Legends drawn one entry per row, from the drawing's left edge (where a title starts) rather than the plot's, for
 * a legend whose one row is wider than the drawing: a campaign's entry in a top legend beside a long label was
 * off-screen on a phone. Each label keeps the width of the drawing, so one up to the legend's `labelLimit` (290 px
 * on a phone, narrowChart.ts) is read whole, which cutting it to the room left beside the others would not do: a
 * label tells its line apart from the others. Only for a legend that does not fit, so one that does keeps its one
 * row; a spec's own legend config (columns, layout) wins, as it does over the house config.
 */
function stackedLegends(config: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const start = { anchor: 'start', frame: 'bounds' };
  const legend = isRecord(config.legend) ? config.legend : {};
  const ownLegend = isRecord(own.legend) ? own.legend : {};
  return { ...config, legend: merge({ ...legend, columns: 1, layout: { top: start, bottom: start } }, ownLegend) };
}

export async function chartSvg(spec: VegaLiteSpec, rows: readonly Row[], options: ChartSvgOptions): Promise<string> {
  const marks = unknownMarks(spec);
  if (marks.length > 0) {
    throw error(
      ChartFailed,
      undefined,
      `${quoted(marks)} ${marks.length === 1 ? 'is not a mark type' : 'are not mark types'} (vega-lite knows ${quoted(MARK_TYPES)}).`,
    );
  }
  const missing = missingFields(spec, rows);
  if (missing.length > 0) {
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    throw error(
      ChartFailed,
      undefined,
      `the spec reads ${quoted(missing)}, which the data does not have (its columns are ${quoted(columns)}).`,
    );
  }
  const prefix = options.id.replace(/[^A-Za-z0-9_-]/g, '-') || 'chart';
  const errors: string[] = [];
  const log = logger(LOG_ERROR, 'error', (method, _level, args) => {
    if (method === 'error') errors.push(args.map(messageOf).join(' '));
  });
  textMetrics.width = houseTextWidth;
  const links = linkLoader();
  const prepared = prepare(spec, rows, options);
  // Drawn again, with more padding on the right (the plot narrows to keep the width), while a mark ends past the edge
  // (overflowRight): narrowing the plot moves a label placed at a value left by less than the padding it adds, so the
  // overflow is added with half as much again. Only with the house layout (a spec's own padding or autosize is kept as
  // it is), and only while the overflow shrinks: what does not move as the plot narrows (a long title, a mark at a
  // fixed x) would squash the plot to nothing, so the drawing that overflowed least is kept.
  const ownConfig = isRecord(spec.config) ? spec.config : {};
  const adjustable = !('padding' in prepared) && !('autosize' in spec) && !('padding' in ownConfig) && !('autosize' in ownConfig);
  let best: { svg: string; overflow: number; right: number; cut: string[] } | undefined;
  let previous: number | undefined;
  // A legend wider than the drawing is drawn again stacked (stackedLegends) before the plot is narrowed for it,
  // which would not move it: a top legend starts at the plot's left.
  let stacked = false;
  // A redraw that changes only the padding is not compiled again: vega-lite passes a spec's top-level padding through
  // to vega unchanged (its extractTopLevelProperties), so the vega spec is compiled once for each legend layout and
  // each drawing takes a copy of it with its padding (a copy, as vega stamps ids onto the data it reads).
  let compiled: { stacked: boolean; spec: VgSpec } | undefined;
  // A text that could reach past the left edge in a wider font (overflowLeft) gets as much more padding on the left,
  // which moves it right by as much.
  for (let extra = 0, left = 0, pass = 0; pass < MAX_PASSES; pass++) {
    let view: View | undefined;
    try {
      if (compiled?.stacked !== stacked) {
        const drawn = stacked ? { ...prepared, config: stackedLegends(prepared.config as Record<string, unknown>, ownConfig) } : prepared;
        compiled = { stacked, spec: compile(drawn as unknown as TopLevelSpec, { logger: log }).spec };
      }
      const vg = structuredClone(compiled.spec);
      if (extra > 0 || left > 0) vg.padding = { ...PADDING, left: PADDING.left + left, right: PADDING.right + extra };
      view = new View(parse(vg), { renderer: 'none', logger: log, logLevel: LOG_ERROR, loader: links.loader });
      await view.runAsync();
      const texts = placedTexts(view);
      const width = drawingWidth(view);
      const right = Math.max(overflowRight(view), overflowRightWider(texts, width));
      const beyondLeft = adjustable ? overflowLeft(texts) : 0;
      const overflow = right + beyondLeft;
      // Padding that did not shrink the overflow ends the redraws; the legend stacked is a new layout, measured
      // against its own first drawing (where "8.2m", at the end of a dot, is still to be moved left), not the other's.
      if (previous !== undefined && overflow >= previous) break;
      previous = overflow;
      if (!best || overflow < best.overflow) best = { svg: await view.toSVG(), overflow, right, cut: cutAtRight(texts, width) };
      if (overflow === 0) break;
      // A legend label that only a wider font would push past the edge is stacked too: "#SavingLabour", last in a
      // phone drawing's top legend, ended 1 px short of the edge in the house estimate and past it in DejaVu Sans.
      if (!stacked && texts.some((t) => t.role.startsWith('legend') && reachesPastRight(t, width))) {
        stacked = true;
        previous = undefined;
        continue;
      }
      if (!adjustable) break;
      extra += Math.ceil(right * 1.5);
      left += beyondLeft;
    } catch (err) {
      throw error(ChartFailed, undefined, messageOf(err));
    } finally {
      view?.finalize();
    }
  }
  const svg = best?.svg ?? '';
  if (best && best.right > 0) options.onOverflow?.(best.right, best.cut);
  if (links.refused.length > 0) {
    const shown = links.refused.slice(0, 3).map((l) => JSON.stringify(l.length > 60 ? `${l.slice(0, 59)}…` : l));
    const what = `${links.refused.length > 1 ? 'use schemes' : 'uses a scheme'} a chart may not link to (only http, https, mailto and links within the site)`;
    errors.push(`the href channel gave ${shown.join(', ')}, which ${what}`);
  }
  if (errors.length > 0) throw error(ChartFailed, undefined, errors.join('; '));
  const title = options.title ?? titleText(spec.title) ?? (typeof spec.description === 'string' ? spec.description : undefined) ?? 'Chart';
  const description = options.description ?? (typeof spec.description === 'string' ? spec.description : undefined);
  return labelRoot(prefixSvgIds(svg, prefix), prefix, title, description === title ? undefined : description);
}
