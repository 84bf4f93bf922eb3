/**
 * The reader's site in a real browser (Debian's Chromium via playwright-core).
 * The sample site (content/ and data/) is built once for this file and
 * served from 127.0.0.1 by a tiny static server; every check below reads that
 * one build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrast } from '../../src/render/wordcloud/contrast.ts';
import { sourceBreaks } from '../../src/site/datasetSummary.ts';
import { DEFAULT_ORIGIN } from '../../src/site/siteSettings.ts';
import { type StaticServer, serveStatic } from '../../src/site/staticServer.ts';
import { astroBuild, valuesOf } from '../site/astroBuild.ts';
import { axeViolations, launchChromium, watchErrors } from './browser.ts';

const projectRoot = join(import.meta.dirname, '..', '..');
let outDir: string;
let server: StaticServer;
let browser: Browser;

/** The page folders under a section of the built site, e.g. posts → ["/posts/a/", …]. */
const pagesUnder = (section: string) =>
  existsSync(join(outDir, section))
    ? readdirSync(join(outDir, section), { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(outDir, section, e.name, 'index.html')))
        .map((e) => `/${section}/${e.name}/`)
        .sort()
    : [];

/** One page of every type the site has (the first of each kind). */
function pageTypes(): Record<string, string> {
  const first = (section: string) => {
    const page = pagesUnder(section)[0];
    if (!page) throw new Error(`The built site has no page under /${section}/`);
    return page;
  };
  return {
    home: '/',
    post: first('posts'),
    tags: '/tags/',
    tag: first('tags'),
    authors: '/authors/',
    author: first('authors'),
    datasets: '/data/',
    dataset: first('data'),
    search: '/search/',
    'not found': '/no-such-page/',
  };
}

const NOT_FOUND_CONSOLE = 'Failed to load resource: the server responded with a status of 404 (Not Found)';
const html = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');

/**
 * Follows every same-site href/src (and og:image/canonical URLs on the canonical
 * `origins`, mapped to local paths) from the home page; returns what it reached
 * and every URL that did not answer 200.
 */
async function crawl(base: string, origins: string[]): Promise<{ seen: Set<string>; broken: string[] }> {
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const broken: string[] = [];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    const response = await fetch(base + path, { redirect: 'manual' });
    if (response.status !== 200) {
      broken.push(`${path}: HTTP ${response.status}`);
      await response.arrayBuffer();
      continue;
    }
    if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) {
      await response.arrayBuffer();
      continue;
    }
    const page = await response.text();
    for (const m of page.matchAll(/\s(?:href|src|content)="([^"]+)"/g)) {
      const raw = (m[1] as string).replace(/&amp;/g, '&');
      const origin = origins.find((o) => raw.startsWith(`${o}/`) || raw === o);
      let url: URL;
      if (origin) url = new URL(raw.slice(origin.length) || '/', base);
      else if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) continue;
      // content="…" holds text too (descriptions): only paths count.
      else if (m[0].startsWith(' content') || raw.startsWith('#')) continue;
      else url = new URL(raw, base + path);
      if (!seen.has(url.pathname)) {
        seen.add(url.pathname);
        queue.push(url.pathname);
      }
    }
  }
  return { seen, broken };
}

beforeAll(async () => {
  const build = await astroBuild(projectRoot, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) });
  outDir = build.outDir;
  server = await serveStatic(outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('every page type', () => {
  it('loads with no console errors, exceptions or failed requests', async () => {
    const context = await browser.newContext();
    const problems: string[] = [];
    for (const [type, path] of Object.entries(pageTypes())) {
      const page = await context.newPage();
      const errors = watchErrors(page);
      const response = await page.goto(server.url + path, { waitUntil: 'networkidle' });
      expect(response?.status(), `${type} ${path}`).toBe(type === 'not found' ? 404 : 200);
      // The 404 page's own status (and Chromium's console line about it) is expected; nothing else may fail.
      const own = (e: string) =>
        type === 'not found' && ((e.startsWith('HTTP 404') && e.endsWith(path)) || e === `console: ${NOT_FOUND_CONSOLE}`);
      problems.push(...errors.filter((e) => !own(e)).map((e) => `${type} ${path}: ${e}`));
      await page.close();
    }
    // The search page with a query runs Pagefind in the browser, too.
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/search/?q=data`, { waitUntil: 'networkidle' });
    problems.push(...errors.map((e) => `search: ${e}`));
    await context.close();
    expect(problems).toEqual([]);
  });

  it('has no axe-core violations, in light and in dark mode', async () => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
      // The pages of one colour scheme are checked in parallel tabs, to keep the suite quick.
      await Promise.all(
        Object.entries(pageTypes()).map(async ([type, path]) => {
          const page = await context.newPage();
          await page.goto(server.url + path);
          for (const v of await axeViolations(page)) {
            found.push(`${colorScheme} ${type} ${path}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          }
          await page.close();
        }),
      );
      await context.close();
    }
    expect(found).toEqual([]);
  });
});

