/**
 * Text from posts and datasets is hostile. A fixture site whose tweets, author,
 * tags, summary and computed names carry markup, script, bidi overrides,
 * control characters and a word longer than any screen is built and read:
 * nothing runs, nothing is injected, the feed stays valid XML, no page scrolls
 * sideways (with its data tables open), a name's right-to-left override stays inside it, and data files
 * and dataset folders named like a URL scheme, a fragment or a query are
 * linked to as themselves.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../src/site/staticServer.ts';
import { MAX_SLUG } from '../../src/site/text.ts';
import { postsManifest } from '../data/helpers.ts';
import { FRONTMATTER, fixtureProject } from '../markdown/fixture.ts';
import { astroBuild } from '../site/astroBuild.ts';
import { launchChromium } from './browser.ts';

const SCRIPT = '</script><script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const LONG = `W${'x'.repeat(298)}Z`;
const RLO = '\u202E';
const BEL = '\u0007';
// A right-to-left tag and a campaign label in Hebrew letters with markup: names the page must isolate, not refuse.
const RTL = 'ניתוח';
const LABEL = '#אדום <b>';
// As the article prints it (Astro writes the rendered Markdown's "<" as "&#x3C;").
const LABEL_HTML = '#אדום &#x3C;b>';

// Data files and a dataset folder whose names are a URL scheme, a fragment, a query, an escape, markup.
const FILES = ['javascript:alert(document.domain).csv', 'q#1?x=%41.csv'];
const ODD_ID = 'odd "<b>" é:x';

const frontmatter = FRONTMATTER.replace('author: Test Author', `author: "Ann ${IMG.replace(/"/g, '\\"')} ${LONG}"`)
  // YAML refuses a raw control character; its escape "\\a" is BEL.
  .replace('summary: A post for the tests.', `summary: "Sum ${SCRIPT} \\a end"`)
  // A directional control is refused in the frontmatter (tests/markdown/validateFrontmatter.test.ts): its texts are
  // right-to-left and markup here, and the data carries the overrides.
  .replace('datasets:', `tags: ["${RTL}", "${IMG.replace(/"/g, '\\"')}"]\ndatasets:`)
  .replace('label: "#Red"', `label: "${LABEL}"`)
  // The headline figure (home page, social card) is the loudest account's name: the data's own text.
  .replace('values:', 'headline: loud.name\nvalues:\n  loud:\n    max: followers\n    column: followers\n    name: name');

const tweets = [
  'id,created_at,user,text',
  `1,2016-07-01T10:00:00Z,a,"#Red ${SCRIPT}"`,
  `2,2016-07-02T10:00:00Z,b,"#Red ${IMG.replace(/"/g, '""')}"`,
  `3,2016-07-04T10:00:00Z,c,"#Blue ${RLO}tfel ot thgir ${LONG}"`,
  // The cloud's 3 largest words are short; the long one is only in its table.
  '4,2016-07-05T10:00:00Z,d,#Red alpha bravo charlie one',
  '5,2016-07-06T10:00:00Z,e,#Red alpha bravo charlie two',
  `6,2016-07-07T10:00:00Z,f,#Red ${LONG}`,
  '',
].join('\n');

const BODY = `Red had :value[campaigns.red.share]; the loudest account was :value[loud.name], with :value[followers.big].

::chart[Posts a week]{data=weekly spec=weekly-volume description="Posts per ISO week per campaign."}

::chart[Reach]{data=followers spec=follower-reach description="Followers per account."}

::wordcloud[Red words]{campaign=red top=3}
`;

let outDir: string;
let siteRoot: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const site = fixtureProject(BODY, frontmatter);
  writeFileSync(join(site, 'data', 'tweets', 'a.csv'), tweets);
  // An open licence (the files are published) whose text ends right to left. A directional control is refused in a
  // manifest (tests/data/manifest.test.ts): the analyst's texts are right-to-left here, the data carries the overrides.
  writeFileSync(
    join(site, 'data', 'tweets', 'manifest.yaml'),
    postsManifest().replace('licence: CC0-1.0', `licence: "CC0-1.0 ${RTL}"`).replace('title: Test tweets', `title: "${RTL} Tweets"`),
  );
  FILES.forEach((name, i) => {
    writeFileSync(join(site, 'data', 'tweets', name), `id,created_at,user,text\n${10 + i},2016-07-08T10:00:00Z,g,"#Blue file ${i}"\n`);
  });
  writeFileSync(
    join(site, 'data', 'followers', 'a.csv'),
    `id,name,platform,followers\nbig,"${RLO}${SCRIPT} ${BEL} ${LONG}",twitter,629000\nsmall,Small,twitter,16500\n`,
  );
  mkdirSync(join(site, 'data', ODD_ID));
  writeFileSync(join(site, 'data', ODD_ID, 'manifest.yaml'), postsManifest());
  writeFileSync(join(site, 'data', ODD_ID, 'a.csv'), 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n');
  siteRoot = site;
  ({ outDir } = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) }));
  server = await serveStatic(outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * In the page: each text that leaves a bidi embedding or override open (LRE, RLE, LRO, RLO without PDF; an
 * isolate without PDI) and is not alone in the nearest element that isolates it, with the text it would turn around.
 */
