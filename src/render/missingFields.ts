import type { Row } from '../data/types.ts';
import { isRecord, mapChannelDefs, mapViews, type VegaLiteSpec } from './mapViews.ts';

/** Transforms whose output fields cannot be known without running them. */
const OPAQUE_TRANSFORMS = ['pivot', 'lookup', 'flatten', 'extent'];
/** Default output fields of transforms used without `as`. */
const DEFAULT_OUTPUTS = ['key', 'value', 'density', 'prob'];

/** The column a field reference reads: `a.b` reads `a`, `a\.b` reads `a.b`. */
function column(field: string): string {
  const match = /^((?:[^.\\[]|\\.)*)/.exec(field);
  return (match?.[1] ?? field).replace(/\\(.)/g, '$1');
}

function collectAs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectAs(item, into);
  } else if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'as') {
        for (const name of Array.isArray(inner) ? inner : [inner]) if (typeof name === 'string') into.add(name);
      }
      collectAs(inner, into);
    }
  }
}

/**
 * The fields that the spec's encodings read but that neither the rows nor the
 * spec's transforms provide, in order of first use. vega-lite does not fail
 * on a misspelt field (it draws nothing), so this is how a chart reports one.
 *
 * Returns [] when there are no rows (nothing to check against) or when a
 * transform's outputs cannot be known in advance (pivot, lookup, flatten,
 * extent).
 */
export function missingFields(spec: VegaLiteSpec, rows: readonly Row[]): string[] {
  if (rows.length === 0) return [];
  const available = new Set<string>(DEFAULT_OUTPUTS);
  for (const row of rows) for (const key of Object.keys(row)) available.add(key);
  const used: string[] = [];
  let opaque = false;
  mapViews(spec, (view) => {
    if (Array.isArray(view.transform)) {
      for (const t of view.transform) {
        if (isRecord(t) && OPAQUE_TRANSFORMS.some((name) => name in t)) opaque = true;
      }
      collectAs(view.transform, available);
    }
    mapChannelDefs(view, (def) => {
      if (typeof def.field === 'string' && def.field !== '*') used.push(column(def.field));
      return def;
    });
    return view;
  });
  if (opaque) return [];
  return [...new Set(used.filter((field) => !available.has(field)))];
}
