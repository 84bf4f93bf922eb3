import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { error, FontMissing } from '../../errors.ts';
import { woffTables } from '../woffTables.ts';

/** The CSS family the SVG names; `src/styles/site.css` declares it with one `@font-face` per face below. */
export const CLOUD_FONT_FAMILY = 'Soundings Cloud';
/** The font's own name, as messages give it: the family above is only the style sheet's name for its files. */
export const CLOUD_FONT_NAME = 'Source Sans 3';

/** One file of the cloud font: the characters it draws, as CSS `unicode-range` gives them. */
export interface CloudFace {
  /** Its file name in `public/fonts/` (served at `/fonts/<file>`), as @fontsource ships it. */
  file: string;
  /** Its `unicode-range`, as in @fontsource's `600.css`. */
  unicodeRange: string;
}

/**
 * Source Sans 3 semibold, in @fontsource's subsets and in the order of its `600.css` (Latin last, so it is the
 * first a browser tries: the last of a family's faces whose range holds a character is checked first). Each file
 * is served as is and measured here; a browser downloads a face only for a page whose text has a character in its
 * range, so a cloud in English loads the Latin file alone. Greek, Cyrillic, Vietnamese and Latin with its extended
 * letters (Polish "ł", Czech "ř", Turkish "ş", Romanian "ț") are drawn; scripts Source Sans 3 does not have
 * (Arabic, Hebrew, Devanagari, Chinese, Japanese, Korean) are not, and their words are reported as `no glyph`.
 */
export const CLOUD_FACES: readonly CloudFace[] = [
  {
    file: 'source-sans-3-cyrillic-ext-600-normal.woff',
    unicodeRange: 'U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F',
  },
  { file: 'source-sans-3-cyrillic-600-normal.woff', unicodeRange: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116' },
  { file: 'source-sans-3-greek-ext-600-normal.woff', unicodeRange: 'U+1F00-1FFF' },
  { file: 'source-sans-3-greek-600-normal.woff', unicodeRange: 'U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF' },
  {
    file: 'source-sans-3-vietnamese-600-normal.woff',
    unicodeRange:
      'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  },
  {
    file: 'source-sans-3-latin-ext-600-normal.woff',
    unicodeRange:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
  {
    file: 'source-sans-3-latin-600-normal.woff',
    unicodeRange:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
];

/** A face's path in the project. */
export const cloudFontPath = (file: string): string => fileURLToPath(new URL(`../../../public/fonts/${file}`, import.meta.url));

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
  /** The font's files, for messages. */
  paths: readonly string[];
  /** Ink box of `text` at 1 px (shaped with kerning and ligatures, as a browser does, face by face). */
  measure(text: string): InkBox;
  /** Whether the font has a glyph for every character of `text`. */
  covers(text: string): boolean;
}

/** `U+0000-00FF,U+0131` → [[0, 255], [305, 305]]. */
export function unicodeRanges(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-') as [string, string | undefined];
    return [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)];
  });
}

interface Face {
  path: string;
  ranges: [number, number][];
  font: fontkit.Font | undefined;
}

function open(face: Face): fontkit.Font {
  if (face.font) return face.font;
  try {
    const opened = fontkit.create(woffTables(readFileSync(face.path)));
    if (!('layout' in opened)) throw new Error('it is a font collection, not one font');
    face.font = opened as fontkit.Font;
  } catch (e) {
    throw error(FontMissing, undefined, face.path, (e as Error).message);
  }
  return face.font;
}

const loaded = new Map<string, FontMetrics>();

/**
 * Measures text with the cloud font's files (fontkit), as a browser draws it: each character with the first face,
 * in the browser's order (the last declared first), whose `unicode-range` holds it and whose file has its glyph;
 * each run of characters drawn by one face shaped on its own (no kerning across faces, as in a browser). Words are
 * measured by their ink (the union of their glyphs' outlines), not their em box, so clouds pack tightly; results
 * are cached per text. A face's file is read the first time a character needs it; a missing or unreadable file is
 * the catalogue error FontMissing (a missing one as soon as the metrics are made).
 */
export function fontMetrics(faces: readonly { path: string; unicodeRange: string }[] = defaultFaces()): FontMetrics {
  const id = faces.map((f) => `${f.path}\0${f.unicodeRange}`).join('\n');
  const known = loaded.get(id);
  if (known) return known;
  for (const { path } of faces) if (!existsSync(path)) throw error(FontMissing, undefined, path, 'there is no such file');
  // The browser's order: the last face declared is the first tried.
  const order: Face[] = faces.map((f) => ({ path: f.path, ranges: unicodeRanges(f.unicodeRange), font: undefined })).reverse();
  const faceFor = new Map<number, Face | null>();
  const faceOf = (codePoint: number): Face | null => {
    let face = faceFor.get(codePoint);
    if (face === undefined) {
      face =
        order.find((f) => f.ranges.some(([a, b]) => codePoint >= a && codePoint <= b) && open(f).hasGlyphForCodePoint(codePoint)) ?? null;
      faceFor.set(codePoint, face);
    }
    return face;
  };
  const cache = new Map<string, InkBox>();
  const metrics: FontMetrics = {
    paths: faces.map((f) => f.path),
    measure(text) {
      let box = cache.get(text);
      if (box) return box;
      // Runs of characters one face draws; a character no face has is measured with the first face (its .notdef).
      const runs: { face: Face; text: string }[] = [];
      for (const char of text) {
        const face = faceOf(char.codePointAt(0) ?? 0) ?? (order[0] as Face);
        const last = runs.at(-1);
        if (last?.face === face) last.text += char;
        else runs.push({ face, text: char });
      }
      let advance = 0;
      let ink: Omit<InkBox, 'advance'> | undefined;
      for (const run of runs) {
        const font = open(run.face);
        const em = font.unitsPerEm;
        const glyphs = font.layout(run.text);
        const b = glyphs.bbox;
        if (Number.isFinite(b.minX) && b.maxX > b.minX) {
          const x0 = advance + b.minX / em;
          const x1 = advance + b.maxX / em;
          const y0 = -b.maxY / em;
          const y1 = -b.minY / em;
          ink = ink
            ? { x0: Math.min(ink.x0, x0), x1: Math.max(ink.x1, x1), y0: Math.min(ink.y0, y0), y1: Math.max(ink.y1, y1) }
            : { x0, x1, y0, y1 };
        }
        advance += glyphs.advanceWidth / em;
      }
      box = ink ? { ...ink, advance } : { x0: 0, x1: advance, y0: 0, y1: 0, advance };
      cache.set(text, box);
      return box;
    },
    covers(text) {
      for (const char of text) if (faceOf(char.codePointAt(0) ?? 0) === null) return false;
      return true;
    },
  };
  loaded.set(id, metrics);
  return metrics;
}

const defaultFaces = () => CLOUD_FACES.map((f) => ({ path: cloudFontPath(f.file), unicodeRange: f.unicodeRange }));
