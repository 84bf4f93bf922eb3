import { describe, expect, it } from 'vitest';
import { textWidth, widestTextWidth } from '../../src/render/textWidth.ts';

describe('textWidth(text, fontSize, fontWeight)', () => {
  it('measures with Helvetica advance widths plus a 10% margin', () => {
    // "Momentum": M 833 + o 556 + m 833 + e 556 + n 556 + t 278 + u 556 + m 833 = 5001
    expect(textWidth('Momentum', 12)).toBeCloseTo(5.001 * 12 * 1.1, 6);
    expect(textWidth('', 12)).toBe(0);
    expect(textWidth('iiii', 10)).toBeLessThan(textWidth('MMMM', 10) / 3);
  });

  it('is far below vega’s 0.8 em per character guess for ordinary labels', () => {
    const label = 'YouGov members poll, August 2016';
    expect(textWidth(label, 12)).toBeLessThan(0.8 * label.length * 12 * 0.7);
  });

  it('widens bold text and handles accents and wide characters', () => {
    expect(textWidth('Bold', 12, 'bold')).toBeCloseTo(textWidth('Bold', 12) * 1.08, 6);
    expect(textWidth('Bold', 12, 700)).toBeCloseTo(textWidth('Bold', 12, 'bold'), 6);
    expect(textWidth('é', 10)).toBe(textWidth('e', 10));
    expect(textWidth('漢', 10)).toBeCloseTo(10 * 1.1, 6);
  });

  it('gives no width to invisible characters: a label isolated between U+2068 and U+2069, an override, a zero-width space', () => {
    expect(textWidth('\u2068#DredgeNow \u202Ereversed\u2069', 12)).toBe(textWidth('#DredgeNow reversed', 12));
    expect(widestTextWidth('\u2068#DredgeNow\u200b\u2069', 12)).toBe(widestTextWidth('#DredgeNow', 12));
  });

  it('gives, as the most a text may take, at least its width in DejaVu Sans, and never less than the estimate', () => {
    // As Chromium draws them on Linux in DejaVu Sans, 12 px (canvas measureText).
    for (const [text, drawn] of [
      ['#CleanHarbour <script>x</script>', 214.97],
      ['More than one campaign', 149.96],
      ['#SavingLabour', 92.2],
      ['#####', 50.3],
    ] as const) {
      expect(widestTextWidth(text, 12), text).toBeGreaterThanOrEqual(drawn - 0.05);
      expect(widestTextWidth(text, 12), text).toBeLessThan(drawn * 1.1);
    }
    expect(widestTextWidth('J. K. Rowling', 12)).toBe(textWidth('J. K. Rowling', 12));
  });
});
