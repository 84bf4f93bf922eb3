import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePost } from '../../src/analysis/analysePost.ts';
import { textsCleaned } from '../../src/analysis/termCounts.ts';
import type { Dataset } from '../../src/data/types.ts';
import { frontmatterSchema } from '../../src/markdown/frontmatter.ts';
import { unisolated } from '../../src/render/isolate.ts';
import { postsManifest, tempProject } from '../data/helpers.ts';
import { FRONTMATTER, fixtureProject, termsProject } from '../markdown/fixture.ts';
import { renderError, renderPost } from '../markdown/render.ts';
import { postsDataset, tweet } from './fixtures.ts';

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

describe('analysePost: campaigns counted over several posts datasets (posts: [a, b])', () => {
  const red = { id: 'red', label: '#Red', hashtags: ['Red'], color: '#b3202a' };
  const blue = { id: 'blue', label: '#Blue', hashtags: ['Blue'], color: '#1f5f8b' };
  /** A listening tool's X export and an X API export of one campaign: 101 and 102 are in both (101 a fraction earlier in the API's). */
  const tool = postsDataset(
    'x-tool',
    [
      tweet('101', '2016-07-01T10:00:00Z', 'ann', 'Red'),
      tweet('102', '2016-07-04T10:00:00Z', 'bob', 'Red', 'Blue'),
      tweet('103', '2016-07-05T10:00:00Z', 'cy', 'Blue'),
      tweet('104', '2016-07-12T10:00:00Z', 'eve'),
    ],
    { duplicates: 1 },
  );
  const api = postsDataset(
    'x-api',
    [
      tweet('101', '2016-07-01T09:59:59.400Z', 'ann', 'Red'),
      tweet('102', '2016-07-04T10:00:00Z', 'bob', 'Red', 'Blue'),
      tweet('201', '2016-07-06T10:00:00Z', 'ann', 'Blue'),
      tweet('202', '2016-07-13T10:00:00Z', 'dee', 'Red'),
      tweet('203', '2016-07-14T10:00:00Z', 'fay'),
    ],
    { duplicates: 2, deleted: 3 },
  );
  const failed = (path: (string | number)[], message: string): never => {
    throw new Error(`${path.join('.')}: ${message}`);
  };
  const analyse = (posts: string | string[], datasets: Record<string, Dataset> = { tool, api }) =>
    analysePost(
      frontmatterSchema.parse({ title: 'T', date: '2016-07-20', author: 'A', summary: 'S', datasets: {}, posts, campaigns: [red, blue] }),
      datasets,
      failed,
    );
  const value = (analysis: ReturnType<typeof analysePost>, key: string) => analysis.values.get(key)?.value;

  it('counts the posts of both as one dataset, a post both hold once (figures checked by hand)', () => {
    // Seven posts: 101 red, 102 red and blue, 103 blue, 104 none, 201 blue, 202 red, 203 none.
    const analysis = analyse(['tool', 'api']);
    const values = Object.fromEntries(
      [
        'posts.total',
        'posts.unmatched',
        'posts.shared',
        'posts.duplicates',
        'posts.deleted',
        'posts.authors',
        'campaigns.red.posts',
        'campaigns.red.only',
        'campaigns.blue.posts',
        'campaigns.overlap.posts',
        'campaigns.red.share',
        'campaigns.blue.share',
        'campaigns.overlap.share',
        'tool.rows',
        'api.rows',
      ].map((key) => [key, value(analysis, key)]),
    );
    expect(values).toEqual({
      'posts.total': 5,
      'posts.unmatched': 2,
      'posts.shared': 2,
      // 1 within the tool's files, 2 within the API's, and the 2 posts the API holds that the tool holds too.
      'posts.duplicates': 5,
      'posts.deleted': 3,
      // ann, bob, cy, dee (eve and fay used no campaign's hashtag).
      'posts.authors': 4,
      'campaigns.red.posts': 3,
      'campaigns.red.only': 2,
      'campaigns.blue.posts': 3,
      'campaigns.overlap.posts': 1,
      'campaigns.red.share': 0.4,
      'campaigns.blue.share': 0.4,
      'campaigns.overlap.share': 0.2,
      'tool.rows': 4,
      'api.rows': 5,
    });
    // The union's period: the API's copy of 101 is the earliest post, its 203 the latest.
    expect((value(analysis, 'posts.first') as Date).toISOString()).toBe('2016-07-01T09:59:59.400Z');
    expect((value(analysis, 'posts.last') as Date).toISOString()).toBe('2016-07-14T10:00:00.000Z');
    expect(analysis.posts?.rows).toHaveLength(7);
  });

  it('counts the weeks of both, a week whole only where both cover it', () => {
    const analysis = analyse(['tool', 'api']);
    const weekly = analysis.tables
      .get('weekly')
      ?.rows.map((r) => [(r.week as Date).toISOString().slice(0, 10), r.campaign, r.posts, r.days]);
    // The tool covers 1 July (a Friday) to 12 July (a Tuesday), the API 1 to 14 July: the last week is whole for
    // neither, and both cover only its Monday and Tuesday.
    expect(weekly).toEqual([
      ['2016-06-27', '#Red', 1, 3],
      ['2016-06-27', '#Blue', 0, 3],
      ['2016-07-04', '#Red', 1, 7],
      ['2016-07-04', '#Blue', 3, 7],
      ['2016-07-11', '#Red', 1, 2],
      ['2016-07-11', '#Blue', 0, 2],
    ]);
    expect(value(analysis, 'weekly.weeks')).toBe(3);
    expect(value(analysis, 'weekly.blue.max')).toBe(3);
    expect((value(analysis, 'weekly.blue.max.week') as Date).toISOString()).toBe('2016-07-04T00:00:00.000Z');
    // The gap, red against blue: 1, 2, 1. Only the week of 4 July is whole for both, so the means and the latest gap
    // are that week's (red 1, blue 3, gap 2); the largest is over every week.
    expect(value(analysis, 'weekly.wholeWeeks')).toBe(1);
    expect(value(analysis, 'weekly.red.mean')).toBe(1);
    expect(value(analysis, 'weekly.blue.mean')).toBe(3);
    expect(value(analysis, 'weekly.gap.mean')).toBe(2);
    // Signed, red − blue: blue led that week.
    expect(value(analysis, 'weekly.gap.lead.mean')).toBe(-2);
    expect(value(analysis, 'weekly.gap.max')).toBe(2);
    expect(value(analysis, 'weekly.gap.latest')).toBe(2);
    expect((value(analysis, 'weekly.gap.latest.week') as Date).toISOString()).toBe('2016-07-04T00:00:00.000Z');
  });

  it('takes the weekly means and the latest gap over the whole weeks, a partial first or last week left out (checked by hand)', () => {
    // Friday 1 July to Monday 18 July: the week of 27 June has 3 days of 7, that of 18 July 1 day.
    // Red a week: 7, 4, 6, 1; blue: 0, 1, 2, 0; the gap: 7, 3, 4, 1.
    const at = (day: string, n: number, ...tags: string[]) =>
      Array.from({ length: n }, (_, i) => tweet(`${day}-${tags.join('')}-${i}`, `${day}T1${i % 10}:00:00Z`, 'ann', ...tags));
    const x = postsDataset('x', [
      ...at('2016-07-01', 7, 'Red'),
      ...at('2016-07-05', 4, 'Red'),
      ...at('2016-07-06', 1, 'Blue'),
      ...at('2016-07-12', 6, 'Red'),
      ...at('2016-07-13', 2, 'Blue'),
      ...at('2016-07-18', 1, 'Red'),
    ]);
    const analysis = analyse('x', { x });
    const definition = (key: string) => unisolated(analysis.values.get(key)?.definition ?? '');
    expect(value(analysis, 'weekly.weeks')).toBe(4);
    expect(value(analysis, 'weekly.wholeWeeks')).toBe(2);
    // (4 + 6) / 2 and (1 + 2) / 2, not (7 + 4 + 6 + 1) / 4 = 4.5 and 3 / 4 = 0.75.
    expect(value(analysis, 'weekly.red.mean')).toBe(5);
    expect(value(analysis, 'weekly.blue.mean')).toBe(1.5);
    // (3 + 4) / 2, not 15 / 4 = 3.75.
    expect(value(analysis, 'weekly.gap.mean')).toBe(3.5);
    expect(definition('weekly.gap.mean')).toBe(
      'Mean of the absolute difference between posts using #Red’s hashtags and posts using #Blue’s in one ISO week (UTC), over 2 whole ISO weeks; the partial weeks of 2016-06-27 (3 days of 7) and 2016-07-18 (1 day of 7) left out.',
    );
    // Red leads every week, so the signed mean is the gap's: (4 − 1 + 6 − 2) / 2.
    expect(value(analysis, 'weekly.gap.lead.mean')).toBe(3.5);
    expect(definition('weekly.gap.lead.mean')).toBe(
      'Mean of posts using #Red’s hashtags minus posts using #Blue’s in one ISO week (UTC), over 2 whole ISO weeks; the partial weeks of 2016-06-27 (3 days of 7) and 2016-07-18 (1 day of 7) left out: positive when #Red posted more on average, negative when #Blue did.',
    );
    expect(definition('weekly.red.mean')).toBe(
      'Mean posts a week using #Red’s hashtags, over 2 whole ISO weeks; the partial weeks of 2016-06-27 (3 days of 7) and 2016-07-18 (1 day of 7) left out.',
    );
    // The latest whole week's gap (4), not the 1-day week's (1).
    expect(value(analysis, 'weekly.gap.latest')).toBe(4);
    expect((value(analysis, 'weekly.gap.latest.week') as Date).toISOString()).toBe('2016-07-11T00:00:00.000Z');
    expect(definition('weekly.gap.latest')).toBe(
      'The absolute difference between posts using #Red’s hashtags and posts using #Blue’s in one ISO week (UTC), in the latest whole week (week of 2016-07-11); the later partial week of 2016-07-18 (1 day of 7) left out.',
    );
    // A partial week keeps its largest count: 7 in 3 days is a real count.
    expect(value(analysis, 'weekly.red.max')).toBe(7);
    expect((value(analysis, 'weekly.red.max.week') as Date).toISOString()).toBe('2016-06-27T00:00:00.000Z');
    expect(value(analysis, 'weekly.gap.max')).toBe(7);
    expect(definition('weekly.red.max')).toMatch(/over all 4 weeks\. Partial weeks are included: a partial week’s count is a real one/);
    expect(definition('weekly.wholeWeeks')).toBe(
      'ISO weeks of the 4 (weekly.weeks) whose seven days all lie within the data’s period: the weekly means and the latest gap are taken over these, leaving out the partial weeks of 2016-06-27 (3 days of 7) and 2016-07-18 (1 day of 7).',
    );
  });

  it('names both datasets in the definitions the methods and tooltips show', () => {
    const analysis = analyse(['tool', 'api']);
    const definition = (key: string) => unisolated(analysis.values.get(key)?.definition ?? '');
    expect(definition('posts.total')).toBe(
      'Posts in “x-tool” and “x-api” that use the hashtags of at least one campaign (#Red; #Blue), matched case-insensitively, each post counted once, one that more than one of them holds too (posts.shared).',
    );
    expect(definition('posts.duplicates')).toBe(
      'Records whose id had already been read, each counted once: within a dataset (earlier in the same file or in an earlier one), 1 of “x-tool” and 2 of “x-api”; and 2 posts of “x-api” that “x-tool” holds too (posts.shared).',
    );
    expect(definition('posts.shared')).toMatch(/^Posts that both “x-tool” and “x-api” hold, counted once: the same id for the same post/);
    expect(definition('posts.first')).toBe('Time of the earliest post in “x-tool” and “x-api”, UTC.');
    expect(definition('campaigns.red.share')).toMatch(/^Posts in “x-tool” and “x-api” using #Red’s hashtags and no other campaign’s ÷ /);
    expect(unisolated(analysis.tables.get('weekly')?.definition ?? '')).toContain(
      'within the period of every one of the datasets (“x-tool” 2016-07-01 to 2016-07-12; “x-api” 2016-07-01 to 2016-07-14;',
    );
  });

  it('counts as before for one dataset, named alone or as a list of one', () => {
    for (const posts of ['tool', ['tool']]) {
      const analysis = analyse(posts);
      expect(analysis.posts?.rows).toBe(tool.rows);
      expect([value(analysis, 'posts.total'), value(analysis, 'posts.duplicates'), value(analysis, 'posts.shared')]).toEqual([
        3,
        1,
        undefined,
      ]);
      expect(unisolated(analysis.values.get('posts.total')?.definition ?? '')).toMatch(/^Posts in x-tool that use/);
      expect(analysis.tables.get('weekly')?.rows.map((r) => r.days)).toEqual([3, 3, 7, 7, 2, 2]);
    }
  });

  it('refuses an id the two hold for posts at other times, naming both datasets, the id and what to do', () => {
    const renumbered = postsDataset('x-renumbered', [tweet('101', '2016-07-08T10:00:00Z', 'gil', 'Red')]);
    expect(() => analyse(['tool', 'other'], { tool, other: renumbered })).toThrow(
      'posts.1: The id "101" names a post at 2016-07-01T10:00:00Z in x-tool ("tool") and one at 2016-07-08T10:00:00Z in x-renumbered ("other"): the same id at times more than a second apart, so counting the datasets together would drop one as a duplicate of the other. Either the ids are not the platform\'s (a tool numbering its own rows), or one export\'s times are off (read in the wrong zone).',
    );
  });
});

describe('analysePost: "posts" naming the posts datasets, refused at the alias that is wrong', () => {
  /** Two posts datasets ("one", "two") and an accounts one ("followers"), with `posts` as given on line 10. */
  const project = (posts: string) =>
    fixtureProject(
      'Red: :value[campaigns.red.posts].',
      FRONTMATTER.replace('datasets:\n  tweets: tweets\n', `datasets:\n  one: tweets\n  two: more\n`).replace(
        'campaigns:\n',
        `${posts}campaigns:\n`,
      ),
    );
  const more = (root: string) => {
    mkdirSync(join(root, 'data/more'));
    writeFileSync(join(root, 'data/more/manifest.yaml'), postsManifest());
    writeFileSync(join(root, 'data/more/a.csv'), 'id,created_at,user,text\n9,2016-07-06T10:00:00Z,e,#Red five\n');
    return root;
  };
  const hint = 'Name under "posts" the alias of a posts dataset under "datasets", or a list of them (see README, "Writing a post").';
  const cases: [string, string, string][] = [
    [
      'an unknown alias in a list, with the closest',
      'posts: [one, tow]\n',
      `content/posts/post.md:10:14: "tow" is not a posts dataset alias of this post: its posts datasets are "one", "two". Did you mean "two"? ${hint}`,
    ],
    [
      'an alias of an accounts dataset',
      'posts:\n  - one\n  - followers\n',
      `content/posts/post.md:12:5: "followers" is not a posts dataset alias of this post: it reads an accounts dataset (followers), which has no posts to count campaigns on; its posts datasets are "one", "two". ${hint}`,
    ],
    [
      'an alias listed twice',
      'posts: [one, two, one]\n',
      `content/posts/post.md:10:19: "one" is listed twice in "posts" (it is item 1 too): a dataset's posts are counted once. Remove this one. ${hint}`,
    ],
    [
      'an empty list',
      'posts: []\n',
      `content/posts/post.md:10:1: "posts" is an empty list, so no campaign can be counted: name one alias (posts: one), or list them to count their posts together, as one dataset (posts: [one, two]). ${hint}`,
    ],
    [
      'several posts datasets and no "posts"',
      '',
      `content/posts/post.md:6:1: This post has several posts datasets ("one", "two") and no "posts" saying which its campaigns are counted on: name one alias (posts: one), or list them to count their posts together, as one dataset (posts: [one, two]). ${hint}`,
    ],
  ];
  for (const [what, posts, message] of cases)
    it(`refuses ${what}`, async () => {
      expect(await renderError(more(project(posts)), 'content/posts/post.md')).toBe(message);
    });

  it('counts the listed datasets together', async () => {
    // Red: 3 posts of "one" and 1 of "two".
    const html = await renderPost(more(project('posts: [one, two]\n')), 'content/posts/post.md');
    expect(html.replace(/<[^>]+>/g, '')).toBe('Red: 4.');
  });
});
