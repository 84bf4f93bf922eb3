/**
 * The datasets a site's pages describe, found the same way astro.config.mjs
 * finds them: `sitePaths` of the project root, with SOUNDINGS_DATA_DIR for
 * fixture sites. Bundled page code cannot locate the project from its own
 * URL, so astro.config.mjs passes the root in SOUNDINGS_ROOT (the working
 * directory is the fallback: npm scripts run in the project root).
 *
 * Pages read each dataset's profile (src/site/datasetSummary.ts), cached on
 * disk by the dataset's digest beside the parsed datasets: a rebuild with
 * unchanged data hashes the files and reads a few kilobytes per dataset,
 * rather than the parsed rows (19 MB for the sample tweets) and a pass over
 * every cell.
 */
import { join } from 'node:path';
import { datasetDigest } from '../data/datasetFiles.ts';
import { listDatasets } from '../data/listDatasets.ts';
import { SoundingsError } from '../errors.ts';
import { readEntry, writeEntry } from '../markdown/cacheEntry.ts';
import { cachedDataset } from '../markdown/datasetCache.ts';
import { waitForProfile } from '../markdown/readingAhead.ts';
import { processGlobal } from '../processGlobal.ts';
import { type DatasetProfile, datasetProfile } from './datasetSummary.ts';
import { inDevServer } from './devOverlay.ts';
import { sitePaths } from './paths.ts';
import { profileCode, profileEntry } from './profileEntry.ts';
import { buildStop, locatedError } from './renderFailure.ts';
import { datasetUrl } from './text.ts';

export function siteDataOptions(): { root: string; dataDir: string } {
  const { root, dataDir } = sitePaths(process.env.SOUNDINGS_ROOT || process.cwd());
  return { root, dataDir };
}

/**
 * Profiles read in this process, by data folder: several pages and the downloads ask for them. So are the errors of
 * data that is refused (`astro dev` goes on): the pages, the index and each download ask again, and would read the
 * whole dataset again each time while its digest is unchanged.
 */
const known = processGlobal(
  'profiles',
  () => new Map<string, { code: string; digest: string } & ({ profile: DatasetProfile } | { refused: SoundingsError })>(),
);

/** Forgets the profiles held in memory, as a new build process starts (tests). */
export function forgetProfiles(): void {
  known.clear();
}

/**
 * Dataset `id`'s profile as it stands for the data as it is now: `held` in memory (a profile, or the data's refusal),
 * and `stored()`, the one on the disk, read and then held (undefined if none is there for this digest and code).
 */
function lookUp(id: string, options: { root: string; dataDir: string }, code: string) {
  const folder = join(options.dataDir, id);
  const digest = datasetDigest(folder);
  const { dir, key } = profileEntry(digest, code, options.root);
  const entry = known.get(folder);
  const held = entry?.digest === digest && entry.code === code ? entry : undefined;
  const stored = (): DatasetProfile | undefined => {
    const cached = readEntry<DatasetProfile>(dir, id, key);
    if (!cached || cached.digest !== digest) return undefined;
    known.set(folder, { code, digest, profile: cached });
    return cached;
  };
  return { folder, digest, dir, key, held, stored };
}

/** The profile of one dataset: from the disk cache when its digest is unchanged, else from the dataset. */
export async function cachedProfile(
  id: string,
  options: { root: string; dataDir: string },
  code = profileCode(options.root),
): Promise<DatasetProfile> {
  const { folder, digest, dir, key, held, stored } = lookUp(id, options, code);
  if (held) {
    if ('refused' in held) throw held.refused;
    return held.profile;
  }
  // Not on the disk yet, but the build's second thread is writing it: wait for it rather than make it a second time,
  // which would read every record of the dataset from the cache again (seconds and gigabytes for a large one).
  const cached = stored() ?? ((await waitForProfile(options.dataDir, id)) ? stored() : undefined);
  if (cached) return cached;
  let profile: DatasetProfile;
  try {
    profile = datasetProfile(await cachedDataset(id, options));
  } catch (e) {
    if (e instanceof SoundingsError) known.set(folder, { code, digest, refused: e });
    throw e;
  }
  known.set(folder, { code, digest, profile });
  writeEntry(dir, id, key, profile);
  return profile;
}

/**
 * The profile of one dataset as the pages will read it, if it is known without reading the data: held, or in the disk
 * cache for the data as it is now (the build summary's line for a dataset no post read). Never made, nor waited for.
 */
export function storedProfile(
  id: string,
  options: { root: string; dataDir: string },
  code = profileCode(options.root),
): DatasetProfile | undefined {
  const { held, stored } = lookUp(id, options, code);
  return held ? ('profile' in held ? held.profile : undefined) : stored();
}

/** A dataset of the site: its profile, or (`astro dev`) the message of the error its data gives instead. */
export type SiteDataset =
  | { id: string; profile: DatasetProfile; failure?: undefined }
  | { id: string; profile?: undefined; failure: string };

/**
 * Every dataset under data/, in id order, with its profile. Data that is refused stops a build at the dataset's
 * page (a dataset no post uses is first read there), with the data's located message; `astro dev` goes on,
 * and keeps the message for the dataset's page to show, as a post's page does (renderFailure.ts).
 */
export async function siteDatasets(): Promise<SiteDataset[]> {
  const dev = inDevServer();
  const options = siteDataOptions();
  const datasets: SiteDataset[] = [];
  const code = profileCode(options.root);
  for (const id of listDatasets(options.dataDir)) {
    try {
      datasets.push({ id, profile: await cachedProfile(id, options, code) });
    } catch (e) {
      if (!(e instanceof SoundingsError)) throw e;
      if (!dev) throw pageStop(id, e);
      datasets.push({ id, failure: e.message });
    }
  }
  return datasets;
}

/** The profile of every dataset under data/, in id order; in `astro dev`, of those whose data is not refused. */
export async function siteProfiles(): Promise<DatasetProfile[]> {
  return (await siteDatasets()).flatMap((d) => (d.profile ? [d.profile] : []));
}

/** What a dataset's page shows in `astro dev` when its data is refused (devErrorPage.ts): the message, located. */
export const datasetFailure = (message: string) => locatedError(siteDataOptions().root, 'Soundings could not read this dataset', message);

/**
 * The error that stops a build at a dataset's page: the data's message, located, once, naming the page (as the
 * content loader's for a post). The SoundingsError itself would make Astro print its advice again as a "Hint" and a
 * stack trace into the bundled page code.
 */
function pageStop(id: string, e: SoundingsError): Error {
  return buildStop(`Soundings could not build the dataset page ${datasetUrl(id)}:\n${e.message}`);
}
