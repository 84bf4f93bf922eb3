import { z } from 'astro/zod';
import { type KeynessTerm, keyness, Z_DISTINGUISHES } from '../../analysis/keyness.ts';
import { WordCloudInvalid } from '../../errors.ts';
import { dataTable } from '../../render/dataTable.ts';
import { escapeHtml } from '../../render/escape.ts';
import { formatValue } from '../../render/format.ts';
import { bdi, isolate } from '../../render/isolate.ts';
import { cloudSvg, type DrawnWord } from '../../render/wordcloud/cloudSvg.ts';
import { BACKGROUNDS, legibleOn, MUTED, softerOn } from '../../render/wordcloud/contrast.ts';
import { fontMetrics } from '../../render/wordcloud/fontMetrics.ts';
import { type CloudLayout, layoutCloud, type PlacedWord } from '../../render/wordcloud/layoutCloud.ts';
import { type Directive, DirectiveProblem } from './types.ts';
import {
  campaignOf,
  checkCampaign,
  cloudAttributes,
  cloudFigure,
  exclusions,
  leftOut,
  NARROW,
  NARROW_COMPARE,
  postsOf,
  reportDropped,
  termOptions,
  titleOf,
} from './wordcloudShared.ts';

const attributes = z.strictObject({
  /** The campaign shown on the left. */
  a: z.string().min(1),
  /** The campaign shown on the right. */
  b: z.string().min(1),
  ...cloudAttributes,
  shape: cloudAttributes.shape.default('rectangle'),
  /** Shared words shown in the middle column (0: none). */
  shared: z.coerce.number().int().min(0).max(100).default(15),
  /** `z`: two tones per side, the stronger for |z| ≥ 3.29 (p < 0.001); `campaign`: one tone per side. */
  color: z.enum(['z', 'campaign']).default('z'),
});

/** |z| from which a distinguishing word gets its side's strong tone (two-sided p < 0.001). */
export const Z_STRONG = 3.29;
/** Height of the column headings, px. */
const HEADING = 30;
/** What a side no word distinguishes (|z| ≥ 1.96) shows in its column. */
const NO_DISTINCT_WORDS = 'No word sets it apart.';

const thousands = (n: number) => formatValue(n, 'thousands');
const zText = (z: number) => formatValue(z, '+.2f');

/** Strong and weak tones of a campaign colour, each ≥ 4.5:1 in light and dark mode. */
function tones(color: string) {
  const strong = {
    light: legibleOn(color, BACKGROUNDS.light, 7) ?? MUTED.light,
    dark: legibleOn(color, BACKGROUNDS.dark, 7) ?? MUTED.dark,
  };
  const weak = {
    light: softerOn(strong.light, BACKGROUNDS.light, 0.6) ?? strong.light,
    dark: softerOn(strong.dark, BACKGROUNDS.dark, 0.6) ?? strong.dark,
  };
  return { strong, weak };
}

function shift<W extends DrawnWord>(placed: PlacedWord<W>[], dx: number, dy: number): PlacedWord<W>[] {
  return placed.map((p) => ({ ...p, x: p.x + dx, y: p.y + dy, box: { ...p.box, x: p.box.x + dx, y: p.box.y + dy } }));
}

/**
 * `::wordcompare[Title]{a=… b=… words=80 shared=15}`: the words that
 * distinguish campaign a (left column) from campaign b (right column) by the
 * weighted log-odds z-score, and the most used words they share (middle), as
 * one static SVG, with every word's counts and z in a table. Position tells
 * the sides apart, colour repeats it. See README, "Word clouds".
 */
