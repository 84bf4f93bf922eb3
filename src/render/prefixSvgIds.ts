/**
 * Renames every `id` in an SVG string, and every reference to it
 * (`url(#…)` in attributes such as `clip-path` and `fill`, and `href="#…"` /
 * `xlink:href="#…"`), to `{prefix}-def{n}`, numbered in document order.
 *
 * vega numbers clip paths and gradients with process-wide counters, so the
 * same chart gets different ids depending on what was rendered before it, and
 * two charts on one page can collide. After this rewrite the ids depend only
 * on the chart and the prefix.
 *
 * Only markup is rewritten, never text content. This relies on the input
 * escaping `<` and `>` in text and attribute values and `"` in attribute
 * values, as vega's SVG serialiser does.
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  const tags = /<[^>]*>/g;
  const ids = new Map<string, string>();
  for (const [tag] of svg.matchAll(tags)) {
    for (const [, id] of tag.matchAll(/\sid="([^"]*)"/g)) {
      if (id !== undefined && !ids.has(id)) ids.set(id, `${prefix}-def${ids.size + 1}`);
    }
  }
  if (ids.size === 0) return svg;
  const rename = (id: string): string => ids.get(id) ?? id;
  return svg.replace(tags, (tag) =>
    tag
      .replace(/(\sid=")([^"]*)"/g, (_, start: string, id: string) => `${start}${rename(id)}"`)
      .replace(/url\(#([^)"]*)\)/g, (_, id: string) => `url(#${rename(id)})`)
      .replace(/(\s(?:xlink:)?href="#)([^"]*)"/g, (_, start: string, id: string) => `${start}${rename(id)}"`),
  );
}
