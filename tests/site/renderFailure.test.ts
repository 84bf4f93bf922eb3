import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { overlayError } from '../../src/site/devOverlay.ts';
import {
  CHECK_HINT,
  failureReport,
  forgetRenderFailures,
  loggedEntry,
  recordRenderFailure,
  renderFailure,
} from '../../src/site/renderFailure.ts';
import { tempProject } from '../data/helpers.ts';

// What Astro's dev server does with an error before its overlay and terminal show it (not exported, so by its path).
const utils = join(import.meta.dirname, '..', '..', 'node_modules', 'astro', 'dist', 'core', 'errors', 'dev', 'utils.js');
const { collectErrorMetadata } = (await import(pathToFileURL(utils).href)) as {
  collectErrorMetadata: (e: Error, root: URL) => Error & { loc?: { file: string; line: number; column: number }; frame?: string };
};

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
    ).toBe(`Soundings could not render 3 posts:\n${data}\n  (in a.md, c.md)\n${post}\n${CHECK_HINT}`);
    expect(failureReport([{ entry: 'a.md', message: post }])).toBe(`Soundings could not render a post:\n${post}\n${CHECK_HINT}`);
    // Each post stopped at its first problem: the report says where to find the rest.
    expect(CHECK_HINT).toBe('A post stops at the first problem it meets: npm run check lists every problem, in every dataset and post.');
  });

  it('reads the same whichever order the posts failed in (two threads render them)', () => {
    const data = 'data/tweets/a.csv:2:2: "created_at" is empty. Fill it in.';
    const post = 'content/posts/a.md:12:5: There is no value "posts.totl".';
    const report = `Soundings could not render 3 posts:\n${post}\n${data}\n  (in b.md, c.md)\n${CHECK_HINT}`;
    expect(
      failureReport([
        { entry: 'c.md', message: data },
        { entry: 'b.md', message: data },
        { entry: 'a.md', message: post },
      ]),
    ).toBe(report);
    expect(
      failureReport([
        { entry: 'b.md', message: data },
        { entry: 'a.md', message: post },
        { entry: 'c.md', message: data },
      ]),
    ).toBe(report);
  });
});

describe('renderFailure (astro dev)', () => {
  it('throws the recorded message for the post, located for the overlay, or says to look at the terminal', () => {
    const logged = 'Error rendering a.md: data/t/a.csv:2:2: "created_at" is empty. Fill it in.';
    expect(loggedEntry(logged)).toBe('a.md');
    recordRenderFailure('/site/content/posts/a.md', logged);
    const error = renderFailure('/site', 'content/posts/a.md');
    expect(error?.message).toBe(`data/t/a.csv:2:2: "created_at" is empty. Fill it in.\n\n${CHECK_HINT}`);
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

  it('locates data outside the project (SOUNDINGS_DATA_DIR elsewhere) at its real path, with its lines, as data inside it', () => {
    const base = tempProject({
      'site/data/t/a.csv': 'id,created_at\n1,x\n',
      'elsewhere/data/t/a.csv': 'id,created_at\n1,y\n',
    });
    const root = join(base, 'site');
    const astroRoot = pathToFileURL(`${root}/`); // as Astro's dev server has it
    for (const [file, real] of [
      ['data/t/a.csv', join(root, 'data', 't', 'a.csv')],
      ['../elsewhere/data/t/a.csv', join(base, 'elsewhere', 'data', 't', 'a.csv')],
    ] as const) {
      const message = `${file}:2:3: "created_at" is wrong. Fix it.`;
      // The post's page (renderFailure), and the loader's message sent to the open pages (overlayError).
      recordRenderFailure(join(root, 'content', 'posts', 'd.md'), message);
      const page = collectErrorMetadata(renderFailure(root, 'content/posts/d.md') as Error, astroRoot);
      const sent = overlayError(message);
      const pushed = collectErrorMetadata(Object.assign(new Error(sent.message), sent), astroRoot);
      for (const shown of [page, pushed]) {
        expect(shown.loc).toEqual({ file: real, line: 2, column: 3 });
        expect(shown.frame).toContain('2 | 1,');
      }
    }
  });

  it("keeps a cell's [text](url) from becoming a link in the overlay, as the loader's messages do", () => {
    recordRenderFailure('/site/content/posts/c.md', 'data/t/a.csv:2:2: got "[the fix](javascript:alert(1))".');
    expect(renderFailure('/site', 'content/posts/c.md')?.message).toBe(
      `data/t/a.csv:2:2: got "[the fix]\u2060(javascript:alert(1))".\n\n${CHECK_HINT}`,
    );
  });
});
