/**
 * The build's second thread (src/site/helperThread.ts) reads the data, renders the posts and draws the charts: the
 * site it builds is the one a build on one thread makes, byte for byte, and what a chart says (a drawing cut at its
 * edge, a spec that fails) reaches the terminal once, as it does from the posts' own thread; a problem in the data it
 * read is reported by the posts' thread as the worker found it, without parsing the data again.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/loadDataset.ts';
import { SoundingsError } from '../../src/errors.ts';
import { cachedDataset, parseCount, takeLoadRecords } from '../../src/markdown/datasetCache.ts';
import { waitForProfile } from '../../src/markdown/readingAhead.ts';
import { startHelper } from '../../src/site/helperThread.ts';
import { postsManifest, tempProject } from '../data/helpers.ts';
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

/** The error a promise rejects with. */
const rejection = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('a problem in the data the second thread read', () => {
  // The worker started in this test file's own process (startHelper starts one a process), as scripts/build.ts starts
  // it: this thread is the posts' thread, and counts its own parses (the worker's are counted on the worker).
  it.skipIf(availableParallelism() < 2)(
    "is reported by the posts' thread as the worker found it, without parsing the file again; a file changed since is read again",
    async () => {
      const header = 'id,created_at,user,text\n';
      // A bad date after good rows, with an escape sequence in it, which every message prints escaped.
      const rows = `${header}1,2016-07-01T10:00:00Z,a,#Red\n2,2016-07-02T10:00:00Z,b,#Blue\n3,yester\u001b[2Jday,c,#Red\n`;
      const site = tempProject({
        'data/bad/manifest.yaml': postsManifest(),
        'data/bad/a.csv': rows,
        'data/edited/manifest.yaml': postsManifest(),
        'data/edited/a.csv': rows,
        'content/site.yaml': 'title: T\n',
      });
      const root = join(import.meta.dirname, '..', '..');
      const dataDir = join(site, 'data');
      // The worker takes this thread's environment as it starts: this site's posts (none) and a cache of its own,
      // which this thread's loads read too (the other tests' builds set their own).
      const cacheDir = cache();
      const options = { root, dataDir, cacheDir: join(cacheDir, 'soundings', 'datasets') };
      Object.assign(process.env, { SOUNDINGS_CONTENT_DIR: join(site, 'content'), SOUNDINGS_CACHE_DIR: cacheDir });
      try {
        startHelper(root, dataDir, 'build');
      } finally {
        delete process.env.SOUNDINGS_CONTENT_DIR;
        delete process.env.SOUNDINGS_CACHE_DIR;
      }
      // The worker writes the profiles last (none here: neither dataset reads): it is done reading both.
      expect(await Promise.all([waitForProfile(dataDir, 'bad'), waitForProfile(dataDir, 'edited')])).toEqual([false, false]);
      // Edited after the worker failed on it: the bad row moves down a line.
      writeFileSync(join(dataDir, 'edited', 'a.csv'), rows.replace('3,yester', '4,2016-07-03T10:00:00Z,d,#Red\n3,yester'));
      takeLoadRecords();
      const parses = parseCount();

      const file = relative(root, join(dataDir, 'bad', 'a.csv'));
      const handed = await rejection(cachedDataset('bad', options));
      // Not parsed here: the error is the worker's, made again on this thread.
      expect(parseCount()).toBe(parses);
      expect(handed).toBeInstanceOf(SoundingsError);
      const e = handed as SoundingsError;
      expect(e.message).toBe(
        `${file}:4:2: "created_at" must be an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z), got "yester\\u001b[2Jday". Fix or remove the row.`,
      );
      // The very error a load on this thread finds, field for field.
      const own = await rejection(loadDataset('bad', { root, dataDir }));
      expect(own).toBeInstanceOf(SoundingsError);
      for (const field of ['name', 'title', 'hint', 'detail', 'location', 'message', 'others'] as const)
        expect(e[field], field).toEqual((own as SoundingsError)[field]);
      // Another post asking for it later is given it too, still without a parse.
      expect(((await rejection(cachedDataset('bad', options))) as SoundingsError).message).toBe(e.message);
      expect(parseCount()).toBe(parses);
      expect(takeLoadRecords()).toEqual([expect.objectContaining({ id: 'bad', cache: 'failed', rows: 0 })]);

      // The file the worker failed on changed since: read again here, and its problem is where it is now.
      const edited = (await rejection(cachedDataset('edited', options))) as SoundingsError;
      expect(parseCount()).toBe(parses + 1);
      expect(edited.location).toEqual({ file: relative(root, join(dataDir, 'edited', 'a.csv')), line: 5, column: 2 });
    },
  );
});
