import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { postsManifest, tempProject } from '../../data/helpers.ts';
import { launchChromium } from '../../e2e/browser.ts';
import { renderError, renderPost } from '../render.ts';
import { FRONTMATTER, project, tweets } from './wordcloudFixture.ts';

afterEach(() => vi.restoreAllMocks());

const css = readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'styles', 'site.css'), 'utf8');

/** A Polish campaign: its posts' words, and the frontmatter's language lines. */
function polish(languageLines: string, body = '::wordcloud[Słowa]{campaign=red words=20}\n\n:value[terms.red.top]') {
  const texts = [
    'Członkowie partii są z nami, to jest nasza sprawa #Red',
    'Wybory się zbliżają i nie ma na co czekać #Red',
    'Solidarność członkowie wiec w Łodzi #Red',
    'Wiec w Krakowie: członkowie i sympatycy #Red',
    'Zwycięstwo jest blisko #Blue',
  ];
  const rows = ['id,created_at,user,text', ...texts.map((text, i) => `${i + 1},2016-07-0${i + 1}T10:00:00Z,u${i},"${text}"`)];
  return tempProject({
    'data/tweets/manifest.yaml': postsManifest(),
    'data/tweets/a.csv': `${rows.join('\n')}\n`,
    'content/posts/post.md': `${FRONTMATTER.replace('summary:', `${languageLines}\nsummary:`)}\n${body}\n`,
  });
}
/** The fixture's tweets and two Hebrew words in two red texts, which the cloud's font has no glyphs for. */
const hebrewProject = (body: string) =>
  tempProject({
    'data/tweets/manifest.yaml': postsManifest(),
    'data/tweets/a.csv': `${tweets()}998,2016-07-01T10:00:00Z,h,"מרחבא שלנו #Red"\n999,2016-07-01T10:00:00Z,i,"שלנו מרחבא #Red"\n`,
    'content/posts/post.md': `${FRONTMATTER}\n${body}\n`,
  });
const cloudWords = (html: string) => Array.from(html.matchAll(/<\/title>([^<]*)<\/text>/g), (m) => m[1]);

