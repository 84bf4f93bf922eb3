import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { overlayError } from '../../src/site/devOverlay.ts';

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
