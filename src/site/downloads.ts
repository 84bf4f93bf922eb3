/**
 * Dataset downloads: the files of every dataset whose licence allows
 * redistribution (see `downloadAllowed`), with its manifest, copied byte for
 * byte beside its page (dist/data/<id>/<file>).
 *
 * A build copies them once the pages are written, with the file system's own
 * copy: rendering a 12 MB export through an endpoint's Response took ~80 ms of
 * every rebuild. `astro dev` serves the same files from a middleware of its
 * server, matched on the decoded path: Astro's routes would decode a request
 * differently from a static host (`%3A`, `%23` and `%25` stay encoded, or are
 * decoded twice), so a file named `a:b.csv` or `q#1?x=%41.csv` would not be found.
 */
import { copyFileSync, createReadStream, mkdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MANIFEST } from '../data/listDatasets.ts';
import { printable } from '../errors.ts';
import { megabytes } from '../megabytes.ts';
import { type DatasetProfile, fileName, published } from './datasetSummary.ts';
import { siteDataOptions, siteProfiles } from './siteData.ts';
import { CONTENT_TYPES } from './staticServer.ts';

/**
 * Each download as [source path, path under the site's root], for the datasets whose licence allows it. The path
 * under the root is the file's own name, not URL-encoded: a link to it encodes it (`downloadHref`).
 */
export function downloadFiles(profiles: readonly DatasetProfile[], root: string): [string, string][] {
  const out: [string, string][] = [];
  for (const d of profiles) {
    if (!published(d.manifest)) continue;
    for (const f of d.files) out.push([join(root, f.path), `data/${d.id}/${fileName(f.path)}`]);
    out.push([join(root, d.dir, MANIFEST), `data/${d.id}/${MANIFEST}`]);
  }
  return out;
}

/**
 * A published file larger than this is said: many static hosts refuse a file that size (Cloudflare Pages takes 25 MiB
 * a file; GitHub refuses a pushed file past 100 MB, and warns past 50), and a reader may not want it. The build goes
 * on: whether the host takes it is the host's to say.
 */
export const LARGE_DOWNLOAD_BYTES = 25 * 1024 * 1024;

/** The warning for a large published file, at its path under the site (`data/<id>/<file>`). */
export function largeDownload(path: string, bytes: number): string {
  const id = path.split('/')[1] ?? '';
  return `${printable(path)} (${megabytes(bytes)}) is published as a download, beside its dataset's page: larger than many static hosts take in one file (Cloudflare Pages 25 MiB, GitHub 100 MB). If yours refuses it, or readers should not download it, set "downloads: false" in data/${printable(id)}/manifest.yaml: the page then gives the files' SHA-256 and no links.`;
}

/**
 * The link from a dataset's page to one of its files: relative, and the name encoded as one path segment, so a
 * file named `javascript:alert(1).csv` is not a URL scheme and `q#1?x=%41.csv` is not cut at `#` or `?`.
 */
export const downloadHref = (name: string) => `./${encodeURIComponent(name)}`;

/** The site path a request asks for, decoded as a static host decodes it ("data/x/a b.csv"), or undefined if malformed. */
function requestedPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname).slice(1);
  } catch {
    return undefined;
  }
}

/**
 * `astro dev`'s handler of downloads: a request for `/data/<id>/<file>` that is one of `files()` gets the file,
 * byte for byte; anything else goes on to Astro. `files` is asked at each such request, so data added while the
 * server runs can be downloaded.
 */
export function serveDownloads(files: () => Promise<[string, string][]>) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const path = requestedPath(req.url);
    // Only what could be a dataset's file (data/<id>/<name>): pages and assets do not wait for the datasets' digests.
    if (!path || !/^data\/[^/]+\/[^/]+$/.test(path)) {
      next();
      return;
    }
    files()
      .then((list) => {
        const found = list.find(([, to]) => to === path);
        if (!found) {
          next();
          return;
        }
        const type = CONTENT_TYPES[extname(found[1])] ?? 'application/octet-stream';
        res.writeHead(200, { 'Content-Type': type });
        // Streamed: a dataset file can be large, and is sent as it is.
        if (req.method === 'HEAD') res.end();
        else createReadStream(found[0]).on('error', next).pipe(res);
      })
      .catch(next);
  };
}

export function datasetDownloads(): AstroIntegration {
  // `astro dev` serves the files of the datasets whose data loads (the page of one that does not says why).
  const files = async () => downloadFiles(await siteProfiles(), siteDataOptions().root);
  return {
    name: 'soundings-downloads',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveDownloads(files));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const list = await files();
        for (const [from, to] of list) {
          mkdirSync(join(outDir, to, '..'), { recursive: true });
          copyFileSync(from, join(outDir, to));
          const bytes = statSync(from).size;
          if (bytes > LARGE_DOWNLOAD_BYTES) logger.warn(largeDownload(to, bytes));
        }
        logger.info(`Downloads: ${list.length} dataset files copied.`);
      },
    },
  };
}
