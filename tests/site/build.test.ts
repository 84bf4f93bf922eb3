import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/site/siteSettings.ts';
import { fixture, manifest } from '../data/adapters/helpers.ts';
import { tempProject } from '../data/helpers.ts';
import { fixtureProject } from '../markdown/fixture.ts';
import { astroBuild, type BuildResult, siteFiles, valuesOf } from './astroBuild.ts';

const BODY = `Red had :value[campaigns.red.share] and blue :value[campaigns.blue.share] of :value[posts.total] posts.
Reach ratio :value[reach]; the largest weekly gap was :value[weekly.gap.max].

::chart[Posts a week]{data=weekly spec=weekly-volume description="Posts per ISO week per campaign."}
`;

const page = (outDir: string) => readFileSync(join(outDir, 'posts', 'post', 'index.html'), 'utf8');

/** The fixture site, built once for the tests of the pages every site has. */
let fixtureSite: Promise<BuildResult> | undefined;
const builtFixture = () => {
  fixtureSite ??= astroBuild(fixtureProject(BODY), { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) });
  return fixtureSite;
};

/** The text of an HTML fragment as a reader sees it: tags dropped, white space collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('astro build of a fixture site', () => {
  it('lists a tag or an author spelt two ways once, with all its posts, as its one page does', async () => {
    const post = (title: string, author: string, tags: string) =>
      `---\ntitle: ${title}\ndate: 2016-09-18\nauthor: ${author}\nsummary: S.\ntags: [${tags}]\n---\nText.\n`;
    const site = tempProject({
      'content/posts/a.md': post('A', 'Ann Lee', 'Brexit, polls'),
      'content/posts/b.md': post('B', 'ann lee', 'brexit'),
    });
    const { outDir } = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) });
    const lines = (path: string) =>
      Array.from(
        readFileSync(join(outDir, path, 'index.html'), 'utf8').matchAll(
          /<li><a href="([^"]+)">[^<]*<\/a> <span class="count">([^<]*)<\/span>/g,
        ),
        (m) => [m[1], m[2]],
      );
    expect(lines('tags')).toEqual([
      ['/tags/brexit/', '2 analyses'],
      ['/tags/polls/', '1 analysis'],
    ]);
    expect(lines('authors')).toEqual([['/authors/ann-lee/', '2 analyses']]);
    expect(readFileSync(join(outDir, 'tags', 'brexit', 'index.html'), 'utf8').match(/<h2[^>]*><a href="\/posts\//g)).toHaveLength(2);
  });

  it("prints a post's title and summary, and a dataset's title, description and source, with the body's typography, the author as written", async () => {
    const site = tempProject({
      'content/posts/a.md':
        "---\ntitle: Twitter's \"landslide\" -- called\ndate: 2016-09-18\nauthor: Ann O'Neill\nsummary: Twitter's share of voice... and the result.\n---\nTwitter's share.\n",
      'data/polls/manifest.yaml':
        "title: The pollster's \"final\" call\ndescription: Each poll's share -- as published.\nkind: table\nsource: The pollster's tables\nlicence: CC0-1.0\ncollected: 2016-09-01\ncolumns:\n  share: number\n",
      'data/polls/a.csv': 'share\n0.62\n',
    });
    const { outDir } = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) });
    const title = 'Twitter’s “landslide” — called';
    const summary = 'Twitter’s share of voice… and the result.';
    const page = readFileSync(join(outDir, 'posts', 'a', 'index.html'), 'utf8');
    expect(page).toContain(`<h1>${title}</h1>`);
    expect(page).toContain(`<p class="dek">${summary}</p>`);
    expect(page).toContain('<p>Twitter’s share.</p>'); // the body, as ever
    expect(page).toMatch(new RegExp(`<title>${title} `));
    expect(page).toContain(`<meta property="og:title" content="${title}"`);
    expect(page).toContain('Ann O&#39;Neill');
    const home = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(home).toContain(`>${title}</a></h2>`);
    expect(home).toContain(`<p class="post-card-summary">${summary}</p>`);
    expect(readFileSync(join(outDir, 'rss.xml'), 'utf8')).toContain(`<title>${title}</title>`);
    const dataset = readFileSync(join(outDir, 'data', 'polls', 'index.html'), 'utf8');
    expect(dataset).toContain('<h1 class="page-title">The pollster’s “final” call</h1>');
    expect(dataset).toContain('<p class="dataset-description">Each poll’s share — as published.</p>');
    expect(dataset).toContain('<dd>The pollster’s tables</dd>');
    expect(readFileSync(join(outDir, 'data', 'index.html'), 'utf8')).toContain('>The pollster’s “final” call</a></h2>');
  });

  it('prints the computed numbers, and a new data file changes them on the next build', async () => {
    const site = fixtureProject(BODY);
    const cacheDir = mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    const first = await astroBuild(site, { cacheDir });
    expect(valuesOf(page(first.outDir))).toEqual([
      ['campaigns.red.share', '50.0%'],
      ['campaigns.blue.share', '25.0%'],
      ['posts.total', '4'],
      ['reach', '38×'],
      // Week of 27 June: 2 red, 0 blue; week of 4 July: 1 red, 2 blue (post 3 counts for both).
      ['weekly.gap.max', '2'],
    ]);
    expect(page(first.outDir)).toContain('<figure class="chart"');
    expect(readFileSync(join(first.outDir, 'index.html'), 'utf8')).toContain('A test post');
    expect(first.stdout).toContain('Rendered 1 of 1 posts');

    // Nothing changed: nothing is rendered again.
    const unchanged = await astroBuild(site, { cacheDir });
    expect(unchanged.stdout).toContain('Rendered 0 of 1 posts');
    expect(page(unchanged.outDir)).toBe(page(first.outDir));

    // Drop in a second file: four more blue posts in a later week. No cache to clear.
    writeFileSync(
      join(site, 'data', 'tweets', 'b.csv'),
      'id,created_at,user,text\n5,2016-07-11T10:00:00Z,e,#Blue\n6,2016-07-11T11:00:00Z,f,#Blue\n7,2016-07-12T10:00:00Z,g,#SaveBlue\n8,2016-07-13T10:00:00Z,h,#blue\n',
    );
    const second = await astroBuild(site, { cacheDir });
    expect(second.stdout).toContain('Rendered 1 of 1 posts');
    expect(valuesOf(page(second.outDir))).toEqual([
      ['campaigns.red.share', '25.0%'],
      ['campaigns.blue.share', '62.5%'],
      ['posts.total', '8'],
      ['reach', '38×'],
      ['weekly.gap.max', '4'],
    ]);

    // The site's language is the posts' stopwords' default (content/site.yaml): a new one renders them again.
    writeFileSync(join(site, 'content', 'site.yaml'), 'name: Soundings\nlanguage: pl\n');
    const relanguaged = await astroBuild(site, { cacheDir });
    expect(relanguaged.stdout).toContain('Rendered 1 of 1 posts');
  });

  it('gives byte-identical output for the same inputs, in any timezone', async () => {
    const site = fixtureProject(BODY);
    const a = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')), env: { TZ: 'UTC' } });
    const b = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')), env: { TZ: 'Pacific/Kiritimati' } });
    const c = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')), env: { TZ: 'America/Los_Angeles' } });
    const files = siteFiles(a.outDir);
    expect(files.size).toBeGreaterThan(1);
    for (const other of [siteFiles(b.outDir), siteFiles(c.outDir)]) {
      expect([...other.keys()].sort()).toEqual([...files.keys()].sort());
      for (const [path, bytes] of files) expect(other.get(path)?.equals(bytes), path).toBe(true);
    }
  });

  it("names a post's data files in its methods as the site publishes them, data/<id>/<file>, wherever the data is", async () => {
    // The fixture's data folder is a temporary one, outside the project: its path on this machine is not published.
    const html = page((await builtFixture()).outDir);
    const files = [...html.matchAll(/<tr><td[^>]*><code[^>]*>(.*?)<\/code><\/td><td class="num"/g)].map((m) =>
      (m[1] as string).replaceAll('<wbr>', ''),
    );
    expect(files).toEqual(['data/tweets/a.csv', 'data/followers/a.csv']);
  });

  it('fails the build on a post with an unknown key, naming post.md:line:column', async () => {
    const site = fixtureProject('Red had :value[campaigns.red.shar].');
    const failure = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) }).then(
      () => 'built',
      (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`,
    );
    expect(failure).toContain('content/posts/post.md:23:9: There is no value "campaigns.red.shar".');
    // Said as it happens and again when the build stops, each time as the message alone: no dump of the error's fields.
    expect(failure.split('There is no value "campaigns.red.shar"')).toHaveLength(3);
    expect(failure).not.toContain('detail:');
    expect(failure).not.toMatch(/Stack trace:|soundingsLoader\.ts/);
    expect(failure).toContain('Rendered 0 of 1 posts and 1 failed');
  });

  it('prints a data problem that stops two posts once as they fail, a line for the other, then both in the stop', async () => {
    const site = fixtureProject('Red had :value[posts.total] posts.');
    writeFileSync(join(site, 'content', 'posts', 'second.md'), readFileSync(join(site, 'content', 'posts', 'post.md')));
    writeFileSync(join(site, 'data', 'tweets', 'a.csv'), 'id,created_at,user,text\n1,2016-02-30T10:00:00Z,a,#Red\n');
    const failure = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) }).then(
      () => 'built',
      (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`,
    );
    const problem = /data\/tweets\/a\.csv:2:2: "created_at" must be/g;
    // Once as the first post fails, once in the message the build stops with, which names both posts.
    expect(failure.match(problem)).toHaveLength(2);
    expect(failure).toMatch(
      /Soundings could not render \S*content\/posts\/(post|second)\.md: the same problem as \S*content\/posts\/(post|second)\.md, above\./,
    );
    expect(failure).toMatch(/Soundings could not render 2 posts:\n\S*data\/tweets\/a\.csv:2:2: [^\n]*\n {2}\(in post\.md, second\.md\)/);
    // And where to find the problems after the first (the loader stops at a dataset's first).
    expect(failure).toContain('(in post.md, second.md)\nA post stops at the first problem it meets: npm run check lists every problem');
  });

  it('fails the build on a frontmatter problem with the message alone, not a stack trace', async () => {
    const site = fixtureProject('Red.');
    const post = join(site, 'content', 'posts', 'post.md');
    writeFileSync(post, readFileSync(post, 'utf8').replace(/\n {4}color: "#[0-9a-f]+"/, ''));
    const failure = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) }).then(
      () => 'built',
      (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`,
    );
    expect(failure).toMatch(/content\/posts\/post\.md:\d+:\d+: "campaigns\.0\.color" is missing\./);
    expect(failure).not.toMatch(/Stack trace:|Location:|errors\.ts/);
  });

  it("fails the build on a frontmatter YAML syntax error at post.md:line:column, not with Astro's own parse error", async () => {
    const site = fixtureProject('Red.');
    const post = join(site, 'content', 'posts', 'post.md');
    writeFileSync(post, readFileSync(post, 'utf8').replace('title: A test post', 'title: "A test post'));
    const failure = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) }).then(
      () => 'built',
      (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`,
    );
    expect(failure).toMatch(/content\/posts\/post\.md:12:5: YAML syntax error: bad indentation of a mapping entry\. Fix the frontmatter/);
    expect(failure).not.toMatch(/MarkdownError|Stack trace:|Location:/);
  });

  it('says on the search page, without JavaScript, where to browse instead, a space before each link', async () => {
    const { outDir } = await builtFixture();
    const html = readFileSync(join(outDir, 'search', 'index.html'), 'utf8');
    const status = /<p class="search-status"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(textOf(status)).toBe(
      'Search runs in your browser and needs JavaScript. Without it, browse the analyses, the topics or the datasets.',
    );
  });

  it("indexes for search a dataset page's title, description and facts and a post's prose, not their tables and links", async () => {
    const { outDir } = await builtFixture();
    // Pagefind's fragments (gzipped JSON after a signature) hold the text a result's excerpt is cut from.
    const fragments = join(outDir, 'pagefind', 'fragment');
    const indexed = new Map(
      readdirSync(fragments).map((f) => {
        const text = gunzipSync(readFileSync(join(fragments, f))).toString('utf8');
        const { url, content } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
        return [url, content];
      }),
    );
    const dataset = indexed.get('/data/tweets/') ?? '';
    for (const found of ['Test tweets', 'Tweets for a test.', 'Made up for the test', 'CC0-1.0']) expect(dataset).toContain(found);
    // The column summary ("created_at. 4. 4. 2016-07-01 – …"), the note on downloads and the manifest's link are not.
    for (const left of ['created_at', 'Source column', 'Filled', 'The licence allows', 'manifest.yaml'])
      expect(dataset).not.toContain(left);
    const post = indexed.get('/posts/post/') ?? '';
    for (const found of ['Red had', 'Posts a week', 'Posts per ISO week per campaign.']) expect(post).toContain(found);
    // The chart's fallback table ("Week beginning Campaign Posts 2016-06-27. #Red. 2. …") and download link are not, nor
    // the methods or the print edition's address line.
    for (const left of ['Data table', 'Week beginning', 'Download the data', 'Methods and data', 'Online, with its data'])
      expect(post).not.toContain(left);
  });

  it('links "download" on the list of datasets to the file, and says "aggregates only" where the licence allows none', async () => {
    const { outDir } = await builtFixture();
    const html = readFileSync(join(outDir, 'data', 'index.html'), 'utf8');
    const bylines = Array.from(html.matchAll(/<p class="byline">([\s\S]*?)<\/p>/g), (m) => m[1] ?? '');
    const bylineOf = (id: string) => bylines.find((b) => b.includes(`<code>${id}</code>`)) ?? '';
    const tweets = bylineOf('tweets');
    const followers = bylineOf('followers');
    // The fixture's tweets are CC0, one file: the word a reader sees as a link is one, to that file.
    const link = /<a href="([^"]+)"[^>]*>([^<]*)<\/a>\s*$/.exec(tweets.trim());
    expect(link?.[2]).toMatch(/^download/);
    expect(link?.[1]).toBe('/data/tweets/a.csv');
    expect(readFileSync(join(outDir, link?.[1] ?? ''), 'utf8')).toContain('#Red one');
    expect(textOf(tweets).replace(/^.*· /, '')).toBe('download its file');
    // No look-alike: "download" appears in no byline outside a link.
    for (const byline of bylines) expect(textOf(byline.replace(/<a [^>]*>[^<]*<\/a>/g, ''))).not.toContain('download');
    expect(textOf(followers)).toMatch(/· aggregates only$/);
  });

  it("says on a dataset page which platform's export a social dataset is, and only then", async () => {
    const site = fixtureProject(BODY);
    mkdirSync(join(site, 'data', 'toots'));
    writeFileSync(join(site, 'data', 'toots', 'statuses.json'), fixture('mastodon.json'));
    writeFileSync(join(site, 'data', 'toots', 'manifest.yaml'), manifest('mastodon'));
    mkdirSync(join(site, 'data', 'sky'));
    writeFileSync(join(site, 'data', 'sky', 'posts.json'), fixture('bluesky.json'));
    writeFileSync(join(site, 'data', 'sky', 'manifest.yaml'), manifest('bluesky'));
    const { outDir } = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) });
    const html = (id: string) => readFileSync(join(outDir, 'data', id, 'index.html'), 'utf8');
    const kind = (id: string) => /<dt>Kind<\/dt><dd>([^<]*)<\/dd>/.exec(html(id))?.[1];
    expect(kind('toots')).toBe('Social posts, from Mastodon statuses');
    expect(kind('tweets')).toBe('Social posts');
    // Where each column comes from in the export: a Bluesky post's time is the earlier of two, as Bluesky orders posts.
    const timeSource = (id: string) =>
      // A long source path may break after a "." (<wbr>, datasetSummary.ts sourceBreaks): read as the text it shows.
      /<td><code>time<\/code><\/td><td>[^<]*<\/td><td data-label="Source column">((?:[^<]|<wbr>)*)<\/td>/
        .exec(html(id))?.[1]
        ?.replaceAll('<wbr>', '');
    expect(timeSource('sky')).toBe('the earlier of record.createdAt and indexedAt (a bare record: record.createdAt)');
    expect(timeSource('toots')).toBe('created_at');
  });

  it("names a dataset page's tables and their scrolling frames, which keyboard users can reach", async () => {
    const { outDir } = await builtFixture();
    const html = readFileSync(join(outDir, 'data', 'tweets', 'index.html'), 'utf8');
    const frames = Array.from(html.matchAll(/<div class="table-scroll"[^>]*>\s*<table[^>]*>\s*<caption[^>]*>([^<]+)<\/caption>/g), (m) => [
      /aria-labelledby="([^"]+)"/.exec(m[0])?.[1],
      /tabindex="0"/.test(m[0]),
      m[1],
    ]);
    expect(frames).toEqual([
      ['files', true, 'The files of this dataset'],
      ['columns', true, 'The columns of this dataset, as the analysis reads them'],
    ]);
    // A time range wraps between its ends, never inside an ISO time (a four-line row on a phone).
    expect(html).toContain(
      '<td data-label="Range"><span class="range-end">2016-07-01T10:00:00Z –</span> <span class="range-end">2016-07-05T10:00:00Z</span></td>',
    );
    // A phone shows each value after its heading (data-label) and leaves out a dash for a value a column has not; the
    // dash stays in the table, for a screen reader and a desktop.
    const columns = /<table class="columns-table">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const idRow = /<tr><td><code>id<\/code><\/td>[\s\S]*?<\/tr>/.exec(columns)?.[0];
    expect(idRow).toBe(
      '<tr><td><code>id</code></td><td>string</td><td data-label="Source column">id</td>' +
        '<td class="num" data-label="Filled">4</td><td class="num" data-label="Distinct">4</td><td data-label="Range" class="absent">—</td></tr>',
    );
  });

  it('marks the site navigation\'s link to the page itself aria-current="page", and the section of a post or dataset "true"', async () => {
    const { outDir } = await builtFixture();
    const marked = (path: string) => {
      const nav = /<nav aria-label="Site">([\s\S]*?)<\/nav>/.exec(readFileSync(join(outDir, path, 'index.html'), 'utf8'))?.[1] ?? '';
      return Array.from(nav.matchAll(/<a href="([^"]+)"(?: aria-current="([^"]+)")?>/g), (m) => [m[1], m[2]]).filter(([, c]) => c);
    };
    expect(marked('')).toEqual([['/', 'page']]);
    expect(marked('posts/post')).toEqual([['/', 'true']]);
    expect(marked('authors')).toEqual([['/authors/', 'page']]);
    expect(marked('authors/test-author')).toEqual([['/authors/', 'true']]);
    expect(marked('data')).toEqual([['/data/', 'page']]);
    expect(marked('data/tweets')).toEqual([['/data/', 'true']]);
    expect(marked('search')).toEqual([['/search/', 'page']]);
  });
});

describe('a post counting a Bluesky and a Mastodon export together (posts: [sky, toots])', () => {
  /** A Bluesky post record (listRecords), with no facets: its hashtags are read from its text. */
  const skeet = (did: string, rkey: string, createdAt: string, text: string) => ({
    uri: `at://did:plc:${did}/app.bsky.feed.post/${rkey}`,
    cid: `c${rkey}`,
    value: { $type: 'app.bsky.feed.post', text, createdAt },
  });
  /** A Mastodon status as the REST API gives it, its hashtag in `tags`. */
  const toot = (user: string, n: string, createdAt: string, tag: string) => ({
    id: n,
    uri: `https://brix.social/users/${user}/statuses/${n}`,
    created_at: createdAt,
    content: `<p>Marsh Lane <a href="https://brix.social/tags/${tag}" class="mention hashtag" rel="tag">#<span>${tag}</span></a></p>`,
    spoiler_text: '',
    account: { id: user, username: user, acct: user, url: `https://brix.social/@${user}` },
    mentions: [],
    tags: [{ name: tag, url: `https://brix.social/tags/${tag}` }],
  });
  const FRONT = `---
title: Baths or pool, on two platforms
date: 2024-03-20
author: Test Author
summary: Bluesky and Mastodon together.
datasets:
  sky: sky
  toots: toots
posts: [sky, toots]
campaigns:
  - id: baths
    label: "#SaveTheBaths"
    hashtags: [SaveTheBaths]
    color: "#1b7837"
  - id: pool
    label: "#NewPoolNow"
    hashtags: [NewPoolNow]
    color: "#762a83"
---
`;
  const BODY_BOTH = `:value[posts.total] posts (:value[posts.unmatched] without a campaign), :value[sky.rows] on Bluesky and :value[toots.rows] on Mastodon,
by :value[posts.authors] accounts, :value[posts.first] to :value[posts.last]. #SaveTheBaths :value[campaigns.baths.share],
#NewPoolNow :value[campaigns.pool.share], both :value[campaigns.overlap.share]; :value[weekly.weeks] weeks.

::table[Posts a week]{data=weekly}

::chart[Posts a week]{data=weekly spec=weekly-volume description="Posts per ISO week per campaign."}
`;
  const site = () =>
    tempProject({
      'data/sky/manifest.yaml': manifest('bluesky'),
      // Friday 1 March to Tuesday 12 March.
      'data/sky/records.json': JSON.stringify({
        records: [
          skeet('ann', '1', '2024-03-01T10:00:00.000Z', 'Restore them #SaveTheBaths'),
          skeet('bob', '2', '2024-03-05T10:00:00.000Z', 'Build it #NewPoolNow'),
          skeet('cy', '3', '2024-03-06T10:00:00.000Z', 'Either #SaveTheBaths or #NewPoolNow'),
          skeet('ann', '4', '2024-03-12T10:00:00.000Z', 'Nice weather'),
        ],
      }),
      'data/toots/manifest.yaml': manifest('mastodon'),
      // Monday 4 March to Thursday 14 March.
      'data/toots/statuses.json': JSON.stringify([
        toot('dee', '1', '2024-03-04T09:00:00.000Z', 'SaveTheBaths'),
        toot('eve', '2', '2024-03-07T09:00:00.000Z', 'SaveTheBaths'),
        toot('dee', '3', '2024-03-14T09:00:00.000Z', 'NewPoolNow'),
      ]),
      'content/posts/post.md': `${FRONT}\n${BODY_BOTH}`,
      // A second post counting the same datasets in the same order: one combination for both (campaignPosts.ts).
      'content/posts/again.md': `${FRONT.replace('title: Baths or pool, on two platforms', 'title: Again')}\n${BODY_BOTH}`,
    });

  it('prints the figures of both, names both in the methods, and builds the same bytes on one thread', async () => {
    const root = site();
    const cacheDir = () => mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    const [two, one] = await Promise.all([
      astroBuild(root, { cacheDir: cacheDir() }),
      astroBuild(root, { cacheDir: cacheDir(), env: { SOUNDINGS_HELPER_THREAD: '0' } }),
    ]);
    expect(two.stdout).toContain("Rendered 2 of 2 posts (2 by the build's second thread, while Astro started).");
    const html = page(two.outDir);
    // Seven posts: baths alone 3 (ann's, dee's, eve's), pool alone 2 (bob's, dee's), both 1 (cy's), neither 1.
    expect(valuesOf(html)).toEqual([
      ['posts.total', '6'],
      ['posts.unmatched', '1'],
      ['sky.rows', '4'],
      ['toots.rows', '3'],
      ['posts.authors', '5'],
      ['posts.first', '1 March 2024'],
      ['posts.last', '14 March 2024'],
      ['campaigns.baths.share', '50.0%'],
      ['campaigns.pool.share', '33.3%'],
      ['campaigns.overlap.share', '16.7%'],
      ['weekly.weeks', '3'],
    ]);
    // The week of 26 February is Bluesky's alone (Mastodon's export starts on 4 March), and Mastodon's last days are
    // after Bluesky's: only the week of 4 March is whole for both.
    const table = /<table>[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const rows = Array.from(table.matchAll(/<tr>(<td[\s\S]*?)<\/tr>/g), (m) => textOf(m[1]?.replace(/<\/td>/g, ' ') ?? ''));
    expect(rows).toEqual([
      '2024-02-26 #SaveTheBaths 1 0',
      '2024-02-26 #NewPoolNow 0 0',
      '2024-03-04 #SaveTheBaths 3 7',
      '2024-03-04 #NewPoolNow 2 7',
      '2024-03-11 #SaveTheBaths 0 2',
      '2024-03-11 #NewPoolNow 1 2',
    ]);
    // In the article's drawing and the phone's, each partial week under its rule.
    expect(html.match(/>(\d days? of 7)<\/text>/g)).toEqual([
      '>0 days of 7</text>',
      '>2 days of 7</text>',
      '>0 days of 7</text>',
      '>2 days of 7</text>',
    ]);
    const methods = textOf(/<section class="methods"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '');
    expect(methods).toContain('The campaign figures count the posts of sky and toots together, as one dataset: 7 posts.');
    expect(methods).toContain(
      'Posts in “\u2068sky\u2069” and “\u2068toots\u2069” that use the hashtags of at least one campaign (\u2068#SaveTheBaths\u2069; \u2068#NewPoolNow\u2069)',
    );
    expect(methods).toContain('Time of the earliest post in “\u2068sky\u2069” and “\u2068toots\u2069”, UTC.');
    // The same site, built by the posts' thread alone, byte for byte.
    const [a, b] = [siteFiles(two.outDir), siteFiles(one.outDir)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path) as Buffer), path).toBe(true);
  });
});

