/**
 * `npm run build` (scripts/build.ts) is Astro's `astro build` with the build's second thread started before Astro:
 * the same site byte for byte, and a failed build exits 1 with the located message, as the CLI does.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { siteEnv } from '../../scripts/astro.ts';
import { FRONTMATTER, fixtureProject } from '../markdown/fixture.ts';
import { astroBuild, siteFiles } from '../site/astroBuild.ts';

const run = promisify(execFile);
const project = join(import.meta.dirname, '..', '..');
const BODY = `Red had :value[campaigns.red.share] of :value[posts.total] posts.

::chart[Posts a week]{data=weekly spec=weekly-volume description="Posts per ISO week per campaign."}
`;

/** `npm run build` on a fixture site, into a fresh folder inside the project (as astroBuild's, for Astro's chunks). */
function npmRunBuild(site: string) {
  const builds = process.env.SOUNDINGS_TEST_BUILDS ?? join(project, 'node_modules', '.cache');
  mkdirSync(builds, { recursive: true });
  const outDir = mkdtempSync(join(builds, 'soundings-dist-'));
  const env = siteEnv(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')), outDir });
  return { outDir, done: run(process.execPath, [join(project, 'scripts', 'build.ts')], { cwd: project, env }) };
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
