import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ViteDevServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { recounts } from '../../src/analysis/recounts.ts';
import { devServer, inDevServer, overlayError, useDevServer } from '../../src/site/devOverlay.ts';

// How Astro's overlay shows a message: escaped, then read as Markdown (not exported, so by its path).
const runtime = join(import.meta.dirname, '..', '..', 'node_modules', 'astro', 'dist', 'core', 'errors', 'dev', 'runtime.js');
const { renderErrorMarkdown } = (await import(pathToFileURL(runtime).href)) as {
  renderErrorMarkdown: (markdown: string, target: 'html') => string;
};

describe('overlayError(message)', () => {
  it('locates the message and keeps a data cell quoted in it from planting links or bold text in the overlay', () => {
    const message =
      'data/x/a.csv:2:2: "created_at" must be an ISO date-time, got "x **see [the fix](https://evil.example/phish)** `code` https://evil.example/a". Fix or remove the row.';
    const payload = overlayError(message);
    expect(payload.loc).toEqual({ file: 'data/x/a.csv', line: 2, column: 2 });
    const html = renderErrorMarkdown(payload.message, 'html');
    expect(html).not.toMatch(/<a |<b>/);
    // Only invisible characters were added.
    expect(payload.message.replaceAll('\u2060', '')).toBe(message);
  });
});

describe('useDevServer(server)', () => {
  it('says this process serves astro dev, and that its term counts will count again (recounts.ts)', () => {
    const [server, on] = [devServer(), recounts.on];
    try {
      recounts.on = false;
      const fake = {} as ViteDevServer;
      useDevServer(fake);
      expect(inDevServer()).toBe(true);
      expect(devServer()).toBe(fake);
      expect(recounts.on).toBe(true);
    } finally {
      // The fake stays this file's dev server (each test file has a worker of its own: vitest.config.ts).
      recounts.on = on;
      if (server) useDevServer(server);
    }
  });
});
