import { describe, expect, it } from 'vitest';
import { fixtureProject } from '../fixture.ts';
import { renderError, renderPost } from '../render.ts';

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

  it("heads its columns and says what it is with the body's typography, as its caption", async () => {
    const root = fixtureProject(
      `::table[Red's share]{data=share-of-voice columns="campaign, share" headers="Campaign's tag, Share -- of voice" description="Each campaign's share."}`,
    );
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).toContain('<th scope="col">Campaign’s tag</th><th scope="col" class="num">Share — of voice</th>');
    expect(html).toContain('Each campaign’s share.');
    expect(html).toContain('Red’s share');
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
