/**
 * The build's second thread (src/site/helperThread.ts) reads the data, renders the posts and draws the charts: the
 * site it builds is the one a build on one thread makes, byte for byte, and what a chart says (a drawing cut at its
 * edge, a spec that fails) reaches the terminal once, as it does from the posts' own thread.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRONTMATTER, fixtureProject } from '../markdown/fixture.ts';
import { astroBuild, siteFiles } from './astroBuild.ts';

const BODY = `Red had :value[campaigns.red.share] of :value[posts.total] posts.

::chart[Posts a week]{data=weekly spec=weekly-volume description="Posts per ISO week per campaign."}

::chart[Big accounts]{data=followers spec=./bars.vl.json description="Followers."}
`;

const LONG_TITLE = 'A title far longer than any chart is wide, which no narrowing of its plot will ever bring inside the drawing';
const spec = (field: string) =>
  JSON.stringify({
    title: { text: LONG_TITLE },
    mark: 'bar',
    encoding: { x: { field, type: 'quantitative' }, y: { field: 'name', type: 'nominal' } },
  });

/** The line of the second chart in the post (the fixture writes the frontmatter, a new line, then the body). */
const LINE = `${FRONTMATTER}\n${BODY}`.split('\n').findIndex((l) => l.startsWith('::chart[Big accounts]')) + 1;

const cache = () => mkdtempSync(join(tmpdir(), 'soundings-cache-'));

describe("the build's second thread", () => {
  it('builds the site a build on one thread builds, byte for byte, and says the data was parsed and each chart cut', async () => {
    const site = fixtureProject(BODY);
    writeFileSync(join(site, 'content', 'posts', 'bars.vl.json'), spec('followers'));
    // A second post with the same chart: each post's warning is kept with its own render and printed at that post.
    writeFileSync(join(site, 'content', 'posts', 'second.md'), readFileSync(join(site, 'content', 'posts', 'post.md')));
    const [two, one] = await Promise.all([
      astroBuild(site, { cacheDir: cache() }),
      astroBuild(site, { cacheDir: cache(), env: { SOUNDINGS_HELPER_THREAD: '0' } }),
    ]);
    expect(two.stdout).not.toContain('second thread stopped');
    // The post was rendered on the second thread while Astro started, and taken as it was.
    expect(two.stdout).toContain("Rendered 2 of 2 posts (2 by the build's second thread, while Astro started).");
    expect(one.stdout).toContain('Rendered 2 of 2 posts.');
    const [a, b] = [siteFiles(two.outDir), siteFiles(one.outDir)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path) as Buffer), path).toBe(true);
    for (const { stdout } of [two, one]) {
      expect(stdout).toMatch(/^\s+tweets\s+4\s+1\s+2016-07-01 to 2016-07-05\s+[\d.]+ s\s+cache miss \(parsed\)$/m);
      // Once for each post, at that post: the second thread kept each render's warnings for this thread to print,
      // through Astro's logger, tagged as Astro tags its own warnings (src/warnings.ts).
      for (const name of ['post', 'second']) {
        const cut = new RegExp(
          `^\\d\\d:\\d\\d:\\d\\d \\[WARN\\] \\[soundings\\] \\S*content/posts/${name}\\.md:${LINE}: ::chart: its article drawing reaches \\d+ px past its right edge, where "A title far`,
          'gm',
        );
        expect(stdout.match(cut), name).toHaveLength(1);
      }
    }
  });

  it("stops the build at a chart the helper cannot draw, with the chart's located message", async () => {
    const site = fixtureProject(BODY);
    writeFileSync(join(site, 'content', 'posts', 'bars.vl.json'), spec('fans'));
    const failed = await astroBuild(site, { cacheDir: cache() }).then(
      () => '',
      (e: { stdout: string; stderr: string }) => e.stdout + e.stderr,
    );
    expect(failed).toContain(
      `content/posts/post.md:${LINE}:1: vega-lite could not render the chart: the spec reads "fans", which the data does not have (its columns are`,
    );
  });
});
