import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { builtinCharts } from '../../../src/render/builtinCharts.ts';
import { FRONTMATTER, fixtureProject } from '../fixture.ts';
import { renderError, renderPost } from '../render.ts';

describe('::chart[Title]{data spec description where}', () => {
  it('renders a built-in chart with its caption and fallback table, coloured by campaign', async () => {
    const root = fixtureProject('::chart[Share "of" voice]{data=share-of-voice spec=share-of-voice description="Who <b>& how</b> much"}');
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).toContain('<figure class="chart" id="chart-share-of-voice-1">');
    expect(html).toMatch(/<strong class="chart-title">Share (&quot;|"|“)of(&quot;|"|”) voice<\/strong>/);
    expect(html).toMatch(/Who &#x3C;b>&#x26; how&#x3C;\/b> much/);
    expect(html).toContain('#b3202a');
    expect(html).toMatch(/<td[^>]*>50\.0%<\/td>/);
    expect(html).not.toContain('<script');
  });

  it("gives its description (and a title= attribute) the body's typography, as Markdown gives its label", async () => {
    const root = fixtureProject(
      `::chart[Corbyn's "share"]{data=share-of-voice spec=share-of-voice description="Corbyn's share -- all of it..."}`,
    );
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).toContain('<strong class="chart-title">Corbyn’s “share”</strong>');
    expect(html).toContain('<span class="chart-description">Corbyn’s share — all of it…</span>');
    expect(html).toContain('<desc id="chart-share-of-voice-1-desc">Corbyn’s share — all of it…</desc>');
    const titled = fixtureProject(`::chart[Share]{data=share-of-voice spec=share-of-voice title="Red's share" description="D."}`);
    expect(await renderPost(titled, 'content/posts/post.md')).toContain('<strong class="chart-title">Red’s share</strong>');
  });

  it('draws a phone version beside the wide one, and heads its data table as the chart labels its fields, under its title', async () => {
    const root = fixtureProject('::chart[Posts a week]{data=weekly spec=weekly-volume description="Weekly."}');
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).toMatch(/<div class="chart-wide"><svg [^>]*aria-labelledby="chart-weekly-1-title"/);
    expect(html).toMatch(/<div class="chart-narrow"><svg [^>]*aria-labelledby="chart-weekly-1-narrow-title"[^>]* width="33\d"/);
    expect(html).toContain('<table><caption>Posts a week</caption><thead><tr><th scope="col">Week beginning</th>');
    expect(html).toMatch(/<th scope="col" class="num">Posts<\/th>/);
  });

  it("marks the weekly table's partial weeks, in both drawings and in its data table", async () => {
    // The fixture's tweets run from Friday 1 July to Tuesday 5 July 2016: 3 days of the week of 27 June, 2 of 4 July.
    const root = fixtureProject('::chart[Posts a week]{data=weekly spec=weekly-volume description="Weekly."}');
    const html = await renderPost(root, 'content/posts/post.md');
    for (const drawing of html.match(/<div class="chart-(wide|narrow)"><svg[\s\S]*?<\/svg>/g) ?? []) {
      expect(drawing.match(/>(\d days? of 7)<\/text>/g)).toEqual(['>3 days of 7</text>', '>2 days of 7</text>']);
    }
    expect(html.match(/<div class="chart-(wide|narrow)"><svg/g)).toHaveLength(2);
    expect(html).toContain('<th scope="col" class="num">Days of 7</th>');
    expect(html).toMatch(/<td class="date">2016-06-27<\/td><td>#Red<\/td><td class="num">2<\/td><td class="num">3<\/td>/);
  });

  it('shows the columns= of its data table under headers=, as ::table does; an unknown column is refused', async () => {
    const root = fixtureProject(
      '::chart[Posts a week]{data=weekly spec=weekly-volume description="Weekly." columns="posts, week" headers="Tweets, Week of"}',
    );
    const html = await renderPost(root, 'content/posts/post.md');
    const head = /<caption>Posts a week<\/caption><thead><tr>(.*?)<\/tr><\/thead>/.exec(html)?.[1];
    expect(head?.replace(/<th scope="col"( class="num")?>/g, '[').replace(/<\/th>/g, ']')).toBe('[Tweets][Week of]');
    const wrong = fixtureProject('::chart[Posts a week]{data=weekly spec=weekly-volume description="Weekly." columns="posts, wek"}');
    expect(await renderError(wrong, 'content/posts/post.md')).toMatch(
      /^content\/posts\/post\.md:23:76: ::chart: "weekly" has no column "wek"; it has "week", "campaign", "posts", "days"\./,
    );
  });

  it('has only the campaigns its rows hold in its legend, each in its own colour', async () => {
    const root = fixtureProject('::chart[Red a week]{data=weekly spec=weekly-volume where="campaign=#Red" description="Red."}');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(await renderPost(root, 'content/posts/post.md'))?.[0] ?? '';
    expect(svg).toContain('#Red');
    expect(svg).toContain('#b3202a');
    expect(svg).not.toContain('#Blue');
    expect(svg).not.toContain('#1f5f8b');
  });

  it("draws the projection in its campaign's colour, as other charts draw that campaign, and the references in grey", async () => {
    const frontmatter = FRONTMATTER.replace(
      '\n---\n',
      '\nprojection:\n  campaign: red\n  label: "#Red share of voice"\n  references: [reach]\n---\n',
    );
    const root = fixtureProject('::chart[Projection]{data=projection spec=projection description="Red read as a vote."}', frontmatter);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(await renderPost(root, 'content/posts/post.md'))?.[0] ?? '';
    const fills = Array.from(svg.matchAll(/aria-roledescription="bar"[^>]*fill="([^"]+)"/g), (m) => m[1]);
    expect(fills).toEqual(['#b3202a', '#8a8a8a']);
  });

  it('warns, at the directive, of a drawing still cut at its edge (a title wider than the chart)', async () => {
    const root = fixtureProject('::chart[Big accounts]{data=followers spec=./bars.vl.json description="Followers."}');
    writeFileSync(
      join(root, 'content', 'posts', 'bars.vl.json'),
      JSON.stringify({
        title: {
          text: 'A title far longer than any chart is wide, which no narrowing of its plot will ever bring inside the drawing at all',
        },
        mark: 'bar',
        encoding: { x: { field: 'followers', type: 'quantitative' }, y: { field: 'name', type: 'nominal' } },
      }),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await renderPost(root, 'content/posts/post.md');
      const warned = warn.mock.calls.map((c) => String(c[0]));
      expect(warned).toContainEqual(
        expect.stringMatching(
          /^content\/posts\/post\.md:\d+: ::chart: its article drawing reaches \d+ px past its right edge, where "A title far longer than any chart is wide, which no narrowing of its plot will…" is cut off .* in the chart's spec\.$/,
        ),
      );
    } finally {
      warn.mockRestore();
    }
  });

  it("draws a long campaign label's legend entry inside the phone drawing, with no warning to edit a spec the analyst did not write", async () => {
    const frontmatter = FRONTMATTER.replace('label: "#Red"', 'label: "#Red (Friends of the Red Campaign)"');
    const root = fixtureProject('::chart[Posts a week]{data=weekly spec=weekly-volume description="Weekly."}', frontmatter);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const html = await renderPost(root, 'content/posts/post.md');
      expect(warn.mock.calls).toEqual([]);
      const phone = /<div class="chart-narrow">(<svg[\s\S]*?<\/svg>)/.exec(html)?.[1] ?? '';
      expect(phone).toContain('>#Red (Friends of the Red Campaign)</text>');
      expect(phone).toContain('>#Blue</text>');
    } finally {
      warn.mockRestore();
    }
  });

  it("warns of a built-in chart cut at its edge by naming the campaign whose label is cut, not the chart's spec", async () => {
    // No built-in chart cuts a label now; one that draws each campaign's label at a fixed place stands in for a future one.
    builtinCharts['fixed-label'] = {
      spec: {
        mark: { type: 'text', align: 'left', x: 250 },
        encoding: { y: { field: 'campaign', type: 'nominal', axis: null }, text: { field: 'campaign' } },
      },
      formats: {},
    };
    const frontmatter = FRONTMATTER.replace('label: "#Red"', 'label: "#Red (Friends of the Red Campaign)"');
    const root = fixtureProject('::chart[Share]{data=share-of-voice spec=fixed-label description="Shares."}', frontmatter);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await renderPost(root, 'content/posts/post.md');
      expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
        expect.stringMatching(
          /^content\/posts\/post\.md:23: ::chart: the phone drawing of the built-in chart "fixed-label" reaches \d+ px past its right edge, where "#Red \(Friends of the Red Campaign\)" \(the label of campaign "red"\) and "More than one campaign" are cut off\. Shorten the campaign's "label" in the frontmatter, or the text in the data, that is cut off \(a built-in chart's spec is not yours to change; spec=\.\/my-chart\.vl\.json draws one that is\)\.$/,
        ),
      ]);
    } finally {
      warn.mockRestore();
      delete builtinCharts['fixed-label'];
    }
  });

  it('renders a spec file beside the post, filtered with where', async () => {
    const root = fixtureProject('::chart[Big accounts]{data=followers spec=./bars.vl.json where="id=big" description="Followers."}');
    writeFileSync(
      join(root, 'content', 'posts', 'bars.vl.json'),
      JSON.stringify({ mark: 'bar', encoding: { x: { field: 'followers', type: 'quantitative' }, y: { field: 'name', type: 'nominal' } } }),
    );
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).toContain('<svg');
    expect(html).toMatch(/<td[^>]*>Big<\/td>/);
    expect(html).not.toMatch(/<td[^>]*>Small<\/td>/);
  });

  it("heads a spec file's data table with the table's headers, under the spec's own titles", async () => {
    const root = fixtureProject('::chart[Shares]{data=share-of-voice spec=./bars.vl.json description="Shares."}');
    writeFileSync(
      join(root, 'content', 'posts', 'bars.vl.json'),
      JSON.stringify({
        mark: 'bar',
        encoding: { x: { field: 'share', type: 'quantitative', title: 'Share of voice' }, y: { field: 'campaign', type: 'nominal' } },
      }),
    );
    const html = await renderPost(root, 'content/posts/post.md');
    const head = /<caption>Shares<\/caption><thead><tr>(.*?)<\/tr><\/thead>/.exec(html)?.[1];
    expect(head?.replace(/<th scope="col"( class="num")?>/g, '[').replace(/<\/th>/g, ']')).toBe('[Campaign][Posts][Share of voice]');
  });

  it("reports a spec file that is not JSON at the file's own line and column, naming the directive that draws it", async () => {
    const root = fixtureProject('::chart[Big accounts]{data=followers spec=./bars.vl.json description="Followers."}');
    // The comma after "bar" is missing: the parser finds out at "encoding", line 4, column 3.
    writeFileSync(
      join(root, 'content', 'posts', 'bars.vl.json'),
      '{\n  "$schema": "https://vega.github.io/schema/vega-lite/v6.json",\n  "mark": "bar"\n  "encoding": {}\n}\n',
    );
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/bars.vl.json:4:3: This chart spec, which the ::chart at content/posts/post.md:23:1 draws, is not valid JSON: ' +
        "Expected ',' or '}' after property value. Fix the JSON at this line and column: a comma between entries and none after the last, " +
        'names and text in double quotes, no comments (see README, "Directives").',
    );
    // A byte order mark an editor saved is not a mistake: the line and column are the editor's.
    writeFileSync(join(root, 'content', 'posts', 'bars.vl.json'), '\ufeff{\n  "mark": "bar",\n  "encoding": {,}\n}\n');
    expect(await renderError(root, 'content/posts/post.md')).toMatch(/^content\/posts\/bars\.vl\.json:3:16: /);
    writeFileSync(join(root, 'content', 'posts', 'bars.vl.json'), '\ufeff{ "mark": "bar", "encoding": { "y": { "field": "name" } } }');
    expect(await renderPost(root, 'content/posts/post.md')).toContain('<svg');
    // A file that is not there is the directive's mistake, reported at its spec=.
    const missing = fixtureProject('::chart[Big accounts]{data=followers spec=./nope.vl.json description="Followers."}');
    expect(await renderError(missing, 'content/posts/post.md')).toMatch(
      /^content\/posts\/post\.md:23:38: ::chart: cannot read \.\/nope\.vl\.json \(ENOENT: no such file or directory, open '[^']*nope\.vl\.json'\)\. See README, "Directives", for its attributes\.$/,
    );
  });

  it('fails at its spec= on an unknown spec, at the directive on a missing description or an unknown directive', async () => {
    const root = fixtureProject(
      '::chart[T]{data=weekly spec=pie description=d}\n\n::chart[T]{data=weekly spec=weekly-volume}\n\n::graph[T]{data=weekly}',
    );
    const lines = (await renderError(root, 'content/posts/post.md')).split('\n');
    expect(lines).toEqual([
      'content/posts/post.md:23:24: "pie" is neither a built-in chart ("weekly-volume", "share-of-voice", "follower-reach", "projection", "share-bar", "scorecard") nor a .vl.json file beside the post. Use a built-in name, or a path such as ./my-chart.vl.json relative to the post.',
      'content/posts/post.md:25:1: ::chart: "description" is missing. See README, "Directives", for its attributes.',
      'content/posts/post.md:27:1: There is no directive "::graph". Known directives: "chart", "table", "wordcloud", "wordcompare". Fix the name, or write the colons as "\\:" if they are meant as text.',
    ]);
  });
});

