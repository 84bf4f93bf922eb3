/**
 * What `::wordcloud` and `::wordcompare` share: attributes, campaign look-up,
 * the figure around the SVG, and how dropped words are reported.
 */
import { z } from 'astro/zod';
import type { CampaignPosts } from '../../analysis/campaignPosts.ts';
import { isCountedTerm } from '../../analysis/termCounts.ts';
import { foldTerm } from '../../analysis/tokenize.ts';
import type { Campaign } from '../../analysis/types.ts';
import {
  ExcludeUnmatched,
  type NoGlyphWord,
  type TooLongWord,
  TopWordsDropped,
  TopWordsNoGlyph,
  TopWordsTooLong,
  UnknownCampaign,
  WordCloudInvalid,
  WordsDropped,
  WordsNoGlyph,
  WordsTooLong,
  warn,
} from '../../errors.ts';
import { joinNames } from '../../joinNames.ts';
import { nearestKeys } from '../../nearest.ts';
import { escapeHtml } from '../../render/escape.ts';
import { bdi } from '../../render/isolate.ts';
import { CLOUD_FONT_NAME } from '../../render/wordcloud/fontMetrics.ts';
import type { CloudLayout, CloudWord, DroppedWord } from '../../render/wordcloud/layoutCloud.ts';
import { ROTATIONS } from '../../render/wordcloud/layoutCloud.ts';
import { CLOUD_SHAPES } from '../../render/wordcloud/shapes.ts';
import { smartText } from '../smartText.ts';
import { atLine, type DirectiveContext, DirectiveProblem } from './types.ts';

const flag = z.union([z.boolean(), z.enum(['true', 'false', ''])]).transform((v) => v === true || v === 'true' || v === '');

/** The widest cloud, px. */
export const MAX_WIDTH = 2000;

/** Attributes both cloud directives take. */
export const cloudAttributes = {
  // With the body's typography, as the label is (remark-smartypants sets the label; attributes it does not read).
  title: z.string().transform(smartText).optional(),
  /** Caption and accessible description; default: says what the cloud counts. */
  description: z.string().transform(smartText).optional(),
  /** Words in the cloud. */
  words: z.coerce.number().int().min(1).max(500).default(100),
  width: z.coerce.number().int().min(200).max(MAX_WIDTH).default(640),
  height: z.coerce.number().int().min(150).max(2000).default(400),
  shape: z.enum(CLOUD_SHAPES).default('ellipse'),
  rotate: z.enum(ROTATIONS).default('some'),
  /** Smallest font size, px; 10 is the legibility floor. */
  'min-font': z.coerce.number().min(10).max(40).default(10),
  /** The largest words: always horizontal, and the build fails if one does not fit. */
  top: z.coerce.number().int().min(1).max(50).default(10),
  /** Keep @mentions as terms. */
  mentions: flag.default(false),
  /** Shortest term, in characters. */
  'min-length': z.coerce.number().int().min(1).max(20).default(3),
  /** Terms left out of the cloud and its table, comma-separated as they appear ("rt, #KeepCorbyn"), case-insensitive. */
  exclude: z.string().optional(),
  source: z.string().optional(),
};

/** How a cloud's attributes and its post's stopwords read terms, as termCounts and keyness take it. */
export const termOptions = (attrs: { mentions: boolean; 'min-length': number }, analysis: { stopwords: ReadonlySet<string> }) => ({
  mentions: attrs.mentions,
  minLength: attrs['min-length'],
  stopwords: analysis.stopwords,
});

/** " Left out: a, b." for a default description, when the analyst left terms out, as written. */
export const leftOut = (excluded: ReadonlyMap<string, string>): string =>
  excluded.size > 0 ? ` Left out: ${[...excluded.values()].join(', ')}.` : '';

/**
 * The terms `exclude="…"` names, by term key (case-folded as the counts are), and those of them that are among
 * `terms` (what the caption says was left out), both keyed to the term as the analyst wrote it. Warns, with
 * post.md:line, of those that could be terms but are not (a typo leaves the word in); a term the cloud never
 * counts (a stopword such as "rt", a campaign's own hashtag, a number) is neither.
 */
