import { isRecord, mapViews, type VegaLiteSpec } from './mapViews.ts';

/**
 * vega-lite 6's mark types: its primitive marks (`PRIMITIVE_MARKS`, not
 * exported from the package entry) and its composite marks.
 */
export const MARK_TYPES = [
  'arc',
  'area',
  'bar',
  'image',
  'line',
  'point',
  'rect',
  'rule',
  'text',
  'tick',
  'trail',
  'circle',
  'square',
  'geoshape',
  'boxplot',
  'errorband',
  'errorbar',
] as const;

const KNOWN = new Set<string>(MARK_TYPES);

/**
 * The mark types in the spec (`"mark": "…"` or `"mark": {"type": "…"}`, in
 * any view) that vega-lite does not know, in order of first use. vega-lite
 * itself fails on them with a message about its internals.
 */
export function unknownMarks(spec: VegaLiteSpec): string[] {
  const unknown: string[] = [];
  mapViews(spec, (view) => {
    const mark = isRecord(view.mark) ? view.mark.type : view.mark;
    if (mark !== undefined && (typeof mark !== 'string' || !KNOWN.has(mark))) unknown.push(String(mark));
    return view;
  });
  return [...new Set(unknown)];
}
