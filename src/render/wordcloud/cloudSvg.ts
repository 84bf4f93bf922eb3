import { escapeHtml } from '../escape.ts';
import { CLOUD_FONT_FAMILY } from './fontMetrics.ts';
import type { CloudWord, PlacedWord } from './layoutCloud.ts';

/** A word to draw: its tooltip and its colour class. */
export interface DrawnWord extends CloudWord {
  /** Tooltip, e.g. "members: in 2,567 distinct texts". */
  tooltip: string;
  /** Index into `palette`. */
  tone: number;
}

export interface CloudSvgOptions {
  /** Unique on the page, letters, digits, "-" and "_" only; prefixes the ids and the colour classes. */
  id: string;
  width: number;
  height: number;
  /** Accessible name (`<title>`). */
  title: string;
  /** Accessible description (`<desc>`): say what the top terms are. */
  description: string;
  /** One light/dark colour pair per tone. */
  palette: readonly { light: string; dark: string }[];
  /** Plain labels drawn in the text colour, e.g. a comparison's column headings. */
  labels?: readonly { text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' }[];
  /**
   * Cut the height to the band the words use, plus `trim` px above and below (within `height`): a phone layout's
   * words seldom fill its square, and the rest would be empty space under the cloud. Not with `labels`.
   */
  trim?: number;
}

/** The SVG's vertical extent: all of `height`, or the band the words' ink boxes use, plus `trim` either side. */
function verticalExtent(placed: readonly PlacedWord[], height: number, trim?: number): { y: number; height: number } {
  if (trim === undefined || placed.length === 0) return { y: 0, height };
  const top = Math.max(0, Math.floor(Math.min(...placed.map((p) => p.box.y)) - trim));
  const bottom = Math.min(height, Math.ceil(Math.max(...placed.map((p) => p.box.y + p.box.height)) + trim));
  return { y: top, height: bottom - top };
}

const n = (v: number) => String(Math.round(v * 100) / 100);

/**
 * A laid-out cloud as static, accessible SVG: `role="img"` named by its
 * `<title>` and described by its `<desc>` (the top words: named by both, a
 * screen reader read the whole list as the image's name), one real `<text>` per word (selectable, searchable,
 * with a `<title>` tooltip), coloured through classes whose colours switch
 * with `prefers-color-scheme` like the site's own palette, so every word
 * keeps 4.5:1 contrast in light and dark mode. Dark colours are for the
 * screen only: printed from a browser in dark mode, the page is white paper.
 * All text is escaped.
 */
export function cloudSvg(placed: readonly PlacedWord<DrawnWord>[], options: CloudSvgOptions): string {
  const { width, title, description, palette } = options;
  const { y: top, height } = verticalExtent(placed, options.height, options.labels?.length ? undefined : options.trim);
  const id = options.id.replace(/[^A-Za-z0-9_-]/g, '-');
  const cls = (tone: number) => `${id}-t${tone}`;
  const light = palette.map((p, i) => `#${id} .${cls(i)}{fill:${p.light}}`).join('');
  const dark = palette.map((p, i) => `#${id} .${cls(i)}{fill:${p.dark}}`).join('');
  const style = `<style>#${id} text{fill:currentColor}${light}@media screen and (prefers-color-scheme: dark){${dark}}</style>`;
  const words = placed.map((p) => {
    const position = p.rotate === 0 ? `x="${n(p.x)}" y="${n(p.y)}"` : `transform="translate(${n(p.x)} ${n(p.y)}) rotate(-90)"`;
    return `<text class="${cls(p.word.tone)}" ${position} font-size="${n(p.fontSize)}"><title>${escapeHtml(p.word.tooltip)}</title>${escapeHtml(p.word.text)}</text>`;
  });
  const labels = (options.labels ?? []).map(
    (l) => `<text x="${n(l.x)}" y="${n(l.y)}" text-anchor="${l.anchor}" font-size="14" font-weight="600">${escapeHtml(l.text)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${escapeHtml(id)}" class="wordcloud-svg" viewBox="0 ${n(top)} ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-labelledby="${escapeHtml(id)}-title" aria-describedby="${escapeHtml(id)}-desc">`,
    `<title id="${escapeHtml(id)}-title">${escapeHtml(title)}</title>`,
    `<desc id="${escapeHtml(id)}-desc">${escapeHtml(description)}</desc>`,
    style,
    `<g font-family="'${CLOUD_FONT_FAMILY}', 'Source Sans 3', sans-serif" font-weight="600">`,
    ...labels,
    ...words,
    '</g></svg>',
  ].join('');
}
