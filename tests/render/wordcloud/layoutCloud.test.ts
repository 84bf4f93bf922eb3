import { describe, expect, it } from 'vitest';
import type { Box } from '../../../src/render/wordcloud/board.ts';
import { fontMetrics } from '../../../src/render/wordcloud/fontMetrics.ts';
import { type CloudWord, type LayoutOptions, layoutCloud } from '../../../src/render/wordcloud/layoutCloud.ts';

const font = fontMetrics();

/** Words with weights falling like a real cloud's, seeded by index so the test is fixed. */
function words(n: number, make = (i: number) => `word${i.toString(36)}`): CloudWord[] {
  return Array.from({ length: n }, (_, i) => ({ key: `k${i}`, text: make(i), weight: Math.round(1000 / (1 + i) ** 0.8) }));
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function expectNoOverlap(layout: ReturnType<typeof layoutCloud>) {
  const boxes = layout.placed.map((p) => p.box);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i] as Box;
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.y).toBeGreaterThanOrEqual(0);
    expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
    expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
    for (let j = i + 1; j < boxes.length; j++) {
      if (intersects(a, boxes[j] as Box)) throw new Error(`${layout.placed[i]?.word.text} overlaps ${layout.placed[j]?.word.text}`);
    }
  }
}

const base: LayoutOptions = { width: 600, height: 400, font };

