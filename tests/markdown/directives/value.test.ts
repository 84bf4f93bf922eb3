import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRONTMATTER, fixtureProject } from '../fixture.ts';
import { renderError, renderPost } from '../render.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

/** A table dataset "towns" with numbers, text and dates. */
function addTowns(root: string) {
  mkdirSync(join(root, 'data', 'towns'));
  writeFileSync(
    join(root, 'data', 'towns', 'manifest.yaml'),
    'title: T\ndescription: D\nkind: table\nsource: S\nlicence: CC0-1.0\ncollected: 2016-09-18\ncolumns:\n  town: string\n  n: integer\n  note: string\n  day: date\n',
  );
  writeFileSync(join(root, 'data', 'towns', 'a.csv'), 'town,n,note,day\nYork,1,,2016-08-30\nHull,2,12,2016-09-18\n');
}
const townsPost = (values: string, body: string) =>
  `---\ntitle: T\ndate: 2016-09-18\nauthor: A\nsummary: S\ndatasets:\n  t: towns\nvalues:\n${values}---\n\n${body}\n`;

describe(':value[key]{format}', () => {
  it('renders known keys in their house formats', async () => {
    const root = fixtureProject(
      [
        'Red had :value[campaigns.red.share], blue :value[campaigns.blue.share] of :value[posts.total] posts;',
        ':value[campaigns.overlap.posts] used both. Reach: :value[followers.big] vs :value[followers.small], :value[reach].',
        'More than :value[followers.big]{format=more-than}; exactly :value[followers.big]{format=thousands}.',
        'From :value[posts.first] to :value[posts.last].',
      ].join('\n'),
    );
    const html = await renderPost(root, 'content/posts/post.md');
    expect(text(html)).toContain('Red had 50.0%, blue 25.0% of 4 posts;');
    expect(text(html)).toContain('1 used both. Reach: 629k vs 16.5k, 38×.');
    expect(text(html)).toContain('More than 620,000; exactly 629,000.');
    expect(text(html)).toContain('From 1 July 2016 to 5 July 2016.');
    expect(html).toContain('data-key="campaigns.red.share"');
  });

  it('names the earliest of tied weeks, and its definition names them all', async () => {
    const root = fixtureProject(':value[weekly.red.max] in the week of :value[weekly.red.max.week]; gap :value[weekly.gap.max].');
    // Red: 2 posts in the week of 27 June and 2 in the week of 4 July; blue: 1 in each, so the gaps tie too.
    writeFileSync(
      join(root, 'data', 'tweets', 'a.csv'),
      'id,created_at,user,text\n1,2016-06-28T10:00:00Z,a,#Red\n2,2016-06-29T10:00:00Z,b,#Red\n3,2016-07-05T10:00:00Z,c,#Red\n4,2016-07-06T10:00:00Z,d,#Red\n5,2016-06-30T10:00:00Z,e,#Blue\n6,2016-07-07T10:00:00Z,f,#Blue\n',
    );
    const html = await renderPost(root, 'content/posts/post.md');
    expect(text(html)).toBe('2 in the week of 27 June 2016; gap 1.');
    const ties = 'The weeks of 2016-06-27 and 2016-07-04 tie for it; the earliest is named.';
    expect(html).toMatch(new RegExp(`data-key="weekly\\.red\\.max" title="[^"]*${ties}"`));
    expect(html).toMatch(new RegExp(`data-key="weekly\\.gap\\.max" title="[^"]*${ties}"`));
  });

  it('names tied date cells as a date prints, and a time with format=text in ISO 8601 UTC, whatever the timezone', async () => {
    const frontmatter = FRONTMATTER.replace('values:\n', 'values:\n  wk:\n    max: weekly\n    column: posts\n    name: week\n');
    const root = fixtureProject('Busiest: :value[wk.name], first post :value[posts.first]{format=text}.', frontmatter);
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const html = await renderPost(root, 'content/posts/post.md');
      // Red has 2 posts in the week of 27 June and blue 2 in the week of 4 July: the weekly rows tie, both named, as
      // one row's date would print (27 June 2016), not in JavaScript's Date string in New York's time.
      expect(text(html)).toBe('Busiest: 27 June 2016 and 4 July 2016, first post 2016-07-01T10:00:00.000Z.');
    } finally {
      process.env.TZ = tz;
    }
  });

  it('keeps ordinary colons in prose as text ("10:30", "note:this")', async () => {
    const root = fixtureProject('The rally starts at 10:30, see note:this and ratio 3:1 or a:b[c].');
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).toBe('<p>The rally starts at 10:30, see note:this and ratio 3:1 or a:b[c].</p>');
  });

  it('fails on an unknown key with post.md:line:column and the nearest keys', async () => {
    const root = fixtureProject('First line.\n\nRed had :value[campaigns.red.shar] of posts.');
    // The frontmatter takes lines 1–21 and a blank line follows; the body starts on line 23.
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:25:9: There is no value "campaigns.red.shar". Did you mean "campaigns.red.share"? Use a key listed in README, "Directives", or define it under "values" in the frontmatter.',
    );
  });

  it('reports every problem in a post, not just the first', async () => {
    const root = fixtureProject(
      ':value[nope] and :value[posts.total]{format=bogus}\n\n::chart[T]{data=missing spec=weekly-volume description=d}',
    );
    const message = await renderError(root, 'content/posts/post.md');
    expect(message.split('\n')).toHaveLength(3);
    expect(message).toContain('content/posts/post.md:23:1: There is no value "nope".');
    expect(message).toContain('content/posts/post.md:23:38: "bogus" is neither a house format');
    expect(message).toContain('content/posts/post.md:25:12: There is no table "missing" to chart.');
  });

  it('points at key= for an unknown key written there, and at the directive for one in its label', async () => {
    const root = fixtureProject('Total: :value[Posts]{key=posts.totl}; :value[posts.totl].');
    expect((await renderError(root, 'content/posts/post.md')).split('\n')).toEqual([
      expect.stringMatching(/^content\/posts\/post\.md:23:22: There is no value "posts\.totl"\. Did you mean "posts\.total"\?/),
      expect.stringMatching(/^content\/posts\/post\.md:23:39: There is no value "posts\.totl"\./),
    ]);
  });

  it('prints only a date as a date: a number or a text in date format is refused', async () => {
    const root = fixtureProject(':value[posts.first]{format=date}, :value[posts.total]{format=date}');
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:23:55: The format "date" cannot show "posts.total", which is a number. Choose a format that fits the value, or leave "format" out to use its default.',
    );
  });

  it('fails on a frontmatter mistake at its line', async () => {
    const root = fixtureProject(
      'Hello.',
      '---\ntitle: T\ndate: 2016-09-18\nauthor: A\nsummary: S\ncampaigns:\n  - id: red\n    label: R\n    hashtags: [Red]\n    color: red\n---\n',
    );
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:10:5: "campaigns.0.color" must be a hex colour such as "#b3202a". Fix the frontmatter (see README, "Writing a post").',
    );
  });

  it("fails on a value that reads a missing dataset alias, at the value's line", async () => {
    const root = fixtureProject(
      ':value[x]',
      '---\ntitle: T\ndate: 2016-09-18\nauthor: A\nsummary: S\nvalues:\n  x:\n    pick: results\n    column: votes\n---\n',
    );
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:8:5: The value "x" reads dataset alias "results", which is not under "datasets". Fix its definition under "values" in the frontmatter.',
    );
  });

  it("refuses a sum or share over text or dates, naming the row, at the value's column line", async () => {
    const body = (values: string) =>
      `---\ntitle: T\ndate: 2016-09-18\nauthor: A\nsummary: S\ndatasets:\n  t: towns\nvalues:\n${values}---\n`;
    const root = fixtureProject(':value[x]', body('  x:\n    sum: t\n    column: note\n'));
    addTowns(root);
    const post = join(root, 'content', 'posts', 'post.md');
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:11:5: The value "x" sums column "note", but row 2 (town "Hull") holds "12", not a number. Choose a column of numbers, or leave such rows out with "where". Fix its definition under "values" in the frontmatter.',
    );
    writeFileSync(post, `${body('  x: { sum: t, column: day, where: { town: Hull } }\n')}\n:value[x]\n`);
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:9:16: The value "x" sums column "day", but row 2 (town "Hull") holds 2016-09-18, not a number. Choose a column of numbers, or leave such rows out with "where". Fix its definition under "values" in the frontmatter.',
    );
    writeFileSync(post, `${body('  x: { share: t, column: note, of: { town: York } }\n')}\n:value[x]\n`);
    expect(await renderError(root, 'content/posts/post.md')).toContain('The value "x" shares column "note", but row 2');
    // Empty cells count as nothing, and rows left out by "where" are not read.
    writeFileSync(
      post,
      `${body('  x: { sum: t, column: n, where: { town: York } }\n  y: { sum: t, column: note, where: { town: York } }\n')}\n:value[x] :value[y]\n`,
    );
    expect(text(await renderPost(root, 'content/posts/post.md'))).toBe('1 0');
  });

  it('more-than rounds down to significant figures at any size, a share as a percentage, and refuses 0', async () => {
    const frontmatter = FRONTMATTER.replace('values:\n', 'values:\n  small:\n    ratio: [followers.small, followers.big]\n');
    const root = fixtureProject(
      'Over :value[campaigns.red.share]{format=more-than}, :value[reach]{format=more-than}, :value[small]{format=more-than}.',
      frontmatter,
    );
    // Red's share is 50.0%, reach 38.1×, small 16,500 ÷ 629,000 = 0.02623…
    expect(text(await renderPost(root, 'content/posts/post.md'))).toBe('Over 49%, 38, 0.026.');
    writeFileSync(join(root, 'content', 'posts', 'post.md'), `${frontmatter}\nMore than :value[posts.duplicates]{format=more-than}.\n`);
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:25:11: The format "more-than" prints a round figure below the value, so that "more than …" stays true, but "posts.duplicates" is 0, which is not above 0. Use "more-than" only for a value above 0, or choose another format (leave "format" out to use the default).',
    );
  });

  it('picks a date or a text when the value says "type: date" or "type: text", and names one row\'s date as a date', async () => {
    const root = fixtureProject('');
    addTowns(root);
    const post = join(root, 'content', 'posts', 'post.md');
    writeFileSync(
      post,
      townsPost(
        '  day: { pick: t, column: day, where: { town: York }, type: date }\n  town: { pick: t, column: town, where: { n: 2 }, type: text }\n  last: { max: t, column: n, name: day }\n',
        'On :value[day] (:value[day]{format=text}), :value[town]; last :value[last.name], or :value[last.name]{format=text}.',
      ),
    );
    expect(text(await renderPost(root, 'content/posts/post.md'))).toBe(
      'On 30 August 2016 (2016-08-30), Hull; last 18 September 2016, or 2016-09-18.',
    );
    writeFileSync(post, townsPost('  day: { pick: t, column: day, where: { town: York } }\n', ':value[day]'));
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:9:19: The value "day" picks "day" from the row of "t" where town = York, which is 2016-08-30, a date, not a number. Add "type: date" to print it as a date. Fix its definition under "values" in the frontmatter.',
    );
    writeFileSync(post, townsPost('  day: { pick: t, column: note, where: { town: York }, type: text }\n', ':value[day]'));
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:9:56: The value "day" picks "note" from the row of "t" where town = York, which is empty, not a text. Pick a text cell, or remove "type: text". Fix its definition under "values" in the frontmatter.',
    );
  });

  it("isolates a name from the data holding a directional override in the page's own text, so the feed and copied text keep the sentence's order", async () => {
    const root = fixtureProject('');
    addTowns(root);
    const RLO = '\u202e';
    writeFileSync(
      join(root, 'data', 'towns', 'a.csv'),
      `town,n,note,day\nYork,1,,2016-08-30\n${RLO}slloP liveD,5,,2016-09-18\nHull,5,,2016-09-19\n`,
    );
    writeFileSync(
      join(root, 'content', 'posts', 'post.md'),
      townsPost(
        '  one: { pick: t, column: town, where: { n: 5, day: 2016-09-18 }, type: text }\n  top: { max: t, column: n, name: town }\n  york: { pick: t, column: town, where: { n: 1 }, type: text }\n',
        'Led by :value[one], then :value[top.name]; :value[york] last.',
      ),
    );
    const html = await renderPost(root, 'content/posts/post.md');
    // Between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, not only in CSS (.value), which a feed reader and a
    // copy do not apply; in a tie, each name is isolated, so the override cannot reverse " and Hull".
    expect(html).toMatch(new RegExp(`data-key="one"[^>]*>\u2068${RLO}slloP liveD\u2069</span>`));
    expect(text(html)).toBe(`Led by \u2068${RLO}slloP liveD\u2069, then \u2068\u2068${RLO}slloP liveD\u2069 and Hull\u2069; York last.`);
  });

  it('refuses "digits" with a format other than more-than, at its digits=', async () => {
    const root = fixtureProject(':value[campaigns.red.share]{format=percent digits=2} and :value[posts.total]{digits=1}');
    const message = await renderError(root, 'content/posts/post.md');
    expect(message.split('\n')).toEqual([
      'content/posts/post.md:23:44: "digits" sets the significant figures of format "more-than" only, and "campaigns.red.share" is printed in format "percent". Remove "digits", or for another precision use a d3-format specifier, such as format=".2%" or format=",.3r" (see README, "Directives").',
      'content/posts/post.md:23:78: "digits" sets the significant figures of format "more-than" only, and "posts.total" is printed in format "thousands". Remove "digits", or for another precision use a d3-format specifier, such as format=".2%" or format=",.3r" (see README, "Directives").',
    ]);
  });

  it("blames the type, not the format, when a value's type gives it a format that cannot show it", async () => {
    const frontmatter = FRONTMATTER.replace('values:\n', 'values:\n  n:\n    count: followers\n    type: date\n');
    const root = fixtureProject('Count: :value[n].', frontmatter);
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:26:8: "n" has type "date", whose format "date" cannot show it: it is a number. Give the value a type that fits it under "values" in the frontmatter (or leave "type" out), or choose a format with format=….',
    );
  });
});
