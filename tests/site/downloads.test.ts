import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadHref, serveDownloads } from '../../src/site/downloads.ts';

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
