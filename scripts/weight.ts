/**
 * `npm run weight`: loads every page type of the built site (build first with
 * `npm run build`, or pass --build) in Chromium and reports what each page
 * transfers: HTML, CSS, JS, images, fonts and other requests, and the total
 * without images, both as stored (the bytes of each file) and gzipped (each
 * text response gzipped on its own: what a host that compresses text, as
 * static hosts do, transfers; images and fonts are sent as they are).
 * "Required JS" is the JavaScript a page loads before any interaction.
 * Target: an article ≤ 150 KB gzipped without images, and 0 KB of required JS.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../src/site/staticServer.ts';
import { ASTRO_CLI, childEnv } from './astro.ts';
import { launchChromium } from './chromium.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
if (process.argv.includes('--build') || !existsSync(join(dist, 'index.html'))) {
  execFileSync(process.execPath, [ASTRO_CLI, 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: childEnv(),
  });
}
const under = (section: string) =>
  existsSync(join(dist, section))
    ? readdirSync(join(dist, section), { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(dist, section, e.name, 'index.html')))
        .map((e) => `/${section}/${e.name}/`)
        .sort()
    : [];
const pages = [
  '/',
  ...under('posts'),
  '/tags/',
  ...under('tags').slice(0, 1),
  '/authors/',
  ...under('authors').slice(0, 1),
  '/data/',
  ...under('data'),
  '/search/',
  '/404.html',
];

const server = await serveStatic(dist);
const browser = await launchChromium();
const kinds = ['html', 'css', 'js', 'image', 'font', 'other'] as const;
type Kind = (typeof kinds)[number];
const KIND_OF: Record<string, Kind> = { document: 'html', stylesheet: 'css', script: 'js', image: 'image', font: 'font' };
const kb = (n: number) => (n / 1024).toFixed(1);
let over = false;
console.log(`${'page'.padEnd(44)}${kinds.map((k) => k.padStart(8)).join('')}${'no images'.padStart(11)}${'gzipped'.padStart(9)}  (KB)`);
try {
  for (const path of pages) {
    const page = await browser.newPage();
    const sizes: Record<Kind, number> = { html: 0, css: 0, js: 0, image: 0, font: 0, other: 0 };
    let gzipped = 0;
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const kind = KIND_OF[response.request().resourceType()] ?? 'other';
      pending.push(
        response.body().then(
          (body) => {
            sizes[kind] += body.length;
            // Images and fonts are already compressed formats; hosts send them as they are.
            if (kind !== 'image') gzipped += kind === 'font' ? body.length : gzipSync(body).length;
          },
          () => undefined,
        ),
      );
    });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    const total = sizes.html + sizes.css + sizes.js + sizes.font + sizes.other;
    if (path.startsWith('/posts/') && (gzipped > 150 * 1024 || sizes.js > 0)) over = true;
    console.log(
      `${path.padEnd(44)}${kinds.map((k) => kb(sizes[k]).padStart(8)).join('')}${kb(total).padStart(11)}${kb(gzipped).padStart(9)}`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
if (over) console.log('An article is over 150 KB gzipped without images, or loads JavaScript.');
process.exit(over ? 1 : 0);
