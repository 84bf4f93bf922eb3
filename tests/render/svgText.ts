import { textWidth } from '../../src/render/textWidth.ts';

export interface DrawnText {
  /** The vega role of its mark, from the class of the group around it: `legend-label`, `axis-label`, `mark`… */
  role: string;
  /** Its text, unescaped; the lines of a wrapped label joined with a space. */
  text: string;
  /** Its left and right ends and its baseline, in the SVG's coordinates, its width measured as the charts measure it. */
  left: number;
  right: number;
  y: number;
}

const fromXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/**
 * Each `<text>` of a chart's SVG that is drawn (not hidden at opacity 0), where it is drawn: the translations of the
 * groups around it added up, and its anchor (start, middle, end) applied to its measured width.
 */
export function drawnTexts(svg: string): DrawnText[] {
  const out: DrawnText[] = [];
  const stack: { x: number; y: number; role: string }[] = [{ x: 0, y: 0, role: '' }];
  const tags = /<(\/?)(g|text)\b([^>]*)>/g;
  for (let m = tags.exec(svg); m; m = tags.exec(svg)) {
    const [, close, tag, attrs = ''] = m;
    const top = stack.at(-1) ?? { x: 0, y: 0, role: '' };
    const at = /transform="translate\(([-\d.e]+),([-\d.e]+)\)"/.exec(attrs);
    const x = top.x + Number(at?.[1] ?? 0);
    const y = top.y + Number(at?.[2] ?? 0);
    if (tag === 'g') {
      if (close) stack.pop();
      else if (!attrs.trimEnd().endsWith('/')) stack.push({ x, y, role: /class="mark-\w+ role-([\w-]+)/.exec(attrs)?.[1] ?? top.role });
      continue;
    }
    if (close) continue;
    const end = svg.indexOf('</text>', tags.lastIndex);
    const body = svg.slice(tags.lastIndex, end);
    tags.lastIndex = end;
    if (/opacity="0"/.test(attrs)) continue;
    const lines = body.includes('<tspan') ? Array.from(body.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g), (t) => t[1] ?? '') : [body];
    const size = Number(/font-size="([\d.]+)/.exec(attrs)?.[1] ?? 11);
    const weight = /font-weight="([^"]+)"/.exec(attrs)?.[1];
    const width = Math.max(...lines.map((line) => textWidth(fromXml(line), size, weight)));
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start';
    const left = x - (anchor === 'end' ? width : anchor === 'middle' ? width / 2 : 0);
    out.push({ role: top.role, text: lines.map(fromXml).join(' '), left, right: left + width, y });
  }
  return out;
}

/** The SVG's width. */
export const svgWidth = (svg: string) => Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]);

/** A line mark's vertices or a point mark's centre and radius, in the SVG's coordinates, as {@link drawnMarks} finds them. */
export type DrawnMark =
  | { kind: 'line'; label: string; points: [number, number][]; halfWidth: number }
  | { kind: 'point'; label: string; x: number; y: number; radius: number };

/**
 * The line and point marks of a chart's SVG (vega's `line mark` and `point` paths), where they are drawn: the
 * translations of the groups around them added up, as {@link drawnTexts} adds them. A line is its `M…L…` vertices
 * and half its stroke width; a point, vega's circle (`M r,0 A r,r…`), its centre and its radius plus half its stroke.
 */
export function drawnMarks(svg: string): DrawnMark[] {
  const out: DrawnMark[] = [];
  const stack: { x: number; y: number }[] = [{ x: 0, y: 0 }];
  const tags = /<(\/?)(g|path)\b([^>]*)>/g;
  for (let m = tags.exec(svg); m; m = tags.exec(svg)) {
    const [, close, tag, attrs = ''] = m;
    const top = stack.at(-1) ?? { x: 0, y: 0 };
    const at = /transform="translate\(([-\d.e]+),([-\d.e]+)\)"/.exec(attrs);
    const x = top.x + Number(at?.[1] ?? 0);
    const y = top.y + Number(at?.[2] ?? 0);
    if (tag === 'g') {
      if (close) stack.pop();
      else if (!attrs.trimEnd().endsWith('/')) stack.push({ x, y });
      continue;
    }
    const role = /aria-roledescription="([^"]+)"/.exec(attrs)?.[1];
    const label = fromXml(/aria-label="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const d = /\bd="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const stroke = Number(/stroke-width="([\d.]+)"/.exec(attrs)?.[1] ?? 1);
    if (role === 'line mark') {
      const points = Array.from(d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g), (p): [number, number] => [x + Number(p[1]), y + Number(p[2])]);
      out.push({ kind: 'line', label, points, halfWidth: stroke / 2 });
    } else if (role === 'point') {
      const radius = Number(/^M([\d.]+),0A/.exec(d)?.[1] ?? Number.NaN);
      out.push({ kind: 'point', label, x, y, radius: radius + stroke / 2 });
    }
  }
  return out;
}

/** A text's box: its measured ends, and from a font size above its baseline to 0.3 of one below it (descenders). */
export function textBox(text: DrawnText, size: number): { left: number; right: number; top: number; bottom: number } {
  return { left: text.left, right: text.right, top: text.y - size, bottom: text.y + 0.3 * size };
}

/**
 * Whether a mark reaches into a box: a point's circle (by its bounding square), or any stretch of a line (each
 * segment walked in steps of at most a quarter pixel, widened by half its stroke).
 */
export function markMeetsBox(mark: DrawnMark, box: { left: number; right: number; top: number; bottom: number }): boolean {
  const inside = (x: number, y: number, r: number) => x + r > box.left && x - r < box.right && y + r > box.top && y - r < box.bottom;
  if (mark.kind === 'point') return inside(mark.x, mark.y, mark.radius);
  return mark.points.some(([x0, y0], i) => {
    const [x1, y1] = mark.points[i + 1] ?? [x0, y0];
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 4));
    for (let s = 0; s <= steps; s++) if (inside(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, mark.halfWidth)) return true;
    return false;
  });
}
