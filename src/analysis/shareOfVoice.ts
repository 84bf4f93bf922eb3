import type { CampaignVolume } from './campaignVolume.ts';
import { ratio } from './ratio.ts';

export interface ShareRow {
  /** Campaign id, or `'overlap'` for posts referencing more than one campaign. */
  id: string;
  label: string;
  color: string;
  posts: number;
  /** `posts / total`, a proportion in [0, 1]; NaN when `total` is 0. */
  share: number;
}

/**
 * Share of voice with exclusive attribution: each post referencing at least
 * one campaign is attributed to exactly one row.
 *
 * One row per campaign, in the order of `volume.campaigns`, with `posts` = the
 * posts referencing that campaign and no other (`only`); then, only when
 * `volume.overlap` > 0, one row `{id: 'overlap', label: 'More than one
 * campaign', color: '#8a8a8a'}` with `posts` = the posts referencing two or
 * more campaigns. Every row's `share` = `posts / volume.total`, where
 * `volume.total` is the number of posts referencing at least one campaign, so
 * the shares sum to 1. Posts referencing no campaign are excluded. When
 * `volume.total` is 0 every share is NaN.
 */
export function shareOfVoice(volume: CampaignVolume): ShareRow[] {
  const rows: ShareRow[] = volume.campaigns.map(({ id, label, color, only }) => ({
    id,
    label,
    color,
    posts: only,
    share: ratio(only, volume.total),
  }));
  if (volume.overlap > 0) {
    rows.push({
      id: 'overlap',
      label: 'More than one campaign',
      color: '#8a8a8a',
      posts: volume.overlap,
      share: ratio(volume.overlap, volume.total),
    });
  }
  return rows;
}
