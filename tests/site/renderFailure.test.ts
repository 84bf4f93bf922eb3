import { describe, expect, it } from 'vitest';
import { failureReport } from '../../src/site/renderFailure.ts';

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
