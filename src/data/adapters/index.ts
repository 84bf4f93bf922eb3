/** The social-export adapters, by the manifest's `format` value. See README, "Adding a dataset". */
import { bluesky } from './bluesky.ts';
import type { Adapter } from './common.ts';
import { mastodon } from './mastodon.ts';
import { twitterV1 } from './twitterV1.ts';
import { twitterV2 } from './twitterV2.ts';
import { xArchive } from './xArchive.ts';

export type { Adapter } from './common.ts';

export const SOCIAL_FORMATS = ['twitter-v2', 'twitter-v1', 'x-archive', 'bluesky', 'mastodon'] as const;
export type SocialFormat = (typeof SOCIAL_FORMATS)[number];

export const ADAPTERS: Record<SocialFormat, Adapter> = {
  'twitter-v2': twitterV2,
  'twitter-v1': twitterV1,
  'x-archive': xArchive,
  bluesky,
  mastodon,
};

export const isSocialFormat = (format: string | undefined): format is SocialFormat =>
  (SOCIAL_FORMATS as readonly string[]).includes(format ?? '');
