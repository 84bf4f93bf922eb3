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
    // Column headers, not the chart's axis title ("Share of campaign posts"), in ::table and the chart's data table alike.
    const share = 'Campaign | Posts | Share';
    expect(heads(await renderPost(root, 'content/posts/post.md'))).toEqual([
      share,
      share,
      'Week beginning | Campaign | Posts | Days of 7',
      'Label | Share | Kind | Campaign',
    ]);
  });

  it("heads a scorecard's columns for readers, a derived table's as its source heads them, and a dataset's by its names as words", async () => {
    const root = fixtureProject(
      '::table[Card]{data=card}\n\n::table[Reds]{data=reds}\n\n::table[Accounts]{data=followers}',
      FRONTMATTER.replace(
        'values:\n',
        'tables:\n  card: { scorecard: [campaigns.red.share], against: campaigns.blue.share }\n  reds: { from: share-of-voice, where: { campaign: "#Red" } }\nvalues:\n',
      ),
    );
    expect(heads(await renderPost(root, 'content/posts/post.md'))).toEqual([
      'Method | Estimate | Result | Error | Distance from the result',
      'Campaign | Posts | Share',
      'Id | Name | Platform | Followers | Campaign',
    ]);
  });

  it("heads a derived table's columns by its definition's headers, else as its source heads them, else by their names as words", async () => {
    const tables = [
      'tables:',
      // Grouped, counted and derived: each column the steps make is headed by its name as words.
      '  byPlatform: { from: followers, groupBy: platform, sum: [followers], count: accounts_n, derive: { mean_followers: followers / accounts_n } }',
      // Renamed for share-bar, which reads `label` and `share`: "label" is still the accounts' names to a reader.
      '  bars:',
      '    from: followers',
      '    derive: { big_share: followers / 1000000 }',
      '    select: { label: name, share: big_share }',
      `    headers: { share: "Followers' millions" }`,
      // Kept from the weekly table: its headers, but for the column derived anew under the same name.
      '  redWeeks: { from: weekly, where: { campaign: "#Red" }, derive: { days: days + 0 } }',
      'values:',
      '',
    ].join('\n');
    const root = fixtureProject(
      [
        '::table[By platform]{data=byPlatform}',
        '::table[Bars]{data=bars}',
        '::chart[Bars]{data=bars spec=share-bar description="Bars."}',
        '::table[Bars]{data=bars columns="share, label" headers="Share, Account"}',
        '::table[Red weeks]{data=redWeeks}',
      ].join('\n\n'),
      FRONTMATTER.replace('values:\n', tables),
    );
    expect(heads(await renderPost(root, 'content/posts/post.md'))).toEqual([
      'Platform | Accounts n | Followers | Mean followers',
      'Name | Followers’ millions',
      // The chart's data table heads them as ::table does, not with share-bar's axis title "Share".
      'Name | Followers’ millions',
      'Share | Account',
      'Week beginning | Campaign | Posts | Days',
    ]);
  });

  it("refuses a derived table's header for a column it does not have, at its line", async () => {
    const root = fixtureProject(
      '::table[T]{data=shares}',
      FRONTMATTER.replace('values:\n', 'tables:\n  shares:\n    from: share-of-voice\n    headers: { votes: Votes }\nvalues:\n'),
    );
    expect(await renderError(root, 'content/posts/post.md')).toMatch(
      /^content\/posts\/post\.md:21:16: The table "shares" reads column "votes", which the table does not have \(it has "campaign", "posts", "share"\)\./,
    );
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
