/**
 * No post is dated after its data was collected: a 2036 typo, or this week's
 * export dropped in without the manifest's `collected` brought up to date,
 * would otherwise stretch every weekly series to the typo, silently. A day's
 * grace for the collector's timezone.
 *
 * Nor before {@link EARLIEST_POST}: a post dated 1970-01-01 (the Unix epoch, a time of 0) or 0001-01-01 is one whose
 * time was missing, and it would stretch the weekly series over decades.
 */
import { AfterCollection, BeforeEarliestPost, error, type Location, type SoundingsError } from '../errors.ts';
import type { ManifestLocator } from './manifest.ts';

export interface CollectionLimit {
  /** Posts dated at or after this instant (epoch ms) are refused. */
  latest: number;
  /** The manifest's `collected` day, and where it is written. */
  collected: string;
  at: Location | undefined;
}

export function collectionLimit(manifest: { collected: string }, locate?: ManifestLocator): CollectionLimit {
  return {
    latest: Date.parse(`${manifest.collected}T00:00:00Z`) + 2 * 86_400_000,
    collected: manifest.collected,
    at: locate?.(['collected']),
  };
}

/**
 * The located AfterCollection for a time (read from `field` as `got`) at or past `limit.latest`. Callers test the
 * time themselves, so that a post within the limit costs one comparison (no location, no text).
 */
export function afterCollection(limit: CollectionLimit, where: Location, field: string, got: string): SoundingsError {
  return error(AfterCollection, where, field, got, limit.collected, limit.at);
}

/**
 * The earliest day a post may have: 1 January 1990, before any platform whose posts Soundings reads (Twitter 2006,
 * Mastodon 2016, Bluesky 2023), and long after the Unix epoch, the classic sign of a missing time. A fixed day, not
 * one per dataset: it is checked with one comparison a row, at the post itself, where a bound on the series' length
 * could only name the first and last posts once all were read. An archive of older posts (Usenet) is refused.
 */
export const EARLIEST_DAY = '1990-01-01';
export const EARLIEST_POST = Date.parse(`${EARLIEST_DAY}T00:00:00Z`);

/** The located BeforeEarliestPost for a time (read from `field` as `got`) before {@link EARLIEST_POST}; callers test it. */
export function beforeEarliest(where: Location, field: string, got: string): SoundingsError {
  return error(BeforeEarliestPost, where, field, got, EARLIEST_DAY);
}