describe('layoutCloud(words, options)', () => {
  const cases: [string, CloudWord[], Partial<LayoutOptions>][] = [
    ['150 words in a rectangle', words(150), { shape: 'rectangle' }],
    ['150 words in an ellipse, half vertical', words(150), { shape: 'ellipse', rotate: 'mixed' }],
    ['80 words in the bubble mask', words(80), { shape: 'bubble' }],
    ['long words', words(40, (i) => `${'internationalisation'.slice(0, 8 + (i % 12))}${i}`), { shape: 'rectangle' }],
    ['one very heavy word and many light ones', [{ key: 'big', text: 'Solidarity', weight: 1e6 }, ...words(60)], {}],
    ['a small board', words(30), { width: 220, height: 160 }],
  ];
  for (const [name, input, options] of cases) {
    it(`places no two words' boxes so that they intersect: ${name}`, () => {
      const layout = layoutCloud(input, { ...base, ...options });
      expectNoOverlap(layout);
      expect(layout.placed.length + layout.dropped.length).toBe(input.length);
      expect(layout.smallestFont).toBeGreaterThanOrEqual(10);
    });
  }

  it('places every one of 150 words at 800×500, at 10 px or more', () => {
    const layout = layoutCloud(words(150), { width: 800, height: 500, font });
    expect(layout.dropped).toEqual([]);
    expect(layout.placed).toHaveLength(150);
    expect(Math.min(...layout.placed.map((p) => p.fontSize))).toBeGreaterThanOrEqual(10);
    expect(layout.fill).toBeGreaterThan(0.15);
  });

  it('keeps the top words horizontal, and all words horizontal with rotate=none', () => {
    const mixed = layoutCloud(words(100), { ...base, rotate: 'mixed', top: 10 });
    const top = new Set(
      words(100)
        .slice(0, 10)
        .map((w) => w.key),
    );
    expect(mixed.placed.filter((p) => top.has(p.word.key)).every((p) => p.rotate === 0)).toBe(true);
    expect(mixed.placed.some((p) => p.rotate === -90)).toBe(true);
    expect(layoutCloud(words(100), { ...base, rotate: 'none' }).placed.every((p) => p.rotate === 0)).toBe(true);
  });

  it('reports a word too long to fit even at the smallest size, and one without glyphs in the font', () => {
    const input = [
      ...words(5),
      { key: 'long', text: 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3), weight: 1 },
      { key: 'hebrew', text: 'סולידריות', weight: 1 },
      { key: 'mixed', text: 'Tikkunתיקון', weight: 1 },
    ];
    const layout = layoutCloud(input, { width: 300, height: 200, font, top: 3 });
    expect(layout.dropped.map((d) => [d.word.key, d.reason])).toEqual([
      ['hebrew', 'no glyph'],
      ['long', 'too long'],
      ['mixed', 'no glyph'],
    ]);
    // The characters it has no glyphs for, each once, for a message to name their script.
    expect(layout.dropped.map((d) => d.missing)).toEqual(['סולידרת', undefined, 'תיקון']);
    expect(layout.droppedTop).toEqual([]);
    expect(layout.placed).toHaveLength(5);
    expectNoOverlap(layout);
  });

  it('places words in Polish, Czech, Greek, Ukrainian and Vietnamese, each measured with the face that draws it', () => {
    const texts = ['Łódź', 'solidarność', 'přítomnost', 'Αλληλεγγύη', 'Київ', 'đoàn kết', 'Şişli', 'Ελλάδα', 'громада', 'Kraków'];
    const layout = layoutCloud(
      texts.map((text, i) => ({ key: text.toLowerCase(), text, weight: 10 - i })),
      { width: 400, height: 250, font },
    );
    expect(layout.dropped).toEqual([]);
    expect(layout.placed.map((p) => p.word.text).sort()).toEqual([...texts].sort());
  });

  it('gives a long word a row through the middle first, rather than making every other word small for it', () => {
    // An audit's #CleanHarbour terms: 138 letters are 629 px at 10 px, a row of a 640 px ellipse to themselves.
    const long =
      'Antidisestablishmentarianismfloccinaucinihilipilificationpneumonoultramicroscopicsilicovolcanoconiosishippopotomonstrosesquippedaliophobia';
    const counted = (texts: string, weight: number) => texts.split(' ').map((text) => ({ key: text.toLowerCase(), text, weight }));
    const terms = [
      ...counted('clean harbour', 5),
      ...counted('water', 3),
      ...counted('#tides council fish plastic volunteers', 2),
      ...counted('נמל נקי עכשיו للجميع مرفأ نظيف act alert bags beach better calls chips collected deserves dying happy', 1),
      ...counted('quality report Saturday script sewage shows spills taste xss', 1),
    ];
    const options = { ...base, width: 640, shape: 'ellipse', seed: 'clean' } as const;
    const alone = layoutCloud(terms, options);
    const layout = layoutCloud([...terms, { key: long.toLowerCase(), text: long, weight: 1 }], options);
    expect(layout.dropped.map((d) => d.reason)).toEqual(Array(6).fill('no glyph'));
    expect(layout.placed.find((p) => p.word.text === long)).toMatchObject({ fontSize: 10, rotate: 0 });
    // The others keep about the sizes they have without it (its ink takes a little of the area they fill), where the
    // cloud laid out again smaller to clear a row for it made them 10–20 px, on a board 7% full.
    const largest = (l: typeof layout) => Math.max(...l.placed.map((p) => p.fontSize));
    expect(largest(layout)).toBeGreaterThan(0.95 * largest(alone));
    expect(layout.fill).toBeGreaterThan(0.35);
    expectNoOverlap(layout);
    // One that no row of the empty shape holds (an ellipse's middle row is narrower than its board) is too long, with
    // the length it needs, and makes no other word smaller.
    const input = [...words(30), { key: 'long', text: long, weight: 1 }];
    const small = { ...base, width: 632, height: 150, shape: 'ellipse', rotate: 'none' } as const;
    const narrow = layoutCloud(input, small);
    expect(narrow.dropped).toEqual([{ word: input[30], reason: 'too long', length: 633 }]);
    const sizes = (l: typeof layout) => l.placed.map((p) => p.fontSize);
    expect(sizes(narrow)).toEqual(sizes(layoutCloud(words(30), small)));
  });

  it('reports words that find no room, and the top words among them', () => {
    const layout = layoutCloud(words(400), { width: 200, height: 150, font, top: 10, rotate: 'none' });
    expect(layout.dropped.length).toBeGreaterThan(0);
    expect(layout.placed.length + layout.dropped.length).toBe(400);
    expect(layout.dropped.every((d) => d.reason === 'no room')).toBe(true);
    expectNoOverlap(layout);
    // A top word that is too long to fit is a dropped top word.
    const tooLong = layoutCloud(
      [{ key: 'x', text: 'Unconstitutionally-long-campaign-slogan-for-a-very-small-cloud', weight: 1e6 }, ...words(3)],
      {
        width: 200,
        height: 150,
        font,
        top: 2,
      },
    );
    expect(tooLong.droppedTop.map((w) => w.key)).toEqual(['x']);
  });

  it('gives the same layout for the same input, whatever the input order', () => {
    const input = words(120);
    const a = layoutCloud(input, base);
    const b = layoutCloud([...input].reverse(), base);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = layoutCloud(input, { ...base, seed: 'another' });
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('puts the text origin where the measured ink box says (horizontal and vertical)', () => {
    const layout = layoutCloud(words(60), { ...base, rotate: 'mixed' });
    for (const p of layout.placed) {
      const ink = font.measure(p.word.text);
      if (p.rotate === 0) {
        expect(p.box.x).toBeCloseTo(p.x + ink.x0 * p.fontSize, 6);
        expect(p.box.y).toBeCloseTo(p.y + ink.y0 * p.fontSize, 6);
      } else {
        expect(p.box.x).toBeCloseTo(p.x + ink.y0 * p.fontSize, 6);
        expect(p.box.y + p.box.height).toBeCloseTo(p.y - ink.x0 * p.fontSize, 6);
      }
    }
  });
});
