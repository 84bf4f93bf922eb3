import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudSvg, type DrawnWord } from '../../../src/render/wordcloud/cloudSvg.ts';
import { BACKGROUNDS, colorPair, legibleOn, MUTED, softerOn } from '../../../src/render/wordcloud/contrast.ts';
import { fontMetrics } from '../../../src/render/wordcloud/fontMetrics.ts';
import { layoutCloud } from '../../../src/render/wordcloud/layoutCloud.ts';
import { launchChromium } from '../../e2e/browser.ts';

const css = readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'styles', 'site.css'), 'utf8');

describe('cloud colours in Chromium', () => {
  it('give every word at least 4.5:1 against the page, as the browser computes it, in light and dark mode', async () => {
    // Campaign colours that fail on one background or the other, in both directives' tones.
    const colors = ['#b3202a', '#1f5f8b', '#ffd700', '#00ff00', '#000000', '#ffffff'];
    const palette = [
      ...colors.map(colorPair),
      ...colors.map((c) => {
        const strong = { light: legibleOn(c, BACKGROUNDS.light, 7) as string, dark: legibleOn(c, BACKGROUNDS.dark, 7) as string };
        return {
          light: softerOn(strong.light, BACKGROUNDS.light, 0.6) as string,
          dark: softerOn(strong.dark, BACKGROUNDS.dark, 0.6) as string,
        };
      }),
      MUTED,
    ];
    const words: DrawnWord[] = palette.map((_, i) => ({ key: `w${i}`, text: `word${i}`, weight: 20 - i, tooltip: `w${i}`, tone: i }));
    const layout = layoutCloud(words, { width: 600, height: 300, font: fontMetrics() });
    const svg = cloudSvg(layout.placed, { id: 'wc', width: 600, height: 300, title: 't', description: 'd', palette });
    const html = `<!doctype html><html><head><style>${css}</style></head><body><figure class="chart wordcloud">${svg}</figure></body></html>`;
    const browser = await launchChromium();
    const low: string[] = [];
    try {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ colorScheme: scheme });
        const page = await context.newPage();
        await page.setContent(html);
        const found = await page.evaluate(() => {
          const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
          const lum = ([r = 0, g = 0, b = 0]: number[]) => {
            const f = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const bg = lum(rgb(getComputedStyle(document.body).backgroundColor));
          return Array.from(document.querySelectorAll('svg text'), (t) => {
            const l = lum(rgb(getComputedStyle(t).fill));
            return { word: t.textContent ?? '', ratio: (Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05) };
          });
        });
        expect(found).toHaveLength(words.length);
        for (const f of found) if (f.ratio < 4.5) low.push(`${scheme} ${f.word}: ${f.ratio.toFixed(2)}:1`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    expect(low).toEqual([]);
  });
});

describe('printed from a browser in dark mode', () => {
  it('draws the cloud, the text and a highlighted method in the light palette, on white paper', async () => {
    const palette = ['#b3202a', '#1f5f8b'].map(colorPair);
    const words: DrawnWord[] = palette.map((_, i) => ({ key: `w${i}`, text: `word${i}`, weight: 20 - i, tooltip: `w${i}`, tone: i }));
    const layout = layoutCloud(words, { width: 600, height: 300, font: fontMetrics() });
    const svg = cloudSvg(layout.placed, { id: 'wc', width: 600, height: 300, title: 't', description: 'd', palette });
    const html = `<!doctype html><html><head><style>${css}</style></head><body><p>Text</p><ol class="methods"><li id="m">A method</li></ol><figure class="chart wordcloud">${svg}</figure></body></html>`;
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ colorScheme: 'dark' });
      const page = await context.newPage();
      await page.setContent(html);
      await page.evaluate(() => {
        location.hash = 'm';
      });
      await page.emulateMedia({ media: 'print' });
      const seen = await page.evaluate(() => ({
        page: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.querySelector('p') as Element).color,
        method: getComputedStyle(document.querySelector('li:target') as Element).backgroundColor,
        words: Array.from(document.querySelectorAll('svg text'), (t) => getComputedStyle(t).fill),
      }));
      const hex = (c: string) =>
        `#${(c.match(/\d+/g) ?? [])
          .slice(0, 3)
          .map((v) => Number(v).toString(16).padStart(2, '0'))
          .join('')}`;
      expect(hex(seen.page)).toBe('#ffffff');
      expect(hex(seen.text)).toBe('#000000');
      expect(hex(seen.method)).toBe('#fff1b8');
      expect(seen.words.map(hex)).toEqual(palette.map((p) => p.light));
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
