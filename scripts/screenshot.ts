/**
 * Takes a full-page screenshot of a built page with Debian's Chromium, for a
 * human to look at. Serves dist/ itself, since the site's links are
 * root-relative: `node scripts/screenshot.ts /posts/x/ out.png [width] [light|dark]`
 * (or a full http:// URL).
 */
import { resolve } from 'node:path';
import { serveStatic } from '../src/site/staticServer.ts';
import { launchChromium } from './chromium.ts';

const [path = '/', out = 'screenshot.png', width = '1000', scheme = 'light'] = process.argv.slice(2);
const server = path.startsWith('http') ? undefined : await serveStatic(resolve('dist'));
const browser = await launchChromium();
try {
  const context = await browser.newContext({
    viewport: { width: Number(width), height: 900 },
    colorScheme: scheme === 'dark' ? 'dark' : 'light',
  });
  const tab = await context.newPage();
  await tab.goto(server ? new URL(path, server.url).href : path);
  await tab.screenshot({ path: out, fullPage: true });
} finally {
  await browser.close();
  await server?.close();
}
