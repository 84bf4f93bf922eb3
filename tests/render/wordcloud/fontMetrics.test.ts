import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOUD_FACES, CLOUD_FONT_FAMILY, cloudFontPath, fontMetrics, unicodeRanges } from '../../../src/render/wordcloud/fontMetrics.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const fontsource = join(root, 'node_modules', '@fontsource', 'source-sans-3');

/** The (woff file, unicode-range) of each @font-face of a style sheet, in order, for one family. */
function faces(css: string, family: RegExp): { file: string; unicodeRange: string }[] {
  return Array.from(css.matchAll(/@font-face\s*\{([^}]*)\}/g), (m) => m[1] as string)
    .filter((body) => family.test(body))
    .map((body) => ({
      file: /([\w-]+\.woff)\b(?!2)/.exec(body)?.[1] ?? '',
      // Biome writes a space after each comma; @fontsource none.
      unicodeRange: /unicode-range:\s*([^;]+);/.exec(body)?.[1]?.replace(/\s+/g, '') ?? '',
    }));
}

describe('fontMetrics(faces)', () => {
  it('measures with the very files the site serves, declared by @font-face in site.css as @fontsource declares them', () => {
    for (const face of CLOUD_FACES) {
      expect(cloudFontPath(face.file)).toBe(join(root, 'public', 'fonts', face.file));
      const served = readFileSync(cloudFontPath(face.file));
      expect(served.equals(readFileSync(join(fontsource, 'files', face.file))), face.file).toBe(true);
    }
    // The same subsets, ranges and order as @fontsource's own style sheet (a new @fontsource changes them here too).
    expect(faces(readFileSync(join(fontsource, '600.css'), 'utf8'), /font-style: normal/)).toEqual(CLOUD_FACES);
    const css = readFileSync(join(root, 'src', 'styles', 'site.css'), 'utf8');
    expect(faces(css, new RegExp(`font-family: "${CLOUD_FONT_FAMILY}"`))).toEqual(CLOUD_FACES);
  });

  it('gives ink boxes that scale with the text: wider for longer words, descenders below the baseline', () => {
    const font = fontMetrics();
    const short = font.measure('rally');
    const long = font.measure('rallying');
    expect(long.x1 - long.x0).toBeGreaterThan(short.x1 - short.x0);
    expect(short.y0).toBeLessThan(-0.6); // the ascenders of l
    expect(short.y1).toBeGreaterThan(0.15); // the descender of y
    expect(font.measure('mmm').y1).toBeLessThan(0.05);
  });

  it('draws Latin with its extended letters, Greek, Cyrillic and Vietnamese; not emoji or scripts the font lacks', () => {
    const font = fontMetrics();
    for (const word of ['Café', 'Łódź', 'přítomnost', 'Şişli', 'Αθήνα', 'Київ', 'Москва', 'Việt'])
      expect(font.covers(word), word).toBe(true);
    for (const word of ['👍', 'سلام', 'שלום', '北京']) expect(font.covers(word), word).toBe(false);
  });

  it('measures a word drawn by two faces as a browser does: each face run shaped alone, side by side', () => {
    const font = fontMetrics();
    // Ł and ź are in the Latin Extended file, ó and d in the Latin one.
    const whole = font.measure('Łódź');
    const runs = ['Ł', 'ód', 'ź'].map((run) => font.measure(run));
    expect(whole.advance).toBeCloseTo(
      runs.reduce((sum, r) => sum + r.advance, 0),
      10,
    );
    const first = runs[0] as (typeof runs)[number];
    const last = runs[2] as (typeof runs)[number];
    expect(whole.x0).toBeCloseTo(first.x0, 10);
    expect(whole.x1).toBeCloseTo((runs[0]?.advance ?? 0) + (runs[1]?.advance ?? 0) + last.x1, 10);
    // The acute of ź reaches above the x-height of "ód"'s o, as high as the ascender of d or higher.
    expect(whole.y0).toBeLessThanOrEqual(runs[1]?.y0 ?? 0);
  });

  it('reads unicode-range lists', () => {
    expect(unicodeRanges('U+0000-00FF,U+0131, U+1F00-1FFF')).toEqual([
      [0, 255],
      [0x131, 0x131],
      [0x1f00, 0x1fff],
    ]);
  });

  it('fails with the catalogue error when a font file is missing', () => {
    const missing = join(root, 'public', 'fonts', 'no-such-font.woff');
    expect(existsSync(missing)).toBe(false);
    expect(() => fontMetrics([{ path: missing, unicodeRange: 'U+0000-00FF' }])).toThrow(
      `The word-cloud font ${missing} cannot be read (there is no such file). Restore it from node_modules/@fontsource/source-sans-3/files/`,
    );
  });
});
