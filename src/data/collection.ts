/**
 * No post is dated after its data was collected: a 2036 typo, or this week's
 * export dropped in without the manifest's `collected` brought up to date,
 * would otherwise stretch every weekly series to the typo, silently. A day's
 * grace for the collector's timezone.
 */
import { AfterCollection, error, type Location, type SoundingsError } from '../errors.ts';
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