describe('charts in light and dark mode', () => {
  it("every mark's colour has at least 3:1 contrast with what is behind the chart (WCAG 1.4.11)", async () => {
    const low: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      for (const path of pagesUnder('posts')) {
        await page.goto(server.url + path);
        // The browser reports each mark's paint and what it sits on, as opaque rgb(); the ratio is contrast.ts's.
        const marks = await page.$$eval('figure svg', (svgs) => {
          const channels = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
          const opaque = (c: number[]) => `rgb(${c.slice(0, 3).join(', ')})`;
          const behind = (el: Element): string => {
            for (let e: Element | null = el; e; e = e.parentElement) {
              const c = channels(getComputedStyle(e).backgroundColor);
              if (c.length === 3 || (c[3] ?? 0) > 0) return opaque(c);
            }
            return 'rgb(255, 255, 255)';
          };
          const out: { figure: string; paint: string; background: string }[] = [];
          for (const svg of svgs) {
            const background = behind(svg);
            for (const mark of svg.querySelectorAll(
              '.role-mark path, .role-mark rect, .role-mark text, .role-legend-symbol path, text[fill]',
            )) {
              const style = getComputedStyle(mark);
              for (const paint of [style.fill, mark.tagName === 'path' && style.fill === 'none' ? style.stroke : 'none']) {
                if (!paint.startsWith('rgb') || Number(style.opacity) === 0) continue;
                const c = channels(paint);
                if ((c[3] ?? 1) === 0) continue;
                out.push({ figure: svg.closest('figure')?.id ?? '', paint: opaque(c), background });
              }
            }
          }
          return out;
        });
        const found = [
          ...new Set(
            marks
              .filter((m) => contrast(m.paint, m.background) < 3)
              .map((m) => `${m.figure}: ${m.paint} is ${contrast(m.paint, m.background).toFixed(2)}:1`),
          ),
        ];
        low.push(...found.map((f) => `${colorScheme} ${path} ${f}`));
      }
      await context.close();
    }
    expect(low).toEqual([]);
  });
});

describe('word clouds on a phone', () => {
  it('show their phone layout, whole, on a 360 px screen, and the full cloud on a wide one', async () => {
    const post = pagesUnder('posts').find((p) => html(p).includes('class="wordcloud-narrow"'));
    expect(post).toBeDefined();
    const seen: Record<number, { wide: boolean; narrow: boolean; fits: boolean; margin: number }[]> = {};
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(server.url + (post as string));
      seen[width] = await page.$$eval('figure.wordcloud:has(div.wordcloud-narrow)', (figures) =>
        figures.map((f) => {
          const shown = (s: string) => {
            const el = f.querySelector(s);
            return !!el && getComputedStyle(el).display !== 'none';
          };
          const svg = f.querySelector(shown('div.wordcloud-narrow') ? 'div.wordcloud-narrow svg' : '.wordcloud-frame svg');
          const box = svg?.getBoundingClientRect();
          // The empty space the cloud leaves above its first word and below its last.
          const words = [...(svg?.querySelectorAll('text') ?? [])].map((t) => t.getBoundingClientRect());
          const margin =
            box && words.length > 0
              ? Math.max(Math.min(...words.map((w) => w.top)) - box.top, box.bottom - Math.max(...words.map((w) => w.bottom)))
              : Number.POSITIVE_INFINITY;
          return {
            wide: shown('.wordcloud-frame'),
            narrow: shown('div.wordcloud-narrow'),
            fits: !!box && box.right <= window.innerWidth,
            margin,
          };
        }),
      );
      await context.close();
    }
    expect(seen[360]?.length).toBeGreaterThan(0);
    expect(seen[360]?.every((c) => c.narrow && !c.wide && c.fits)).toBe(true);
    // The phone layout is cut to the words: no band of empty space above or below them.
    expect(seen[360]?.map((c) => c.margin <= 16)).toEqual(seen[360]?.map(() => true));
    expect(seen[1280]?.every((c) => c.wide && !c.narrow && c.fits)).toBe(true);
  });
});

