import { describe, expect, it } from 'vitest';
import {
  BACKGROUNDS,
  colorPair,
  contrast,
  legibleOn,
  MUTED,
  minContrast,
  parseColor,
  softerOn,
} from '../../../src/render/wordcloud/contrast.ts';

describe('contrast(a, b)', () => {
  it('is the WCAG ratio: 21 for black on white, 1 for a colour on itself', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#b3202a', '#b3202a')).toBe(1);
    expect(contrast('#777', '#fff')).toBeCloseTo(4.48, 2);
  });
  it('parses #rgb, #rrggbb and rgb()', () => {
    expect(parseColor('#fa0')).toEqual([255, 170, 0]);
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseColor('tomato')).toBeUndefined();
  });
});

describe('colorPair(color)', () => {
  // Campaign colours of the sample post, and colours that fail on one background or the other.
  const colors = ['#b3202a', '#1f5f8b', '#ffd700', '#00ff00', '#000000', '#ffffff', '#8a8a8a', '#e4003b'];
  for (const color of colors) {
    it(`gives ${color} variants of at least 4.5:1 on the light (#fffdf8…) and dark (#16181b…) backgrounds`, () => {
      const { light, dark } = colorPair(color);
      expect(BACKGROUNDS.light).toContain('#fffdf8');
      expect(BACKGROUNDS.dark).toContain('#16181b');
      for (const bg of BACKGROUNDS.light) expect(contrast(light, bg)).toBeGreaterThanOrEqual(4.5);
      for (const bg of BACKGROUNDS.dark) expect(contrast(dark, bg)).toBeGreaterThanOrEqual(4.5);
    });
  }
  it('keeps a colour that already passes', () => {
    expect(legibleOn('#1f5f8b', BACKGROUNDS.light)).toBe('#1f5f8b');
    expect(legibleOn('#ffd700', '#fffdf8')).not.toBe('#ffd700');
  });
  it('gives muted text for the shared words that passes both ways', () => {
    expect(minContrast(MUTED.light, BACKGROUNDS.light)).toBeGreaterThanOrEqual(4.5);
    expect(minContrast(MUTED.dark, BACKGROUNDS.dark)).toBeGreaterThanOrEqual(4.5);
  });
  it('softens a colour towards the background only as far as 4.5:1 allows', () => {
    const strong = legibleOn('#b3202a', BACKGROUNDS.light, 7) as string;
    const weak = softerOn(strong, BACKGROUNDS.light, 0.6) as string;
    expect(weak).not.toBe(strong);
    expect(minContrast(weak, BACKGROUNDS.light)).toBeGreaterThanOrEqual(4.5);
    expect(minContrast(strong, BACKGROUNDS.light)).toBeGreaterThanOrEqual(7);
  });
});
