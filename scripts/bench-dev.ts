/**
 * `npm run bench:dev`: how long `npm run dev` takes to show a data drop-in on
 * the open page (issue target: about 1.5 s).
 *
 * A temporary copy of the sample site is served by `astro dev`; Chromium opens
 * the flagship post. Each round writes a 500-tweet file into the tweets
 * dataset, then removes it, and times, from the write (or removal) to the
 * moment the page shows the new total: file watching, re-loading the data
 * (only the new file is parsed), re-rendering the two posts that use it,
 * Astro's reload of the page and its render. `--rounds N` (default 6) gives
 * 2N timings; the median is printed with all of them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from 'd3-array';
import { devArgs, freePort, siteEnv } from './astro.ts';
import { launchChromium } from './chromium.ts';

const root = join(import.meta.dirname, '..');
const at = process.argv.indexOf('--rounds');
const rounds = at > 0 ? Number(process.argv[at + 1]) : 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const work = mkdtempSync(join(tmpdir(), 'soundings-bench-dev-'));
let dev: ChildProcess | undefined;
try {
  cpSync(join(root, 'content'), join(work, 'content'), { recursive: true });
  cpSync(join(root, 'data'), join(work, 'data'), { recursive: true });
  const port = await freePort();
  dev = spawn(process.execPath, devArgs(port), { cwd: root, env: siteEnv(work, { cacheDir: join(work, 'cache') }), stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/posts/keepcorbyn-vs-savinglabour/`;
  for (let i = 0; ; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 240) throw new Error(`astro dev did not answer at ${url}`);
    await sleep(500);
  }
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(url);
  // The first load of a dev server's page may be followed by a reload (Vite's first dependency optimisation):
  // the timing starts from a page that has settled, as it does between rounds.
  await page.waitForLoadState('networkidle');
  await sleep(1500);
  // Every place the page prints the total: the prose may round it ("more than 78,000"), which 500 more do not move.
  const total = () =>
    page
      .locator('[data-key="posts.total"]')
      .allTextContents()
      .then((texts) => texts.join(' | '))
      .catch(() => null);
  // 500 tweets with new ids (a leading 9 on each id of the September file's first rows).
  const september = readFileSync(join(root, 'data', 'labour-2016-tweets', 'tweets-2016-09.csv'), 'utf8').split('\n');
  const dropped = `${september[0]}\n${september
    .slice(1, 501)
    .map((line) => `9${line}`)
    .join('\n')}\n`;
  const file = join(work, 'data', 'labour-2016-tweets', 'tweets-2016-10.csv');
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const add of [true, false]) {
      const before = await total();
      const start = performance.now();
      if (add) writeFileSync(file, dropped);
      else rmSync(file);
      while ((await total()) === before) {
        if (performance.now() - start > 15_000) throw new Error('the page did not update within 15 s');
        await sleep(20);
      }
      times.push(performance.now() - start);
      await sleep(1500);
    }
  }
  await browser.close();
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`astro dev, 500 tweets dropped into the sample data and removed, ${times.length} times:`);
  console.log(`median ${s(median(times) ?? Number.NaN)} (target: about 1.5 s); all: ${times.map(s).join(', ')}`);
} finally {
  dev?.kill();
  rmSync(work, { recursive: true, force: true });
}