describe('without JavaScript', () => {
  it("the home page lists every post with its headline figure, as the post's methods print it", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    const cards = await page.$$eval('.post-card', (cs) =>
      cs.map((c) => ({
        href: c.querySelector('h2 a')?.getAttribute('href'),
        headline: c.querySelector('.headline-number')?.textContent ?? null,
      })),
    );
    expect(cards.map((c) => c.href).sort()).toEqual(pagesUnder('posts'));
    // The flagship post's frontmatter says `headline: campaigns.keepcorbyn.share`.
    expect(cards.find((c) => c.href === '/posts/keepcorbyn-vs-savinglabour/')?.headline).toBe('79.4%');
    // Each figure's label says in words what it is: not a formula ("A − B") a reader has to decode.
    const labels = await page.$$eval('.headline-label', (ls) => ls.map((l) => l.textContent ?? ''));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((l) => /\s[−=×÷/]\s/.test(l))).toEqual([]);
    await context.close();
  });

  it('every post shows its numbers, charts and figures, and each number links to its method', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const posts = pagesUnder('posts');
    expect(posts.length).toBeGreaterThan(0);
    for (const path of posts) {
      await page.goto(server.url + path);
      const expected = valuesOf(html(path));
      expect(expected.length, path).toBeGreaterThan(0);
      const shown = await page.$$eval('span.value', (spans) =>
        spans.map((s) => {
          const box = s.getBoundingClientRect();
          return { key: s.getAttribute('data-key'), text: s.textContent, visible: box.width > 0 && box.height > 0 };
        }),
      );
      expect(shown.map((s) => [s.key, s.text])).toEqual(expected);
      expect(shown.every((s) => s.visible)).toBe(true);

      // Each number links to its line in the methods appendix, which prints the same figure.
      const links = await page.$$eval('a.value-link', (as) =>
        as.map((a) => {
          const target = document.getElementById(decodeURIComponent((a.getAttribute('href') ?? '').slice(1)));
          return { text: a.textContent ?? '', target: target?.querySelector('.method-figure')?.textContent ?? null };
        }),
      );
      expect(links.length).toBe(expected.length);
      for (const link of links) expect(link.target?.split(' · '), `${path}: ${link.text}`).toContain(link.text);

      // Every figure (charts, and word clouds when a post has them) is drawn as visible SVG;
      // table figures (::table) hold a table instead.
      const figures = await page.$$eval('figure:not(.data-table)', (fs) =>
        fs.map((f) => {
          const svg = f.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          return { id: f.id, drawn: !!box && box.width > 100 && box.height > 50 };
        }),
      );
      expect(figures.length, path).toBeGreaterThan(0);
      expect(figures.filter((f) => !f.drawn)).toEqual([]);
    }
    await context.close();
  });
});

