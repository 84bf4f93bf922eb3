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