describe('::wordcloud[Title]{campaign words shape rotate …}', () => {
  it("leaves out the stopwords of the post's language, and says which lists in the methods", async () => {
    const html = await renderPost(polish('language: pl'), 'content/posts/post.md');
    const words = cloudWords(html);
    expect(words.map((w) => w?.toLowerCase())).toEqual(expect.arrayContaining(['członkowie', 'wiec', 'wybory', 'solidarność']));
    for (const w of ['się', 'jest', 'nie', 'są', 'nasza'])
      expect(
        words.map((x) => x?.toLowerCase()),
        w,
      ).not.toContain(w);
    expect(html).toContain('stopwords (stopwords-iso pl, with rt, via…)');
    // A term written without its accents is not the cloud's, and the warning names the one meant.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await renderPost(polish('language: pl', '::wordcloud[Słowa]{campaign=red words=20 exclude="Solidarnosc"}'), 'content/posts/post.md');
    expect(warn.mock.calls.map((c) => String(c[0])).find((m) => m.includes('exclude'))).toContain(
      'exclude names "Solidarnosc" (did you mean "solidarność"?)',
    );
    // Without the language, Polish function words fill the cloud as terms (English stopwords do not hold them).
    const english = cloudWords(await renderPost(polish(''), 'content/posts/post.md')).map((w) => w?.toLowerCase());
    expect(english).toEqual(expect.arrayContaining(['się', 'jest']));
  });

  it("takes the site's language (content/site.yaml) when the post sets none", async () => {
    const root = polish('');
    writeFileSync(join(root, 'content', 'site.yaml'), 'name: Analizy\nlanguage: pl-PL\n');
    const words = cloudWords(await renderPost(root, 'content/posts/post.md')).map((w) => w?.toLowerCase());
    expect(words).toContain('członkowie');
    expect(words).not.toContain('się');
  });

  it('reads `stopwords` lists over the language, and refuses a list stopwords-iso does not have, at its line', async () => {
    const bothHtml = await renderPost(polish('language: pl\nstopwords: [pl, en]'), 'content/posts/post.md');
    expect(cloudWords(bothHtml).map((w) => w?.toLowerCase())).toContain('członkowie');
    expect(bothHtml).toContain('stopwords (stopwords-iso pl and en, with rt, via…)');
    expect(await renderError(polish('stopwords: [pl, xx]'), 'content/posts/post.md')).toMatch(
      /^content\/posts\/post\.md:5:\d+: .*stopwords\.1.*"xx"/,
    );
    expect(await renderError(polish('language: cy'), 'content/posts/post.md')).toMatch(
      /^content\/posts\/post\.md:5:1: "language": stopwords-iso has no stopword list for "cy"/,
    );
  });

  it('adds a phone layout: the first 30 words laid out again at 310 px, never under the 10 px floor', async () => {
    const html = await renderPost(project('::wordcloud[Red words]{campaign=red words=60}'), 'content/posts/post.md');
    const wide = /<div class="wordcloud-frame has-narrow">(<svg[\s\S]*?<\/svg>)<\/div>/.exec(html)?.[1] ?? '';
    const narrow = /<div class="wordcloud-narrow">(<svg[\s\S]*?<\/svg>)<\/div>/.exec(html)?.[1] ?? '';
    expect(narrow).toContain('id="wordcloud-red-1-narrow"');
    // 310 px wide; as high as the band its words use, within the 310 px square (tests/e2e/site.test.ts measures the band).
    const [, top = '', height = ''] = /viewBox="0 (\d+) 310 (\d+)"/.exec(narrow) ?? [];
    expect(Number(top) + Number(height)).toBeLessThanOrEqual(310);
    expect(narrow).toContain(`width="310" height="${height}"`);
    const words = (svg: string) => Array.from(svg.matchAll(/<\/title>([^<]*)<\/text>/g), (m) => m[1]);
    const sizes = Array.from(narrow.matchAll(/font-size="([\d.]+)"/g), (m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    // Its words are among the full cloud's, the largest first: the three largest are always there.
    const table = Array.from(html.matchAll(/<tr><td class="num">\d+<\/td><td>([^<]*)<\/td>/g), (m) => m[1]);
    expect(words(narrow).length).toBeLessThanOrEqual(30);
    for (const w of words(narrow)) expect(table.slice(0, 30)).toContain(w);
    for (const w of table.slice(0, 3)) expect(words(narrow)).toContain(w);
    expect(words(wide).length).toBeGreaterThan(words(narrow).length);
    // The caption says so, for the screens that show it.
    expect(html).toContain(
      `<span class="wordcloud-narrow"> On this screen the cloud shows the first ${words(narrow).length}; the table lists those of the full cloud.</span>`,
    );
  });

  it("says a phone shows the same words when its layout holds all of the full cloud's", async () => {
    const html = await renderPost(project('::wordcloud[Red words]{campaign=red words=6}'), 'content/posts/post.md');
    const [wide = '', narrow = ''] = Array.from(html.matchAll(/<svg[\s\S]*?<\/svg>/g), (m) => m[0]);
    const words = (svg: string) => Array.from(svg.matchAll(/<\/title>([^<]*)<\/text>/g), (m) => m[1]).sort();
    expect(words(narrow)).toEqual(words(wide));
    expect(html).toContain(
      `<span class="wordcloud-narrow"> On this screen the cloud is laid out narrower, with the same ${words(wide).length} words.</span>`,
    );
    expect(html).not.toContain('the first');
  });

  it('has no phone layout when the cloud is already that narrow', async () => {
    const html = await renderPost(project('::wordcloud[Red words]{campaign=red words=20 width=300 height=300}'), 'content/posts/post.md');
    expect(html).toContain('<div class="wordcloud-frame" tabindex="0" role="group" aria-label="Red words">');
    expect(html).not.toContain('wordcloud-narrow');
  });

  it('is a named tab stop only where it may scroll: not with a phone layout, unless wider than the column', async () => {
    const frames = async (body: string) =>
      Array.from((await renderPost(project(body), 'content/posts/post.md')).matchAll(/<div class="wordcloud-frame[^>]*>/g), (m) => m[0]);
    // A phone layout replaces it up to 44rem; above, the 640 px cloud fits the column (642 px and more): it never scrolls.
    expect(await frames('::wordcloud[Red words]{campaign=red words=60}\n\n::wordcompare[Red against blue]{a=red b=blue}')).toEqual([
      '<div class="wordcloud-frame has-narrow">',
      '<div class="wordcloud-frame has-narrow">',
    ]);
    // 800 px scrolls in a 684 px column, and 660 px in a 642 px one: keyboard users need to reach it, and hear what it is.
    expect(await frames('::wordcloud[Red words]{campaign=red words=60 width=800}')).toEqual([
      '<div class="wordcloud-frame has-narrow" tabindex="0" role="group" aria-label="Red words">',
    ]);
  });

  it("renders a campaign's key words as SVG text, with every word's count in a table, all text escaped", async () => {
    const html = await renderPost(project('::wordcloud[Red words]{campaign=red words=20}'), 'content/posts/post.md');
    expect(html).toContain('<figure class="chart wordcloud" id="wordcloud-red-1-figure">');
    expect(html).toContain('role="img"');
    expect(html).toMatch(
      /<desc id="wordcloud-red-1-desc">Key words of \u2068#Red\u2069, largest first: \u2068members\u2069 \(30\), \u2068party\u2069 \(30\), \u2068rally\u2069 \(30\), \u2068alert\u2069 \(1\), /,
    );
    expect(html).toMatch(/<text class="wordcloud-red-1-t0"[^>]*><title>\u2068members\u2069: 30 distinct texts<\/title>members<\/text>/);
    // retweets of a text count once: 30 distinct red texts use "members", not 80
    expect(html).toMatch(/<tr><td class="num">\d+<\/td><td>members<\/td><td class="num">30<\/td><td>yes<\/td><\/tr>/);
    // Its table scrolls, on a phone, in a frame named as its caption, the campaign's label isolated in plain text.
    expect(html).toContain(
      '<div class="table-scroll" role="region" aria-label="\u2068#Red\u2069: terms by the number of distinct texts using them" tabindex="0"><table><caption><bdi>#Red</bdi>: terms',
    );
    // "<script>alert(1)</script>" in a tweet is only words; the markup never reaches the page.
    expect(html).toContain('<title>\u2068script\u2069: 1 distinct text</title>script</text>');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/>\s*amp\s*</);
    // Named for its cloud, for a screen reader's list of controls; out of the search index, as a chart's table is.
    expect(html).toMatch(
      /<details class="chart-data wordcloud-data" data-pagefind-ignore="all"><summary>Words and counts<span class="visually-hidden"> of [^<]+<\/span><\/summary>/,
    );
    // The campaign's label is isolated wherever the caption and the table name it (a right-to-left label, or one
    // with an override left open, would otherwise reorder the words after it).
    expect(html).toContain('<span class="chart-description">The 20 terms used in the most distinct <bdi>#Red</bdi> texts (');
    expect(html).toContain('posts using only <bdi>#Red</bdi>’s hashtags)');
    expect(html).toContain('<caption><bdi>#Red</bdi>: terms by the number of distinct texts using them</caption>');
    // Headed in sentence case, as a chart's data table is.
    expect(html).toContain(
      '<tr><th scope="col" class="num">Rank</th><th scope="col">Term</th><th scope="col" class="num">Distinct texts</th><th scope="col">In the cloud</th></tr>',
    );
  });

  it('gives the same bytes on every render', async () => {
    const root = project('::wordcloud[Red]{campaign=red shape=bubble rotate=mixed}');
    expect(await renderPost(root, 'content/posts/post.md')).toBe(await renderPost(root, 'content/posts/post.md'));
  });

  it('warns with post.md:line, naming the words that did not fit, and those the font has no glyphs for, each with what helps', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const warnings = () => warn.mock.calls.map((c) => String(c[0]));
    const tiny = '::wordcloud[Tiny]{campaign=red words=12 width=200 height=150 min-font=18 top=2 rotate=none}';
    const noRoom = (words: string) => `content/posts/post.md:21: ::wordcloud: ${words}. Make the cloud larger, or ask for fewer words.`;
    const html = await renderPost(project(`Some text.\n\n${tiny}`), 'content/posts/post.md');
    expect(warnings()).toEqual([noRoom('2 words did not fit and are only in the table: "topicca", "topiccb"')]);
    expect(html).toMatch(/<td>no \(no room\)<\/td>/);

    // Words in a script the cloud's font does not have: a larger cloud or fewer words cannot draw them; exclude="…"
    // takes them out of the table too.
    const noGlyph = (words: string) =>
      `content/posts/post.md:21: ::wordcloud: ${words}. A larger cloud or fewer words do not help: the font draws Latin, Greek and Cyrillic letters only (see README, "Word clouds").`;
    const hebrew = hebrewProject(`Some text.\n\n::wordcloud[Red words]{campaign=red top=3}`);
    warn.mockClear();
    expect(await renderPost(hebrew, 'content/posts/post.md')).toContain('<td>מרחבא</td><td class="num">2</td><td>no (no glyph)</td>');
    expect(warnings()).toEqual([
      noGlyph(
        '2 words are only in the table, as the cloud\'s font, Source Sans 3, has no glyphs for their Hebrew characters: "מרחבא", "שלנו". Leave them out of the table too with exclude="מרחבא, שלנו"',
      ),
    ]);
    // Both: each with its own advice.
    warn.mockClear();
    await renderPost(hebrewProject(`Some text.\n\n${tiny}`), 'content/posts/post.md');
    expect(warnings()).toEqual([
      noRoom('1 word did not fit and is only in the table: "topicbb"'),
      noGlyph(
        '2 words are only in the table, as the cloud\'s font, Source Sans 3, has no glyphs for their Hebrew characters: "מרחבא", "שלנו". Leave them out of the table too with exclude="מרחבא, שלנו"',
      ),
    ]);
    // exclude="…" does leave them out of the table (and the caption names them, as for any word left out).
    warn.mockClear();
    const post = readFileSync(join(hebrew, 'content/posts/post.md'), 'utf8');
    writeFileSync(join(hebrew, 'content/posts/post.md'), post.replace('top=3}', 'top=3 exclude="מרחבא, שלנו"}'));
    const excluded = await renderPost(hebrew, 'content/posts/post.md');
    expect(warnings()).toEqual([]);
    expect(excluded).toContain('Left out: מרחבא, שלנו.');
    expect(excluded.replace('Left out: מרחבא, שלנו.', '')).not.toMatch(/מרחבא|שלנו/);

    // A word too long for the cloud is warned of apart, with what gives it room.
    warn.mockClear();
    const long = 'Averyveryveryveryveryveryverylongwordthatcannotfitinthecloud';
    const withLong = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `${tweets()}999,2016-07-01T10:00:00Z,z,"${long} #Red"\n`,
      'content/posts/post.md': `${FRONTMATTER}\n::wordcloud[Long]{campaign=red words=8 top=3 width=250 height=150 rotate=none}\n`,
    });
    expect(await renderPost(withLong, 'content/posts/post.md')).toContain(
      `<td class="long-word">${long}</td><td class="num">1</td><td>no (too long)</td>`,
    );
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      `content/posts/post.md:19: ::wordcloud: "${long}" is too long to fit and only in the table: at 10 px, the smallest size, it is 284 px long, and the cloud is 250 px wide. Set width=300 or more, or leave it out with exclude="${long}". A word is never cut, nor drawn smaller than min-font (see README, "Word clouds").`,
    ]);
  });

  it('names the scripts of the characters the font has no glyphs for, when it can tell them', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // An Arabic word with a vowel sign (a mark of the Inherited script), Japanese (Han and Hiragana), and Sinhala,
    // a script the message does not name.
    const root = (exclude: string) =>
      tempProject({
        'data/tweets/manifest.yaml': postsManifest(),
        'data/tweets/a.csv': `${tweets()}999,2016-07-01T10:00:00Z,z,"مَرحبا 日本語です සිංහල #Blue"\n`,
        'content/posts/post.md': `${FRONTMATTER}\n::wordcloud[Blue words]{campaign=blue top=1${exclude}}\n`,
      });
    await renderPost(root(''), 'content/posts/post.md');
    await renderPost(root(' exclude="مَرحبا, 日本語です"'), 'content/posts/post.md');
    const hint =
      'A larger cloud or fewer words do not help: the font draws Latin, Greek and Cyrillic letters only (see README, "Word clouds").';
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      `content/posts/post.md:19: ::wordcloud: 3 words are only in the table, as the cloud's font, Source Sans 3, has no glyphs for their Arabic, Han, Hiragana and other characters: "مَرحبا", "සිංහල", "日本語です". Leave them out of the table too with exclude="مَرحبا, සිංහල, 日本語です". ${hint}`,
      `content/posts/post.md:19: ::wordcloud: 1 word is only in the table, as the cloud's font, Source Sans 3, has no glyphs for some of its characters: "සිංහල". Leave it out of the table too with exclude="සිංහල". ${hint}`,
    ]);
  });

  it('fails the build at the directive when a top word is dropped, or at its campaign= when the campaign is unknown', async () => {
    const long = 'Averyveryveryveryveryveryverylongwordthatcannotfitinthecloud';
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `${tweets()}999,2016-07-01T10:00:00Z,z,"${`${long} `.repeat(1)} #Red"\n`.replace(
        /\n999/,
        `\n${Array.from({ length: 40 }, (_, i) => `${1000 + i},2016-07-01T10:00:00Z,z${i},"${long} ${i} #Red"`).join('\n')}\n999`,
      ),
      'content/posts/post.md': `${FRONTMATTER}\n::wordcloud[Long]{campaign=red width=200 height=150}\n\n::wordcloud[Who]{campaign=green}\n`,
    });
    const lines = (await renderError(root, 'content/posts/post.md')).split('\n');
    // Too long for a cloud 200 px wide at the smallest size, it needs the width the message gives (which does it), or exclude.
    expect(lines).toEqual([
      `content/posts/post.md:19:1: ::wordcloud: "${long}" is one of the 10 largest words but is too long to fit: at 10 px, the smallest size, it is 284 px long, and the cloud is 200 px wide. Set width=300 or more, or leave it out with exclude="${long}". A word is never cut, nor drawn smaller than min-font (see README, "Word clouds").`,
      'content/posts/post.md:21:18: There is no campaign "green" in this post. Its campaigns are "red", "blue". Use the id of a campaign listed under "campaigns" in the frontmatter.',
    ]);
    writeFileSync(join(root, 'content/posts/post.md'), `${FRONTMATTER}\n::wordcloud[Long]{campaign=red width=300 height=150}\n`);
    expect(await renderPost(root, 'content/posts/post.md')).toContain(`>${long}</text>`);
    // A top word that finds no room is told to make the cloud larger; a rectangle is suggested only for another shape.
    const crowded = '::wordcloud[Crowded]{campaign=red words=60 width=200 height=150 rotate=none';
    const crowdedPost = project(`${crowded} min-font=20}\n\n${crowded} min-font=30 shape=rectangle}`);
    expect((await renderError(crowdedPost, 'content/posts/post.md')).split('\n')).toEqual([
      'content/posts/post.md:19:1: ::wordcloud: "topicab" is one of the 10 largest words but did not fit in the cloud. A rectangle holds more words than an ellipse: shape=rectangle. Make the cloud larger (width, height), ask for fewer words, or leave the word out with exclude="…".',
      'content/posts/post.md:21:1: ::wordcloud: "party", "script", "topicaa", "topicab", "topicba" are among the 10 largest words but did not fit in the cloud. Make the cloud larger (width, height), ask for fewer words, or leave the word out with exclude="…".',
    ]);
    // A top word the cloud's font has no glyphs for is not told to make the cloud larger: only exclude="…" helps it.
    expect(await renderError(hebrewProject('::wordcloud[Red words]{campaign=red}'), 'content/posts/post.md')).toBe(
      'content/posts/post.md:19:1: ::wordcloud: "מרחבא", "שלנו" are among the 10 largest words, but the cloud\'s font, Source Sans 3, has no glyphs for their Hebrew characters. Leave them out of the cloud and its table with exclude="מרחבא, שלנו". A larger cloud or fewer words do not help: the font draws Latin, Greek and Cyrillic letters only (see README, "Word clouds").',
    );
    // The analyst can leave it out (case-insensitively); the caption says so, as written. A term that is none of
    // the cloud's (a typo) is warned of, with post.md:line: it would leave the word in.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    writeFileSync(
      join(root, 'content/posts/post.md'),
      `${FRONTMATTER}\n::wordcloud[Long]{campaign=red width=200 height=150 exclude="${long.toUpperCase()}, membres, rt, the, #Red"}\n`,
    );
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).not.toContain(long);
    // Only what was among the terms is named; a stopword or the campaign's own hashtag is never a term, and no typo.
    expect(html).toContain(`Left out: ${long.toUpperCase()}.`);
    expect(warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('exclude'))).toEqual([
      'content/posts/post.md:19: ::wordcloud: exclude names "membres" (did you mean "members"?), which is not among its terms, so nothing is left out for it. Check the spelling against the cloud\'s table ("Words and counts"); case does not matter.',
    ]);
  });

  it('says under each cloud and comparison drawn from a synthetic dataset that its words are generated, from the manifest', async () => {
    const body = '::wordcloud[Red words]{campaign=red words=20}\n\n::wordcompare[Red against blue]{a=red b=blue}';
    const site = (synthetic: string) =>
      tempProject({
        'data/tweets/manifest.yaml': postsManifest().replace('synthetic:\n  script: tests/data/helpers.ts\n', synthetic),
        'data/tweets/a.csv': tweets(),
        'content/posts/post.md': `${FRONTMATTER}\n${body}\n`,
      });
    const made = await renderPost(site('synthetic:\n  script: "scripts/make<b>&x.ts"\n'), 'content/posts/post.md');
    // One under each figure, inside it (the cloud's and the comparison's); the script's name escaped (no <b> element).
    const note =
      /<p class="chart-note"><strong class="synthetic">Synthetic data:<\/strong> these words come from texts generated by <code>([^<]*)<\/code>, not from real posts\.<\/p>/g;
    const figures = Array.from(made.matchAll(/<figure class="chart wordcloud"[\s\S]*?<\/figure>/g), (m) => m[0]);
    expect(figures).toHaveLength(2);
    const decode = (html: string) =>
      html
        .replace(/&#x3C;|&lt;/g, '<')
        .replace(/&#x26;|&amp;/g, '&')
        .replace(/&gt;/g, '>');
    for (const f of figures) expect(Array.from(f.matchAll(note), (m) => decode(m[1] ?? ''))).toEqual(['scripts/make<b>&x.ts']);
    expect(made.match(note)).toHaveLength(2);
    // Real data (synthetic: false, or no synthetic key): no note.
    for (const real of ['synthetic: false\n', ''])
      expect(await renderPost(site(real), 'content/posts/post.md')).not.toContain('chart-note');
    // Styled as the chart's other notes under it (its source line).
    expect(css).toMatch(/\.chart-source,\s*\.chart-note,/);
  });

  it('names the synthetic datasets under a cloud of several datasets counted together, and says when only some are', async () => {
    const real = postsManifest().replace('synthetic:\n  script: tests/data/helpers.ts\n', '');
    const site = (second: string) =>
      tempProject({
        'data/tweets/manifest.yaml': postsManifest(),
        'data/tweets/a.csv': tweets(),
        'data/more/manifest.yaml': second,
        'data/more/a.csv': 'id,created_at,user,text\nm1,2016-07-02T10:00:00Z,m,Members again #Red\n',
        'content/posts/post.md': `${FRONTMATTER.replace('  tweets: tweets\n', '  tweets: tweets\n  more: more\nposts: [tweets, more]\n')}\n::wordcloud[Red words]{campaign=red words=20}\n`,
      });
    const note = (html: string) => /<p class="chart-note">([\s\S]*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '');
    expect(note(await renderPost(site(real), 'content/posts/post.md'))).toBe(
      'Synthetic data: some of these words come from texts generated by tests/data/helpers.ts, not from real posts: the posts of tweets are synthetic, those of more real.',
    );
    const made = postsManifest().replace('tests/data/helpers.ts', 'scripts/more.ts');
    expect(note(await renderPost(site(made), 'content/posts/post.md'))).toBe(
      'Synthetic data: these words come from texts generated by tests/data/helpers.ts (tweets) and scripts/more.ts (more), not from real posts.',
    );
  });

  it('refuses a cloud smaller than 200 × 150 px, pointing to README, "Word clouds"', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': tweets(),
      'content/posts/post.md': `${FRONTMATTER}\n::wordcloud[Small]{campaign=red width=199 height=149}\n`,
    });
    expect((await renderError(root, 'content/posts/post.md')).split('\n')).toEqual([
      'content/posts/post.md:19:33: ::wordcloud: "width" must be at least 200, not 199. See README, "Word clouds", for its attributes.',
      'content/posts/post.md:19:43: ::wordcloud: "height" must be at least 150, not 149. See README, "Word clouds", for its attributes.',
    ]);
  });

  it('names the attribute closest to a misspelt one', async () => {
    const root = project('::wordcloud[Red]{campaign=red rotat=none}\n\n::wordcompare[Red against blue]{a=red b=blue sharde=5 colour=z}');
    expect((await renderError(root, 'content/posts/post.md')).split('\n')).toEqual([
      'content/posts/post.md:19:31: ::wordcloud: It has unknown key "rotat". Did you mean "rotate"? See README, "Word clouds", for its attributes.',
      'content/posts/post.md:21:46: ::wordcompare: It has unknown key "sharde". Did you mean "shape" or "shared" or "source"? See README, "Word clouds", for its attributes.',
      'content/posts/post.md:21:55: ::wordcompare: It has unknown key "colour". Did you mean "color"? See README, "Word clouds", for its attributes.',
    ]);
  });
});

describe('word clouds on a 320 px screen (WCAG 1.4.10 Reflow)', () => {
  it('fit the column with the site stylesheet: the page does not scroll sideways', async () => {
    const html = await renderPost(
      project('::wordcloud[Red words]{campaign=red words=60}\n\n::wordcompare[Red against blue]{a=red b=blue}'),
      'content/posts/post.md',
    );
    expect(html).toContain('class="wordcloud-narrow"');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
      await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body><main>${html}</main></body></html>`);
      const seen = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        clouds: Array.from(document.querySelectorAll('div.wordcloud-narrow svg'), (svg) => Math.round(svg.getBoundingClientRect().right)),
      }));
      expect(seen.clouds).toHaveLength(2);
      expect(seen.page).toBe(320);
      for (const right of seen.clouds) expect(right).toBeLessThanOrEqual(320);
    } finally {
      await browser.close();
    }
  });
});
