/**
 * The page `astro dev` serves for a post or a dataset that failed: Astro's error overlay, opened by the page itself.
 *
 * Throwing the error from the page (as Soundings did) left it to Astro, which has three costs
 * (node_modules/astro/dist/vite-plugin-app/handle-request.js, vite-plugin-astro-server/response.js, error.js,
 * controller.js, core/routing/handler.js):
 *  - its 500 page is blank but for the error's name as its title; the overlay is broadcast over HMR 200 ms after the
 *    response ends, and a page whose HMR client connects later (a busy machine; another tab connected meanwhile, so
 *    Vite does not keep the message for the next client) never gets it: a blank page reading "Soundings could not
 *    render this post";
 *  - it prints the error twice on every load (the stack, then the message with a stack trace), after the loader's own
 *    print: a data error was printed four times for one edit;
 *  - it marks the dev server as in error, and then every file change anywhere makes both of its request handlers
 *    reload every open page (one edit, several reloads; an error page reloading on each change).
 * This page is a response, not an error: Astro neither prints it nor marks the server, and the overlay is opened from
 * the page's own HTML, with no race. Without JavaScript the message is on the page as text.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { isUtf16le } from '../data/streamRecords.ts';
import type { Location } from '../errors.ts';
import { escapeHtml } from '../render/escape.ts';

/** Lines shown around the error's line in the overlay's code frame. */
const CONTEXT_LINES = 4;

/**
 * The code frame for `file`'s `line`, as Astro's overlay shows one: Shiki's `.line` spans, the error's line marked
 * `error-line`. Only the lines around it are sent (a data file can hold millions); the overlay numbers lines with a
 * CSS counter, which the `code` element starts at the first line shown.
 */
export function codeFrame(file: string, line: number): string | undefined {
  if (!existsSync(file) || line < 1) return undefined;
  const first = Math.max(1, line - CONTEXT_LINES);
  const lines = linesOf(file, first, line + CONTEXT_LINES);
  if (lines.length < line - first + 1) return undefined; // the file ends before the line
  const spans = lines.map((text, i) => `<span class="line${first + i === line ? ' error-line' : ''}">${escapeHtml(text)}</span>`);
  return `<pre class="shiki"><code style="counter-reset: step ${first - 1}">${spans.join('\n')}</code></pre>`;
}

/** Bytes read at a time by {@link linesOf}. */
const CHUNK = 1 << 16;

/**
 * Lines `from` to `to` (1-based, as many as the file has) of a text file, read from its start only as far as `to`: a
 * data file of a gigabyte, too long for one string, with its error on line 12 or line 12 million, is never held
 * whole. UTF-16 files (a spreadsheet's "Unicode text") are read as such, as the loader reads them.
 */
function linesOf(file: string, from: number, to: number): string[] {
  const decoder = new StringDecoder(isUtf16le(file) ? 'utf16le' : 'utf8');
  const out: string[] = [];
  let number = 1;
  const take = (line: string) => {
    if (number >= from && number <= to) out.push(line.replace(/\r$/, ''));
    number++;
  };
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    let rest = '';
    for (let read = readSync(fd, buffer); read > 0 && number <= to; read = readSync(fd, buffer)) {
      const parts = (rest + decoder.write(buffer.subarray(0, read))).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) take(part);
      // A line longer than a chunk is kept only while it may be shown.
      if (number < from && rest.length > CHUNK) rest = '';
    }
    rest += decoder.end();
    if (rest !== '') take(rest);
  } finally {
    closeSync(fd);
  }
  // A byte order mark (UTF-8's, or UTF-16's, which the decoder keeps) is not the first line's text.
  if (from === 1 && out[0]?.startsWith('\uFEFF')) out[0] = out[0].slice(1);
  return out;
}

/**
 * What the overlay shows: the message as HTML (Astro's overlay sets it as HTML and links each word that starts with
 * "https://"; `message` has had a word joiner put before such words, overlayText in devOverlay.ts), and the location
 * with its code frame. `loc.file` is as locatedError (renderFailure.ts) gives it: absolute in the project, else
 * relative to `root`.
 */
export function overlayPayload(root: string, error: Error & { loc?: Location }) {
  const loc = error.loc?.file
    ? { ...error.loc, file: isAbsolute(error.loc.file) ? error.loc.file : join(root, error.loc.file) }
    : undefined;
  return {
    // The overlay prints the name small above the title, as it prints an error's type above what happened: the tool's
    // name there, not the title a second time (a trial saw "Soundings could not render this post" twice).
    name: 'Soundings',
    title: error.name,
    message: escapeHtml(error.message).replace(/\n/g, '<br>'),
    stack: error.stack ?? '',
    ...(loc ? { loc, highlightedCode: loc.line ? codeFrame(loc.file, loc.line) : undefined } : {}),
  };
}

/** The 500 page for `error` (from locatedError): the overlay, opened by the page, over the message as text. */
export function devErrorPage(root: string, error: Error & { loc?: Location }): Response {
  // In a <script> element only "</script" (and "<!--") would end it early: "<" is written as its JSON escape.
  const payload = JSON.stringify(overlayPayload(root, error)).replace(/</g, '\\u003c');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(error.name)}</title>
<script type="module">
import '/@vite/client';
const err = JSON.parse(document.getElementById('soundings-error').textContent);
const Overlay = customElements.get('vite-error-overlay');
if (Overlay) document.body.append(new Overlay(err));
</script>
</head>
<body>
<h1>${escapeHtml(error.name)}</h1>
<pre style="white-space: pre-wrap">${escapeHtml(error.message)}</pre>
<script type="application/json" id="soundings-error">${payload}</script>
</body>
</html>
`;
  return new Response(html, { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
