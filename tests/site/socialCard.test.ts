import { describe, expect, it } from 'vitest';
import { characterCount } from '../../src/cutText.ts';
import { CARD_LIMITS, type CardNode, type CardText, cardSvg, cardTree, socialCard } from '../../src/site/socialCard.ts';

/** Each text the card lays out, with the style of the element holding it. */
function texts(node: CardNode): { text: string; style: Record<string, unknown> }[] {
  const { children, style } = node.props;
  if (typeof children === 'string') return children === '' ? [] : [{ text: children, style }];
  return children.flatMap(texts);
}

const LONG = `W${'x'.repeat(398)}Z`;
const card = (over: Partial<CardText> = {}): CardText => ({
  site: 'Soundings',
  title: 'Clicktivism and the Labour leadership',
  author: 'Ed Gavaghan',
  date: '18 September 2016',
  headline: { text: '79.4%', label: '#KeepCorbyn share of voice' },
  ...over,
});

describe('cardTree(card): the text a social card lays out', () => {
  it('lays out a short headline figure large beside its label, and every text as given', () => {
    const laid = texts(cardTree(card()));
    expect(laid.map((t) => t.text)).toEqual([
      'SOUNDINGS',
      'Clicktivism and the Labour leadership',
      '79.4%',
      '#KeepCorbyn share of voice',
      'Ed Gavaghan',
      ' · 18 September 2016',
    ]);
    expect(laid[2]?.style.fontSize).toBe(92);
  });

  it('cuts a 400-character headline, label, author and title to what the card holds, keeping the date', () => {
    const laid = texts(cardTree(card({ title: LONG, author: LONG, headline: { text: LONG, label: LONG } })));
    const [site, title, figure, label, author, date] = laid;
    expect(site?.text).toBe('SOUNDINGS');
    expect(date?.text).toBe(' · 18 September 2016');
    for (const [t, max] of [
      [title, CARD_LIMITS.title],
      [figure, CARD_LIMITS.headline],
      [label, CARD_LIMITS.label],
      [author, CARD_LIMITS.author],
    ] as const) {
      expect(characterCount(t?.text ?? '')).toBe(max);
      expect(t?.text).toMatch(/^Wx+…$/);
      // Clamped to its lines too, for letters wider than the budget assumes.
      expect(t?.style.lineClamp).toBeGreaterThan(0);
      expect(t?.style.display).toBe('block');
    }
    // A figure that long is a name: smaller, on two lines above its label.
    expect(figure?.style.fontSize).toBe(48);
    expect(figure?.style.lineClamp).toBe(2);
    expect(figure?.style.width).toBe(1200 - 2 * 72);
  });

  it('cuts between characters, never inside an emoji or a surrogate pair', () => {
    const emoji = '👍🏽'.repeat(200);
    for (const { text } of texts(cardTree(card({ title: emoji, author: emoji, headline: { text: emoji, label: emoji } })))) {
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it("cuts a long site name to one line, upper-cased as the consultancy's name is drawn", () => {
    const [site] = texts(cardTree(card({ site: `Harbour Analytics & Partners ${LONG}` })));
    expect(characterCount(site?.text ?? '')).toBe(CARD_LIMITS.site);
    expect(site?.text).toMatch(/^HARBOUR ANALYTICS & PARTNERS WX+…$/);
    expect(site?.style.lineClamp).toBe(1);
    expect(site?.style.display).toBe('block');
  });

  it('draws a site name with markup in it as text: the card is still a PNG', async () => {
    const png = await socialCard(card({ site: 'Harbour <script>alert(1)</script> & "Co" </svg>' }));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('draws Polish, Czech, Greek, Ukrainian and Vietnamese letters, not the empty box of a letter no font has', async () => {
    // Every letter is drawn as a path; the box (.notdef) of a character no font has is one shape, whichever it is.
    const glyphs = async (site: string) => (await cardSvg(card({ site }))).match(/<path[^>]*>/g)?.join('') ?? '';
    const none = await glyphs('\u{F0000}');
    for (const letter of ['Ł', 'Ż', 'Ř', 'Ş', 'Θ', 'Ї', 'Ệ']) {
      expect(await glyphs(letter), letter).not.toBe(none);
      expect(await glyphs(letter), letter).not.toBe(await glyphs('\u{F0001}'));
    }
    expect(await glyphs('\u{F0001}')).toBe(none);
  });

  it('draws such a card as a 1200 × 630 PNG', async () => {
    const png = await socialCard(card({ title: LONG, author: LONG, headline: { text: LONG, label: LONG } }));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});
