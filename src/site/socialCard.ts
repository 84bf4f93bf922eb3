/**
 * A post's Open Graph image (1200 × 630 PNG), drawn at build time with satori
 * (layout to SVG) and resvg (SVG to PNG): the site's name, the post's title,
 * its headline number and what that number is. Fonts are the site's Source
 * Sans 3, read from @fontsource's WOFF files (satori reads WOFF, not WOFF2).
 * Deterministic: no dates but the post's, no randomness.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

const require = createRequire(import.meta.url);
const font = (weight: 400 | 700) =>
  readFileSync(require.resolve(`@fontsource/source-sans-3/files/source-sans-3-latin-${weight}-normal.woff`));

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

export interface CardText {
  site: string;
  title: string;
  byline: string;
  headline?: { text: string; label: string };
}

type Node = { type: string; props: Record<string, unknown> };
const el = (type: string, style: Record<string, unknown>, children: unknown): Node => ({ type, props: { style, children } });

export async function socialCard(card: CardText): Promise<Buffer> {
  fonts ??= [
    { name: 'Source Sans 3', data: font(400), weight: 400, style: 'normal' },
    { name: 'Source Sans 3', data: font(700), weight: 700, style: 'normal' },
  ];
  // Cut to what the card holds (three lines of title, three of label), on whole characters.
  const cut = (text: string, max: number) => ([...text].length > max ? `${[...text].slice(0, max - 3).join('')}…` : text);
  const title = cut(card.title, 110);
  const inner = 1200 - 2 * 72;
  const tree = el(
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
      fontFamily: 'Source Sans 3',
      borderTop: '16px solid #8c1c13',
    },
    [
      el('div', { display: 'flex', fontSize: 30, fontWeight: 700, letterSpacing: 2, color: '#8c1c13' }, card.site.toUpperCase()),
      el(
        'div',
        {
          display: 'flex',
          flexGrow: 1,
          alignItems: 'center',
          width: inner,
          fontSize: title.length > 70 ? 50 : 60,
          fontWeight: 700,
          lineHeight: 1.12,
          // A word longer than the card (a pasted URL) breaks rather than running off its edge.
          wordBreak: 'break-word',
        },
        title,
      ),
      card.headline
        ? el('div', { display: 'flex', alignItems: 'center', width: inner, marginBottom: 24 }, [
            el(
              'div',
              { display: 'flex', fontSize: 92, fontWeight: 700, color: '#8c1c13', lineHeight: 1, marginRight: 28 },
              card.headline.text,
            ),
            el(
              'div',
              { display: 'flex', fontSize: 30, color: '#4a4f55', flexShrink: 1, lineHeight: 1.2, wordBreak: 'break-word' },
              cut(card.headline.label, 120),
            ),
          ])
        : el('div', { display: 'flex' }, ''),
      el(
        'div',
        {
          display: 'flex',
          fontSize: 26,
          color: '#4a4f55',
          borderTop: '2px solid #d9d2c3',
          paddingTop: 16,
          width: inner,
          wordBreak: 'break-word',
        },
        card.byline,
      ),
    ],
  );
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { width: 1200, height: 630, fonts });
  return new Resvg(svg, { fitTo: { mode: 'width', value: 1200 }, font: { loadSystemFonts: false } }).render().asPng();
}
