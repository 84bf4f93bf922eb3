import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { postsManifest, tempProject } from '../../data/helpers.ts';
import { renderError, renderPost } from '../render.ts';
import { FRONTMATTER, project, tweets } from './wordcloudFixture.ts';

afterEach(() => vi.restoreAllMocks());

describe('::wordcompare[Title]{a b …} and the keyness values', () => {
  it('says in its column, wide and on a phone, that no word sets a side apart, rather than leaving it empty', async () => {
    // Both campaigns use the same words: nothing is distinctive at |z| ≥ 1.96.
    const rows = ['id,created_at,user,text'];
    for (let i = 0; i < 8; i++)
      for (const tag of ['Red', 'Blue'])
        rows.push(`${rows.length},2016-07-01T10:00:00Z,u${rows.length},"members rally harbour word${i} #${tag}"`);
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `${rows.join('\n')}\n`,
      'content/posts/post.md': `${FRONTMATTER}\nIntro.\n\n::wordcompare[Red against blue]{a=red b=blue}\n`,
    });
    const html = await renderPost(root, 'content/posts/post.md');
    const svgs = Array.from(html.matchAll(/<svg[\s\S]*?<\/svg>/g), (m) => m[0]);
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) expect(svg.match(/>No word sets it apart\.<\/text>/g)).toHaveLength(2);
    expect(html).toContain('Left, words that distinguish ⁨#Red⁩: none.');
    expect(html).toContain('Middle, the most used words neither side distinguishes: ');
  });

  it('is refused at its b= for a campaign the post does not have, or for the campaign its a= names', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': tweets(),
      'content/posts/post.md': `${FRONTMATTER}\nIntro.\n\n::wordcompare[Red against green]{a=red b=green}\n\n::wordcompare[Red against red]{a=red b=red}\n`,
    });
    expect((await renderError(root, 'content/posts/post.md')).split('\n')).toEqual([
      'content/posts/post.md:21:40: There is no campaign "green" in this post. Its campaigns are "red", "blue". Use the id of a campaign listed under "campaigns" in the frontmatter.',
      'content/posts/post.md:23:38: ::wordcompare: compares a campaign with itself: a and b must differ. See README, "Word clouds", for its attributes.',
    ]);
  });

  it('says when a top word is too long for any width, and gives the exclude="…" that leaves it out, spelt in full', async () => {
    // 138 letters, used alike by both sides: a shared word, 633 px long at 10 px, in a middle column 393 px wide at most.
    const long =
      'Antidisestablishmentarianismfloccinaucinihilipilificationpneumonoultramicroscopicsilicovolcanoconiosishippopotomonstrosesquippedaliophobia';
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `${tweets()}${[1, 2, 3, 4, 5, 6]
        .map((i) => `${2000 + i},2016-07-01T10:00:00Z,y${i},"${long} says the council ${i} ${i < 5 ? '#Red' : '#Blue'}"`)
        .join('\n')}\n`,
      'content/posts/post.md': `${FRONTMATTER}\nIntro.\n\n::wordcompare[Red against blue]{a=red b=blue width=2000 height=1200}\n`,
    });
    expect((await renderError(root, 'content/posts/post.md')).split('\n')).toEqual([
      `content/posts/post.md:21:1: ::wordcompare: "${long.slice(0, 79)}…" is one of the 10 largest words but is too long to fit: at 10 px, the smallest size, it is 633 px long, and the middle column is 393 px wide. No width up to 2000 gives it room: leave it out with exclude="${long}". A word is never cut, nor drawn smaller than min-font (see README, "Word clouds").`,
    ]);
    const post = readFileSync(join(root, 'content/posts/post.md'), 'utf8');
    writeFileSync(join(root, 'content/posts/post.md'), post.replace('height=1200}', `exclude="${long}"}`));
    expect(await renderPost(root, 'content/posts/post.md')).toContain(`Left out: ${long}.`);
  });

  it('says of words the font has no glyphs for, as of those that found no room, what helps each', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Two Hebrew words in two red texts: shared words (|z| < 1.96), the middle column's largest.
    const root = (attributes: string) =>
      tempProject({
        'data/tweets/manifest.yaml': postsManifest(),
        'data/tweets/a.csv': `${tweets()}998,2016-07-01T10:00:00Z,h,"מרחבא שלנו #Red"\n999,2016-07-01T10:00:00Z,i,"שלנו מרחבא #Red"\n`,
        'content/posts/post.md': `${FRONTMATTER}\n::wordcompare[Red against blue]{a=red b=blue ${attributes}}\n`,
      });
    const hint =
      'A larger cloud or fewer words do not help: the font draws Latin, Greek and Cyrillic letters only (see README, "Word clouds").';
    // Among a column's top words, they fail the build with the one advice that helps.
    expect(await renderError(root(''), 'content/posts/post.md')).toBe(
      `content/posts/post.md:19:1: ::wordcompare: "מרחבא", "שלנו" are among the 10 largest words, but the cloud's font, Source Sans 3, has no glyphs for their Hebrew characters. Leave them out of the cloud and its table with exclude="מרחבא, שלנו". ${hint}`,
    );
    const html = await renderPost(root('top=1 height=160 min-font=14'), 'content/posts/post.md');
    expect(html).toContain(
      '<tr><td>מרחבא</td><td>shared</td><td class="num">2</td><td class="num">0</td><td class="num">+0.46</td><td>no (no glyph)</td></tr>',
    );
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      'content/posts/post.md:19: ::wordcompare: 2 words did not fit and are only in the table: "topicda", "topicdb". Make the cloud larger, or ask for fewer words.',
      `content/posts/post.md:19: ::wordcompare: 2 words are only in the table, as the cloud's font, Source Sans 3, has no glyphs for their Hebrew characters: "מרחבא", "שלנו". Leave them out of the table too with exclude="מרחבא, שלנו". ${hint}`,
    ]);
  });

  it('leaves excluded words out of the columns, the table and what a screen reader hears', async () => {
    const html = await renderPost(
      project('::wordcompare[Red against blue]{a=red b=blue exclude="members, election"}'),
      'content/posts/post.md',
    );
    expect(html).toContain('rally');
    expect(html).toContain('Left out: members, election.');
    expect(html.replace('Left out: members, election.', '')).not.toMatch(/members|election/);
  });

  it('puts the words that distinguish each side in its own column, with counts and z in the table', async () => {
    const html = await renderPost(
      project(
        'Red leaned on :value[keyness.red.blue.top], blue on :value[keyness.blue.red.top]; both used :value[keyness.red.blue.shared].\n\n::wordcompare[Red against blue]{a=red b=blue}',
      ),
      'content/posts/post.md',
    );
    expect(html).toContain('<span class="value" data-key="keyness.red.blue.top"');
    // Only two red words reach |z| ≥ 1.96 (30 texts against none: z = +2.14); the blue ones reach −3.00.
    expect(html).toMatch(/data-key="keyness\.red\.blue\.top"[^>]*>members and rally<\/span>/);
    expect(html).toMatch(/data-key="keyness\.blue\.red\.top"[^>]*>election, matters and Winning<\/span>/);
    expect(html).toMatch(/data-key="keyness\.red\.blue\.shared"[^>]*>party, alert and script<\/span>/);
    expect(html).toContain('>More \u2068#Red\u2069</text>');
    expect(html).toContain('>More \u2068#Blue\u2069</text>');
    expect(html).toContain('>Shared</text>');
    // party: 30 red and 12 blue texts, used at the same rate (30 of 91 vs 12 of 36 terms): |z| < 1.96
    expect(html).toMatch(
      /<tr><td>party<\/td><td>shared<\/td><td class="num">30<\/td><td class="num">12<\/td><td class="num">[+−-]0\.\d\d<\/td><td>yes<\/td><\/tr>/,
    );
    expect(html).toContain(
      '<tr><td>members</td><td>#Red</td><td class="num">30</td><td class="num">0</td><td class="num">+2.14</td><td>yes</td></tr>',
    );
    expect(html).toContain(
      '<caption>Terms by weighted log-odds z-score, <bdi>#Red</bdi> over <bdi>#Blue</bdi> (positive: more typical of <bdi>#Red</bdi>)</caption>',
    );
    // The frame the table scrolls in on a phone is named as the caption, the campaigns' labels isolated in plain text.
    expect(html).toContain(
      '<div class="table-scroll" role="region" aria-label="Terms by weighted log-odds z-score, \u2068#Red\u2069 over \u2068#Blue\u2069" tabindex="0"><table><caption>',
    );
    expect(html).toContain('<th scope="col" class="num">\u2068#Red\u2069 texts</th>');
    expect(html).toContain('<tr><th scope="col">Term</th><th scope="col">Distinguishes</th>');
    expect(html).toContain('<th scope="col">In the cloud</th></tr>');
    expect(html).toContain(
      '<title>\u2068election\u2069: 0 \u2068#Red\u2069 and 12 \u2068#Blue\u2069 texts, z = −3.00</title>election</text>',
    );

    // Phones: the three columns stacked at 310 px, a on top, then the shared words, then b.
    const phone = /<div class="wordcloud-narrow">(<svg[\s\S]*?<\/svg>)<\/div>/.exec(html)?.[1] ?? '';
    expect(phone).toContain('id="wordcompare-red-blue-1-narrow"');
    expect(phone).toMatch(/viewBox="0 0 310 /);
    const headings = Array.from(phone.matchAll(/<text x="0" y="([\d.]+)"[^>]*>([^<]+)<\/text>/g), (m) => [m[2], Number(m[1])] as const);
    expect(headings.map(([h]) => h)).toEqual(['More \u2068#Red\u2069', 'Shared', 'More \u2068#Blue\u2069']);
    expect(headings.map(([, y]) => y)).toEqual([...headings.map(([, y]) => y)].sort((x, y) => x - y));
    expect(Math.min(...Array.from(phone.matchAll(/font-size="([\d.]+)"/g), (m) => Number(m[1])))).toBeGreaterThanOrEqual(10);
    expect(phone).toContain(
      '<desc id="wordcompare-red-blue-1-narrow-desc">Top, words that distinguish \u2068#Red\u2069: \u2068members\u2069',
    );
    expect(html).toContain(
      '<span class="wordcloud-narrow"> On this screen the columns are stacked, <bdi>#Red</bdi> on top and <bdi>#Blue</bdi> at the bottom, with the first 12 words of each side; the table lists those of the full chart.</span>',
    );
  });
});
