/**
 * Dataset downloads: the files of every dataset whose licence allows
 * redistribution (see `downloadAllowed`), with its manifest, copied byte for
 * byte beside its page (dist/data/<id>/<file>).
 *
 * A build copies them once the pages are written, with the file system's own
 * copy: rendering a 12 MB export through an endpoint's Response took ~80 ms of
 * every rebuild. `astro dev` serves the same files from the endpoint
 * src/pages/data/[id]/[file].ts, which lists no paths in a build.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MANIFEST } from '../data/datasetFiles.ts';
import { type DatasetProfile, downloadAllowed, fileName } from './datasetSummary.ts';
import { siteDataOptions, siteProfiles } from './siteData.ts';

/** Each download as [source path, path under the site's root], for the datasets whose licence allows it. */
export function downloadFiles(profiles: readonly DatasetProfile[], root: string): [string, string][] {
  const out: [string, string][] = [];
  for (const d of profiles) {
    if (!downloadAllowed(d.manifest.licence)) continue;
    for (const f of d.files) out.push([join(root, f.path), `data/${d.id}/${fileName(f.path)}`]);
    out.push([join(root, d.dir, MANIFEST), `data/${d.id}/${MANIFEST}`]);
  }
  return out;
}

export function datasetDownloads(): AstroIntegration {
  return {
    name: 'soundings-downloads',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = downloadFiles(await siteProfiles(), siteDataOptions().root);
        for (const [from, to] of files) {
          mkdirSync(join(outDir, to, '..'), { recursive: true });
          copyFileSync(from, join(outDir, to));
        }
        logger.info(`Downloads: ${files.length} dataset files copied.`);
      },
    },
  };
}
