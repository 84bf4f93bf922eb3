/**
 * WCAG 2 contrast, and colours adjusted to reach it. The site has a light
 * and a dark background; one colour cannot reach 4.5:1 on both, so every
 * cloud colour gets a light-mode and a dark-mode variant.
 */

/**
 * The backgrounds a cloud may sit on, per colour scheme: the page (`--bg` of
 * `src/styles/site.css`, as the issue gave it and as the stylesheet has it
 * now), the chart panel and paper. A colour must reach the contrast on every
 * one of its scheme's backgrounds; `tests/render/wordcloud/cloudContrast.test.ts`
 * checks it in Chromium against the real stylesheet, so a change of palette is caught.
 */
export const BACKGROUNDS = {
  light: ['#fffdf8', '#fbf8f1', '#f6f3ec', '#ffffff'],
  dark: ['#16181b', '#15171a'],
} as const;
/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

type Rgb = [number, number, number];

/** Parses `#rgb`, `#rrggbb` or `rgb(r, g, b)`; anything else is undefined. */
export function parseColor(color: string): Rgb | undefined {
  const c = color.trim().toLowerCase();
  let m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (m) return [m[1], m[2], m[3]].map((h) => Number.parseInt(`${h}${h}`, 16)) as Rgb;
  m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(c);
  if (m) return [m[1], m[2], m[3]].map((h) => Number.parseInt(h as string, 16)) as Rgb;
  m = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/.exec(c);
  if (m) return [m[1], m[2], m[3]].map((n) => Math.min(255, Number(n))) as Rgb;
  return undefined;
}

const hex = (rgb: Rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance. */
export function luminance(color: string): number {
  const rgb = parseColor(color);
  if (!rgb) throw new Error(`not a colour: ${color}`);
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1–21. */
export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The lowest contrast of `color` with any of `backgrounds`. */
export function minContrast(color: string, backgrounds: string | readonly string[]): number {
  const list = typeof backgrounds === 'string' ? [backgrounds] : backgrounds;
  return Math.min(...list.map((b) => contrast(color, b)));
}

/**
 * The colour, mixed towards black (on light backgrounds) or white (on dark
 * ones) in 2% steps until its contrast with every background reaches `min`;
 * the colour itself when it already does. Unparseable colours give undefined.
 */
export function legibleOn(color: string, backgrounds: string | readonly string[], min = MIN_CONTRAST): string | undefined {
  const rgb = parseColor(color);
  if (!rgb) return undefined;
  const first = typeof backgrounds === 'string' ? backgrounds : (backgrounds[0] as string);
  const target = luminance(first) > 0.5 ? 0 : 255;
  for (let step = 0; step <= 50; step++) {
    const t = step / 50;
    const mixed = hex(rgb.map((v) => v + (target - v) * t) as Rgb);
    if (minContrast(mixed, backgrounds) >= min) return mixed;
  }
  return target === 0 ? '#000000' : '#ffffff';
}

/**
 * A softer tone of a colour (mixed `amount` towards the first background)
 * that still reaches `min` against every background: the weaker band of a
 * comparison.
 */
export function softerOn(color: string, backgrounds: string | readonly string[], amount: number, min = MIN_CONTRAST): string | undefined {
  const rgb = parseColor(color);
  const bg = parseColor(typeof backgrounds === 'string' ? backgrounds : (backgrounds[0] as string));
  if (!rgb || !bg) return undefined;
  for (let t = amount; t >= 0; t -= 0.02) {
    const mixed = hex(rgb.map((v, i) => v + ((bg[i] as number) - v) * t) as Rgb);
    if (minContrast(mixed, backgrounds) >= min) return mixed;
  }
  return hex(rgb);
}

/** Light- and dark-mode variants of a colour, each at least 4.5:1 on its scheme's backgrounds (grey when unparseable). */
export function colorPair(color: string): { light: string; dark: string } {
  return {
    light: legibleOn(color, BACKGROUNDS.light) ?? MUTED.light,
    dark: legibleOn(color, BACKGROUNDS.dark) ?? MUTED.dark,
  };
}

/** Muted text colours (as `--muted` of `src/styles/site.css`), for words no side owns; 4.5:1 on every background. */
export const MUTED = {
  light: legibleOn('#565c63', BACKGROUNDS.light) as string,
  dark: legibleOn('#aaa49a', BACKGROUNDS.dark) as string,
};
