import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { error, forgetPrintedRenders, UnknownKey } from '../../src/errors.ts';
import { SoundingsErrors } from '../../src/markdown/remarkSoundings.ts';
import { postsManifest, tempProject } from '../data/helpers.ts';
import { FRONTMATTER, fixtureProject } from './fixture.ts';
import { renderError, renderPost } from './render.ts';

afterEach(() => vi.restoreAllMocks());

describe("remarkSoundings: hashtags that differ from a campaign's only by accents", () => {
  it("are warned of at the campaign's hashtags, with how many posts use them, and not counted", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv':
        'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red one\n2,2016-07-02T10:00:00Z,b,#Réd two\n3,2016-07-03T10:00:00Z,c,#réd #RÉD three\n4,2016-07-04T10:00:00Z,d,#Blue\n',
      'content/posts/post.md': `${FRONTMATTER.replace('  followers: followers\n', '').replace(/values:\n(.*\n)*?---/, '---')}\n:value[campaigns.red.posts] red posts.\n`,
    });
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).toMatch(/data-key="campaigns.red.posts"[^>]*>1<\/span><\/a> red posts/);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      'content/posts/post.md:11:5: #Réd (2 posts) differs from #Red only by accents, so it is not counted for #Red. If the same campaign, add the spelling to its "hashtags"; campaigns match hashtags exactly apart from case.',
      // The fixture's #Blue lists #SaveBlue, which these posts do not use.
      'content/posts/post.md:15:22: No post uses #SaveBlue, which #Blue lists beside hashtags that posts do use, so it counts nothing. Check its spelling against the posts; if no post uses it, remove it.',
    ]);
  });
});

describe('remarkSoundings: a campaign hashtag no post uses', () => {
  it("is warned of at its line when the campaign's other hashtags are used; a hyphen's reading is explained", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv':
        'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#WolneSądy one\n2,2016-07-02T10:00:00Z,b,#Wolne-Sądy two\n3,2016-07-04T10:00:00Z,d,#Blue #SaveBlue\n',
      'content/posts/post.md': `${FRONTMATTER.replace('  followers: followers\n', '')
        .replace('hashtags: [Red]', 'hashtags: [WolneSądy, Wolne-Sądy]')
        .replace(/values:\n(.*\n)*?---/, '---')}\n:value[campaigns.red.posts] red posts.\n`,
    });
    const html = await renderPost(root, 'content/posts/post.md');
    // The second post's text reads #Wolne: only the first counts.
    expect(html).toMatch(/data-key="campaigns.red.posts"[^>]*>1<\/span><\/a> red posts/);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      'content/posts/post.md:11:27: No post uses #Wolne-Sądy, which #Red lists beside hashtags that posts do use, so it counts nothing. A post\'s text reads "#Wolne-Sądy" as #Wolne: only a platform\'s own tags or a hashtags column can carry a hyphen. Check its spelling against the posts; if no post uses it, remove it.',
    ]);
  });
});

