import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/render/textWidth.ts';

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
});
