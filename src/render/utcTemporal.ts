import { isRecord, mapChannelDefs, mapViews, type VegaLiteSpec } from './mapViews.ts';

/** Channels whose temporal definitions get a scale, which can be made UTC. */
const SCALE_CHANNELS = new Set([
  'x',
  'y',
  'color',
  'fill',
  'stroke',
  'opacity',
  'fillOpacity',
  'strokeOpacity',
  'size',
  'strokeWidth',
  'angle',
  'theta',
  'radius',
]);

/** Channels without a scale whose temporal values are formatted as text. */
const TEXT_CHANNELS = new Set(['text', 'tooltip', 'description', 'href', 'url']);

/** The format of a temporal text value when the spec gives none: "4 July 2016". */
const DEFAULT_TIME_FORMAT = '%-d %B %Y';

function utcTimeUnit(unit: unknown): unknown {
  if (typeof unit === 'string') return unit.startsWith('utc') ? unit : `utc${unit}`;
  if (isRecord(unit)) {
    if (typeof unit.unit === 'string') return { ...unit, unit: utcTimeUnit(unit.unit) };
    return { ...unit, utc: true };
  }
  return unit;
}

function utcDef(def: Record<string, unknown>, channel: string): Record<string, unknown> {
  const out = { ...def };
  if (out.timeUnit !== undefined) out.timeUnit = utcTimeUnit(out.timeUnit);
  if (out.type !== 'temporal') return out;
  if (SCALE_CHANNELS.has(channel) && out.scale !== null) {
    const scale = isRecord(out.scale) ? out.scale : {};
    if (scale.type === undefined) out.scale = { ...scale, type: 'utc' };
  } else if (TEXT_CHANNELS.has(channel) && out.timeUnit === undefined && out.formatType === undefined) {
    // vega-lite formats these with local-time timeFormat(); utcFormat is a
    // vega expression function, usable as a custom format type.
    out.formatType = 'utcFormat';
    out.format = typeof out.format === 'string' ? out.format : DEFAULT_TIME_FORMAT;
  }
  return out;
}

function utcTransform(transform: unknown): unknown {
  if (!isRecord(transform) || transform.timeUnit === undefined) return transform;
  return { ...transform, timeUnit: utcTimeUnit(transform.timeUnit) };
}

/**
 * Makes a spec read and display dates in UTC, so that the rendered chart does
 * not depend on the time zone of the machine that builds the site:
 *
 * - every time unit (in encodings and in `timeUnit` transforms) becomes its
 *   UTC variant (`yearweek` → `utcyearweek`);
 * - temporal fields on channels with a scale get `scale.type: 'utc'` unless
 *   the spec sets a scale type;
 * - temporal fields on text channels (text, tooltip…) without a time unit are
 *   formatted with `utcFormat`.
 *
 * Date literals in the spec itself (DateTime objects in domains or filters)
 * are not rewritten: write them with `"utc": true`.
 */
export function utcTemporal(spec: VegaLiteSpec): VegaLiteSpec {
  return mapViews(spec, (view) => {
    const out: Record<string, unknown> = { ...mapChannelDefs(view, utcDef) };
    if (Array.isArray(out.transform)) out.transform = out.transform.map(utcTransform);
    return out;
  });
}