describe('layout on a phone and a desktop', () => {
  /** The lines a reader sees an element's text on: its characters grouped by the top of their box. */
  const linesOf = async (page: Page, selector: string) =>
    page.$$eval(selector, (els) =>
      els.map((el) => {
        const lines: string[] = [];
        let lastTop: number | undefined;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const box = range.getClientRects()[0];
            if (!box) continue;
            if (lastTop === undefined || Math.abs(box.top - lastTop) > box.height / 2) lines.push(text[i] ?? '');
            else lines.push(`${lines.pop() ?? ''}${text[i] ?? ''}`);
            lastTop = box.top;
          }
        }
        return lines;
      }),
    );

  /**
   * The file digests `selector` finds: each in two lines of 32 hex digits, at every width; the whole digest is one
   * word of the page's text, which a reader selects and copies whole to check a download against.
   */
  const expectDigestsInTwoLines = async (page: Page, selector: string, at: string) => {
    const digests = await linesOf(page, selector);
    expect(digests.length, at).toBeGreaterThan(0);
    for (const lines of digests) {
      expect(
        lines.map((line) => line.length),
        at,
      ).toEqual([32, 32]);
      expect(lines.join(''), at).toMatch(/^[0-9a-f]{64}$/);
    }
    const copied = await page.$$eval(selector, (codes) =>
      codes.map((code) => {
        getSelection()?.selectAllChildren(code);
        return getSelection()?.toString();
      }),
    );
    expect(copied, at).toEqual(digests.map((lines) => lines.join('')));
  };

  it('keeps each short headline figure on one line on the home page, at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      const figures = await linesOf(page, '.headline-number:not(.headline-long)');
      expect(figures.length, `${width} px`).toBeGreaterThan(0);
      expect(
        figures.filter((lines) => lines.length !== 1),
        `${width} px`,
      ).toEqual([]);
      // …and inside the page: the figure's column does not push the card wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} px`).toBeLessThanOrEqual(width);
      await context.close();
    }
  });

  it('fits the site navigation on one line on a 360 and a 390 px phone; narrower, no link is left alone on a line', async () => {
    const rows = async (width: number) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      const tops = await page.$$eval('nav[aria-label="Site"] a', (as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
      await context.close();
      return [...new Set(tops)].map((top) => tops.filter((t) => t === top).length);
    };
    expect(await rows(390)).toEqual([5]);
    expect(await rows(360)).toEqual([5]);
    const narrow = await rows(320);
    expect(narrow.every((n) => n > 1)).toBe(true);
  });

  it("wraps the methods appendix's file paths after a '/', '-' or '_' on a phone, not inside a word", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    let wrapped = 0;
    for (const path of pagesUnder('posts')) {
      await page.goto(server.url + path);
      for (const lines of await linesOf(page, '.hash-table td:first-child code')) {
        wrapped += lines.length - 1;
        for (const line of lines.slice(0, -1)) expect(line, `${path}: ${lines.join('|')}`).toMatch(/[/_-]$/);
      }
    }
    // The sample posts' paths are longer than a phone's column: the check saw some wrap.
    expect(wrapped).toBeGreaterThan(0);
    await context.close();
  });

  /**
   * The sample's sources are short; an X API v2 export's are not (`includes.users[author_id].username`, a user trial's
   * page cut its Range column at "2025-03-0" at 1280 px). The page's source cell is given that path as the page
   * renders one (sourceBreaks, a <wbr> between the pieces): the table still fits its frame, each end of a range on a
   * line of its own, whole.
   */
  async function expectLongSourceFits(page: Page, at: string) {
    const pieces = sourceBreaks('includes.users[author_id].username');
    const check = await page.$$eval(
      '.columns-table',
      (tables, pieces) =>
        tables.map((table) => {
          const cell = table.querySelector('tbody td:nth-child(3)') as HTMLElement;
          cell.replaceChildren(...pieces.flatMap((piece, i) => (i > 0 ? [document.createElement('wbr'), piece] : [piece])));
          const frame = (table.closest('.table-scroll') as HTMLElement).getBoundingClientRect();
          const ends = [...table.querySelectorAll('.range-end')].map((end) => {
            const box = end.getBoundingClientRect();
            return { text: end.textContent, inside: box.right <= frame.right + 0.5, lines: end.getClientRects().length };
          });
          return { width: table.getBoundingClientRect().width <= frame.width + 0.5, ends };
        }),
      pieces,
    );
    for (const table of check) {
      expect(table.width, at).toBe(true);
      for (const end of table.ends) expect(end, at).toEqual({ text: end.text, inside: true, lines: 1 });
    }
  }

  it('fits every dataset page to a 390 px phone: each digest whole in two lines of 32 digits, file names on one line, nothing wider than the screen', async () => {
    const datasets = pagesUnder('data');
    expect(datasets.length).toBeGreaterThan(1);
    // 320 px: a small phone, and a 1280 px window zoomed to 400% (WCAG 1.4.10 Reflow).
    for (const width of [390, 320, 1280]) {
      const phone = width < 704;
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/data/`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `/data/ at ${width} px`).toBeLessThanOrEqual(width);
      for (const path of datasets) {
        const at = `${path} at ${width} px`;
        await page.goto(server.url + path);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), at).toBeLessThanOrEqual(width);
        // Nor does a table scroll sideways inside its frame: every cell shown is inside it, so none is out of sight.
        const outside = await page.$$eval('.table-scroll', (frames) =>
          frames.flatMap((frame) => {
            const box = frame.getBoundingClientRect();
            return [...frame.querySelectorAll('tbody td:not(.absent)')]
              .filter((cell) => cell.getBoundingClientRect().right > box.right + 0.5 || cell.getBoundingClientRect().left < box.left - 0.5)
              .map((cell) => cell.textContent);
          }),
        );
        expect(outside, at).toEqual([]);
        if (!phone) await expectLongSourceFits(page, at);
        await expectDigestsInTwoLines(page, '.files-table code.hash', at);
        // The dataset's own digest: one line where it fits (a desktop), two of 32 on a phone, never 52 and 12.
        const [facts] = await linesOf(page, '.facts code.hash');
        expect(
          facts?.map((line) => line.length),
          at,
        ).toEqual(phone ? [32, 32] : [64]);
        // A file's name is not broken at its hyphens ("tweets-2016-" / "07.csv"): each sample name fits a line.
        for (const lines of await linesOf(page, '.files-table td:first-child > *')) expect(lines, at).toHaveLength(1);
        // On the phone each value shows its column's heading; a screen reader still reads a table, each cell by its
        // header and its value only (the label is not read a second time).
        const labels = await page.$$eval('.dataset td[data-label]', (cells) =>
          cells.map((cell) => [cell.getAttribute('data-label'), getComputedStyle(cell, '::before').content]),
        );
        for (const [label, content] of labels) {
          if (phone) expect(content, at).toContain(`"${label}`);
          else expect(content, at).toBe('none');
        }
        const tree = await page.locator('.files-table').ariaSnapshot();
        expect(tree, at).toContain('- columnheader "SHA-256"');
        for (const text of await page.$$eval('.files-table td.num', (cells) => cells.map((cell) => cell.textContent)))
          expect(tree, at).toContain(`- cell "${text}"`);
      }
      await context.close();
    }
  });

  it("fits every post's tables to a 390 and a 320 px phone: dates on one line, numbers whole, a table of numbers without scrolling, a wider one scrolling in its own frame, never the page", async () => {
    const posts = pagesUnder('posts');
    expect(posts.length).toBeGreaterThan(1);
    /** Tables of numbers (at most one column of text) seen fitting, and those of them holding dates, per width. */
    const seen: Record<number, { numbers: number; dated: number }> = {};
    for (const width of [390, 320, 1280]) {
      const counts = { numbers: 0, dated: 0 };
      seen[width] = counts;
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const path of posts) {
        const at = `${path} at ${width} px`;
        await page.goto(server.url + path);
        // The charts' and clouds' data tables open, as a reader opens them.
        await page.$$eval('.prose details', (all) => {
          for (const details of all) (details as HTMLDetailsElement).open = true;
        });
        expect(await page.evaluate(() => document.documentElement.scrollWidth), at).toBeLessThanOrEqual(width);
        // A date is never broken after a hyphen ("2016-07-" / "04").
        expect(
          (await linesOf(page, '.prose td.date')).filter((lines) => lines.length !== 1),
          at,
        ).toEqual([]);
        // A number is whole on its line; only its unit may go under it ("+17.6" / "points"), up to 400 px in a table of
        // five columns or more, and up to 360 px in any.
        const columnsBeside = await page.$$eval('.prose td.num', (cells) =>
          cells.map((cell) => cell.closest('table')?.querySelectorAll('thead th').length ?? 0),
        );
        (await linesOf(page, '.prose td.num')).forEach((lines, i) => {
          const text = lines.join('');
          expect([text, text.split(' ')[0]], `${at}: ${text}`).toContain(lines[0]?.trim());
          if (width > 400 || (width > 360 && (columnsBeside[i] ?? 0) < 5)) expect(lines, `${at}: ${text}`).toHaveLength(1);
        });
        const frames = await page.$$eval('.prose .table-scroll', (all) =>
          all.map((frame) => {
            const table = frame.querySelector('table') as HTMLTableElement;
            const heads = [...table.querySelectorAll('thead th')];
            const textColumns = heads.filter((th, i) => {
              if (th.classList.contains('num')) return false;
              const cells = [...table.querySelectorAll(`tbody tr > :nth-child(${i + 1})`)];
              return !cells.every((cell) => cell.classList.contains('date') || cell.textContent === '—');
            }).length;
            const box = frame.getBoundingClientRect();
            return {
              name: frame.getAttribute('aria-label'),
              focusable: frame.getAttribute('tabindex') === '0' && frame.getAttribute('role') === 'region',
              columns: heads.length,
              textColumns,
              dated: table.querySelector('td.date') !== null,
              fits: table.getBoundingClientRect().width <= box.width + 0.5,
              scrolls: getComputedStyle(frame).overflowX === 'auto' && frame.scrollWidth > frame.clientWidth,
              captionInside: [...frame.querySelectorAll('caption')].every((c) => c.getBoundingClientRect().right <= box.right + 0.5),
            };
          }),
        );
        expect(frames.length, at).toBeGreaterThan(0);
        for (const frame of frames) {
          const which = `${at}: ${frame.name}`;
          // Each frame is named and a tab stop, so that a keyboard can scroll it; a wide table's caption stays in it.
          expect(frame.name, which).toBeTruthy();
          expect(frame.focusable, which).toBe(true);
          expect(frame.captionInside, which).toBe(true);
          // A table of numbers fits: up to five columns on a 390 px phone, four on a 320 px one; on a desktop, every
          // table does. One that does not fit scrolls inside its frame.
          const ofNumbers = frame.textColumns <= 1 && frame.columns <= (width === 390 ? 5 : 4);
          if (width > 400 || ofNumbers) expect(frame.fits, which).toBe(true);
          if (!frame.fits) expect(frame.scrolls, which).toBe(true);
          if (ofNumbers) {
            counts.numbers++;
            if (frame.dated) counts.dated++;
          }
        }
      }
      await context.close();
    }
    // The check saw tables of numbers, and the weekly table's ISO weeks among them, at each phone's width.
    for (const width of [390, 320]) {
      expect(seen[width]?.numbers, `${width} px`).toBeGreaterThan(3);
      expect(seen[width]?.dated, `${width} px`).toBeGreaterThan(0);
    }
  });

  it("lays out a post's methods' file digests as a dataset page's: two lines of 32 on a phone, copied whole, nothing wider than the screen", async () => {
    const posts = pagesUnder('posts');
    expect(posts.length).toBeGreaterThan(1);
    for (const width of [390, 320]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const path of posts) {
        const at = `${path} at ${width} px`;
        await page.goto(server.url + path);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), at).toBeLessThanOrEqual(width);
        await expectDigestsInTwoLines(page, '.hash-table code.hash', at);
        const labels = await page.$$eval('.hash-table td[data-label]', (cells) =>
          cells.map((cell) => [cell.getAttribute('data-label'), getComputedStyle(cell, '::before').content]),
        );
        for (const [label, content] of labels) expect(content, at).toContain(`"${label}`);
      }
      await context.close();
    }
    // On wider screens the files are a table whose records column holds a large export's count on one line.
    for (const width of [768, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url + posts[0]);
      await page.$eval('.hash-table td.num', (cell) => {
        cell.textContent = '10,000,000';
      });
      expect(await linesOf(page, '.hash-table td.num'), `${width} px`).toContainEqual(['10,000,000']);
      await context.close();
    }
  });
});