function bidiLeaks(): string[] {
  const unclosed = (text: string) => {
    const open: string[] = [];
    for (const c of text) {
      if ('\u202A\u202B\u202D\u202E'.includes(c)) open.push('embedding');
      else if ('\u2066\u2067\u2068'.includes(c)) open.push('isolate');
      else if (c === '\u202C' && open.at(-1) === 'embedding') open.pop();
      else if (c === '\u2069' && open.includes('isolate')) open.length = open.lastIndexOf('isolate');
    }
    return open.length > 0;
  };
  const isolates = (e: Element) => {
    const style = getComputedStyle(e);
    return ['isolate', 'isolate-override', 'plaintext'].includes(style.unicodeBidi) || !['inline', 'contents'].includes(style.display);
  };
  const texts: Text[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode as Text;
    if (text.data.trim() !== '' && !text.parentElement?.closest('script, style, svg, template')) texts.push(text);
  }
  const leaks: string[] = [];
  for (const text of texts) {
    if (!unclosed(text.data)) continue;
    let box = text.parentElement as Element;
    while (!isolates(box) && box.parentElement) box = box.parentElement;
    const others = texts.filter((t) => t !== text && box.contains(t));
    if (others.length > 0) {
      const around = others.map((t) => t.data.trim()).join(' ');
      leaks.push(`<${box.localName} class="${box.className}"> holds "${text.data.trim().slice(0, 30)}" with "${around.slice(0, 60)}"`);
    }
  }
  return leaks;
}

