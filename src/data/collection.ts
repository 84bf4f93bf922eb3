/**
 * No post is dated after its data was collected: a 2036 typo, or this week's
 * export dropped in without the manifest's `collected` brought up to date,
 * would otherwise stretch every weekly series to the typo, silently. A day's
 * grace for the collector's timezone.
 */
import { AfterCollection, error, type Location } from '../errors.ts';
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

/** Throws a located AfterCollection when `time` (epoch ms, read from `field` as `got`) is past the limit. */
export function checkCollected(time: number, limit: CollectionLimit, where: Location, field: string, got: string): void {
  if (time >= limit.latest) throw error(AfterCollection, where, field, got, limit.collected, limit.at);
}
