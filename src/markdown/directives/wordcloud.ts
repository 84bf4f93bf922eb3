import { z } from 'astro/zod';
import { campaignTerms } from '../../analysis/keyness.ts';
import { WordCloudInvalid } from '../../errors.ts';
import { dataTable } from '../../render/dataTable.ts';
import { escapeHtml } from '../../render/escape.ts';
import { formatValue } from '../../render/format.ts';
import { bdi, isolate } from '../../render/isolate.ts';
import type { DrawnWord } from '../../render/wordcloud/cloudSvg.ts';
import { cloudSvg } from '../../render/wordcloud/cloudSvg.ts';
import { colorPair, MUTED } from '../../render/wordcloud/contrast.ts';
import { fontMetrics } from '../../render/wordcloud/fontMetrics.ts';
import { layoutCloud, type PlacedWord } from '../../render/wordcloud/layoutCloud.ts';
import { type Directive, DirectiveProblem } from './types.ts';
import {
  campaignOf,
  checkCampaign,
  cloudAttributes,
  cloudFigure,
  exclusions,
  leftOut,
  NARROW,
  postsOf,
  reportDropped,
  termOptions,
  titleOf,
} from './wordcloudShared.ts';

const attributes = z.strictObject({
  /** The campaign id whose key words are shown. */
  campaign: z.string().min(1),
  ...cloudAttributes,
  /** `campaign`: the campaign's colour; `text`: the page's muted text colour. */
  color: z.enum(['campaign', 'text']).default('campaign'),
});

const thousands = (n: number) => formatValue(n, 'thousands');

/**
 * `::wordcloud[Title]{campaign=… words=100 shape=ellipse rotate=some}`: the
 * key words of one campaign's posts as a static SVG cloud, with every word's
 * count in a table beside it. See README, "Word clouds".
 */
export const wordcloudDirective: Directive<z.infer<typeof attributes>> = {
  name: 'wordcloud',
  kind: 'leaf',
  attributes,
  check(attrs, label, { campaigns }) {
    titleOf('wordcloud', attrs, label);
    checkCampaign(campaigns, attrs.campaign, 'campaign');
  },
  render(attrs, label, context) {
    const title = titleOf('wordcloud', attrs, label);
    const posts = postsOf(context, 'wordcloud');
    const campaign = campaignOf(context, attrs.campaign);
    const counts = campaignTerms(posts.rows, campaign, context.analysis.campaigns, termOptions(attrs, context.analysis));
    const { excluded, leftOut: leftOutTerms } = exclusions(context, 'wordcloud', attrs, counts.terms);
    const chosen = counts.terms.filter((t) => !excluded.has(t.key)).slice(0, attrs.words);
    if (chosen.length === 0)
      throw new DirectiveProblem(
        WordCloudInvalid,
        WordCloudInvalid.message(
          'wordcloud',
          `finds no terms in the ${thousands(counts.posts)} posts of ${campaign.label}${excluded.size > 0 ? ' once exclude="…" is applied' : ''}.`,
        ),
      );
    const words: DrawnWord[] = chosen.map((t) => ({
      key: t.key,
      text: t.text,
      weight: t.count,
      tooltip: `${isolate(t.text)}: ${thousands(t.count)} distinct ${t.count === 1 ? 'text' : 'texts'}`,
      tone: 0,
    }));
    const layout = layoutCloud(words, {
      width: attrs.width,
      height: attrs.height,
      font: fontMetrics(),
      shape: attrs.shape,
      rotate: attrs.rotate,
      minFontSize: attrs['min-font'],
      top: attrs.top,
      seed: campaign.id,
    });
    reportDropped(context, 'wordcloud', [layout], [{ where: 'the cloud', widthAt: (width) => width }], attrs);

    const id = context.nextId(`wordcloud-${campaign.id}`);
    const top = chosen.slice(0, attrs.top);
    const named = bdi(campaign.label);
    const descriptionHtml =
      attrs.description === undefined
        ? `The ${chosen.length} terms used in the most distinct ${named} texts (${thousands(counts.texts)} distinct texts in ${thousands(counts.posts)} posts using only ${named}’s hashtags); a word’s size follows the number of texts using it, and retweets count once.${escapeHtml(leftOut(leftOutTerms))}`
        : escapeHtml(attrs.description);
    // SVG text holds no <bdi>: names are isolated with U+2068 … U+2069 (isolate.ts).
    const spoken = `Key words of ${isolate(campaign.label)}, largest first: ${top.map((t) => `${isolate(t.text)} (${thousands(t.count)})`).join(', ')}.`;
    const palette = [attrs.color === 'campaign' ? colorPair(campaign.color) : MUTED];
    const svg = cloudSvg(layout.placed, { id, width: attrs.width, height: attrs.height, title, description: spoken, palette });
    // Phones: the first words again, laid out at phone width (words that do not fit there are in the table and
    // in the full cloud, so none is reported). Without room for its largest words, the phone gets the full cloud.
    let narrow: { svg: string; noteHtml: string } | undefined;
    if (attrs.width > NARROW.width) {
      const small = layoutCloud(words.slice(0, NARROW.words), {
        width: NARROW.width,
        height: NARROW.height,
        font: fontMetrics(),
        shape: attrs.shape,
        rotate: attrs.rotate,
        minFontSize: attrs['min-font'],
        top: Math.min(NARROW.top, attrs.top),
        seed: `${campaign.id}/narrow`,
      });
      if (small.droppedTop.length === 0) {
        narrow = {
          svg: cloudSvg(small.placed, {
            id: `${id}-narrow`,
            width: NARROW.width,
            height: NARROW.height,
            trim: NARROW.trim,
            title,
            description: spoken,
            palette,
          }),
          // "The first 18" of a full cloud of 18 would promise words the phone does not show.
          noteHtml: sameWords(small.placed, layout.placed)
            ? `On this screen the cloud is laid out narrower, with the same ${small.placed.length} words.`
            : `On this screen the cloud shows the first ${small.placed.length}; the table lists those of the full cloud.`,
        };
      }
    }
    const why = new Map(layout.dropped.map((d) => [d.word.key, d.reason]));
    const table = dataTable(
      chosen.map((t, i) => ({
        Rank: i + 1,
        Term: t.text,
        'Distinct texts': t.count,
        'In the cloud': why.has(t.key) ? `no (${why.get(t.key)})` : 'yes',
      })),
      {
        captionHtml: `${named}: terms by the number of distinct texts using them`,
        label: `${isolate(campaign.label)}: terms by the number of distinct texts using them`,
      },
    );
    return cloudFigure({ id, title, descriptionHtml, svg, width: attrs.width, narrow, table, source: attrs.source, posts });
  },
};

/** Whether two layouts drew the same words. */
function sameWords(a: readonly PlacedWord[], b: readonly PlacedWord[]): boolean {
  const keys = new Set(b.map((p) => p.word.key));
  return a.length === b.length && a.every((p) => keys.has(p.word.key));
}
