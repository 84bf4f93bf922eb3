/**
 * Takes full-page screenshots of built pages with Debian's Chromium, for a
 * human to look at: `node scripts/screenshot.ts dist/posts/x/index.html out.png [width] [dark]`.
 */

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [page = 'dist/index.html', out = 'screenshot.png', width = '1000', scheme = 'light'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});
const context = await browser.newContext({
  viewport: { width: Number(width), height: 900 },
  colorScheme: scheme === 'dark' ? 'dark' : 'light',
});
const tab = await context.newPage();
const target = page.startsWith('http') ? page : pathToFileURL(resolve(page)).href;
await tab.goto(target);
await tab.screenshot({ path: out, fullPage: true });
await browser.close();
