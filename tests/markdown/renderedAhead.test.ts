/**
 * A post the build's second thread rendered (src/site/renderAhead.ts) is taken by the remark plugin in place of its
 * own render when it was rendered from the same post and data: the same page, its warnings printed once, its loads
 * in the summary. When the post or its data changed since, the plugin renders it itself.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearMemoryCache, takeLoadRecords } from '../../src/markdown/datasetCache.ts';
import { renderingAhead } from '../../src/markdown/readingAhead.ts';
import { takeRenderedAhead } from '../../src/markdown/renderedAhead.ts';
import { renderAhead } from '../../src/site/renderAhead.ts';
import { FRONTMATTER, fixtureProject } from './fixture.ts';
import { renderError, renderPost } from './render.ts';

afterEach(() => vi.restoreAllMocks());

const BODY = `Red had :value[campaigns.red.share] of :value[posts.total] posts -- "so far".

| campaign | posts |
| --- | --- |
| red | :value[campaigns.red.posts] |

::chart[Posts a week]{data=weekly spec=weekly-volume description="Posts per ISO week per campaign."}

::wordcloud[Red's words]{campaign=red words=10}
`;

/** The fixture's post, with a red hashtag no post uses (a warning) and smart punctuation, a table, a chart and a cloud. */
function project() {
  const root = fixtureProject(BODY, FRONTMATTER.replace('hashtags: [Red]', 'hashtags: [Red, Crimson]'));
  writeFileSync(
    join(root, 'data', 'tweets', 'a.csv'),
    'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red members rally tonight\n2,2016-07-02T10:00:00Z,b,#red members vote\n' +
      '3,2016-07-04T10:00:00Z,c,#Red and #SaveBlue\n4,2016-07-05T10:00:00Z,d,#Blue\n',
  );
  return { root, path: join(root, 'content', 'posts', 'post.md'), options: { root, dataDir: join(root, 'data') } };
}

/** The datasets the second thread read: the post's. */
const READ = new Set(['tweets', 'followers']);

/** Renders the post on this thread as Astro does, with what console.warn printed. */
async function rendered(root: string) {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const html = await renderPost(root, 'content/posts/post.md');
  const warnings = warn.mock.calls.map((c) => String(c[0]));
  warn.mockRestore();
  return { html, warnings };
}

describe('renderAhead(path, read) and the remark plugin', () => {
  it('renders the page the plugin renders, keeps its warnings for the plugin to print once, and hands over its loads', async () => {
    const { root, path, options } = project();
    const own = await rendered(root);
    expect(own.warnings).toEqual([expect.stringMatching(/^content\/posts\/post\.md:\d+:\d+: No post uses #Crimson/)]);
    expect(takeRenderedAhead()).toBe(0);
    takeLoadRecords();
    clearMemoryCache();

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ahead = await renderAhead(path, READ, options);
    // Kept, not printed, on the second thread.
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(ahead?.warnings).toEqual(own.warnings);
    expect(ahead?.loads.map((l) => [l.id, l.cache, l.rows])).toEqual([
      ['followers', 'hit', 2],
      ['tweets', 'hit', 4],
    ]);
    takeLoadRecords();

    // Handed over between threads (cloned), then taken by the plugin: the same page and warnings, and the loads.
    renderingAhead(path, async () => structuredClone(ahead));
    const taken = await rendered(root);
    expect(takeRenderedAhead()).toBe(1);
    expect(taken.html).toBe(own.html);
    expect(taken.warnings).toEqual(own.warnings);
    expect(takeLoadRecords().map((l) => [l.id, l.cache])).toEqual([
      ['followers', 'hit'],
      ['tweets', 'hit'],
    ]);
    // Taken once: the post rendered again is rendered here.
    await rendered(root);
    expect(takeRenderedAhead()).toBe(0);
  });

  it('is not taken when the data or the post changed since: the plugin renders the post as it is now', async () => {
    const { root, path, options } = project();
    const before = await renderAhead(path, READ, options);
    expect(before).toBeDefined();
    appendFileSync(join(root, 'data', 'tweets', 'a.csv'), '5,2016-07-06T10:00:00Z,e,#Red five\n');
    renderingAhead(path, async () => before);
    const now = await rendered(root);
    expect(takeRenderedAhead()).toBe(0);
    expect(now.html).toMatch(/data-key="posts.total"[^>]*>5</);

    const edited = await renderAhead(path, READ, options);
    writeFileSync(path, readFileSync(path, 'utf8').replace('posts -- "so far"', 'posts in all'));
    renderingAhead(path, async () => edited);
    const again = await rendered(root);
    expect(takeRenderedAhead()).toBe(0);
    expect(again.html).toContain('posts in all');
  });

  it('renders nothing ahead for a post with a problem: the plugin renders it and reports it', async () => {
    const { root, path, options } = project();
    writeFileSync(path, readFileSync(path, 'utf8').replace(':value[posts.total]', ':value[posts.totl]'));
    const ahead = await renderAhead(path, READ, options);
    expect(ahead).toBeUndefined();
    renderingAhead(path, async () => ahead);
    expect(await renderError(root, 'content/posts/post.md')).toMatch(/^content\/posts\/post\.md:23:40: There is no value "posts\.totl"/m);
  });

  it('renders nothing for a post that names none of the datasets the second thread read: Astro has it already', async () => {
    const { path, options } = project();
    expect(await renderAhead(path, new Set(['polls']), options)).toBeUndefined();
    expect(await renderAhead(path, new Set(['followers']), options)).toBeDefined();
  });
});
