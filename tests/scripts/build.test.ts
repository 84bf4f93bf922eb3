/**
 * `npm run build` (scripts/build.ts) is Astro's `astro build` with the build's second thread started before Astro:
 * the same site byte for byte, and a failed build exits 1 with the located message, as the CLI does.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { siteEnv } from '../../scripts/astro.ts';
import { COUNTED_PROBLEMS_MAX_BYTES } from '../../src/markdown/datasetCache.ts';
import { FRONTMATTER, fixtureProject } from '../markdown/fixture.ts';
import { astroBuild, siteFiles } from '../site/astroBuild.ts';

const run = promisify(execFile);
const project = join(import.meta.dirname, '..', '..');
const BODY = `Red had :value[campaigns.red.share] of :value[posts.total] posts.

::chart[Posts a week]{data=weekly spec=weekly-volume description="Posts per ISO week per campaign."}
`;

/**
 * `npm run build` on a fixture site, into a fresh folder inside the project (as astroBuild's, for Astro's chunks);
 * `args`: Node's, before the script's; `env`: more of the environment.
 */
function npmRunBuild(site: string, args: string[] = [], more: Record<string, string> = {}) {
  const builds = process.env.SOUNDINGS_TEST_BUILDS ?? join(project, 'node_modules', '.cache');
  mkdirSync(builds, { recursive: true });
  const outDir = mkdtempSync(join(builds, 'soundings-dist-'));
  const env = { ...siteEnv(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')), outDir }), ...more };
  return { outDir, done: run(process.execPath, [...args, join(project, 'scripts', 'build.ts')], { cwd: project, env }) };
}

describe('npm run build', () => {
  it("builds the site `astro build` builds, byte for byte, and prints each warning once, tagged [WARN] as Astro's own", async () => {
    // Two warnings: a red hashtag no post uses (the post's render, on the second thread), and a data file with a
    // header and no rows (read on the second thread before Astro has started, in `npm run build`).
    const frontmatter = FRONTMATTER.replace('hashtags: [Red]', 'hashtags: [Red, Crimson]');
    const site = fixtureProject(BODY, frontmatter);
    writeFileSync(join(site, 'data', 'followers', 'b.csv'), 'id,name,platform,followers\n');
    const ours = npmRunBuild(site);
    const [{ stdout, stderr }, cli] = await Promise.all([ours.done, astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'c-')) })]);
    expect(stdout).toMatch(/^\s+tweets\s+4\s+1\s+2016-07-01 to 2016-07-05\s+[\d.]+ s\s+cache miss \(parsed\)$/m);
    const [a, b] = [siteFiles(ours.outDir), siteFiles(cli.outDir)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path) as Buffer), path).toBe(true);
    // Where the hashtag is, as file:line:column.
    const lines = frontmatter.split('\n');
    const line = lines.findIndex((l) => l.includes('Crimson')) + 1;
    const column = (lines[line - 1] as string).indexOf('Crimson') + 1;
    const tagged = (text: string) => new RegExp(`^\\d\\d:\\d\\d:\\d\\d \\[WARN\\] \\[soundings\\] \\S*${text}`, 'gm');
    // On stdout, as Astro prints its warnings; nothing of ours left bare on stderr.
    for (const out of [stdout, cli.stdout]) {
      expect(out.match(tagged(`content/posts/post\\.md:${line}:${column}: No post uses #Crimson, which #Red lists`))).toHaveLength(1);
      expect(out.match(tagged('data/followers/b\\.csv:1: This file has a header but no rows'))).toHaveLength(1);
    }
    expect(stderr).not.toMatch(/No post uses|header but no rows/);
  });

  it('exits 1 with the located message when a post cannot be built', async () => {
    const site = fixtureProject('Red had :value[campaigns.red.shair].');
    const line = `${FRONTMATTER}\n`.split('\n').length;
    const failed = await npmRunBuild(site).done.then(
      () => ({ code: 0, out: '' }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    expect(failed.code).toBe(1);
    expect(failed.out).toContain(
      `content/posts/post.md:${line}:9: There is no value "campaigns.red.shair". Did you mean "campaigns.red.share"`,
    );
  });
});

describe('npm run build on data with a problem', () => {
  it("exits 1 with the problem's file:line:column, found by the second thread, the posts' thread parsing no file", async () => {
    // A file past what a failed build counts the problems of (a second reading), so that nothing but the load reads
    // it: a bad date on its last line, as in a user trial's 150 MB export.
    const site = fixtureProject('Red had :value[campaigns.red.share] of :value[posts.total] posts.');
    const row = (i: number) => `${i},2016-07-01T10:00:00Z,a,#Red ${'word '.repeat(80)}\n`;
    const rows = Math.ceil((COUNTED_PROBLEMS_MAX_BYTES + 1024 * 1024) / row(1).length);
    const good = Array.from({ length: rows }, (_, i) => row(i + 1)).join('');
    writeFileSync(join(site, 'data', 'tweets', 'a.csv'), `id,created_at,user,text\n${good}0,yesterday,b,#Blue\n`);
    const counted = ['--import', pathToFileURL(join(import.meta.dirname, '..', 'site', 'printParsed.ts')).href];
    const failed = (build: ReturnType<typeof npmRunBuild>) =>
      build.done.then(
        () => ({ code: 0, out: '', parsed: {} }),
        (e: { code: number; stdout: string; stderr: string }) => {
          const lines = e.stderr.trim().split('\n');
          const parsed = JSON.parse((lines.pop() ?? '').replace(/^parsed: /, '')) as Record<string, number>;
          return { code: e.code, out: `${e.stdout}${lines.join('\n')}`, parsed };
        },
      );
    const [two, one] = await Promise.all([
      failed(npmRunBuild(site, counted)),
      failed(npmRunBuild(site, counted, { SOUNDINGS_HELPER_THREAD: '0' })),
    ]);
    // Paths as the messages write them: from the project's root (the fixture's data is outside it).
    const file = relative(project, join(site, 'data', 'tweets', 'a.csv'));
    const message = `${file}:${rows + 2}:2: "created_at" must be an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z), got "yesterday". Fix or remove the row.`;
    for (const { code, out } of [two, one]) {
      expect(code).toBe(1);
      // Said as it happens (headed with the post), and again when the build stops: no more, from either thread.
      expect(out.split(message)).toHaveLength(3);
      expect(out).toContain('Rendered 0 of 1 posts and 1 failed');
      expect(out).toMatch(/^\s+tweets\s+-\s+-\s+-\s+[\d.]+ s\s+failed \(npm run check lists its problems\)$/m);
    }
    // The second thread found it; the posts' thread reported it without parsing the file, which it did on its own.
    expect(two.parsed).toEqual({});
    expect(one.parsed).toEqual({ [file]: 1 });
  });
});
