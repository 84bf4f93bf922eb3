import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOUD_FONT_FAMILY, CLOUD_FONT_FILE, CLOUD_FONT_PATH, fontMetrics } from '../../../src/render/wordcloud/fontMetrics.ts';

const root = join(import.meta.dirname, '..', '..', '..');

describe('fontMetrics(path)', () => {
  it('measures with the very file the site serves, declared by @font-face in site.css', () => {
    expect(CLOUD_FONT_PATH).toBe(join(root, 'public', 'fonts', CLOUD_FONT_FILE));
    const served = readFileSync(CLOUD_FONT_PATH);
    const shipped = readFileSync(join(root, 'node_modules', '@fontsource', 'source-sans-3', 'files', CLOUD_FONT_FILE));
    expect(served.equals(shipped)).toBe(true);
    const css = readFileSync(join(root, 'src', 'styles', 'site.css'), 'utf8');
    expect(css).toContain(`font-family: "${CLOUD_FONT_FAMILY}"`);
    expect(css).toContain(`url("/fonts/${CLOUD_FONT_FILE}")`);
  });

  it('gives ink boxes that scale with the text: wider for longer words, descenders below the baseline', () => {
    const font = fontMetrics();
    const short = font.measure('rally');
    const long = font.measure('rallying');
    expect(long.x1 - long.x0).toBeGreaterThan(short.x1 - short.x0);
    expect(short.y0).toBeLessThan(-0.6); // the ascenders of l
    expect(short.y1).toBeGreaterThan(0.15); // the descender of y
    expect(font.measure('mmm').y1).toBeLessThan(0.05);
    expect(font.covers('Café')).toBe(true);
    expect(font.covers('👍')).toBe(false);
  });

  it('fails with the catalogue error when the font file is missing', () => {
    const missing = join(root, 'public', 'fonts', 'no-such-font.woff');
    expect(existsSync(missing)).toBe(false);
    expect(() => fontMetrics(missing)).toThrow(
      `The word-cloud font ${missing} cannot be read (ENOENT: no such file or directory, open '${missing}'). Restore it from node_modules/@fontsource/source-sans-3/files/`,
    );
  });
});
