import { describe, expect, it } from 'vitest';
import { cutAtRight, overflowLeft, overflowRightWider } from '../../src/render/chartFit.ts';
import type { PlacedText } from '../../src/render/sceneText.ts';

const text = (lines: string[], x1: number, x2: number, align = 'right', angle = 0): PlacedText => ({
  role: 'axis-label',
  lines,
  x1,
  x2,
  align,
  angle,
  fontSize: 11,
  fontWeight: undefined,
  limit: 0,
});

describe('overflowLeft(texts)', () => {
  it('gives the room a right-aligned label needs on the left in a wider font than the house estimate (# < > in DejaVu Sans)', () => {
    const markup = '#Harbour <script>x</script>';
    const needed = overflowLeft([text([markup], 3, 180)]);
    expect(needed).toBeGreaterThan(10);
    // Set that much further right, it fits.
    expect(overflowLeft([text([markup], 3 + needed, 180 + needed)])).toBe(0);
  });

  it('needs nothing for a left-aligned label, which grows rightward, or one far from the edge', () => {
    expect(overflowLeft([text(['#Harbour <script>x</script>'], 3, 180, 'left')])).toBe(0);
    expect(overflowLeft([text(['#Harbour <script>x</script>'], 120, 300)])).toBe(0);
  });
});

describe('overflowRightWider(texts, width)', () => {
  it('gives the room a left-aligned or centred text needs on the right in a wider font, and none for a right-aligned one', () => {
    const markup = '#Harbour <script>x</script>';
    const left = overflowRightWider([text([markup], 150, 327, 'left')], 330);
    const centred = overflowRightWider([text([markup], 150, 327, 'center')], 330);
    expect(left).toBeGreaterThan(10);
    expect(centred).toBeLessThan(left);
    expect(centred).toBeGreaterThan(left / 2 - 2);
    expect(overflowRightWider([text([markup], 150 - left, 327 - left, 'left')], 330)).toBe(0);
    expect(overflowRightWider([text([markup], 150, 327, 'right')], 330)).toBe(0);
  });

  it('names such a text as cut (cutAtRight) when no room was made', () => {
    expect(cutAtRight([text(['#Harbour <script>x</script>'], 150, 327, 'left')], 330)).toEqual(['#Harbour <script>x</script>']);
  });
});

describe('cutAtRight(texts, width)', () => {
  it('names the texts that end past the right edge (two pixels spared), as the data gave them, once each', () => {
    const cut = cutAtRight(
      [
        text(['\u2068#Dredge\u202eNow\u2069'], 250, 329, 'left'),
        text(['inside'], 10, 327, 'left'),
        text(['two', 'lines'], 200, 340, 'left'),
        text(['\u2068#Dredge\u202eNow\u2069'], 250, 335, 'left'),
      ],
      330,
    );
    expect(cut).toEqual(['#Dredge\u202eNow', 'two lines']);
  });
});