/** Every page of the built site, as URL paths. */
function pages(): string[] {
  const found: string[] = [];
  const walk = (dir: string, url: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${url}${e.name}/`);
      else if (e.name === 'index.html') found.push(url);
    }
  };
  walk(outDir, '/');
  return found.sort();
}

describe('hostile text from posts and data', () => {
  it('runs nothing and injects no element on any page, and no page scrolls sideways with its data tables open, on a phone or a desktop', async () => {
    const paths = pages();
    expect(paths.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const width of [360, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      page.on('dialog', (d) => {
        problems.push(`${width}: a dialog opened: ${d.message()}`);
        void d.dismiss();
      });
      for (const path of paths) {
        await page.goto(server.url + path);
        // The charts' and clouds' tables ("Data table", "Words and counts") hold the data's longest words.
        const found = await page.evaluate(() => {
          for (const d of document.querySelectorAll('details')) d.open = true;
          return {
            injected: document.querySelectorAll('[onerror], [onmouseover], img[src="x"]').length,
            scripts: [...document.scripts].filter((s) => s.textContent?.includes('alert(')).length,
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          };
        });
        if (found.injected > 0 || found.scripts > 0) problems.push(`${width} ${path}: injected ${JSON.stringify(found)}`);
        if (found.overflow > 0) problems.push(`${width} ${path}: ${found.overflow} px wider than the screen`);
      }
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('keeps a right-to-left override inside the name that carries it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tags/`);
    // The count after the tag reads left to right: the tag's link is isolated from it.
    const isolated = await page.$$eval('.index-list a', (as) => as.map((a) => getComputedStyle(a).unicodeBidi));
    expect(isolated.length).toBeGreaterThan(0);
    expect(new Set(isolated)).toEqual(new Set(['isolate']));
    // On every page, a text leaving an override open is alone in an element that isolates it (a <bdi>, a link,
    // code, a value, a block of its own): no text of the page follows it inside, to be turned around.
    const leaks: string[] = [];
    for (const path of pages()) {
      await page.goto(server.url + path);
      for (const leak of await page.evaluate(bidiLeaks)) leaks.push(`${path}: ${leak}`);
    }
    expect(leaks).toEqual([]);
    await page.close();
  });

  it('isolates names from the data and the frontmatter in the sentences and SVG text that name them', () => {
    const data = readFileSync(join(outDir, 'data', 'index.html'), 'utf8');
    const post = readFileSync(join(outDir, 'posts', 'post', 'index.html'), 'utf8');
    expect(data).toContain(`<bdi>CC0-1.0 ${RTL}</bdi>`);
    expect(post).toContain(`Licence: <bdi>CC0-1.0 ${RTL}</bdi>.`);
    expect(post).toContain(`in the most distinct <bdi>${LABEL_HTML}</bdi> texts`);
    expect(post).toContain(`<caption><bdi>${LABEL_HTML}</bdi>: terms by the number of distinct texts using them</caption>`);
    expect(post).toMatch(new RegExp(`Followers of \u2068${RLO}&lt;/script&gt;[^\u2069]*Z\u2069 on \u2068twitter\u2069`));
    // A chart isolates a name from the data holding an override in its SVG text (an axis label) and its data table.
    expect(post).toContain(`>\u2068${RLO}&#x3C;/script>&#x3C;script>`);
    expect(post).toMatch(new RegExp(`<td[^>]*><bdi>${RLO}&#x3C;/script>`));
    // SVG text holds no <bdi>: the cloud's description isolates the label with U+2068 … U+2069.
    expect(post).toMatch(new RegExp(`<desc id="wordcloud-red-\\d+-desc">Key words of \u2068${LABEL_HTML}\u2069, largest first`));
  });

  it('links each data file to itself: one named like a URL scheme, a fragment or a query downloads byte for byte', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/data/tweets/`);
    const links = await page.$$eval('a[download]', (as) =>
      as.map((a) => ({ href: (a as HTMLAnchorElement).href, name: a.textContent ?? '' })),
    );
    await page.close();
    expect(links.map((l) => l.name)).toEqual(expect.arrayContaining([...FILES, 'a.csv', 'manifest.yaml']));
    for (const { href, name } of links) {
      const url = new URL(href);
      expect(url.origin + url.pathname, name).toBe(`${server.url}/data/tweets/${encodeURIComponent(name)}`);
      const res = await fetch(url);
      expect(res.status, name).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(siteRoot, 'data', 'tweets', name))), name).toBe(true);
    }
  });

  it('links to a dataset whose folder name holds quotes, markup, a colon and an accent', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/data/`);
    const hrefs = await page.$$eval('.dataset-list h2 a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    await page.close();
    expect(hrefs.map((h) => decodeURIComponent(new URL(h).pathname))).toContain(`/data/${ODD_ID}/`);
    for (const href of hrefs) expect((await fetch(href)).status, href).toBe(200);
  });

  it('draws the social card of a post whose headline figure is a 300-character name from the data', () => {
    const png = readFileSync(join(outDir, 'og', 'post.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('writes a feed an XML parser reads, with the summary as text and control characters replaced', () => {
    const xml = readFileSync(join(outDir, 'rss.xml'), 'utf8');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const item = new XMLParser({ processEntities: true }).parse(xml).rss.channel.item;
    // Decoded once by the XML parser, the description is HTML whose text is the summary.
    expect(item.description).toBe('Sum &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; \uFFFD end');
  });

  it("isolates a value's name from the data in the article's own text, which the feed carries without the site's CSS", () => {
    const post = readFileSync(join(outDir, 'posts', 'post', 'index.html'), 'utf8');
    const item = new XMLParser({ processEntities: true }).parse(readFileSync(join(outDir, 'rss.xml'), 'utf8')).rss.channel.item;
    // The override opens inside U+2068 … U+2069, which close it before ", with 629k." in any reader.
    const isolated = new RegExp(`data-key="loud\\.name"[^>]*>\u2068${RLO}[^\u2069<]*Z\u2069</span></a>, with `);
    expect(post).toMatch(isolated);
    expect(item['content:encoded']).toMatch(isolated);
  });

  it('cuts the URL of a very long author name to a length a folder can have', () => {
    const authors = readdirSync(join(outDir, 'authors'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(authors).toHaveLength(1);
    expect((authors[0]?.name ?? '').length).toBeLessThanOrEqual(MAX_SLUG);
  });
});
