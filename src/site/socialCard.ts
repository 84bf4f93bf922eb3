/**
 * A post's Open Graph image (1200 × 630 PNG), drawn at build time with satori
 * (layout to SVG) and resvg (SVG to PNG): the site's name (content/site.yaml), the post's title,
 * its headline number and what that number is. Fonts are the site's Source
 * Sans 3, read from @fontsource's WOFF files (satori reads WOFF, not WOFF2), unwrapped into the font files they hold.
 * Deterministic: no dates but the post's, no randomness.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { characterCount, cutText } from '../cutText.ts';
import { woffTables } from '../render/woffTables.ts';
import { NAME_LIMIT } from './siteSettings.ts';

const require = createRequire(import.meta.url);
/**
 * @fontsource's subsets of Source Sans 3, Latin first: satori draws each character with the first font of the
 * weight that has it, so a name or title in Polish, Czech, Greek, Ukrainian or Vietnamese ("Społeczne", "Łódź") is
 * drawn whole, not with empty boxes for the letters the Latin file lacks.
 */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'] as const;
// Unwrapped from WOFF by node:zlib (woffTables.ts): satori's font parser inflates WOFF tables in JavaScript.
const font = (subset: (typeof SUBSETS)[number], weight: 400 | 700) =>
  woffTables(readFileSync(require.resolve(`@fontsource/source-sans-3/files/source-sans-3-${subset}-${weight}-normal.woff`)));

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

export interface CardText {
  site: string;
  title: string;
  author: string;
  /** The post's date as the byline prints it ("18 September 2016"). */
  date: string;
  headline?: { text: string; label: string };
}

/**
 * What the card holds of each text, in characters (src/cutText.ts): about what the title's three lines, the
 * label's three (two under a long figure), the figure's two at its smaller size and the author's one beside the
 * date hold in Latin letters; the site's name is as long as site.yaml allows (NAME_LIMIT), on one line. A figure is usually a number ("79.4%"), but one that names a row ("the account with
 * the most followers") is the data's own text. Wider letters are cut to the lines by satori (lineClamp).
 */
export const CARD_LIMITS = { site: NAME_LIMIT, title: 110, headline: 48, label: 120, author: 60 } as const;
/**
 * A headline figure this short (in characters) is a number ("79.4%", "+17.6 points"): drawn large beside its
 * label here, and large on one line on the home page (src/components/PostList.astro). A longer one (a name) is
 * drawn smaller, above its label, and may wrap.
 */
export const BIG_FIGURE = 14;

/** An element as satori takes it: a type, a style and its children (text, or elements). */
export type CardNode = { type: string; props: { style: Record<string, unknown>; children: string | CardNode[] } };
const el = (type: string, style: Record<string, unknown>, children: string | CardNode[]): CardNode => ({
  type,
  props: { style, children },
});
/**
 * Text on at most `lines` lines, ending in "…" when it holds more: satori clamps a block's text, not a flex
 * container's. A word longer than the line (a pasted URL) breaks rather than running off the card.
 */
const lines = (count: number, style: Record<string, unknown>, text: string): CardNode =>
  el('div', { display: 'block', lineClamp: count, wordBreak: 'break-word', ...style }, text);

/**
 * The card as satori lays it out (1200 × 630): each text cut to its limit (CARD_LIMITS) and clamped to its lines,
 * so none pushes another off the card, and the date always shown.
 */
export function cardTree(card: CardText): CardNode {
  const title = cutText(card.title, CARD_LIMITS.title);
  const inner = 1200 - 2 * 72;
  const headline = card.headline && {
    text: cutText(card.headline.text, CARD_LIMITS.headline),
    label: cutText(card.headline.label, CARD_LIMITS.label),
  };
  const big = headline !== undefined && characterCount(headline.text) <= BIG_FIGURE;
  return el(
    'div',
    {
      width: 1200,
      height: 630,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      padding: '40px 72px 40px',
      background: '#fbf8f1',
      color: '#1c1f23',
      fontFamily: SUBSETS.map((subset) => `'Source Sans 3 ${subset}'`).join(', '),
      borderTop: '16px solid #8c1c13',
    },
    [
      lines(
        1,
        { flexShrink: 0, width: inner, fontSize: 30, fontWeight: 700, letterSpacing: 2, color: '#8c1c13' },
        cutText(card.site, CARD_LIMITS.site).toUpperCase(),
      ),
      el('div', { display: 'flex', flexGrow: 1, alignItems: 'center', width: inner }, [
        lines(3, { width: inner, fontSize: characterCount(title) > 70 ? 50 : 60, fontWeight: 700, lineHeight: 1.12 }, title),
      ]),
      headline
        ? el(
            'div',
            {
              display: 'flex',
              flexShrink: 0,
              // A long figure (a name) goes above its label, smaller.
              flexDirection: big ? 'row' : 'column',
              alignItems: big ? 'center' : 'flex-start',
              width: inner,
              marginBottom: 24,
            },
            [
              lines(
                2,
                big
                  ? { flexShrink: 0, maxWidth: 640, fontSize: 92, fontWeight: 700, color: '#8c1c13', lineHeight: 1, marginRight: 28 }
                  : { width: inner, fontSize: 48, fontWeight: 700, color: '#8c1c13', lineHeight: 1.1, marginBottom: 8 },
                headline.text,
              ),
              lines(big ? 3 : 2, { flexShrink: 1, fontSize: 30, color: '#4a4f55', lineHeight: 1.2 }, headline.label),
            ],
          )
        : el('div', { display: 'flex' }, ''),
      el(
        'div',
        { display: 'flex', flexShrink: 0, fontSize: 26, color: '#4a4f55', borderTop: '2px solid #d9d2c3', paddingTop: 16, width: inner },
        [
          lines(1, { flexShrink: 1 }, cutText(card.author, CARD_LIMITS.author)),
          el('div', { display: 'flex', flexShrink: 0, whiteSpace: 'pre' }, ` · ${card.date}`),
        ],
      ),
    ],
  );
}

/** The card as satori draws it: an SVG whose text is paths. */
export async function cardSvg(card: CardText): Promise<string> {
  fonts ??= SUBSETS.flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: `Source Sans 3 ${subset}`,
      data: font(subset, weight),
      weight,
      style: 'normal' as const,
    })),
  );
  return satori(cardTree(card) as unknown as Parameters<typeof satori>[0], { width: 1200, height: 630, fonts });
}

export async function socialCard(card: CardText): Promise<Buffer> {
  const svg = await cardSvg(card);
  return new Resvg(svg, { fitTo: { mode: 'width', value: 1200 }, font: { loadSystemFonts: false } }).render().asPng();
}