describe("remarkSoundings: hashtags spelt almost as a campaign's", () => {
  /** Blue's #SaveBlue in 3 posts, #Blue in 1; #SaveBlues, a near-miss, in 3 posts without either and 1 with #Blue. */
  const project = (frontmatter: string) =>
    tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv':
        'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n2,2016-07-02T10:00:00Z,b,#SaveBlue\n3,2016-07-03T10:00:00Z,c,#SaveBlue\n4,2016-07-04T10:00:00Z,d,#SaveBlue\n5,2016-07-04T11:00:00Z,e,#SaveBlues now\n6,2016-07-05T10:00:00Z,f,#saveblues\n7,2016-07-05T11:00:00Z,g,#Blue #SaveBlues\n8,2016-07-06T10:00:00Z,h,#Blue\n9,2016-07-06T11:00:00Z,i,#SAVEBLUES\n',
      'content/posts/post.md': `${frontmatter.replace('  followers: followers\n', '').replace(/values:\n(.*\n)*?---/, '---')}\n:value[campaigns.blue.posts] blue posts.\n`,
    });

  it("are warned of at the campaign's hashtags, with the posts it does not count and how to include or silence them", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const html = await renderPost(project(FRONTMATTER), 'content/posts/post.md');
    // 2, 3, 4, 7 and 8: #SaveBlues alone (5, 6 and 9) is not counted.
    expect(html).toMatch(/data-key="campaigns.blue.posts"[^>]*>5<\/span><\/a> blue posts/);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      'content/posts/post.md:15:5: #SaveBlues is in 3 posts without #Blue\'s hashtags (as many as 60.0% of the 5 posts it counts) and is spelt almost as #SaveBlue, so those posts are not counted for #Blue. If the same campaign, add the spelling to its "hashtags"; if another, add it to its "unrelated" to say so, and this warning is not given again.',
    ]);
  });

  it('are not warned of once listed, under "hashtags" (then counted) or "unrelated"', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const listed = await renderPost(
      project(FRONTMATTER.replace('[Blue, SaveBlue]', '[Blue, SaveBlue, SaveBlues]')),
      'content/posts/post.md',
    );
    expect(listed).toMatch(/data-key="campaigns.blue.posts"[^>]*>8<\/span><\/a> blue posts/);
    await renderPost(
      project(FRONTMATTER.replace('[Blue, SaveBlue]\n', '[Blue, SaveBlue]\n    unrelated: ["#SaveBlues"]\n')),
      'content/posts/post.md',
    );
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('remarkSoundings: the hashtag warnings of several posts datasets counted together', () => {
  it("read the posts of every listed dataset: a spelling one dataset's posts use is not unused, and accents are counted over all", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red one\n2,2016-07-04T10:00:00Z,d,#Blue\n',
      'data/toots/manifest.yaml': postsManifest(),
      'data/toots/a.csv': 'id,created_at,user,text\nt1,2016-07-02T10:00:00Z,b,#SaveBlue #Réd\nt2,2016-07-03T10:00:00Z,c,#réd\n',
      'content/posts/post.md': `${FRONTMATTER.replace('  followers: followers\n', '  toots: toots\nposts: [tweets, toots]\n').replace(
        /values:\n(.*\n)*?---/,
        '---',
      )}\n:value[campaigns.blue.posts] blue posts.\n`,
    });
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).toMatch(/data-key="campaigns.blue.posts"[^>]*>2<\/span><\/a> blue posts/);
    // #SaveBlue is only in the toots: not warned of. #Réd is in both of their posts.
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      'content/posts/post.md:13:5: #Réd (2 posts) differs from #Red only by accents, so it is not counted for #Red. If the same campaign, add the spelling to its "hashtags"; campaigns match hashtags exactly apart from case.',
    ]);
  });
});

/** A CSV of posts: `[day, text]` each, at 10:00 UTC that day. */
const csv = (posts: readonly [string, string][]) =>
  `id,created_at,user,text\n${posts.map(([day, text], i) => `${i + 1},${day}T10:00:00Z,u${i},${text}`).join('\n')}\n`;

/**
 * Four whole weeks, Monday 4 July to Sunday 31 July 2016 (`first` and `last` are of no campaign, to set the period):
 * red against blue 3–1, 0–2, 1–1 and 2–0, so red leads two weeks, blue one, and one is a tie.
 */
const FOUR_WEEKS: [string, string][] = [
  ['2016-07-04', 'first'],
  ['2016-07-04', '#Red'],
  ['2016-07-05', '#Red'],
  ['2016-07-06', '#Red'],
  ['2016-07-07', '#Blue #SaveBlue'],
  ['2016-07-12', '#Blue'],
  ['2016-07-13', '#Blue'],
  ['2016-07-19', '#Red'],
  ['2016-07-20', '#Blue'],
  ['2016-07-26', '#Red'],
  ['2016-07-27', '#Red'],
  ['2016-07-31', 'last'],
];
/** Whether `day` is in the week of 11 July (blue's lead) or of 18 July (the tie). */
const middle = (day: string) => day >= '2016-07-11' && day <= '2016-07-24';
const blueWeek = (day: string) => day >= '2016-07-11' && day <= '2016-07-17';

