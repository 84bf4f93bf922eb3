import { describe, expect, it } from 'vitest';
import { failureReport, forgetRenderFailures, loggedEntry, recordRenderFailure, renderFailure } from '../../src/site/renderFailure.ts';

describe('failureReport(failures)', () => {
  it('prints a data error that stops several posts once, naming them, and other failures as they are', () => {
    const data = 'data/tweets/a.csv:3:2: "created_at" must be an ISO date-time with a timezone, got "x". Fix or remove the row.';
    const post = 'content/posts/b.md:12:5: There is no value "posts.totl".';
    expect(
      failureReport([
        { entry: 'a.md', message: data },
        { entry: 'b.md', message: post },
        { entry: 'c.md', message: data },
      ]),
    ).toBe(`Soundings could not render 3 posts:\n${data}\n  (in a.md, c.md)\n${post}`);
    expect(failureReport([{ entry: 'a.md', message: post }])).toBe(`Soundings could not render a post:\n${post}`);
  });
});

describe('renderFailure (astro dev)', () => {
  it('throws the recorded message for the post, located for the overlay, or says to look at the terminal', () => {
    const logged = 'Error rendering a.md: data/t/a.csv:2:2: "created_at" is empty. Fill it in.';
    expect(loggedEntry(logged)).toBe('a.md');
    recordRenderFailure('/site/content/posts/a.md', logged);
    const error = renderFailure('/site', 'content/posts/a.md');
    expect(error?.message).toBe('data/t/a.csv:2:2: "created_at" is empty. Fill it in.');
    expect(error?.loc).toEqual({ file: '/site/data/t/a.csv', line: 2, column: 2 });
    expect(error?.stack).toBe(`Soundings could not render this post: ${error?.message}`);
    // Once the post renders, its page (perhaps read from the store Astro is replacing) has no error to throw.
    forgetRenderFailures('/site', ['content/posts/a.md']);
    expect(renderFailure('/site', 'content/posts/a.md')).toBeUndefined();
    // A post with neither a failure nor a recovery recorded says where to look, rather than waiting for ever.
    expect(renderFailure('/site', 'content/posts/b.md')?.message).toBe(
      'content/posts/b.md did not render; the terminal running astro dev says why.',
    );
  });

  it("keeps a cell's [text](url) from becoming a link in the overlay, as the loader's messages do", () => {
    recordRenderFailure('/site/content/posts/c.md', 'data/t/a.csv:2:2: got "[the fix](javascript:alert(1))".');
    expect(renderFailure('/site', 'content/posts/c.md')?.message).toBe('data/t/a.csv:2:2: got "[the fix]\u2060(javascript:alert(1))".');
  });
});
