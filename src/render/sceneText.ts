/**
 * Where a rendered vega view drew its text, in the SVG's own coordinates: for
 * finding what reaches past the drawing's edges (chartSvg.ts), and naming it.
 */
import type { View } from 'vega';

export interface PlacedText {
  /** vega's role for the text's mark: `axis-label`, `legend-label`, `title-text`, `mark` (a text mark)… */
  role: string;
  /** Its text as the data or spec gave it, before vega cuts it at a `limit`; one entry a line. */
  lines: string[];
  /** Its left and right ends as vega measured them (textWidth.ts), from the SVG's left edge. */
  x1: number;
  x2: number;
  /** Which end of it is at its place (`right`: it grows leftward in a wider font), and its angle in degrees. */
  align: string;
  angle: number;
  fontSize: number;
  fontWeight: string | number | undefined;
  /** The width vega cuts it at (with "…"), or 0 for none. */
  limit: number;
}

interface SceneItem {
  x?: number;
  opacity?: number;
  align?: string;
  angle?: number;
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
  text?: unknown;
  bounds?: { x1: number; x2: number };
  items?: SceneMark[];
}

interface SceneMark {
  marktype?: string;
  role?: string;
  items?: SceneItem[];
}

/** Every text item the view shows (not those vega hid, at opacity 0, as touching axis labels), in drawing order. */
export function placedTexts(view: View): PlacedText[] {
  const root = (view.scenegraph() as unknown as { root: SceneMark }).root;
  const padding = view.padding() as { left: number };
  const out: PlacedText[] = [];
  const walk = (mark: SceneMark, dx: number) => {
    for (const item of mark.items ?? []) {
      if (mark.marktype === 'text' && item.bounds && item.text != null && item.text !== '' && item.opacity !== 0) {
        const lines = (Array.isArray(item.text) ? item.text : [item.text]).map(String);
        out.push({
          role: mark.role ?? '',
          lines,
          x1: dx + item.bounds.x1,
          x2: dx + item.bounds.x2,
          align: item.align ?? 'left',
          angle: Number(item.angle) || 0,
          fontSize: item.fontSize == null ? 11 : Number(item.fontSize) || 0,
          fontWeight: item.fontWeight,
          limit: Number(item.limit) || 0,
        });
      }
      // A group's items sit at its x; the root group sits at the left padding plus the view's origin.
      if (mark.marktype === 'group') for (const inner of item.items ?? []) walk(inner, dx + (item.x ?? 0));
    }
  };
  walk(root, padding.left + view.origin()[0]);
  return out;
}
