/**
 * Where a drawn chart reaches past its edges (chartSvg.ts draws it again with more padding while it does): text
 * marks past the right edge, and labels that a wider font than the house estimate would push past the left edge.
 */
import type { View } from 'vega';
import { withoutIsolation } from './isolate.ts';
import type { PlacedText } from './sceneText.ts';
import { textWidth, widestTextWidth } from './textWidth.ts';

/**
 * How far the view's marks reach past its right edge, in whole pixels (0 when they do not). vega-lite's `fit-x`
 * sizes the plot so that its axes fit, but a text mark placed at a value and pushed right by `dx` (a bar's "79.4%",
 * a scorecard's "+17.6 points") can end past the SVG's edge, where it is cut off: on a phone drawing (narrowChart.ts)
 * by a few dozen pixels.
 */
export function overflowRight(view: View): number {
  const scene = view.scenegraph() as unknown as { root: { bounds: { x2: number } } };
  const padding = view.padding() as { right: number };
  // The root group sits at the left padding plus `origin` (its axes' room); `_viewWidth` is the width between paddings.
  const inner = (view as unknown as { _viewWidth: number })._viewWidth;
  // Two pixels to spare: the text is measured as the house sans-serif, which a reader's font can pass by a little.
  return Math.max(0, Math.ceil(view.origin()[0] + scene.root.bounds.x2 + 2 - inner - padding.right));
}

/**
 * How far a text could reach past the drawing's left edge, in whole pixels (0 when none could), were it drawn in a
 * font as wide as DejaVu Sans (widestTextWidth). vega-lite's `fit-x` makes room for the left axis's labels as
 * {@link textWidth} measures them, to the pixel; a label right-aligned at the axis grows leftward in a wider font, and
 * a long one ("#CleanHarbour <script>x</script>", a hashtag and markup, whose `#`, `<` and `>` are half as wide
 * again in DejaVu Sans) started 10 px left of the edge, its first characters cut off. Cutting labels shorter
 * (`labelLimit`) would hide the words that tell two apart; the room is made with the left padding instead.
 */
export function overflowLeft(texts: readonly PlacedText[]): number {
  let most = 0;
  // Two pixels to spare, as overflowRight's.
  for (const t of texts) most = Math.max(most, widerReach(t, 'left') + 2 - t.x1);
  return Math.max(0, Math.ceil(most));
}

/**
 * How much further than vega measured `t` could reach on `side` in a font as wide as DejaVu Sans (widestTextWidth):
 * the share of its extra width it puts on that side. Right-aligned, a text puts all of it on its left; centred, half
 * on each side; left-aligned, all on its right (mirrored when turned past a right angle, so that it reads right to
 * left on the page).
 */
function widerReach(t: PlacedText, side: 'left' | 'right'): number {
  const radians = (t.angle * Math.PI) / 180;
  const across = Math.abs(Math.cos(radians));
  const share = t.align === 'right' ? 1 : t.align === 'center' ? 0.5 : 0;
  const leftward = Math.cos(radians) >= 0 ? share : 1 - share;
  const toward = side === 'left' ? leftward : 1 - leftward;
  if (across < 1e-6 || toward === 0) return 0;
  const extra = Math.max(
    ...t.lines.map((line) => {
      const shown = truncated(line.trim(), t.limit, t.fontSize, t.fontWeight);
      return widestTextWidth(shown, t.fontSize, t.fontWeight) - textWidth(shown, t.fontSize, t.fontWeight);
    }),
  );
  return extra > 0 ? extra * across * toward : 0;
}

/**
 * How far a text could reach past the drawing's right edge (`width`), in whole pixels (0 when none could), were it
 * drawn in a font as wide as DejaVu Sans, as {@link overflowLeft} for the right edge. {@link overflowRight} measures
 * what vega measured, in the house estimate; an axis title centred under a plot that a long label narrowed
 * ("Followers (logarithmic scale: …)") fitted so, to the pixel, and lost its last characters in a reader's font,
 * without the warning a cut text gets.
 */
export function overflowRightWider(texts: readonly PlacedText[], width: number): number {
  let most = 0;
  for (const t of texts) most = Math.max(most, t.x2 + widerReach(t, 'right') + 2 - width);
  return Math.max(0, Math.ceil(most));
}

/** Whether `t` ends past the right edge (with two pixels to spare), or could in a wider font (overflowRightWider). */
export function reachesPastRight(t: PlacedText, width: number): boolean {
  return t.x2 + widerReach(t, 'right') + 2 > width;
}

/** A text as vega draws it at a `limit` (vega-scenegraph's truncate, with the house measure): cut, with "…". */
function truncated(text: string, limit: number, fontSize: number, fontWeight: string | number | undefined): string {
  const width = (s: string) => Math.min(textWidth(s, fontSize, fontWeight), limit);
  if (!(limit > 0) || width(text) < limit) return text;
  const room = limit - width('…');
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (width(text.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** The drawing's width: the view's, between its paddings, and the paddings. */
export function drawingWidth(view: View): number {
  const padding = view.padding() as { left: number; right: number };
  return padding.left + (view as unknown as { _viewWidth: number })._viewWidth + padding.right;
}

/**
 * The texts that end past the drawing's right edge (with the two pixels overflowRight spares), or could in a wider
 * font (overflowRightWider), as the data gave them.
 */
export function cutAtRight(texts: readonly PlacedText[], width: number): string[] {
  return [
    ...new Set(texts.filter((t) => reachesPastRight(t, width)).map((t) => withoutIsolation(t.lines.map(withoutIsolation).join(' ')))),
  ];
}