export const wordcompareDirective: Directive<z.infer<typeof attributes>> = {
  name: 'wordcompare',
  kind: 'leaf',
  attributes,
  check(attrs, label, { campaigns }) {
    titleOf('wordcompare', attrs, label);
    checkCampaign(campaigns, attrs.a, 'a');
    checkCampaign(campaigns, attrs.b, 'b');
    if (attrs.a === attrs.b)
      throw new DirectiveProblem(
        WordCloudInvalid,
        WordCloudInvalid.message('wordcompare', 'compares a campaign with itself: a and b must differ.'),
        { attribute: 'b' },
      );
  },
  render(attrs, label, context) {
    const title = titleOf('wordcompare', attrs, label);
    const posts = postsOf(context, 'wordcompare');
    const a = campaignOf(context, attrs.a);
    const b = campaignOf(context, attrs.b);
    const k = keyness(posts.rows, a, b, context.analysis.campaigns, termOptions(attrs, context.analysis));
    const shared = Math.min(attrs.shared, Math.max(0, attrs.words - 2));
    const perSide = Math.max(1, Math.floor((attrs.words - shared) / 2));
    const { excluded, leftOut: leftOutTerms } = exclusions(context, 'wordcompare', attrs, [...k.distinctA, ...k.shared, ...k.distinctB]);
    const kept = (terms: readonly KeynessTerm[]) => terms.filter((t) => !excluded.has(t.key));
    // Names in SVG text and in plain-text headers are isolated with U+2068 … U+2069; in the caption, with <bdi>.
    const [la, lb] = [isolate(a.label), isolate(b.label)];
    const columns = [
      { side: 'a' as const, terms: kept(k.distinctA).slice(0, perSide), heading: `More ${la}`, anchor: 'start' as const },
      { side: 'shared' as const, terms: kept(k.shared).slice(0, shared), heading: 'Shared', anchor: 'middle' as const },
      { side: 'b' as const, terms: kept(k.distinctB).slice(0, perSide), heading: `More ${lb}`, anchor: 'end' as const },
    ].filter((c) => c.side !== 'shared' || c.terms.length > 0);
    if (columns.every((c) => c.terms.length === 0))
      throw new DirectiveProblem(
        WordCloudInvalid,
        WordCloudInvalid.message(
          'wordcompare',
          `finds no terms in the posts of ${a.label} or ${b.label}${excluded.size > 0 ? ' once exclude="…" is applied' : ''}.`,
        ),
      );

    const ta = tones(a.color);
    const tb = tones(b.color);
    const palette = [ta.strong, attrs.color === 'z' ? ta.weak : ta.strong, tb.strong, attrs.color === 'z' ? tb.weak : tb.strong, MUTED];
    const toneOf = (t: KeynessTerm) => (t.side === 'shared' ? 4 : (t.side === 'a' ? 0 : 2) + (Math.abs(t.z) >= Z_STRONG ? 0 : 1));
    const tooltip = (t: KeynessTerm) => `${isolate(t.text)}: ${thousands(t.a)} ${la} and ${thousands(t.b)} ${lb} texts, z = ${zText(t.z)}`;

    // Columns: the sides get 40% of the width each, the shared words 20%.
    const gap = 16;
    const shares = columns.map((c) => (c.side === 'shared' ? 1 : 2));
    const widthsAt = (width: number) => {
      const unit = (width - gap * (columns.length - 1)) / shares.reduce((s, x) => s + x, 0);
      return columns.map((_, i) => Math.floor(unit * (shares[i] as number)));
    };
    const widths = widthsAt(attrs.width);
    const wordsOf = (column: (typeof columns)[number]): DrawnWord[] =>
      column.terms.map((t) => ({
        key: t.key,
        text: t.text,
        weight: column.side === 'shared' ? t.a + t.b : Math.abs(t.z),
        tooltip: tooltip(t),
        tone: toneOf(t),
      }));
    const layoutColumn = (i: number, maxFontSize?: number): CloudLayout<DrawnWord> => {
      const column = columns[i] as (typeof columns)[number];
      const words = wordsOf(column);
      return layoutCloud(words, {
        width: widths[i] as number,
        height: attrs.height - HEADING,
        font: fontMetrics(),
        shape: attrs.shape,
        rotate: attrs.rotate,
        minFontSize: attrs['min-font'],
        top: attrs.top,
        ...(maxFontSize === undefined ? {} : { maxFontSize }),
        seed: `${a.id}/${b.id}/${column.side}`,
      });
    };
    // The sides first; the shared words are context, not the finding, so their
    // largest stays at 60% of the sides' largest.
    const layouts: CloudLayout<DrawnWord>[] = columns.map((c, i) =>
      c.side === 'shared' ? undefined : layoutColumn(i),
    ) as CloudLayout<DrawnWord>[];
    const sideMax = Math.max(attrs['min-font'], ...layouts.flatMap((l) => (l ? l.placed.map((p) => p.fontSize) : [])));
    columns.forEach((c, i) => {
      if (c.side === 'shared') layouts[i] = layoutColumn(i, Math.max(attrs['min-font'], 0.6 * sideMax));
    });
    let x0 = 0;
    const placed: PlacedWord<DrawnWord>[] = [];
    const labels: { text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' }[] = [];
    columns.forEach((column, i) => {
      const width = widths[i] as number;
      placed.push(...shift((layouts[i] as CloudLayout<DrawnWord>).placed, x0, HEADING));
      const hx = column.anchor === 'start' ? x0 : column.anchor === 'middle' ? x0 + width / 2 : x0 + width;
      labels.push({ text: column.heading, x: hx, y: 18, anchor: column.anchor });
      // A side that no word distinguishes says so, rather than standing empty beside the other.
      if (column.terms.length === 0) labels.push({ text: NO_DISTINCT_WORDS, x: x0 + width / 2, y: HEADING + 40, anchor: 'middle' });
      x0 += width + gap;
    });
    const where = { a: 'the left column', shared: 'the middle column', b: 'the right column' };
    const rooms = columns.map((c, i) => ({ where: where[c.side], widthAt: (width: number) => widthsAt(width)[i] as number }));
    reportDropped(context, 'wordcompare', layouts, rooms, attrs);

    const id = context.nextId(`wordcompare-${a.id}-${b.id}`);
    const list = (terms: readonly KeynessTerm[]) =>
      terms
        .slice(0, attrs.top)
        .map((t) => `${isolate(t.text)} (z ${zText(t.z)})`)
        .join(', ') || 'none';
    // What a screen reader hears, with where each column is: side by side, or stacked on a phone.
    const spoken = (where: { a: string; b: string; shared: string }) =>
      `${where.a}, words that distinguish ${la}: ${list(kept(k.distinctA))}. ${where.b}, words that distinguish ${lb}: ${list(kept(k.distinctB))}.` +
      (shared > 0
        ? ` ${where.shared}, the most used words neither side distinguishes: ${
            kept(k.shared)
              .slice(0, attrs.top)
              .map((t) => isolate(t.text))
              .join(', ') || 'none'
          }.`
        : '');
    const desc = spoken({ a: 'Left', b: 'Right', shared: 'Middle' });
    const [ha, hb] = [bdi(a.label), bdi(b.label)];
    const descriptionHtml =
      attrs.description !== undefined
        ? escapeHtml(attrs.description)
        : `Words that distinguish ${ha} (left) from ${hb} (right): weighted log-odds z-scores with an informative Dirichlet prior, |z| ≥ ${Z_DISTINGUISHES}; words in the bolder tone (more contrast with the page) have |z| ≥ ${Z_STRONG}, and size follows |z| within a column. In the middle, the most used words neither side distinguishes, sized by use. Retweets count once.${escapeHtml(leftOut(leftOutTerms))}`;
    const svg = cloudSvg(placed, { id, width: attrs.width, height: attrs.height, title, description: desc, palette, labels });

    // Phones: the columns stacked at phone width — a's first words, the shared ones, b's — rather than a
    // 640 px comparison whose right-hand side a reader would have to scroll to. Without room for a
    // column's largest words, the phone gets the full comparison.
    let narrow: { svg: string; noteHtml: string } | undefined;
    if (attrs.width > NARROW.width) {
      const stacked: PlacedWord<DrawnWord>[] = [];
      const headings: typeof labels = [];
      let y = 0;
      let fits = true;
      for (const column of columns) {
        const shared = column.side === 'shared';
        if (column.terms.length === 0) {
          // As wide: the side says that no word distinguishes it, in a band of its own.
          headings.push(
            { text: column.heading, x: 0, y: y + 18, anchor: 'start' },
            { text: NO_DISTINCT_WORDS, x: 0, y: y + HEADING + 18, anchor: 'start' },
          );
          y += HEADING + 28;
          continue;
        }
        const height = shared ? NARROW_COMPARE.sharedHeight : NARROW_COMPARE.sideHeight;
        const layout = layoutCloud(wordsOf(column).slice(0, shared ? NARROW_COMPARE.sharedWords : NARROW_COMPARE.sideWords), {
          width: NARROW.width,
          height,
          font: fontMetrics(),
          shape: attrs.shape,
          rotate: attrs.rotate,
          minFontSize: attrs['min-font'],
          top: Math.min(NARROW.top, attrs.top),
          ...(shared ? { maxFontSize: Math.max(attrs['min-font'], 0.6 * sideMax) } : {}),
          seed: `${a.id}/${b.id}/${column.side}/narrow`,
        });
        if (layout.droppedTop.length > 0) {
          // The full comparison goes to phones too: no need to lay out the other columns.
          fits = false;
          break;
        }
        headings.push({ text: column.heading, x: 0, y: y + 18, anchor: 'start' });
        stacked.push(...shift(layout.placed, 0, y + HEADING));
        y += HEADING + height;
      }
      if (fits) {
        narrow = {
          svg: cloudSvg(stacked, {
            id: `${id}-narrow`,
            width: NARROW.width,
            height: y,
            title,
            description: spoken({ a: 'Top', b: 'Bottom', shared: 'Between them' }),
            palette,
            labels: headings,
          }),
          noteHtml: `On this screen the columns are stacked, ${ha} on top and ${hb} at the bottom, with the first ${NARROW_COMPARE.sideWords} words of each side; the table lists those of the full chart.`,
        };
      }
    }
    const why = new Map(layouts.flatMap((l) => l.dropped.map((d) => [d.word.key, d.reason] as const)));
    const sideLabel = { a: a.label, b: b.label, shared: 'shared' };
    const table = dataTable(
      columns.flatMap((c) =>
        c.terms.map((t) => ({
          Term: t.text,
          Distinguishes: sideLabel[t.side],
          [`${la} texts`]: t.a,
          [`${lb} texts`]: t.b,
          z: t.z,
          'In the cloud': why.has(t.key) ? `no (${why.get(t.key)})` : 'yes',
        })),
      ),
      {
        formats: { z: '+.2f' },
        // As the columns are named: the campaigns' labels isolated already (la, lb), and the statistic's letter
        // lower-case, as statistics writes it (not "Z", as its name as words would be).
        headers: { [`${la} texts`]: `${la} texts`, [`${lb} texts`]: `${lb} texts`, z: 'z' },
        captionHtml: `Terms by weighted log-odds z-score, ${ha} over ${hb} (positive: more typical of ${ha})`,
        label: `Terms by weighted log-odds z-score, ${isolate(a.label)} over ${isolate(b.label)}`,
      },
    );
    return cloudFigure({ id, title, descriptionHtml, svg, width: attrs.width, narrow, table, source: attrs.source, posts });
  },
};
