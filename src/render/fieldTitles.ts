/**
 * The titles a chart's spec gives the fields it draws (an encoding's `title`, or its axis's or legend's), so the
 * chart's data table heads a column as the chart labels it ("Week beginning", not "week"). A field without a title
 * in the spec keeps its name, which is also the column's name in the chart's CSV.
 */
import { isRecord, mapChannelDefs, mapViews, type VegaLiteSpec } from './mapViews.ts';

const text = (title: unknown): string | undefined =>
  typeof title === 'string' && title.trim() !== '' ? title : Array.isArray(title) ? title.join(' ') : undefined;

export function fieldTitles(spec: VegaLiteSpec): Record<string, string> {
  const titles: Record<string, string> = {};
  mapViews(spec, (view) =>
    mapChannelDefs(view, (def) => {
      const field = typeof def.field === 'string' ? def.field : undefined;
      const title =
        text(def.title) ??
        (isRecord(def.axis) ? text(def.axis.title) : undefined) ??
        (isRecord(def.legend) ? text(def.legend.title) : undefined);
      // The first title a field is given wins (a layer's text marks repeat the bars' fields without one).
      if (field !== undefined && title !== undefined && !(field in titles)) titles[field] = title;
      return def;
    }),
  );
  return titles;
}