export function exclusions(
  context: DirectiveContext,
  name: string,
  attrs: { exclude?: string | undefined; mentions: boolean; 'min-length': number },
  terms: Iterable<{ key: string }>,
): { excluded: Map<string, string>; leftOut: Map<string, string> } {
  const written = (attrs.exclude ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const excluded = new Map(written.map((t) => [foldTerm(t), t]));
  if (excluded.size === 0) return { excluded, leftOut: new Map() };
  const keys = new Set(Array.from(terms, (t) => t.key));
  const counted = (term: string) => isCountedTerm(term, context.analysis.campaigns, termOptions(attrs, context.analysis));
  // Each with the cloud's term closest to it, if one is close: "Solidarnosc" is most likely "solidarność".
  const unmatched = [...excluded]
    .filter(([key, term]) => !keys.has(key) && counted(term))
    .map(([key, term]) => ({ term, near: nearestKeys(key, keys, 1)[0] }));
  if (unmatched.length > 0) warn(ExcludeUnmatched, atLine(context), name, unmatched);
  return { excluded, leftOut: new Map([...excluded].filter(([key]) => keys.has(key))) };
}

export function postsOf(context: DirectiveContext, name: string): CampaignPosts {
  const posts = context.analysis.posts;
  if (!posts)
    throw new DirectiveProblem(WordCloudInvalid, WordCloudInvalid.message(name, 'needs a posts dataset and campaigns in the frontmatter.'));
  return posts;
}

/**
 * Refuses campaign `id`, written as the directive's attribute `attribute` (where it is reported), unless it is one of
 * the post's campaigns, `ids` (undefined: not known, as when the frontmatter cannot be read; nothing to check against).
 */
export function checkCampaign(ids: readonly string[] | undefined, id: string, attribute: string): void {
  if (ids && !ids.includes(id)) throw new DirectiveProblem(UnknownCampaign, UnknownCampaign.message(id, ids), { attribute });
}

/** The post's campaign `id` (its directive's check has refused any other: {@link checkCampaign}). */
export function campaignOf(context: DirectiveContext, id: string): Campaign {
  const found = context.analysis.campaigns.find((c) => c.id === id);
  if (!found) throw new Error(`campaign "${id}" is not one of the post's, though the directive's check passed it`);
  return found;
}

export function titleOf(name: string, attrs: { title?: string | undefined }, label: string): string {
  const title = (attrs.title ?? label).trim();
  if (!title) throw new DirectiveProblem(WordCloudInvalid, WordCloudInvalid.message(name, `needs a title: ::${name}[Title]{…}.`));
  return title;
}

/** Where a layout's words go: "the cloud", or a column of a comparison, and how wide it is for a given width="…". */
export interface CloudRoom {
  where: string;
  widthAt: (width: number) => number;
}

/**
 * A word the layout found too long (it does not fit the empty shape at min-font), with the width="…" from which
 * it would, if one up to {@link MAX_WIDTH} does. The word needs its length and a little more: a few pixels for
 * the pixel grid, and 3% for an ellipse's or a bubble's middle row, which is narrower than the board above and
 * below the middle line.
 */
function tooLongWord(d: DroppedWord<CloudWord>, room: CloudRoom, width: number): TooLongWord {
  const length = d.length ?? 0;
  const needs = Math.ceil(length * 1.03) + 2;
  let fits: number | undefined;
  for (let w = width + 1; w <= MAX_WIDTH && fits === undefined; w++) if (room.widthAt(w) >= needs) fits = w;
  // A round figure, as an analyst would write it.
  if (fits !== undefined) fits = Math.min(MAX_WIDTH, Math.ceil(fits / 10) * 10);
  return { text: d.word.text, length, where: room.where, room: room.widthAt(width), width: fits, widest: room.widthAt(MAX_WIDTH) };
}

/**
 * Scripts the cloud font has no letters for that a campaign's words may be written in, by their Unicode names. A
 * character's script is found with its Script_Extensions, so that marks shared by scripts (Arabic's vowel signs are
 * Inherited by Script) count as the word's.
 */
const SCRIPTS = [
  'Arabic',
  'Hebrew',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Thai',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Armenian',
  'Georgian',
  'Ethiopic',
].map((name) => ({ name, pattern: new RegExp(`^\\p{Script_Extensions=${name}}$`, 'u') }));

/** A word the font has no glyphs for, with the scripts of the characters it lacks, if each is of one of {@link SCRIPTS}. */
function noGlyphWord(d: DroppedWord<CloudWord>): NoGlyphWord {
  const scripts = Array.from(d.missing ?? '', (char) => SCRIPTS.find((s) => s.pattern.test(char))?.name);
  return { text: d.word.text, scripts: scripts.every((s) => s !== undefined) ? [...new Set(scripts)] : undefined };
}

/**
 * Fails the build (through the plugin, at the directive's position) when one
 * of the `top` words was dropped; warns on the console, with post.md:line,
 * when other words were. A word too long for the cloud is told apart from one
 * that found no room: a larger cloud, fewer words or another shape do not
 * help it, but a width that gives it room does (said only when one up to
 * 2000 px does), and exclude="…" always does (said with the word as it must
 * be written). So is a word with characters the cloud's font has no glyphs
 * for: nothing but exclude="…" helps it.
 */
export function reportDropped(
  context: DirectiveContext,
  name: string,
  layouts: readonly CloudLayout<CloudWord>[],
  rooms: readonly CloudRoom[],
  attrs: { top: number; width: number; shape: string; 'min-font': number },
): void {
  const tooLong = (top: boolean) =>
    layouts.flatMap((l, i) =>
      l.dropped
        .filter((d) => d.reason === 'too long' && l.droppedTop.includes(d.word) === top)
        .map((d) => tooLongWord(d, rooms[i] as CloudRoom, attrs.width)),
    );
  const longTop = tooLong(true);
  if (longTop.length > 0)
    throw new DirectiveProblem(TopWordsTooLong, TopWordsTooLong.message(name, longTop, attrs.top, attrs['min-font'], MAX_WIDTH));
  const noGlyph = (top: boolean) =>
    layouts.flatMap((l) => l.dropped.filter((d) => d.reason === 'no glyph' && l.droppedTop.includes(d.word) === top).map(noGlyphWord));
  const glyphlessTop = noGlyph(true);
  if (glyphlessTop.length > 0)
    throw new DirectiveProblem(TopWordsNoGlyph, TopWordsNoGlyph.message(name, glyphlessTop, attrs.top, CLOUD_FONT_NAME));
  const droppedTop = layouts.flatMap((l) => l.droppedTop.map((w) => w.text));
  if (droppedTop.length > 0) throw new DirectiveProblem(TopWordsDropped, TopWordsDropped.message(name, droppedTop, attrs.top, attrs.shape));
  const long = tooLong(false);
  if (long.length > 0) warn(WordsTooLong, atLine(context), name, long, attrs['min-font'], MAX_WIDTH);
  const dropped = layouts.flatMap((l) => l.dropped.filter((d) => d.reason === 'no room').map((d) => d.word.text));
  if (dropped.length > 0) warn(WordsDropped, atLine(context), name, dropped);
  const glyphless = noGlyph(false);
  if (glyphless.length > 0) warn(WordsNoGlyph, atLine(context), name, glyphless, CLOUD_FONT_NAME);
}

export interface CloudFigure {
  id: string;
  title: string;
  /** The caption's description as trusted markup: the writer's text escaped, or a sentence naming campaigns in `bdi`. */
  descriptionHtml: string;
  svg: string;
  /** The width of `svg`, in pixels. */
  width: number;
  /**
   * The same cloud laid out again for phones (see {@link NARROW}), shown instead of `svg` on narrow screens,
   * and a sentence for the caption saying how it differs, as trusted markup.
   */
  narrow?: { svg: string; noteHtml: string } | undefined;
  table: string;
  source?: string | undefined;
  /** The posts the words were counted in: a synthetic dataset's figure says so under the cloud ({@link syntheticNote}). */
  posts: CampaignPosts;
}

/**
 * The note under a cloud drawn from a synthetic dataset (its manifest's `synthetic`): the words of generated texts are
 * the generator's templates, not what anyone wrote, and a reader looking at the cloud may not reach the methods,
 * where the dataset is said to be synthetic. Styled as the chart's source line; empty for real data. A cloud of
 * several datasets' posts (`posts: [a, b]`) names each synthetic one and its script, and says whether all its words
 * or some of them are generated: a real export counted with a synthetic one is partly real, and the note must not
 * say it is all made up, nor be left out.
 */
export function syntheticNote(posts: CampaignPosts): string {
  const made = posts.datasets.flatMap((d) => (d.manifest.synthetic ? [{ id: d.id, script: d.manifest.synthetic.script }] : []));
  const [one] = made;
  if (!one) return '';
  const note = (text: string) => `<p class="chart-note"><strong class="synthetic">Synthetic data:</strong> ${text}</p>`;
  if (posts.datasets.length === 1)
    return note(`these words come from texts generated by <code>${escapeHtml(one.script)}</code>, not from real posts.`);
  const real = posts.datasets.filter((d) => !d.manifest.synthetic).map((d) => bdi(d.id));
  if (real.length === 0) {
    const scripts = joinNames(made.map((m) => `<code>${escapeHtml(m.script)}</code> (${bdi(m.id)})`));
    return note(`these words come from texts generated by ${scripts}, not from real posts.`);
  }
  const scripts = joinNames([...new Set(made.map((m) => m.script))].map((script) => `<code>${escapeHtml(script)}</code>`));
  return note(
    `some of these words come from texts generated by ${scripts}, not from real posts: the posts of ${joinNames(made.map((m) => bdi(m.id)))} are synthetic, those of ${joinNames(real)} real.`,
  );
}

/**
 * The phone layout of a cloud: its first words laid out again to fit a
 * 360 px screen (the article column there is about 318 px), rather than
 * scaling the cloud down, which would take its smallest words under the
 * 10 px floor. Shown by CSS below the width the full cloud needs (640 px
 * plus the page's margins and a scrollbar: 44rem, src/styles/site.css). On a screen
 * narrower than 352 px it is scaled down to the column (site.css says why).
 * Its SVG is cut to the band of rows the words use, `trim` px either side
 * (the spiral seldom fills the square), so no empty space follows the cloud.
 */
export const NARROW = { width: 310, height: 310, words: 30, top: 3, trim: 6 } as const;

/**
 * The narrowest the article column is where clouds stop getting their phone
 * layout (src/styles/site.css: above 44rem, 704 px, less a desktop scrollbar's
 * 17 px and the page's margins, 2 × 1.25rem at 18 px a rem), in pixels. A
 * cloud with a phone layout that is no wider never scrolls; a wider one, or
 * one without a phone layout, may.
 */
const COLUMN_ABOVE_NARROW = 642;

/** A comparison's phone layout: its columns stacked, each side's first words, then the shared ones (src/markdown/directives/wordcompare.ts). */
export const NARROW_COMPARE = { sideHeight: 150, sharedHeight: 80, sideWords: 12, sharedWords: 6 } as const;

/**
 * `<figure class="chart wordcloud">`: the caption, the SVG and the table of
 * every word in a closed `<details>`, readable without JavaScript. Reuses
 * the chart styles.
 */
/**
 * The frame the full cloud scrolls in. When it may scroll, it is focusable, so keyboard users can scroll it
 * (axe: scrollable-region-focusable), and named by the cloud's title, since a screen reader announces it
 * on the way. When it never scrolls, it is no tab stop: one at each cloud, with nothing to do there, would
 * only be in the way.
 */
function frame(f: CloudFigure): string {
  const mayScroll = f.narrow === undefined || f.width > COLUMN_ABOVE_NARROW;
  const focus = mayScroll ? ` tabindex="0" role="group" aria-label="${escapeHtml(f.title)}"` : '';
  return `<div class="wordcloud-frame${f.narrow ? ' has-narrow' : ''}"${focus}>${f.svg}</div>`;
}

export function cloudFigure(f: CloudFigure): string {
  return [
    `<figure class="chart wordcloud" id="${escapeHtml(f.id)}-figure">`,
    '<figcaption>',
    `<strong class="chart-title">${escapeHtml(f.title)}</strong> `,
    `<span class="chart-description">${f.descriptionHtml}</span>`,
    f.narrow ? `<span class="wordcloud-narrow"> ${f.narrow.noteHtml}</span>` : '',
    '</figcaption>',
    frame(f),
    f.narrow ? `<div class="wordcloud-narrow">${f.narrow.svg}</div>` : '',
    syntheticNote(f.posts),
    f.source === undefined ? '' : `<p class="chart-source">Source: ${bdi(f.source)}</p>`,
    // Left out of the search index, as a chart's data table is (src/render/figure.ts).
    `<details class="chart-data wordcloud-data" data-pagefind-ignore="all"><summary>Words and counts<span class="visually-hidden"> of ${escapeHtml(f.title)}</span></summary>${f.table}</details>`,
    '</figure>',
  ].join('');
}
