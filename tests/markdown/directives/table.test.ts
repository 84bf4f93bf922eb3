import { describe, expect, it } from 'vitest';
import { FRONTMATTER, fixtureProject } from '../fixture.ts';
import { renderError, renderPost } from '../render.ts';

/** The header texts of each table in the page, in order, as a reader sees them: "A | B" for a table headed A and B. */
const heads = (html: string) =>
  [...html.matchAll(/<thead><tr>(.*?)<\/tr><\/thead>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((th) => th[1]).join(' | '),
  );

describe('::table[Caption]{data columns headers where}', () => {
  it('shows a computed table with its formats, chosen columns and headers, escaped', async () => {
    const root = fixtureProject(
      '::table[Share <of> voice]{data=share-of-voice columns="campaign, share" headers="Campaign, Share of voice" where="campaign=#Red"}',
    );
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).toContain('<th scope="col">Campaign</th><th scope="col" class="num">Share of voice</th>');
    expect(html).toContain('<tr><td>#Red</td><td class="num">50.0%</td></tr>');
    expect(html).not.toContain('#Blue');
  });

  it('is in a frame under its caption, which scrolls it where it is wider than the column, named by the caption', async () => {
    const root = fixtureProject('::table[Tom & "Jerry\'s" share]{data=share-of-voice}');
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).toContain(
      '<figcaption><strong class="chart-title">Tom &#x26; “Jerry’s” share</strong></figcaption><div class="table-scroll" role="region" aria-label="Tom &#x26; “Jerry’s” share" tabindex="0"><table>',
    );
  });

  it("heads its columns and says what it is with the body's typography, as its caption", async () => {
    const root = fixtureProject(
      `::table[Red's share]{data=share-of-voice columns="campaign, share" headers="Campaign's tag, Share -- of voice" description="Each campaign's share."}`,
    );
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).toContain('<th scope="col">Campaign’s tag</th><th scope="col" class="num">Share — of voice</th>');
    expect(html).toContain('Each campaign’s share.');
    expect(html).toContain('Red’s share');
  });

  it("heads a built-in table's columns for readers, as its chart's data table heads them", async () => {
    const root = fixtureProject(
      [
        '::table[Share of voice]{data=share-of-voice}',
        '::chart[Share of voice]{data=share-of-voice spec=share-of-voice description="Shares."}',
        '::table[Weekly]{data=weekly}',
        '::table[Projected]{data=projection}',
      ].join('\n\n'),
      FRONTMATTER.replace(
        'values:\n',
        'projection:\n  campaign: red\n  references: [last]\nvalues:\n  last: { sum: followers, column: followers, where: { id: small }, type: share, scale: 0.00001 }\n',
      ),
    );
    const share = 'Campaign | Posts | Share of campaign posts';
    expect(heads(await renderPost(root, 'content/posts/post.md'))).toEqual([
      share,
      share,
      'Week beginning | Campaign | Posts | Days with data',
      'Label | Share | Kind | Campaign',
    ]);
  });

  it("heads a scorecard's columns for readers, and a dataset's or a derived table's by their names, which are the analyst's", async () => {
    const root = fixtureProject(
      '::table[Card]{data=card}\n\n::table[Reds]{data=reds}\n\n::table[Accounts]{data=followers}',
      FRONTMATTER.replace(
        'values:\n',
        'tables:\n  card: { scorecard: [campaigns.red.share], against: campaigns.blue.share }\n  reds: { from: share-of-voice, where: { campaign: "#Red" } }\nvalues:\n',
      ),
    );
    expect(heads(await renderPost(root, 'content/posts/post.md'))).toEqual([
      'Method | Estimate | Result | Error | Distance from the result',
      'campaign | posts | share',
      'id | name | platform | followers | campaign',
    ]);
  });

  it("heads columns with the directive's headers=, over a built-in table's", async () => {
    const root = fixtureProject(
      '::table[Shares]{data=share-of-voice columns="share, campaign, posts" headers="Share of voice, Tag, Posts"}',
    );
    expect(heads(await renderPost(root, 'content/posts/post.md'))).toEqual(['Share of voice | Tag | Posts']);
  });

  it('says a posts dataset is shown through the computed tables, not row by row', async () => {
    const root = fixtureProject('::table[T]{data=tweets}');
    expect(await renderError(root, 'content/posts/post.md')).toMatch(
      /^content\/posts\/post\.md:23:12: "tweets" is a posts dataset, which is shown through the computed tables "weekly" and "share-of-voice" \(and word clouds\), not row by row\. Known tables: .*"share-of-voice".*"weekly"/,
    );
  });

  it('fails on an unknown column, naming the ones there are', async () => {
    const root = fixtureProject('::table[T]{data=share-of-voice columns="campaign, votes"}');
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:23:32: ::table: "share-of-voice" has no column "votes"; it has "campaign", "posts", "share". See README, "Directives", for its attributes.',
    );
  });
});
