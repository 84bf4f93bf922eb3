import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { error, FontMissing } from '../../errors.ts';

/** The font file the site serves (`/fonts/…`), and with which every cloud is measured. */
export const CLOUD_FONT_FILE = 'source-sans-3-latin-600-normal.woff';
/** The CSS family the SVG names; `src/styles/site.css` declares it with `@font-face`. */
export const CLOUD_FONT_FAMILY = 'Soundings Cloud';
/** Its path in the project. */
export const CLOUD_FONT_PATH = fileURLToPath(new URL(`../../../public/fonts/${CLOUD_FONT_FILE}`, import.meta.url));

/** A word's ink box, for a font size of 1 px, relative to its text origin (y down). */
export interface InkBox {
  /** Left and right ink edges from the origin. */
  x0: number;
  x1: number;
  /** Top of the ink above the baseline (negative) and bottom below it. */
  y0: number;
  y1: number;
  /** Advance width. */
  advance: number;
}

export interface FontMetrics {
  /** The font's file, for messages. */
  path: string;
  /** Ink box of `text` at 1 px (shaped with kerning and ligatures, as a browser does). */
  measure(text: string): InkBox;
  /** Whether the font has a glyph for every character of `text`. */
  covers(text: string): boolean;
}

const loaded = new Map<string, FontMetrics>();

/**
 * Reads a font file with fontkit and measures text with it. Words are
 * measured by their ink (the union of their glyphs' outlines), not their em
 * box, so clouds pack tightly; results are cached per text.
 * A missing or unreadable file is the catalogue error FontMissing.
 */
export function fontMetrics(path = CLOUD_FONT_PATH): FontMetrics {
  const known = loaded.get(path);
  if (known) return known;
  let font: fontkit.Font;
  try {
    const opened = fontkit.create(readFileSync(path));
    if (!('layout' in opened)) throw new Error('it is a font collection, not one font');
    font = opened as fontkit.Font;
  } catch (e) {
    throw error(FontMissing, undefined, path, (e as Error).message);
  }
  const em = font.unitsPerEm;
  const cache = new Map<string, InkBox>();
  const metrics: FontMetrics = {
    path,
    measure(text) {
      let box = cache.get(text);
      if (!box) {
        const run = font.layout(text);
        const b = run.bbox;
        const empty = !Number.isFinite(b.minX) || b.maxX <= b.minX;
        box = empty
          ? { x0: 0, x1: run.advanceWidth / em, y0: 0, y1: 0, advance: run.advanceWidth / em }
          : { x0: b.minX / em, x1: b.maxX / em, y0: -b.maxY / em, y1: -b.minY / em, advance: run.advanceWidth / em };
        cache.set(text, box);
      }
      return box;
    },
    covers(text) {
      for (const char of text) if (!font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)) return false;
      return true;
    },
  };
  loaded.set(path, metrics);
  return metrics;
}
