import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { devArgs, freePort, siteEnv } from '../../scripts/astro.ts';
import { launchChromium } from '../../scripts/chromium.ts';
import { datasetDigest, projectPath } from '../../src/data/datasetFiles.ts';
import { fixtureProject } from '../markdown/fixture.ts';

const projectRoot = join(import.meta.dirname, '..', '..');

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what()}`);
}

const servers: ChildProcess[] = [];
afterAll(() => {
  for (const server of servers) server.kill('SIGTERM');
});

/** Starts `astro dev` on the site and waits for its post's page; `log` is what the server has printed so far. */
async function startDev(site: string): Promise<{ port: number; url: string; readonly log: string }> {
  const port = await freePort();
  let log = '';
  const server = spawn(process.execPath, devArgs(port), {
    cwd: projectRoot,
    env: siteEnv(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(server);
  server.stdout?.on('data', (d) => {
    log += d;
  });
  server.stderr?.on('data', (d) => {
    log += d;
  });
  const url = `http://127.0.0.1:${port}/posts/post/`;
  await waitFor(
    async () => (await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok,
    60_000,
    () => `the dev server at ${url}\n${log}`,
  );
  return {
    port,
    url,
    get log() {
      return log;
    },
  };
}

/**
 * Follows when the open page's Vite client last connected ("[vite] connected", after each load, and each reload a
 * restarted server has it make). `connectedFor(ms, after)` waits until it has connected since `after` and stayed so
 * for `ms`: a restart or a change pushed before its socket opens leaves Vite's client without one (it reloads on a
 * socket that closes, not on one that never opened), which no later change reaches; and a fresh server may reload the
 * page once more just after its first connection (its first dependency optimisation). With `resetOnNavigation`, a
 * navigation starts the wait again (a reload pushed before the page connected reaches it once it does).
 */
function viteClient(page: Page, dev: { readonly log: string }, { resetOnNavigation = false } = {}) {
  let connected = 0;
  page.on('console', (m) => {
    if (m.text().includes('[vite] connected')) connected = Date.now();
  });
  if (resetOnNavigation)
    page.on('framenavigated', () => {
      connected = 0;
    });
  return {
    connectedFor: (ms: number, after = 0, what = 'the page to connect to the server') =>
      waitFor(
        async () => connected > after && Date.now() - connected > ms,
        15_000,
        () => `${what}\n${dev.log}`,
      ),
  };
}

/** How many times the dev server has restarted (Astro prints "Restarting..." for each). */
const restartsOf = (dev: { readonly log: string }) => dev.log.split('\n').filter((l) => l.includes('Restarting...')).length;

