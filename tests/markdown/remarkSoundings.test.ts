import { afterEach, describe, expect, it, vi } from 'vitest';
import { postsManifest, tempProject } from '../data/helpers.ts';
import { FRONTMATTER } from './fixture.ts';
import { renderPost } from './render.ts';

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
    ]);
  });
});