describe('links', () => {
  it('every link, image and script inside the site resolves, crawling from the home page', async () => {
    const { seen, broken } = await crawl(server.url, [DEFAULT_ORIGIN]);
    expect(broken).toEqual([]);
    // The crawl reached every page type, the feed, the sitemap, the social cards and the CSVs.
    const all = [...seen];
    expect(all.length).toBeGreaterThan(10);
    for (const path of Object.values(pageTypes()).filter((p) => p !== '/no-such-page/')) expect(all).toContain(path);
    expect(all).toContain('/rss.xml');
    expect(all).toContain('/sitemap-index.xml');
    expect(all.some((p) => p.startsWith('/og/') && p.endsWith('.png'))).toBe(true);
    expect(all.some((p) => p.endsWith('.csv'))).toBe(true);
  });

  it('the crawl reports a broken link, and the site answers it with its 404 page', async () => {
    const site = mkdtempSync(join(tmpdir(), 'soundings-links-'));
    writeFileSync(join(site, 'index.html'), '<a href="/about/">About</a> <a href="missing.html">gone</a> <img src="/x.png" alt="">');
    mkdirSync(join(site, 'about'));
    writeFileSync(join(site, 'about', 'index.html'), '<a href="/">home</a> <a href="/about/team/">team</a>');
    const fixture = await serveStatic(site);
    try {
      expect((await crawl(fixture.url, [])).broken.sort()).toEqual([
        '/about/team/: HTTP 404',
        '/missing.html: HTTP 404',
        '/x.png: HTTP 404',
      ]);
    } finally {
      await fixture.close();
    }
    const response = await fetch(`${server.url}/posts/no-such-post/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page not found');
  });
});

describe('feed, sitemap, social cards', () => {
  const parser = new XMLParser({ ignoreAttributes: false });

  it('the RSS feed parses and carries every post in full', async () => {
    const feed = parser.parse(readFileSync(join(outDir, 'rss.xml'), 'utf8'));
    const items = [feed.rss.channel.item].flat();
    const posts = pagesUnder('posts');
    expect(items.map((i: { link: string }) => new URL(i.link).pathname).sort()).toEqual(posts);
    for (const item of items) {
      const content = item['content:encoded'] as string;
      expect(valuesOf(content)).toEqual(valuesOf(html(new URL(item.link).pathname)));
      expect(content).toContain('<figure class="chart"');
      expect(content).not.toMatch(/href="#/);
      // Each chart and cloud once: a reader applies no styles to hide the phone drawings.
      expect(content).not.toMatch(/class="(chart|wordcloud)-narrow"/);
      expect(content.match(/<svg /g)?.length).toBe(content.match(/<figure class="chart/g)?.length);
    }
  });

  it('the sitemap parses and lists every page but the 404, on the canonical origin', async () => {
    const index = parser.parse(readFileSync(join(outDir, 'sitemap-index.xml'), 'utf8'));
    const maps = [index.sitemapindex.sitemap].flat().map((s: { loc: string }) => new URL(s.loc).pathname);
    const locs = maps.flatMap((m) =>
      [parser.parse(readFileSync(join(outDir, m), 'utf8')).urlset.url].flat().map((u: { loc: string }) => u.loc),
    );
    for (const loc of locs) expect(loc.startsWith(`${DEFAULT_ORIGIN}/`)).toBe(true);
    const paths = locs.map((l) => new URL(l).pathname);
    for (const path of [...pagesUnder('posts'), ...pagesUnder('data'), ...pagesUnder('tags'), '/']) expect(paths).toContain(path);
    expect(paths.some((p) => p.startsWith('/404'))).toBe(false);
  });

  it('each post has canonical and Open Graph tags and a 1200×630 PNG card', async () => {
    for (const path of pagesUnder('posts')) {
      const page = html(path);
      expect(page).toContain(`<link rel="canonical" href="${DEFAULT_ORIGIN}${path}">`);
      const image = /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1];
      expect(image).toBe(`${DEFAULT_ORIGIN}/og${path.replace(/^\/posts/, '').replace(/\/$/, '')}.png`);
      expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
      const png = readFileSync(join(outDir, new URL(image as string).pathname));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });
});

describe('the data behind the page', () => {
  it("each chart's CSV holds the rows of its data table", async () => {
    for (const path of pagesUnder('posts')) {
      const page = html(path);
      for (const m of page.matchAll(/<figure class="chart" id="([^"]+)"[\s\S]*?<\/figure>/g)) {
        const figure = m[0];
        const href = /<p class="chart-download"[^>]*><a href="([^"]+)"/.exec(figure)?.[1];
        expect(href, `${path}#${m[1]}`).toBe(`${m[1]}.csv`);
        const text = readFileSync(join(outDir, path, href as string), 'utf8');
        // Starts with a byte order mark, for Excel (src/pages/posts/[...path].csv.ts); then the header.
        expect(text.charCodeAt(0), href).toBe(0xfeff);
        const csv = csvParse(text.slice(1));
        expect(csv.columns[0], href).toMatch(/^[A-Za-z]/);
        const tableRows =
          (/<details class="chart-data"[^>]*>[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(figure)?.[1] ?? '').match(/<tr>/g)?.length ?? 0;
        expect(csv.length).toBe(tableRows);
        // The CSV keeps every field under its name ("week"); the table shows them, or the ones its columns= picks, headed
        // for readers ("Week beginning").
        const head = /<thead><tr>([\s\S]*?)<\/tr><\/thead>/.exec(figure)?.[1] ?? '';
        const shown = Array.from(head.matchAll(/<th scope="col"/g)).length;
        expect(shown).toBeGreaterThan(0);
        expect(shown).toBeLessThanOrEqual(csv.columns.length);
      }
    }
  });

  it('dataset downloads match the SHA-256 their page states', async () => {
    let downloads = 0;
    for (const path of pagesUnder('data')) {
      const page = html(path);
      for (const m of page.matchAll(/<td><a href="([^"]+)" download>[^<]*<\/a><\/td>[\s\S]*?<code class="hash">([0-9a-f]{64})<\/code>/g)) {
        const bytes = readFileSync(join(outDir, path, m[1] as string));
        expect(createHash('sha256').update(bytes).digest('hex'), `${path}${m[1]}`).toBe(m[2]);
        downloads++;
      }
    }
    expect(downloads).toBeGreaterThan(0);
  });
});

