import { rollup } from 'd3-array';
import type { Post } from '../data/types.ts';
import { campaignMatcher } from './campaignMatcher.ts';
import type { Campaign } from './types.ts';

export interface CampaignVolumeRow {
  id: string;
  label: string;
  color: string;
  /** Posts referencing this campaign, with or without other campaigns. */
  any: number;
  /** Posts referencing this campaign and no other campaign. */
  only: number;
}

export interface CampaignVolume {
  /** Posts referencing at least one campaign. */
  total: number;
  /** Posts referencing no campaign. */
  unmatched: number;
  /** Posts referencing two or more campaigns. */
  overlap: number;
  /** One row per campaign, in the order of `campaigns`. */
  campaigns: CampaignVolumeRow[];
}

/**
 * Counts posts per campaign. Whether a post references a campaign is decided
 * by {@link campaignMatcher} (hashtag equality after removing a leading "#",
 * NFC normalisation and lower-casing). Every post is counted once, as given
 * (posts are not de-duplicated here).
 *
 * - `total`: posts referencing at least one campaign;
 * - `unmatched`: posts referencing no campaign (`total + unmatched` is the number of posts);
 * - `overlap`: posts referencing two or more campaigns;
 * - per campaign, `any`: posts referencing that campaign, with or without other campaigns;
 * - per campaign, `only`: posts referencing that campaign and no other campaign.
 *
 * Hence `total` = Σ `only` + `overlap`, and Σ `any` ≥ `total`. A campaign
 * without posts has `any` = `only` = 0. Campaign rows keep the order of
 * `campaigns`.
 */
export function campaignVolume(posts: readonly Post[], campaigns: readonly Campaign[]): CampaignVolume {
  const match = campaignMatcher(campaigns);
  const matched = posts.map((post) => match(post.hashtags));
  const referencing = matched.filter((ids) => ids.length > 0);
  const any = rollup(
    referencing.flat(),
    (ids) => ids.length,
    (id) => id,
  );
  const only = rollup(
    referencing.filter((ids) => ids.length === 1),
    (posts) => posts.length,
    (ids) => ids[0],
  );
  return {
    total: referencing.length,
    unmatched: matched.length - referencing.length,
    overlap: referencing.filter((ids) => ids.length >= 2).length,
    campaigns: campaigns.map(({ id, label, color }) => ({
      id,
      label,
      color,
      any: any.get(id) ?? 0,
      only: only.get(id) ?? 0,
    })),
  };
}
