import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textsCleaned } from '../../src/analysis/termCounts.ts';
import { tempProject } from '../data/helpers.ts';
import { FRONTMATTER, fixtureProject, termsProject } from '../markdown/fixture.ts';
import { renderError, renderPost } from '../markdown/render.ts';

/** A post reading the table dataset "towns" (town, region, n) through the alias "t", with `values` as given. */
function townsProject(values: string, body = 'Value: :value[x].') {
  return tempProject({
    'data/towns/manifest.yaml':
      'title: T\ndescription: D\nkind: table\nsource: S\nlicence: CC0-1.0\ncollected: 2016-09-18\ncolumns:\n  town: string\n  region: string\n  n: integer\n',
    'data/towns/a.csv': 'town,region,n\nYork,North,1\nHull,North,2\nBath,South,4\n',
    'content/posts/post.md': `---\ntitle: T\ndate: 2016-09-18\nauthor: A\nsummary: S\ndatasets:\n  t: towns\nvalues:\n${values}---\n\n${body}\n`,
  });
}

describe('analysePost: a value whose filter keeps no row', () => {
  // Frontmatter lines: 1 "---", … 8 "values:", 9 "  x:", 10 the kind, 11 column (or where), 12 where…
  const holds =
    '"region" holds "North", "South". Values match exactly, in case and spelling. Fix its definition under "values" in the frontmatter.';
  const cases: [string, string, string][] = [
    [
      'sum',
      '    sum: t\n    column: n\n    where: { region: north }\n',
      `post.md:12:5: The value "x" has a "where" that keeps no row of "t" (3 rows): ${holds}`,
    ],
    [
      'count',
      '    count: t\n    where: { region: north }\n',
      `post.md:11:5: The value "x" has a "where" that keeps no row of "t" (3 rows): ${holds}`,
    ],
    [
      'max',
      '    max: t\n    column: n\n    where: { region: north }\n',
      `post.md:12:5: The value "x" has a "where" that keeps no row of "t" (3 rows): ${holds}`,
    ],
    [
      'pick',
      '    pick: t\n    column: n\n    where: { region: north }\n',
      `post.md:12:5: The value "x" has a "where" that keeps no row of "t" (3 rows): ${holds}`,
    ],
    [
      'share (where)',
      '    share: t\n    column: n\n    where: { region: north }\n    of: { town: York }\n',
      `post.md:12:5: The value "x" has a "where" that keeps no row of "t" (3 rows): ${holds}`,
    ],
    [
      'share (of)',
      '    share: t\n    column: n\n    where: { region: North }\n    of: { town: Bath }\n',
      'post.md:13:5: The value "x" has an "of" that keeps none of the 2 rows its "where" keeps: "town" holds "York", "Hull". Values match exactly, in case and spelling. Fix its definition under "values" in the frontmatter.',
    ],
  ];
  for (const [kind, value, message] of cases)
    it(`refuses ${kind} at the filter's line, naming what the column holds, rather than printing 0`, async () => {
      const error = await renderError(townsProject(`  x:\n${value}`), 'content/posts/post.md');
      expect(error).toBe(`content/posts/${message}`);
    });

  it('computes the same values when the filter keeps rows', async () => {
    const root = townsProject(
      '  x:\n    sum: t\n    column: n\n    where: { region: North }\n  y:\n    count: t\n    where: { region: South }\n  z:\n    share: t\n    column: n\n    where: { region: North }\n    of: { town: Hull }\n',
      ':value[x], :value[y], :value[z].',
    );
    expect((await renderPost(root, 'content/posts/post.md')).replace(/<[^>]+>/g, '')).toBe('3, 1, 66.7%.');
  });
});

describe('analysePost: campaigns', () => {
  it("refuses a campaign whose hashtags no post uses, at its hashtags' line, naming the closest hashtags in the data", async () => {
    const root = fixtureProject(
      'Blue: :value[campaigns.blue.share].',
      FRONTMATTER.replace('hashtags: [Blue, SaveBlue]', 'hashtags: [Bleu, SavBlue]'),
    );
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:16:5: "campaigns.1.hashtags": no post of "tweets" (4 posts) uses #Bleu, #SavBlue, so every number about #Blue would be 0. The closest hashtags in the data: #Blue (1 post), #SaveBlue (1 post). Hashtags match exactly apart from case: list the spellings the posts use; if no post really used the campaign\'s hashtags, leave the campaign out and say so in the prose. Fix the frontmatter (see README, "Writing a post").',
    );
  });

  it('counts the terms of the posts only for a post that prints a term or keyness value', async () => {
    const before = textsCleaned();
    expect(await renderPost(fixtureProject('Posts: :value[posts.total].'), 'content/posts/post.md')).toContain('>4<');
    expect(textsCleaned()).toBe(before);
    // A misspelt key is told apart, with the nearest offered, without counting either.
    expect(await renderError(fixtureProject('Top: :value[terms.red.tops].'), 'content/posts/post.md')).toMatch(/terms\.red\.top\b/);
    expect(textsCleaned()).toBe(before);
    const html = await renderPost(termsProject(['harbour', 'jobs', 'ferry']), 'content/posts/post.md');
    expect(html.replace(/<[^>]+>/g, '')).toBe('Top: harbour and jobs.');
    // Red's two texts and blue's one, each read once.
    expect(textsCleaned() - before).toBe(3);
  });

  it('prints a weekly mean with its decimal (a mean of posts is not a whole number of posts)', async () => {
    // Red: 2 posts in the week of 27 June, 1 in the week of 4 July; blue: none, then 2; the gap: 2, then 1.
    const root = fixtureProject(
      ':value[weekly.red.mean], :value[weekly.blue.mean], :value[weekly.gap.mean]; :value[weekly.red.mean]{format=thousands}.',
    );
    const post = join(root, 'content/posts/post.md');
    writeFileSync(post, readFileSync(post, 'utf8').replace('values:\n', 'gap: [red, blue]\nvalues:\n'));
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html.replace(/<[^>]+>/g, '')).toBe('1.5, 1, 1.5; 2.');
  });

  it('prints campaigns.overlap.share as 0.0% when no post uses two campaigns, with no overlap row in the share of voice', async () => {
    const root = fixtureProject(
      ':value[campaigns.overlap.share] of :value[posts.total] posts used both.\n\n::table[S]{data=share-of-voice}',
    );
    writeFileSync(
      join(root, 'data/tweets/a.csv'),
      'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red one\n2,2016-07-04T10:00:00Z,c,#SaveBlue\n',
    );
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html.split('\n')[0]?.replace(/<[^>]+>/g, '')).toBe('0.0% of 2 posts used both.');
    expect(html).not.toContain('More than one campaign');
  });
});
