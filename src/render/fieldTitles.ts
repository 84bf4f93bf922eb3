/**
 * The titles a chart's spec gives the fields it draws (an encoding's `title`, or its axis's or legend's), so the
 * chart's data table heads a column as the chart labels it ("Week beginning", not "week"). A field without a title
 * in the spec keeps its name, which is also the column's name in the chart's CSV.
 *
 * An axis title names a scale, which two fields share when the channel has a range (`x` with `x2`: the scorecard's
 * "Estimate; the dashed line is the actual result" spans `actual` and `value`): such a title heads neither column.
 * A title's long note after "(", ";" or ":" ("Followers (logarithmic scale: …)") is the chart's, not the
 * column's; a short one is kept ("Spend (£m)", "Time (UTC)").
 */
import { isRecord, mapChannelDefs, mapViews, type VegaLiteSpec } from './mapViews.ts';

/** A note longer than this after "(", ";" or ":" is the chart's; a shorter one is the column's unit ("Spend (£m)"). */
const NOTE = 20;

const text = (title: unknown): string | undefined => {
  const whole = typeof title === 'string' ? title : Array.isArray(title) ? title.join(' ') : undefined;
  if (whole === undefined) return undefined;
  const note = /\s*[(;:]/.exec(whole);
  const head = (note && whole.length - note.index > NOTE + 1 ? whole.slice(0, note.index) : whole).trim();
  return head ? head : undefined;
};

/** A channel and the one that makes it a range. */
const RANGES: Readonly<Record<string, string>> = { x: 'x2', y: 'y2', theta: 'theta2', radius: 'radius2' };

export function fieldTitles(spec: VegaLiteSpec): Record<string, string> {
  const titles: Record<string, string> = {};
  mapViews(spec, (view) => {
    const encoding = isRecord(view.encoding) ? view.encoding : {};
    return mapChannelDefs(view, (def, channel) => {
      const field = typeof def.field === 'string' ? def.field : undefined;
      const ranged = channel in RANGES && (RANGES[channel] as string) in encoding;
      const title = ranged
        ? undefined
        : (text(def.title) ??
          (isRecord(def.axis) ? text(def.axis.title) : undefined) ??
          (isRecord(def.legend) ? text(def.legend.title) : undefined));
      // The first title a field is given wins (a layer's text marks repeat the bars' fields without one).
      if (field !== undefined && title !== undefined && !(field in titles)) titles[field] = title;
      return def;
    });
  });
  return titles;
}
