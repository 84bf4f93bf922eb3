import { describe, expect, it } from 'vitest';
import { characterCount, cutText } from '../src/cutText.ts';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('cutText(text, max)', () => {
  it('keeps a text of at most max characters, and cuts a longer one to max with an ellipsis', () => {
    expect(cutText('79.4%', 10)).toBe('79.4%');
    expect(cutText('abcdefghij', 10)).toBe('abcdefghij');
    expect(cutText('abcdefghijk', 10)).toBe('abcdefghi…');
    expect(cutText('x'.repeat(400), 48)).toHaveLength(48);
    // No space before the ellipsis.
    expect(cutText('word word word', 6)).toBe('word…');
  });

  it('counts what a reader sees as one character, and never splits it or a surrogate pair', () => {
    const thumbs = '👍🏽'; // 4 UTF-16 code units, 2 code points, 1 character
    const family = '👨‍👩‍👧'; // 5 code points joined by ZWJ
    const accent = 'e\u0301'; // e + combining acute
    for (const unit of [thumbs, family, accent, '🇬🇧', '𝐀']) {
      expect(characterCount(unit.repeat(7))).toBe(7);
      const cut = cutText(unit.repeat(20), 7);
      expect(cut).toBe(`${unit.repeat(6)}…`);
      expect(cut).not.toMatch(LONE_SURROGATE);
    }
    // Cut at every length across astral characters: never a lone surrogate.
    const mixed = 'a𝐀b👍🏽c🇬🇧d'.repeat(5);
    for (let max = 1; max < 40; max++) expect(cutText(mixed, max), String(max)).not.toMatch(LONE_SURROGATE);
  });
});