describe("a directive's attributes", () => {
  it('are all reported when several are wrong, not one a run, each at its own column', async () => {
    const root = fixtureProject('::wordcloud[T]{campaign=red shape=star min-font=3}');
    expect((await renderError(root, 'content/posts/post.md')).split('\n')).toEqual([
      expect.stringMatching(/^content\/posts\/post\.md:23:29: ::wordcloud: "shape" /),
      expect.stringMatching(/^content\/posts\/post\.md:23:40: ::wordcloud: "min-font" /),
    ]);
  });

  it('points at an unknown attribute itself, offering only an attribute the directive has that it is a slip for', async () => {
    const root = fixtureProject(
      'Some prose first.\n\n::chart[Colour and columns]{data=weekly spec=weekly-volume description="colour=red" colour=red}\n\n::wordcloud[T]{campaign=red colour=text}',
    );
    expect((await renderError(root, 'content/posts/post.md')).split('\n')).toEqual([
      // ::chart has no colour attribute: "columns" is four edits away, a different word, and is not offered.
      'content/posts/post.md:25:85: ::chart: It has unknown key "colour". See README, "Directives", for its attributes.',
      'content/posts/post.md:27:29: ::wordcloud: It has unknown key "colour". Did you mean "color"? See README, "Word clouds", for its attributes.',
    ]);
  });
});