describe('astro dev', () => {
  it('updates the open page by itself when a data file is added, changed or removed', async () => {
    const site = fixtureProject('Red had :value[campaigns.red.share] of :value[posts.total] posts.');
    const dev = await startDev(site);
    const { port, url } = dev;

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // Checks are retried until their deadline (waitFor): one must not wait 30 s for an element that a reload
      // Astro pushes has just taken away.
      page.setDefaultTimeout(3_000);
      await page.goto(url);
      const value = page.locator('[data-key="posts.total"]');
      expect(await value.textContent()).toBe('4');
      // A dataset's files download from its page under astro dev too (the dev server's middleware, downloads.ts).
      const download = await fetch(`http://127.0.0.1:${port}/data/tweets/a.csv`);
      expect(download.status).toBe(200);
      expect(await download.text()).toBe(readFileSync(join(site, 'data', 'tweets', 'a.csv'), 'utf8'));

      writeFileSync(join(site, 'data', 'tweets', 'b.csv'), 'id,created_at,user,text\n5,2016-07-11T10:00:00Z,e,#Red\n');
      // No reload from the test: Astro's dev server pushes the change to the open page.
      await waitFor(
        async () => (await value.textContent()) === '5',
        15_000,
        () => `the page to show 5 posts\n${dev.log}`,
      );
      expect(await page.locator('[data-key="campaigns.red.share"]').textContent()).toBe('60.0%');

      // A changed file: two rows instead of one.
      writeFileSync(
        join(site, 'data', 'tweets', 'b.csv'),
        'id,created_at,user,text\n5,2016-07-11T10:00:00Z,e,#Red\n6,2016-07-12T10:00:00Z,f,#Blue\n',
      );
      await waitFor(
        async () => (await value.textContent()) === '6',
        15_000,
        () => `the page to show 6 posts after a change\n${dev.log}`,
      );

      // A removed file: back to the first file's four posts.
      rmSync(join(site, 'data', 'tweets', 'b.csv'));
      await waitFor(
        async () => (await value.textContent()) === '4',
        15_000,
        () => `the page to show 4 posts after a removal\n${dev.log}`,
      );
      expect(await page.locator('[data-key="campaigns.red.share"]').textContent()).toBe('50.0%');

      // Three files dropped at once, each written in two steps as editors and copies do: one re-load, naming all.
      const reloads = () => dev.log.split('\n').filter((l) => l.includes('Data changed:'));
      const before = reloads().length;
      const burst = ['e1.csv', 'e2.csv', 'e3.csv'].map((name) => join(site, 'data', 'tweets', name));
      for (const [i, path] of burst.entries()) {
        writeFileSync(path, 'id,created_at,user,text\n');
        writeFileSync(path, `id,created_at,user,text\n${20 + i},2016-07-14T10:00:00Z,h,#Blue\n`);
      }
      await waitFor(
        async () => (await value.textContent()) === '7',
        15_000,
        () => `the page to show 7 posts after three files\n${dev.log}`,
      );
      expect(reloads().slice(before)).toHaveLength(1);
      expect(reloads().at(-1)).toMatch(/data\/tweets\/e1\.csv, \S*data\/tweets\/e2\.csv, \S*data\/tweets\/e3\.csv; re-rendering/);
      for (const path of burst) rmSync(path);
      await waitFor(
        async () => (await value.textContent()) === '4',
        15_000,
        () => `the page to show 4 posts after removing them\n${dev.log}`,
      );

      // A renamed file: the watcher says "add" at once and "unlink" about 100 ms later; one re-load, not two.
      const beforeRename = reloads().length;
      renameSync(join(site, 'data', 'tweets', 'a.csv'), join(site, 'data', 'tweets', 'a-renamed.csv'));
      await waitFor(
        async () => reloads().length > beforeRename,
        15_000,
        () => `a re-load after the rename\n${dev.log}`,
      );
      await new Promise((r) => setTimeout(r, 1_500));
      expect(reloads().slice(beforeRename)).toHaveLength(1);
      expect(await value.textContent()).toBe('4');

      // A bad data file: the error, with its file:line:column, shows in the open page's error overlay.
      const beforeBad = dev.log.length;
      writeFileSync(join(site, 'data', 'tweets', 'c.csv'), 'id,created_at,user,text\n9,31/02/16,z,#Red\n');
      await waitFor(
        async () => (await page.locator('vite-error-overlay').count()) > 0,
        15_000,
        () => `the error overlay\n${dev.log}`,
      );
      // A reload can meet the reload Astro's dev server pushes after the content changes, and then wait for a load
      // that never comes: it gives up after 5 s (and is tried again) rather than Playwright's 30.
      const reload = () => page.reload({ waitUntil: 'domcontentloaded', timeout: 5_000 });
      const overlayText = () => page.locator('vite-error-overlay').evaluate((el) => el.shadowRoot?.textContent ?? '');
      // Reloads the page (as a reader would) until `check` holds.
      const reloadUntil = (check: () => Promise<boolean>, what: string) =>
        waitFor(
          async () => {
            await reload();
            return check();
          },
          15_000,
          () => `${what}\n${dev.log}`,
        );
      const showsFour = async () => (await page.locator('vite-error-overlay').count()) === 0 && (await value.textContent()) === '4';
      expect(await overlayText()).toContain('data/tweets/c.csv:2:2: "created_at" must be an ISO date-time with a timezone');
      // The sync says it once in the terminal (as Astro's Markdown renderer prints it, headed by what is true), not
      // a second time as the loader's error.
      await waitFor(
        async () => dev.log.slice(beforeBad).includes('posts and 1 failed'),
        15_000,
        () => `the loader's report of the failed post\n${dev.log}`,
      );
      expect(dev.log.slice(beforeBad).match(/Soundings could not render \S*content\/posts\/post\.md:\n/g)).toHaveLength(1);
      // The post's page itself throws the error, so it is still there after the reload the change causes, or
      // a reader's own reload, rather than a "page not found".
      await reload();
      await waitFor(
        async () => (await overlayText()).includes('data/tweets/c.csv:2:2'),
        15_000,
        () => `the error overlay after a reload\n${dev.log}`,
      );

      // Fixed: the page shows the numbers again.
      rmSync(join(site, 'data', 'tweets', 'c.csv'));
      await reloadUntil(showsFour, 'the page to recover');

      // A mistake in the post itself (Astro re-renders it on its own): the overlay names post.md:line:column.
      const post = join(site, 'content', 'posts', 'post.md');
      const text = readFileSync(post, 'utf8');
      writeFileSync(post, text.replace(':value[posts.total]', ':value[posts.totl]'));
      await reloadUntil(
        async () => (await overlayText()).includes('There is no value "posts.totl"'),
        'the error overlay for a post mistake',
      );
      expect(await overlayText()).toMatch(/content\/posts\/post\.md:23:\d+: There is no value "posts\.totl"/);
      writeFileSync(post, text);
      await reloadUntil(showsFour, 'the page to recover from the post mistake');

      // A frontmatter mid-edit: the post's page shows the located error; the lists keep its last good title.
      writeFileSync(post, text.replace('date: 2016-09-18', 'date: yesterday'));
      await reloadUntil(
        async () => /content\/posts\/post\.md:3:\d+: .*date/.test(await overlayText()),
        'the error overlay for a frontmatter mistake',
      );
      const home = await fetch(`http://127.0.0.1:${port}/`);
      expect(await home.text()).toContain('A test post');
      // Fixed: the open page recovers by itself, and the old error does not come back over it.
      writeFileSync(post, text);
      await waitFor(
        async () => showsFour(),
        15_000,
        () => `the page to recover from the frontmatter mistake by itself\n${dev.log}`,
      );
      await new Promise((r) => setTimeout(r, 2_000));
      expect(await showsFour()).toBe(true);

      // A pinned post whose data changes shows the pin's message, not its old numbers as if nothing had changed,
      // and another post on the same data, not pinned, updates.
      const other = `http://127.0.0.1:${port}/posts/other/`;
      const otherTotal = async () => /data-key="posts\.total"[^>]*>([^<]*)</.exec(await (await fetch(other)).text())?.[1];
      writeFileSync(join(site, 'content', 'posts', 'other.md'), text.replace('A test post', 'Another post'));
      const digest = datasetDigest(join(site, 'data', 'tweets')).slice(0, 16);
      writeFileSync(post, text.replace('campaigns:', `pins: { tweets: "${digest}" }\ncampaigns:`));
      await reloadUntil(showsFour, 'the pinned page');
      await waitFor(
        async () => (await otherTotal()) === '4',
        15_000,
        () => `the other post\n${dev.log}`,
      );
      writeFileSync(join(site, 'data', 'tweets', 'd.csv'), 'id,created_at,user,text\n7,2016-07-13T10:00:00Z,g,#Red\n');
      await reloadUntil(async () => (await overlayText()).includes('The data pinned for "tweets"'), "the pin's message in the overlay");
      await waitFor(
        async () => (await otherTotal()) === '5',
        15_000,
        () => `the other post to show 5 posts\n${dev.log}`,
      );
      // Restored: the open page recovers by itself (no reload from the test), and the old message does not come back
      // over it (a render from the store Astro was replacing showed it again).
      rmSync(join(site, 'data', 'tweets', 'd.csv'));
      await waitFor(
        async () => showsFour(),
        15_000,
        () => `the pinned page to recover by itself\n${dev.log}`,
      );
      await new Promise((r) => setTimeout(r, 2_000));
      expect(await showsFour()).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it('shows each error once in the terminal and in the open page, located, with one reload per edit', async () => {
    const site = fixtureProject('Red had :value[campaigns.red.share] of :value[posts.total] posts.');
    const dev = await startDev(site);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(3_000);
      let loads = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) loads += 1;
      });
      await page.goto(dev.url);
      const value = page.locator('[data-key="posts.total"]');
      expect(await value.textContent()).toBe('4');
      const overlay = () =>
        page.locator('vite-error-overlay').evaluate((el) => ({
          text: el.shadowRoot?.querySelector('#message-content')?.textContent ?? '',
          file: el.shadowRoot?.querySelector('#code header h2')?.textContent ?? '',
          frame: el.shadowRoot?.querySelector('#code-content .error-line')?.textContent ?? '',
        }));
      const count = (text: string, from: number) => dev.log.slice(from).split(text).length - 1;
      // Long enough for every reload Astro sends for one change to have come (they come within a second).
      const settle = () => new Promise((r) => setTimeout(r, 2_500));
      // One reload for one edit (devOverlay.ts, oneReload): Astro's reloads for it come within RELOAD_SETTLE_MS of
      // each other and go as one. On a machine loaded by other jobs (the suite's other files) they can come further
      // apart, and go as two; never more, never a loop (before: several for one edit, and error pages reloading on).
      const reloadedOnce = () => expect(loads === 1 || loads === 2, `${loads} page loads`).toBe(true);

      // An unclosed quote in the frontmatter: js-yaml stumbles where the quote ends, at line 12.
      const post = join(site, 'content', 'posts', 'post.md');
      const text = readFileSync(post, 'utf8');
      let from = dev.log.length;
      loads = 0;
      writeFileSync(post, text.replace('title: A test post', 'title: "A test post'));
      const yaml = 'content/posts/post.md:12:5: YAML syntax error: bad indentation of a mapping entry.';
      await waitFor(
        async () => (await overlay()).text.includes(yaml),
        15_000,
        () => `the YAML error in the overlay\n${dev.log}`,
      );
      expect((await overlay()).file).toBe('posts/post.md:12:5');
      await settle();
      reloadedOnce();
      // Printed once, by the render, headed by what happened; a reader's reloads print nothing more.
      await page.reload();
      await page.reload();
      expect(count(yaml, from)).toBe(1);
      expect(dev.log.slice(from)).toMatch(
        /Soundings could not render \S*content\/posts\/post\.md:\n\S*content\/posts\/post\.md:12:5: YAML/,
      );
      // Fixed: the page recovers by itself, with one reload.
      loads = 0;
      writeFileSync(post, text);
      await waitFor(
        async () => (await value.textContent()) === '4',
        15_000,
        () => `the page to recover from the YAML error\n${dev.log}`,
      );
      await settle();
      reloadedOnce();

      // A data error: printed once, headed by the post it stops (not "Failed to parse Markdown file"), however
      // often the page loads, and the page is the overlay with the data file's line.
      from = dev.log.length;
      loads = 0;
      writeFileSync(join(site, 'data', 'tweets', 'c.csv'), 'id,created_at,user,text\n9,31/02/16,z,#Red\n');
      const data = 'data/tweets/c.csv:2:2: "created_at" must be an ISO date-time with a timezone';
      await waitFor(
        async () => (await overlay()).text.includes(data),
        15_000,
        () => `the data error in the overlay\n${dev.log}`,
      );
      expect(await overlay()).toMatchObject({ file: 'tweets/c.csv:2:2', frame: '9,31/02/16,z,#Red' });
      await settle();
      reloadedOnce();
      // A page whose HMR client connects late (a busy machine), while another page is open: Astro broadcast its
      // error 200 ms after the response, to the pages connected then, and this one stayed blank.
      const other = await browser.newPage();
      await other.goto(`http://127.0.0.1:${dev.port}/`);
      await page.route('**/@vite/client', async (route) => {
        await new Promise((r) => setTimeout(r, 1_500));
        await route.continue();
      });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await waitFor(
        async () => (await overlay()).text.includes(data),
        15_000,
        () => `the overlay on a page whose client connected late\n${dev.log}`,
      );
      await page.unroute('**/@vite/client');
      expect(count(data, from)).toBe(1);
      expect(dev.log.slice(from)).not.toContain('Failed to parse Markdown file');
      expect(dev.log.slice(from)).toMatch(/Soundings could not render \S*content\/posts\/post\.md:\n\S*data\/tweets\/c\.csv:2:2/);
      // Fixed in the file itself, as a row is fixed: the page goes from the overlay to the post by itself, with one
      // reload or two (the second from the page that waits for the re-render: devWaitingPage.ts), never three.
      loads = 0;
      writeFileSync(join(site, 'data', 'tweets', 'c.csv'), 'id,created_at,user,text\n9,2016-07-31T10:00:00Z,z,#Red\n');
      await waitFor(
        async () => (await value.textContent()) === '5',
        15_000,
        () => `the page to recover from the data error fixed in its file\n${dev.log}`,
      );
      await settle();
      reloadedOnce();
      expect(await page.locator('vite-error-overlay').count()).toBe(0);
      // Fixed: one reload, and no error comes back.
      loads = 0;
      rmSync(join(site, 'data', 'tweets', 'c.csv'));
      await waitFor(
        async () => (await value.textContent()) === '4',
        15_000,
        () => `the page to recover from the data error\n${dev.log}`,
      );
      await settle();
      reloadedOnce();
      expect(await page.locator('vite-error-overlay').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('goes on updating the open page from data and posts after content/site.yaml restarts the server', async () => {
    const site = fixtureProject('Red had :value[campaigns.red.share] of :value[posts.total] posts.');
    const dev = await startDev(site);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(3_000);
      // A restarted server has the open page reload and connect again: a change pushed before it has is not missed
      // by the server, but by this page, which is then showing what it loaded.
      const client = viteClient(page, dev);
      await page.goto(dev.url);
      const value = page.locator('[data-key="posts.total"]');
      expect(await value.textContent()).toBe('4');
      await client.connectedFor(1_000);
      const restarts = () => restartsOf(dev);
      const synced = () => dev.log.split('\n').filter((l) => l.includes('Synced content')).length;
      // Added, then changed, each with another url: each restarts the server (the canonical origin is fixed for a
      // server's life; a new name alone only reloads the page: the next test).
      let restarted = 0;
      for (const name of ['A', 'B']) {
        const [restartsBefore, syncs] = [restarts(), synced()];
        restarted = Date.now();
        writeFileSync(
          join(site, 'content', 'site.yaml'),
          `name: Site ${name}\ndescription: D\nurl: https://${name.toLowerCase()}.example.org\n`,
        );
        await waitFor(
          async () => restarts() > restartsBefore && synced() > syncs,
          30_000,
          () => `the server to restart and load the posts again\n${dev.log}`,
        );
        // And the open page to connect to it, before the next edit: a second restart while Astro is still creating the
        // first one's app can fail in Astro itself ("transport was disconnected, cannot call fetchModule").
        await client.connectedFor(500, restarted, `the page to connect to the server restarted for site ${name}`);
      }
      await client.connectedFor(1_000, restarted, 'the page to connect to the restarted server');
      // The open page follows a dropped-in data file…
      writeFileSync(join(site, 'data', 'tweets', 'b.csv'), 'id,created_at,user,text\n5,2016-07-11T10:00:00Z,e,#Red\n');
      await waitFor(
        async () => (await value.textContent()) === '5',
        15_000,
        () => `the page to show 5 posts after the restarts\n${dev.log}`,
      );
      // …and an edited post.
      const post = join(site, 'content', 'posts', 'post.md');
      writeFileSync(post, readFileSync(post, 'utf8').replace('Red had', 'After the restart, Red had'));
      await waitFor(
        async () => (await page.locator('article').textContent())?.includes('After the restart, Red had') ?? false,
        15_000,
        () => `the page to show the edited post\n${dev.log}`,
      );
      // One listener per restart would re-load the data once per restart: one re-load, as before.
      expect(dev.log.split('\n').filter((l) => l.includes('Data changed:'))).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });

  it('shows a content/site.yaml edit in the open page by itself, its mistakes in the overlay, and restarts only for a new url', async () => {
    const site = fixtureProject('Red had :value[campaigns.red.share] of :value[posts.total] posts.');
    const dev = await startDev(site);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(3_000);
      // The page must be listening before the first edit (viteClient).
      const client = viteClient(page, dev);
      await page.goto(dev.url);
      await client.connectedFor(1_000);
      const file = join(site, 'content', 'site.yaml');
      const header = () => page.locator('.site-name').textContent();
      const restarts = () => restartsOf(dev);
      const overlay = () =>
        page.locator('vite-error-overlay').evaluate((el) => ({
          title: el.shadowRoot?.querySelector('#title')?.textContent ?? '',
          text: el.shadowRoot?.querySelector('#message-content')?.textContent ?? '',
          file: el.shadowRoot?.querySelector('#code header h2')?.textContent ?? '',
          frame: el.shadowRoot?.querySelector('#code-content .error-line')?.textContent ?? '',
        }));
      const shows = async (name: string) =>
        (await page.locator('vite-error-overlay').count()) === 0 &&
        (await page.title()) === `A test post · ${name}` &&
        (await header())?.trim() === name;

      // A fresh server may reload the page once more after its first connection (see the restart test above).
      await waitFor(
        () => shows('Soundings'),
        15_000,
        () => `the page with the sample's name\n${dev.log}`,
      );

      // A new name (the file added): the open page shows it by itself, with no restart. A restart took 4–7 s to
      // show it (Vite builds its module graph again); a reload takes well under 2 s.
      writeFileSync(file, 'name: Harbour Analytics\ndescription: Research on ports.\n');
      await waitFor(
        () => shows('Harbour Analytics'),
        15_000,
        () => `the page to show the new name\n${dev.log}`,
      );
      expect(restarts()).toBe(0);
      const home = await (await fetch(`http://127.0.0.1:${dev.port}/`)).text();
      expect(home).toContain('Research on ports.');

      // A misspelt key: the open page's overlay says where, with the file's line, and the terminal says it once.
      const from = dev.log.length;
      writeFileSync(file, 'name: Harbour Analytics\ndescripton: Research on ports.\n');
      const message =
        'content/site.yaml:2:1: It has unknown key "descripton". Did you mean "description"? Fix site.yaml (see README, "Site settings").';
      await waitFor(
        async () => (await overlay()).text.includes(message),
        15_000,
        () => `the site.yaml error in the overlay\n${dev.log}`,
      );
      expect(await overlay()).toMatchObject({
        title: 'Soundings could not read the site settings',
        file: 'content/site.yaml:2:1',
        frame: 'descripton: Research on ports.',
      });
      await new Promise((r) => setTimeout(r, 1_500));
      expect(dev.log.slice(from).split(message).length - 1).toBe(1);
      expect(restarts()).toBe(0);

      // Fixed, and renamed again: the overlay goes and the page shows the name, by itself.
      writeFileSync(file, 'name: Harbour Research\ndescription: Research on ports.\n');
      await waitFor(
        () => shows('Harbour Research'),
        15_000,
        () => `the page to recover with the new name\n${dev.log}`,
      );
      expect(restarts()).toBe(0);

      // A new language renders the posts again (it is their stopwords' default), still without a restart.
      const beforeLanguage = dev.log.length;
      writeFileSync(file, 'name: Harbour Research\ndescription: Research on ports.\nlanguage: de\n');
      await waitFor(
        async () => (await page.locator('html').getAttribute('lang')) === 'de' && (await shows('Harbour Research')),
        15_000,
        () => `the page in German\n${dev.log}`,
      );
      await waitFor(
        async () => dev.log.slice(beforeLanguage).includes('Rendered 1 of 1 posts.'),
        15_000,
        () => `the post rendered again\n${dev.log}`,
      );
      expect(restarts()).toBe(0);

      // A new url restarts the server (Astro's `site` is fixed for a server's life): the page reconnects, and its
      // canonical link is on the new origin.
      writeFileSync(file, 'name: Harbour Research\nurl: https://analysis.harbour.example\n');
      await waitFor(
        async () => (await page.locator('link[rel=canonical]').getAttribute('href')) === 'https://analysis.harbour.example/posts/post/',
        30_000,
        () => `the page to show the new origin\n${dev.log}`,
      );
      expect(restarts()).toBe(1);
      expect(dev.log).toContain('sets the canonical origin to https://analysis.harbour.example: restarting the dev server.');
    } finally {
      await browser.close();
    }
  });

  it('shows a dataset no post uses as its data is now, and its data errors in the overlay and on its page', async () => {
    const site = fixtureProject('Red had :value[campaigns.red.share] of :value[posts.total] posts.');
    const dev = await startDev(site);
    const polls = join(site, 'data', 'polls');
    const url = `http://127.0.0.1:${dev.port}/data/polls/`;
    const served = async () => {
      const html = await (await fetch(url)).text();
      const records = /<dt>Records<\/dt><dd>\s*([\d,]+)/.exec(html)?.[1];
      return { records, files: Array.from(html.matchAll(/download>([^<]+\.csv)</g), (m) => m[1]) };
    };
    // A dataset dropped in while the server runs has its page.
    mkdirSync(polls);
    writeFileSync(
      join(polls, 'manifest.yaml'),
      'title: P\ndescription: D\nkind: table\nsource: S\nlicence: CC0-1.0\ncollected: 2016-09-18\ncolumns:\n  date: date\n  share: number\n',
    );
    writeFileSync(join(polls, 'a.csv'), 'date,share\n2016-08-01,0.62\n');
    await waitFor(
      async () => (await served()).records === '1',
      15_000,
      () => `the new dataset's page\n${dev.log}`,
    );

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(3_000);
      // The overlay is pushed to the open pages: this one must be listening first, and stay (a reload pushed
      // before it connected, when the dataset was dropped in, reaches it once it does).
      const client = viteClient(page, dev, { resetOnNavigation: true });
      await page.goto(url);
      await client.connectedFor(1_000, 0, 'the page to listen for changes');
      const overlay = () =>
        page.locator('vite-error-overlay').evaluate((el) => ({
          text: el.shadowRoot?.textContent ?? '',
          file: el.shadowRoot?.querySelector('#code header h2')?.textContent ?? '',
        }));
      // A second file with a day the calendar does not have: the terminal and the open page's overlay say where.
      const before = dev.log.length;
      writeFileSync(join(polls, 'b.csv'), 'date,share\n2016-09-31,0.5\n');
      const error = 'b.csv:2:1: "date" must be a day that exists in the calendar (there is no 2016-09-31)';
      await waitFor(
        async () => (await overlay()).text.includes(error),
        15_000,
        () => `the error overlay\n${dev.log}`,
      );
      // Without colours: Astro's logger writes them where it sees CI set, as .ci/run does.
      const logged = stripVTControlCharacters(dev.log.slice(before));
      expect(logged).toContain(`[ERROR] [soundings-posts] ${projectPath(projectRoot, polls)}/${error}`);
      expect(logged).toMatch(/^ {2}polls +- +- +- +\S+ s {2}failed: 1 problem$/m);
      // The dataset's page throws it on every load, located: the overlay shows the file's lines.
      await waitFor(
        async () => {
          await page.reload({ waitUntil: 'domcontentloaded', timeout: 5_000 });
          const shown = await overlay();
          return shown.text.includes(error) && shown.file === 'polls/b.csv:2:1';
        },
        15_000,
        () => `the dataset page's error\n${dev.log}`,
      );

      // Fixed: the open page shows the data as it is now, by itself.
      writeFileSync(join(polls, 'b.csv'), 'date,share\n2016-09-30,0.5\n');
      await waitFor(
        async () => (await page.locator('vite-error-overlay').count()) === 0 && (await page.content()).includes('>b.csv<'),
        15_000,
        () => `the dataset page to recover by itself\n${dev.log}`,
      );
      expect(await served()).toEqual({ records: '2', files: ['a.csv', 'b.csv'] });
    } finally {
      await browser.close();
    }
  });
});
