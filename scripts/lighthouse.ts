/**
 * `npm run lighthouse`: builds the site (skip with --no-build), serves dist/
 * on 127.0.0.1, and runs Lighthouse 13 (Chromium via chrome-launcher,
 * CHROME_PATH or /usr/bin/chromium; Lighthouse's default mobile profile with
 * simulated throttling) on the home page and on every post (or the paths
 * given), printing the four category scores. Exits 1 when a score is below
 * --min (default 0: report only).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from '../src/site/staticServer.ts';
import { ASTRO_CLI, childEnv } from './astro.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const min = Number(args.find((a) => a.startsWith('--min='))?.slice(6) ?? 0);
let paths = args.filter((a) => a.startsWith('/'));
if (!args.includes('--no-build')) {
  execFileSync(process.execPath, [ASTRO_CLI, 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: childEnv(),
  });
}
const dist = join(root, 'dist');
if (paths.length === 0) {
  const posts = readdirSync(join(dist, 'posts'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `/posts/${e.name}/`);
  paths = ['/', ...posts.sort()];
}

const server = await serveStatic(dist);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: CHROMIUM_FLAGS,
});
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
let failed = false;
try {
  console.log(`${'page'.padEnd(48)} ${categories.map((c) => c.padStart(15)).join('')}`);
  for (const path of paths) {
    const result = await lighthouse(server.url + path, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
    const scores = categories.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    if (scores.some((s) => s < min)) failed = true;
    console.log(`${path.padEnd(48)} ${scores.map((s) => String(s).padStart(15)).join('')}`);
    for (const c of categories) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
          console.log(`    ${c}: ${audit.id} ${audit.title} (${audit.displayValue ?? audit.score})`);
      }
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
process.exit(failed ? 1 : 0);
