/**
 * A vega-lite spec as plain JSON, and a walker over the views it contains.
 * Specs come from JSON files (built-in or beside a post), so they are typed
 * loosely here and validated by vega-lite itself when compiled.
 */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

/** Child-view arrays of layered and concatenated specs. */
const CHILD_LISTS = ['layer', 'concat', 'hconcat', 'vconcat'] as const;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Whether a spec composes views (facets, repeats, concatenations), which set their own layout and size. */
export const isComposite = (spec: VegaLiteSpec): boolean => ['facet', 'repeat', 'concat', 'hconcat', 'vconcat'].some((key) => key in spec);

/**
 * Applies `fn` to the spec and to every view nested in it (`layer`,
 * `concat`, `hconcat`, `vconcat`, and the inner `spec` of facet and repeat
 * specs), parents first. Returns a new spec; the input is not modified as
 * long as `fn` does not modify its argument.
 */
export function mapViews(spec: VegaLiteSpec, fn: (view: VegaLiteSpec) => VegaLiteSpec): VegaLiteSpec {
  const out: Record<string, unknown> = { ...fn(spec) };
  for (const key of CHILD_LISTS) {
    const children = out[key];
    if (Array.isArray(children)) {
      out[key] = children.map((child: unknown) => (isRecord(child) ? mapViews(child, fn) : child));
    }
  }
  if (isRecord(out.spec)) out.spec = mapViews(out.spec, fn);
  return out;
}

/**
 * Applies `fn` to every channel definition of a view's `encoding`: plain
 * definitions, each entry of array-valued channels (tooltip, detail) and the
 * definitions inside `condition`. Returns a new view.
 */
export function mapChannelDefs(
  view: VegaLiteSpec,
  fn: (def: Record<string, unknown>, channel: string) => Record<string, unknown>,
): VegaLiteSpec {
  const encoding = view.encoding;
  if (!isRecord(encoding)) return view;
  const mapDef = (def: unknown, channel: string): unknown => {
    if (Array.isArray(def)) return def.map((d: unknown) => mapDef(d, channel));
    if (!isRecord(def)) return def;
    const mapped = { ...fn(def, channel) };
    if (mapped.condition !== undefined) mapped.condition = mapDef(mapped.condition, channel);
    return mapped;
  };
  const next: Record<string, unknown> = {};
  for (const [channel, def] of Object.entries(encoding)) next[channel] = mapDef(def, channel);
  return { ...view, encoding: next };
}
