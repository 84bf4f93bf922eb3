import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetProfile } from '../../src/site/datasetSummary.ts';
import { downloadFiles, downloadHref, LARGE_DOWNLOAD_BYTES, largeDownload, serveDownloads } from '../../src/site/downloads.ts';

const NAMES = ['a.csv', 'javascript:alert(document.domain).csv', 'q#1?x=%41.csv', 'é e.csv'];

describe('downloadHref(name)', () => {
  it('links to the file itself: no URL scheme, no fragment or query, whatever its name', () => {
    const page = 'https://example.org/data/tweets/';
    for (const name of NAMES) {
      const url = new URL(downloadHref(name), page);
      expect(url.protocol).toBe('https:');
      expect(url.hash + url.search).toBe('');
      expect(decodeURIComponent(url.pathname)).toBe(`/data/tweets/${name}`);
    }
  });
});

describe('downloadFiles(profiles, root)', () => {
  const profile = (id: string, licence: string, downloads?: boolean) =>
    ({
      id,
      dir: `data/${id}`,
      manifest: { licence, ...(downloads === undefined ? {} : { downloads }) },
      files: [{ path: `data/${id}/a.csv` }],
    }) as unknown as DatasetProfile;

  it('publishes the files and manifest of a dataset whose licence allows it, unless its manifest says downloads: false', () => {
    const files = downloadFiles(
      [
        profile('open', 'CC0-1.0'),
        profile('kept', 'CC-BY-4.0', false),
        profile('closed', 'All rights reserved'),
        profile('said', 'ODbL-1.0', true),
      ],
      '/site',
    );
    expect(files).toEqual([
      ['/site/data/open/a.csv', 'data/open/a.csv'],
      ['/site/data/open/manifest.yaml', 'data/open/manifest.yaml'],
      ['/site/data/said/a.csv', 'data/said/a.csv'],
      ['/site/data/said/manifest.yaml', 'data/said/manifest.yaml'],
    ]);
  });

  it('warns of a published file past 25 MiB with its size, the hosts that refuse one, and the manifest line that keeps it back', () => {
    expect(LARGE_DOWNLOAD_BYTES).toBe(26_214_400);
    expect(largeDownload('data/clean-air/export.csv', 150_955_719)).toBe(
      'data/clean-air/export.csv (144 MB) is published as a download, beside its dataset\'s page: larger than many static hosts take in one file (Cloudflare Pages 25 MiB, GitHub 100 MB). If yours refuses it, or readers should not download it, set "downloads: false" in data/clean-air/manifest.yaml: the page then gives the files\' SHA-256 and no links.',
    );
  });
});

describe('serveDownloads (astro dev)', () => {
  it('serves each file at the link its page gives it, byte for byte, and passes anything else on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soundings-downloads-'));
    const files: [string, string][] = NAMES.map((name, i) => {
      writeFileSync(join(dir, `${i}.csv`), `file ${i}\n`);
      return [join(dir, `${i}.csv`), `data/tweets/${name}`];
    });
    const handler = serveDownloads(async () => files);
    const server = createServer((req, res) => handler(req, res, () => res.writeHead(404).end('next')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data/tweets/`;
    try {
      for (const [i, name] of NAMES.entries()) {
        const res = await fetch(new URL(downloadHref(name), base));
        expect(res.status, name).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(await res.text()).toBe(`file ${i}\n`);
      }
      for (const path of ['nope.csv', '', '../tweets/', 'q']) {
        const res = await fetch(new URL(path, base));
        expect(await res.text(), path).toBe('next');
      }
    } finally {
      server.close();
    }
  });
});
