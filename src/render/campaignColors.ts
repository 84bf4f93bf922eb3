import type { Row } from '../data/types.ts';
import { asText } from './format.ts';
import { mapChannelDefs, mapViews, type VegaLiteSpec } from './mapViews.ts';

/** How a chart shows a row whose `campaign` is null (e.g. an account that backs none). */
export const OTHER_CAMPAIGN = 'Other/unaffiliated';
/** The colour of campaign values that have no colour of their own. */
export const NEUTRAL_COLOR = '#8a8a8a';

const COLOR_CHANNELS = new Set(['color', 'fill', 'stroke']);

export interface CampaignColors {
  /** Campaign values as they appear in the chart's `campaign` column. */
  domain: string[];
  /** One CSS colour per domain entry. */
  range: string[];
}

/**
 * Gives the campaigns their frontmatter colours: every `color`, `fill` or
 * `stroke` encoding of the field `campaign` that sets no `scale` (in any
 * layer or sub-view) gets `scale: {domain, range}`.
 *
 * Values of `campaign` in `rows` that are not in `colors.domain` are appended
 * to the domain in the neutral grey {@link NEUTRAL_COLOR}, so that they never
 * borrow a campaign's colour; a null campaign is appended as
 * {@link OTHER_CAMPAIGN}, which is the label specs give it.
 */
export function campaignColors(spec: VegaLiteSpec, colors: CampaignColors, rows: readonly Row[]): VegaLiteSpec {
  const domain = [...colors.domain];
  const range = [...colors.range];
  // Keep each campaign's colour even when fewer colours than campaigns are given.
  while (range.length < domain.length) range.push(NEUTRAL_COLOR);
  range.length = domain.length;
  const known = new Set(domain);
  for (const row of rows) {
    const value = row.campaign;
    if (value === undefined) continue;
    // As the chart's data writes the value (chartSvg.ts), or the domain would not match it.
    const label = value === null ? OTHER_CAMPAIGN : asText(value);
    if (known.has(label)) continue;
    known.add(label);
    domain.push(label);
    range.push(NEUTRAL_COLOR);
  }
  return mapViews(spec, (view) =>
    mapChannelDefs(view, (def, channel) => {
      if (!COLOR_CHANNELS.has(channel) || def.field !== 'campaign' || 'scale' in def) return def;
      return { ...def, scale: { domain: [...domain], range: [...range] } };
    }),
  );
}