describe("a consultancy's site: content/site.yaml", () => {
  const DESCRIPTION = 'Research for <script>alert(1)</script> ports & harbours.';

  it('names the site everywhere it is shown, its description escaped, on its own canonical origin', async () => {
    const site = fixtureProject(BODY);
    writeFileSync(
      join(site, 'content', 'site.yaml'),
      `name: Harbour Analytics & Partners\ndescription: "${DESCRIPTION}"\ntagline: "Ports & <b>harbours</b>, in numbers"\nurl: https://analysis.harbour.example\nlanguage: en-IE\n`,
    );
    // A post in another language than the site's says so on its article.
    const english = readFileSync(join(site, 'content', 'posts', 'post.md'), 'utf8');
    writeFileSync(join(site, 'content', 'posts', 'polski.md'), english.replace(/^---\n/, '---\nlanguage: pl\n'));
    // The site's own language, written in another case: not another language.
    writeFileSync(join(site, 'content', 'posts', 'irish-english.md'), english.replace(/^---\n/, '---\nlanguage: en-ie\n'));
    // SOUNDINGS_SITE empty, as if unset: the file's url is the origin.
    const { outDir, stdout } = await astroBuild(site, {
      cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')),
      env: { SOUNDINGS_SITE: '' },
    });
    expect(stdout).not.toContain('example address');
    const html = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
    const home = html('');
    const post = html('posts/post');
    expect(home).toContain('<title>Harbour Analytics &amp; Partners</title>');
    expect(post).toContain('<title>A test post · Harbour Analytics &amp; Partners</title>');
    expect(post).toContain('<a class="site-name" href="/">Harbour Analytics &amp; Partners</a>');
    expect(post).toContain('<meta property="og:site_name" content="Harbour Analytics &amp; Partners">');
    // The tagline is the file's, as text, on every page; Soundings' own is nowhere.
    for (const page of [home, post]) {
      expect(page).toContain('<span class="site-tagline">Ports &amp; &lt;b&gt;harbours&lt;/b&gt;, in numbers</span>');
      expect(page).not.toContain('Data analysis, computed from the data');
    }
    expect(post).toContain('<html lang="en-IE">');
    expect(post).toContain('<article class="post" data-pagefind-body>');
    expect(html('posts/polski')).toContain('<article class="post" data-pagefind-body lang="pl">');
    expect(html('posts/irish-english')).toContain('<article class="post" data-pagefind-body>');
    expect(post).toContain('<meta property="og:locale" content="en_IE">');
    expect(post).toContain('<link rel="canonical" href="https://analysis.harbour.example/posts/post/">');
    expect(post).toContain('<meta property="og:image" content="https://analysis.harbour.example/og/post.png">');
    expect(html('authors')).toContain('The analysts who write for Harbour Analytics &amp; Partners, and');
    // The description is text on the page and in its meta tag: never markup.
    expect(textOf(/<p class="page-intro">([\s\S]*?)<\/p>/.exec(home)?.[1] ?? '')).toBe(
      // The description alone: no sentence of Soundings' own after it.
      'Research for &lt;script&gt;alert(1)&lt;/script&gt; ports &amp; harbours.',
    );
    // In a quoted attribute "<" is text (Astro escapes "&" and '"' there); outside attributes there is no script.
    expect(/<meta name="description" content="([^"]*)">/.exec(home)?.[1]).toBe(
      'Research for <script>alert(1)</script> ports &amp; harbours.',
    );
    for (const page of [home, post]) expect(page.replace(/"[^"]*"/g, '""')).not.toContain('<script');
    // The feed: the name and description as text, the links on the origin.
    const feed = new XMLParser().parse(readFileSync(join(outDir, 'rss.xml'), 'utf8')).rss.channel;
    expect([feed.title, feed.description, feed.link, feed.language]).toEqual([
      'Harbour Analytics & Partners',
      DESCRIPTION,
      'https://analysis.harbour.example/',
      'en-ie',
    ]);
    expect(readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8')).toContain('<loc>https://analysis.harbour.example/posts/post/</loc>');
  });

  it('builds a site of its own with no posts and no data yet (README, "Starting a site of your own")', async () => {
    // What `git rm -r content/posts/* data/*` leaves: site.yaml alone, no posts folder, no data folder.
    // And a header with the name alone (tagline: false): the sample's tagline is not the site's.
    const site = tempProject({ 'content/site.yaml': 'name: Harbour Analytics\ntagline: false\n' });
    const { outDir } = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) });
    const home = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(textOf(/<main id="main">([\s\S]*?)<\/main>/.exec(home)?.[1] ?? '')).toContain('No analyses have been published yet.');
    expect(home).not.toContain('site-tagline');
    expect(home).not.toContain(DEFAULT_SETTINGS.tagline);
    for (const page of ['data/index.html', 'tags/index.html', 'authors/index.html', 'rss.xml'])
      expect(readFileSync(join(outDir, page), 'utf8'), page).toContain('Harbour Analytics');
  });

  it('stops the build at a misspelt key, naming site.yaml:line:column and the key meant', async () => {
    const site = fixtureProject(BODY);
    writeFileSync(join(site, 'content', 'site.yaml'), 'name: Harbour Analytics\ndescripton: Research.\n');
    const failure = await astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) }).then(
      () => 'built',
      (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`,
    );
    expect(failure).toMatch(
      /[\w./-]*content\/site\.yaml:2:1: It has unknown key "descripton"\. Did you mean "description"\? Fix site\.yaml \(see README, "Site settings"\)\./,
    );
    expect(failure).not.toMatch(/Stack trace:|siteConfig\.ts|at file:/);
  });
});