/** The fixture's post without its followers dataset or values (its frontmatter then ends at line 17), and `body`. */
const weeksProject = (posts: readonly [string, string][], body: string, frontmatter = FRONTMATTER) =>
  tempProject({
    'data/tweets/manifest.yaml': postsManifest(),
    'data/tweets/a.csv': csv(posts),
    'content/posts/post.md': `${frontmatter.replace('  followers: followers\n', '').replace(/values:\n(.*\n)*?---/, '---')}\n${body}\n`,
  });
const text = (html: string) => html.replace(/<[^>]+>/g, '').trim();

describe('remarkSoundings: a weekly gap that changes side', () => {
  const changes = (leader: string, other: string) =>
    `${other} posted more than ${leader} in 1 of the 4 weeks the weekly gap counts (the week of 2016-07-11), ${leader} in 2. weekly.gap.mean, weekly.gap.max and weekly.gap.latest are sizes of the difference whichever campaign leads, so the mean adds ${other}'s leads to ${leader}'s. Say in the prose which campaign led when; weekly.gap.lead.mean is the signed mean, the first gap campaign's posts minus the second's (README, "Keys").`;

  it("is warned of once, at the post's file when the gap is the default pair, naming the weeks the other campaign led", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const html = await renderPost(
      weeksProject(FOUR_WEEKS, 'Gap :value[weekly.gap.mean], lead :value[weekly.gap.lead.mean].'),
      'content/posts/post.md',
    );
    // |2|, |−2|, 0 and |2| over 4 weeks; 2 − 2 + 0 + 2. The numbers are not changed.
    expect(text(html)).toBe('Gap 1.5, lead 0.5.');
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([`content/posts/post.md: ${changes('#Red', '#Blue')}`]);
  });

  it("is warned of at the frontmatter's gap when it names the pair, the campaign that led in more weeks named first", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const frontmatter = FRONTMATTER.replace('values:', 'gap: [blue, red]\nvalues:');
    const html = await renderPost(
      weeksProject(FOUR_WEEKS, 'Largest :value[weekly.gap.max], lead :value[weekly.gap.lead.mean].', frontmatter),
      'content/posts/post.md',
    );
    expect(text(html)).toBe('Largest 2, lead −0.5.');
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([`content/posts/post.md:17:1: ${changes('#Red', '#Blue')}`]);
  });

  it('is not warned of in a post that prints no size of the gap: its signed mean, or none of it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const body of ['Lead :value[weekly.gap.lead.mean].', 'Red :value[weekly.red.mean].']) {
      await renderPost(weeksProject(FOUR_WEEKS, body), 'content/posts/post.md');
      expect(warn, body).not.toHaveBeenCalled();
    }
  });

  it('is not warned of when the other campaign only ties (a week neither posts in is a tie), nor in a partial week left out', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Blue's week of 11 July (0–2) becomes 0–0, with posts of neither; blue leads only on Monday 1 August, in a partial
    // last week the means leave out.
    const posts = FOUR_WEEKS.map(([day, t]): [string, string] => [day, blueWeek(day) ? 'other' : t]);
    const html = await renderPost(
      weeksProject([...posts, ['2016-08-01', '#Blue']], 'Lead :value[weekly.gap.lead.mean].'),
      'content/posts/post.md',
    );
    // 2 + 0 + 0 + 2 over the 4 whole weeks.
    expect(text(html)).toBe('Lead 1.');
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('remarkSoundings: a whole week without posts', () => {
  it("is warned of at the posts dataset's line, naming the weeks; the means still count them as 0", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // The weeks of 11 and 18 July left out, as missing exports leave them: red 3, 0, 0 and 2.
    const posts = FOUR_WEEKS.filter(([day]) => !middle(day));
    const html = await renderPost(weeksProject(posts, 'Red :value[weekly.red.mean].'), 'content/posts/post.md');
    expect(text(html)).toBe('Red 1.3.');
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      `content/posts/post.md:7:3: No post of "tweets" falls in the weeks of 2016-07-11 and 2016-07-18, inside the data's period, so the weekly means count them as weeks of 0 posts for every campaign. If an export is missing from the dataset's folder, add it; if no one posted then, the 0 is real and nothing needs changing: say so in the prose.`,
    ]);
  });

  it('is not warned of when the dataset holds posts that week, of no campaign: the campaigns were silent, and the data is there', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const posts = FOUR_WEEKS.map(([day, t]): [string, string] => [day, middle(day) ? 'other' : t]);
    const html = await renderPost(weeksProject(posts, 'Red :value[weekly.red.mean].'), 'content/posts/post.md');
    expect(text(html)).toBe('Red 1.3.');
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('remarkSoundings: a post whose data cannot be read or analysed', () => {
  const body = '::chart[Share]{data=share-of-voice spec=pies description=d}\n\n::wordcompare[Words]{a=red b=red}';

  it("reports the directives' mistakes found without the data with the dataset that is not there", async () => {
    const root = fixtureProject(body, FRONTMATTER.replace('tweets: tweets', 'tweets: tweet'));
    expect((await renderError(root, 'content/posts/post.md')).split('\n')).toEqual([
      expect.stringMatching(/^content\/posts\/post\.md:7:3: There is no dataset "tweet" in data\/\. Did you mean "tweets"\?/),
      expect.stringMatching(/^content\/posts\/post\.md:23:36: "pies" is neither a built-in chart/),
      'content/posts/post.md:25:28: ::wordcompare: compares a campaign with itself: a and b must differ. See README, "Word clouds", for its attributes.',
    ]);
  });

  it('reports them with a value that cannot be computed, and with a frontmatter mistake (no campaign then to check)', async () => {
    const noValue = fixtureProject(body, FRONTMATTER.replace('followers.small]', 'followers.smal]'));
    expect((await renderError(noValue, 'content/posts/post.md')).split('\n')).toEqual([
      expect.stringMatching(/^content\/posts\/post\.md:19:3: The value "reach" refers to "followers\.smal", which is not a known key\./),
      expect.stringMatching(/^content\/posts\/post\.md:23:36: "pies" is neither/),
      expect.stringMatching(/^content\/posts\/post\.md:25:28: ::wordcompare: compares a campaign with itself/),
    ]);
    const badColour = fixtureProject(`${body}\n\n::wordcloud[W]{campaign=green}`, FRONTMATTER.replace('"#b3202a"', 'red'));
    expect((await renderError(badColour, 'content/posts/post.md')).split('\n')).toEqual([
      expect.stringMatching(/^content\/posts\/post\.md:13:5: "campaigns\.0\.color" must be a hex colour/),
      expect.stringMatching(/^content\/posts\/post\.md:23:36: "pies" is neither/),
      expect.stringMatching(/^content\/posts\/post\.md:25:28: ::wordcompare: compares a campaign with itself/),
    ]);
  });
});

describe('SoundingsErrors (a post’s several problems) as console.error prints it', () => {
  it("is headed by the post it stops, not Astro's Markdown renderer's 'Failed to parse Markdown file'", () => {
    forgetPrintedRenders();
    const problems = [
      error(UnknownKey, { file: 'data/a/x.json', line: 14, column: 5 }, 'posts.totl', []),
      error(UnknownKey, { file: 'content/posts/a.md', line: 62, column: 9 }, 'posts.totl', []),
    ];
    const e = new SoundingsErrors(problems);
    const messages = e.message;
    // What node_modules/@astrojs/markdown-remark/dist/index.js (prefixError) does to it before console.error(err).
    e.message = `Failed to parse Markdown file "${join(process.cwd(), 'content', 'posts', 'a.md')}":\n${messages}`;
    expect(inspect(e)).toBe(`Soundings could not render content/posts/a.md:\n${messages}`);
    expect(messages.split('\n')).toHaveLength(2);
  });
});