describe("a directive's where that keeps no row", () => {
  it('names dates as a filter matches them (YYYY-MM-DD)', async () => {
    const root = fixtureProject('::chart[T]{data=weekly spec=weekly-volume where="week=2016-08-01" description=d}');
    expect(await renderError(root, 'content/posts/post.md')).toMatch(
      /keeps no row of "weekly" \(\d+ rows\): "week" holds "2016-06-27", "2016-07-04"\./,
    );
  });

  it("is refused at its where=, naming what the column holds (a campaign's label, not its id) or the columns there are", async () => {
    const root = fixtureProject(
      '::chart[T]{data=share-of-voice spec=share-of-voice where="campaign=red" description=d}\n\n::table[T]{data=share-of-voice where="Campaign=#Red"}',
    );
    expect((await renderError(root, 'content/posts/post.md')).split('\n')).toEqual([
      'content/posts/post.md:23:52: ::chart: where="campaign=red" keeps no row of "share-of-voice" (3 rows): "campaign" holds "#Red", "#Blue", "More than one campaign". See README, "Directives", for its attributes.',
      'content/posts/post.md:25:32: ::table: where="Campaign=#Red": "share-of-voice" has no column "Campaign"; it has "campaign", "posts", "share". Column names are case-sensitive. See README, "Directives", for its attributes.',
    ]);
  });
});
