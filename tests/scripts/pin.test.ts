/**
 * `npm run pin -- <post>` (scripts/pin.ts) prints the `pins:` line of the data a post reads now, the one a build
 * then accepts, and refuses, located, data that does not load.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../../scripts/astro.ts';
import { fixtureProject } from '../markdown/fixture.ts';
import { astroBuild } from '../site/astroBuild.ts';

const run = promisify(execFile);
const projectRoot = join(import.meta.dirname, '..', '..');

/** `npm run pin -- <args>` in `site`: its exit code, stdout and stderr. */
async function pin(site: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // Run as npm runs it from the site's folder: INIT_CWD is where the command was typed (npm test sets its own).
  const env = { ...childEnv(), INIT_CWD: site, SOUNDINGS_CACHE_DIR: mkdtempSync(join(tmpdir(), 'soundings-cache-')) };
  return run(process.execPath, [join(projectRoot, 'scripts', 'pin.ts'), ...args], { cwd: site, env }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('npm run pin -- <post>', () => {
  it('prints the pins line of the data the post reads now, which a build then accepts', async () => {
    const site = fixtureProject('Red had :value[posts.total] posts.');
    const { code, stdout } = await pin(site, 'content/posts/post.md');
    expect(code).toBe(0);
    // Four posts from 1 to 5 July 2016, and two accounts (a dataset with no period).
    expect(stdout).toMatch(
      /^pins: \{ followers: \{ digest: "[0-9a-f]{16}", rows: 2 \}, tweets: \{ digest: "[0-9a-f]{16}", rows: 4, period: "2016-07-01\/2016-07-05" \} \}\n$/,
    );
    // Pasted into the frontmatter, the build accepts it; after new data, the line is the new data's.
    const post = join(site, 'content', 'posts', 'post.md');
    writeFileSync(post, readFileSync(post, 'utf8').replace('datasets:', `${stdout.trim()}\ndatasets:`));
    await expect(astroBuild(site, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) })).resolves.toBeDefined();
    writeFileSync(join(site, 'data', 'tweets', 'b.csv'), 'id,created_at,user,text\n5,2016-07-11T10:00:00Z,e,#Red\n');
    const again = await pin(site, 'content/posts/post.md');
    expect(again.stdout).toContain('tweets: { digest: "');
    expect(again.stdout).toContain('rows: 5, period: "2016-07-01/2016-07-11" }');
    expect(again.stdout).not.toBe(stdout);
  });

  it('prints the problem, located, and no line, when the data does not load; a usage line for no post', async () => {
    const site = fixtureProject('Red had :value[posts.total] posts.');
    writeFileSync(join(site, 'data', 'tweets', 'a.csv'), 'id,created_at,user,text\n1,2016-02-30T10:00:00Z,a,#Red\n');
    const broken = await pin(site, 'content/posts/post.md');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^data\/tweets\/a\.csv:2:2: "created_at" /m);
    const missing = await pin(site, 'content/posts/nope.md');
    expect([missing.code, missing.stderr.trim()]).toEqual([
      1,
      "content/posts/nope.md: There is no such post. Name a post's Markdown file: npm run pin -- content/posts/<post>.md.",
    ]);
    expect((await pin(site)).code).toBe(2);
  });
});