describe('search and print', () => {
  it('the search page finds a post by a word of its title', async () => {
    const post = pagesUnder('posts')[0] as string;
    const title = /<h1>([^<]+)<\/h1>/.exec(html(post))?.[1] ?? '';
    const word = title.split(/\W+/).find((w) => w.length > 5) ?? title;
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(word)}`);
    await page.waitForSelector('#search-results li a');
    const hrefs = await page.$$eval('#search-results li a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toContain(post);
    await page.close();
  });

  it("search excerpts keep a dataset page's facts and table cells apart as words", async () => {
    // Pagefind glues adjacent cells' text ("LicenceCC0-1.0Collected…") unless the indexer spaces them (searchText.ts).
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/?q=Licence`);
    await page.waitForSelector('#search-results li a');
    const results = await page.$$eval('#search-results li', (items) =>
      items.map((li) => ({
        href: new URL((li.querySelector('a') as HTMLAnchorElement).href).pathname,
        excerpt: li.querySelector('p')?.textContent ?? '',
      })),
    );
    const datasets = results.filter((r) => r.href.startsWith('/data/'));
    expect(datasets.length).toBe(pagesUnder('data').length);
    for (const { href, excerpt } of datasets) expect(excerpt, href).toMatch(/(^|\s)Licence\s/);
    await page.close();
  });

  it('prints an article as a report: no navigation, the methods kept, and a PDF', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + (pagesUnder('posts')[0] as string));
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      Object.fromEntries(
        ['.site-header nav', '.site-footer', '.post-nav', '.chart-download', '.methods', 'figure.chart svg', '.prose'].map((s) => {
          const el = document.querySelector(s);
          return [s, el ? getComputedStyle(el).display !== 'none' : null];
        }),
      ),
    );
    expect(shown).toMatchObject({
      '.site-header nav': false,
      '.site-footer': false,
      '.chart-download': false,
      '.methods': true,
      'figure.chart svg': true,
      '.prose': true,
    });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it("prints a post's table whole on an A4 page, one wider than the screen too, not cut at its frame's edge", async () => {
    // A4's width less Chromium's default print margins (0.4 in each side), in CSS pixels: what a page prints into.
    const page = await browser.newPage({ viewport: { width: 794 - 2 * 38, height: 1100 } });
    const widths = () =>
      page.$$eval('.prose figure.data-table .table-scroll', (all) =>
        all.map((frame) => ({
          overflow: getComputedStyle(frame).overflowX,
          frame: Math.round(frame.getBoundingClientRect().width),
          table: Math.round((frame.querySelector('table') as HTMLTableElement).getBoundingClientRect().width),
        })),
      );
    let tables = 0;
    for (const path of pagesUnder('posts')) {
      await page.goto(server.url + path);
      // Each column twice: a table twice as wide, as a scorecard of many methods' columns would be.
      await page.$$eval('.prose figure.data-table tr', (rows) => {
        for (const row of rows) for (const cell of [...row.children]) row.appendChild(cell.cloneNode(true));
      });
      await page.emulateMedia({ media: 'screen' });
      const screen = await widths();
      await page.emulateMedia({ media: 'print' });
      const print = await widths();
      tables += print.length;
      for (const [i, f] of print.entries()) {
        // Scrolling in its frame on screen (a page shows only what the frame does, and a scrollbar)…
        expect(screen[i]?.table, path).toBeGreaterThan(screen[i]?.frame as number);
        // …and whole on paper, its cells wrapped to the page.
        expect(f, path).toEqual({ overflow: 'visible', frame: 718, table: 718 });
      }
    }
    expect(tables).toBeGreaterThan(0);
    await page.close();
  });
});
