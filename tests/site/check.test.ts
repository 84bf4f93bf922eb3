import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../../scripts/astro.ts';
import { cachedDataset, clearMemoryCache, keepFileLists, takeLoadRecords } from '../../src/markdown/datasetCache.ts';
import { postsManifest, tempProject } from '../data/helpers.ts';

const run = promisify(execFile);
const projectRoot = join(import.meta.dirname, '..', '..');

const POST = (body: string, extra = '') => `---
title: A post
date: 2016-09-18
author: Test Author
summary: A post for the check.
datasets:
  tweets: tweets
campaigns:
  - id: red
    label: "#Red"
    hashtags: [Red]
    color: "#b3202a"
${extra}---

${body}
`;

async function check(site: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  const args = [join(projectRoot, 'scripts', 'check.ts')];
  try {
    const { stdout } = await run(process.execPath, args, {
      cwd: site,
      env: { ...childEnv(), NODE_PATH: join(projectRoot, 'node_modules'), ...env },
    });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: `${err.stdout}${err.stderr}` };
  }
}

/**
 * `npm run check` in `site` with `cache` for SOUNDINGS_CACHE_DIR: its exit code, what it prints (stdout, then
 * stderr's lines but the last) and how many times it parsed each data file (tests/site/printParsed.ts).
 */
async function checkParsing(site: string, cache: string): Promise<{ code: number; out: string; parsed: Record<string, number> }> {
  const args = ['--import', pathToFileURL(join(import.meta.dirname, 'printParsed.ts')).href, join(projectRoot, 'scripts', 'check.ts')];
  const options = { cwd: site, env: { ...childEnv(), NODE_PATH: join(projectRoot, 'node_modules'), SOUNDINGS_CACHE_DIR: cache } };
  const { code, stdout, stderr } = await run(process.execPath, args, options).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  const lines = stderr.trim().split('\n');
  const parsed = JSON.parse((lines.pop() ?? '').replace(/^parsed: /, '')) as Record<string, number>;
  return { code, out: `${stdout}${lines.join('\n')}`, parsed };
}

describe('npm run check', () => {
  it('reports every problem in data, manifests and posts, with file:line:column, and exits 1', async () => {
    const site = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n2,2016-07-02T10:00:00Z,b,#Blue\n',
      'data/broken/manifest.yaml': postsManifest('colour: red\n'),
      'data/broken/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n2,yesterday,b,#Blue\n3,2016-07-03T10:00:00Z,,#Blue\n',
      'data/late/manifest.yaml': postsManifest(),
      'data/late/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,x\n2,2016-07-02 10:00,b,y\n3,2016-07-03T10:00:00Z,,z\n',
      'content/posts/post.md': POST('There were :value[posts.totl] posts.'),
    });
    const { code, out } = await check(site);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines).toEqual([
      'content/posts/post.md:15:12: There is no value "posts.totl". Did you mean "posts.total"? Use a key listed in README, "Directives", or define it under "values" in the frontmatter.',
      'data/broken/manifest.yaml:14:1: It has unknown key "colour". Fix the manifest (see README, "Adding a dataset").',
      'data/late/a.csv:3:2: "created_at" must be an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z; for times written without one, name their zone in the manifest: time: { column: …, zone: Europe/London }), got "2016-07-02 10:00". Fix or remove the row.',
      'data/late/a.csv:4:3: "user" is empty. Fill it in or remove the row.',
      '',
      '4 problems in 3 datasets and 1 post.',
    ]);
  });

  it('reports a YAML syntax error in a post at its line, with the "#" comment trap, and checks the other posts', async () => {
    const site = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n',
      'content/posts/a.md': POST('Text.').replace('hashtags: [Red]', 'hashtags: [#Red]\n  - id: blue'),
      'content/posts/b.md': POST('There were :value[posts.totl] posts.'),
    });
    const { code, out } = await check(site);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(
      /^content\/posts\/a\.md:\d+:\d+: YAML syntax error: .+ In YAML, "#" after a space or "\[" starts a comment: quote hashtags \("#KeepCorbyn"\) or leave the "#" out\. Fix the frontmatter/,
    );
    expect(lines[1]).toMatch(/^content\/posts\/b\.md:15:12: There is no value "posts\.totl"/);
    expect(lines.at(-1)).toBe('2 problems in 1 dataset and 2 posts.');
  });

  it("reports the mistakes a post's directives show without data with a dataset it cannot read, named wrongly or broken", async () => {
    const body = [
      'There were :value[posts.total] posts.',
      '',
      '::chart[Share]{data=share-of-voice spec=share-of-voise description=d}',
      '',
      '::wordcloud[Words]{campaign=rde}',
      '',
      '::table[Weeks]{data=weekly colums="week"}',
    ].join('\n');
    const site = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n',
      'data/broken/manifest.yaml': postsManifest(),
      'data/broken/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n2,yesterday,b,#Red\n',
      'content/posts/a.md': POST(body).replace('tweets: tweets', 'tweets: tweet'),
      'content/posts/b.md': POST('::chart[Share]{data=share-of-voice spec=pie description=d}').replace('tweets: tweets', 'tweets: broken'),
    });
    const { code, out } = await check(site);
    expect(code).toBe(1);
    expect(out.trim().split('\n')).toEqual([
      'content/posts/a.md:7:3: There is no dataset "tweet" in data/. Did you mean "tweets"? Known datasets: "broken", "tweets". Create data/<dataset>/manifest.yaml, or fix the name in the frontmatter.',
      expect.stringMatching(/^content\/posts\/a\.md:17:36: "share-of-voise" is neither a built-in chart /),
      'content/posts/a.md:19:20: There is no campaign "rde" in this post. Its campaigns are "red". Use the id of a campaign listed under "campaigns" in the frontmatter.',
      expect.stringMatching(/^content\/posts\/a\.md:21:28: ::table: It has unknown key "colums"\. Did you mean "columns"\?/),
      expect.stringMatching(/^content\/posts\/b\.md:15:36: "pie" is neither a built-in chart /),
      expect.stringMatching(/^data\/broken\/a\.csv:3:2: "created_at" must be an ISO date-time/),
      '',
      '6 problems in 2 datasets and 2 posts.',
    ]);
  });

  it("reports a stale pin together with the post's other problems", async () => {
    const site = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n',
      'content/posts/post.md': POST('There were :value[posts.totl] posts.', 'pins: { tweets: { digest: "0000000000000000", rows: 2 } }\n'),
    });
    const { code, out } = await check(site);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(
      /^content\/posts\/post\.md:13:9: The data pinned for "tweets" \(data\/tweets\) has changed: 1 row now, 1 removed since the pin \(2\); period 2016-07-01 to 2016-07-01\. /,
    );
    expect(lines[1]).toMatch(/^pins: \{ tweets: \{ digest: "[0-9a-f]{16}", rows: 1, period: "2016-07-01\/2016-07-01" \} \}$/);
    expect(lines[2]).toMatch(/^content\/posts\/post\.md:16:12: There is no value "posts\.totl"/);
    expect(lines.at(-1)).toBe('2 problems in 1 dataset and 1 post.');
  });

  it('says a data file whose last row is bad and has no line end may have been cut short, whether a post uses it or not, and shows that row apart from the rows that fail alike', async () => {
    const rows = [
      '2,2016-07-02 10:00,b,#Red',
      '3,2016-07-03 10:00,c,#Red',
      '4,2016-07-04 10:00,d,#Red',
      '5,2016-07-05 10:00,e,#Red',
      '6,2016-07-06 10:00,f,#Red',
    ];
    const csv = `id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n${rows.join('\n')}\n7,2016-07-07 10:0`;
    const site = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': csv,
      'data/unused/manifest.yaml': postsManifest(),
      'data/unused/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n2,2016-07-01T10:00:00Z,b',
      'content/posts/post.md': POST('There were :value[posts.total] posts.'),
    });
    const { code, out } = await check(site);
    expect(code).toBe(1);
    const BAD_DATE =
      '"created_at" must be an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z; for times written without one, name their zone in the manifest: time: { column: …, zone: Europe/London })';
    const ASK =
      "This is the file's last line, and it has no line end: was the file cut short (an export or download that stopped, or a file still being copied)?";
    const DO =
      'If the file was cut short, export or download it again (or wait for the copy to finish); if not, end its last line with a line end.';
    expect(out.trim().split('\n')).toEqual([
      `data/tweets/a.csv:3:2: ${BAD_DATE}, got "2016-07-02 10:00". Fix or remove the row.`,
      `data/tweets/a.csv:4:2: ${BAD_DATE}, got "2016-07-03 10:00". Fix or remove the row.`,
      `data/tweets/a.csv:5:2: ${BAD_DATE}, got "2016-07-04 10:00". Fix or remove the row.`,
      'data/tweets/a.csv: …and 2 more like the 3 above (lines 6–7).',
      `data/tweets/a.csv:8:3: This row has 2 fields, but the header has 4. ${ASK} Check the quoting and the number of separators on this line. ${DO}`,
      `data/unused/a.csv:3:4: This row has 3 fields, but the header has 4. ${ASK} Check the quoting and the number of separators on this line. ${DO}`,
      '',
      '7 problems in 2 datasets and 1 post.',
    ]);
  });

  it('says so and exits 0 when everything is valid', async () => {
    const site = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n',
      'content/posts/post.md': POST('There were :value[posts.total] posts.'),
    });
    expect(await check(site)).toEqual({ code: 0, out: 'No problems in 1 dataset and 1 post.\n' });
  });

  it('reports every problem of content/site.yaml at its line: a misspelt key with the one meant, a url that is not http(s)', async () => {
    const site = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n',
      'content/posts/post.md': POST('There were :value[posts.total] posts.'),
      'content/site.yaml': '# Harbour\nnmae: Harbour Analytics\nurl: ftp://analysis.harbour.example\n',
    });
    const { code, out } = await check(site, { SOUNDINGS_SITE: '' });
    expect(code).toBe(1);
    expect(out.trim().split('\n')).toEqual([
      'content/site.yaml:2:1: It has unknown key "nmae". Did you mean "name"? Fix site.yaml (see README, "Site settings").',
      'content/site.yaml:3:1: "url" must be an http:// or https:// address, the one readers reach the site at, not "ftp://analysis.harbour.example". Fix site.yaml (see README, "Site settings").',
      '',
      '2 problems in 1 dataset and 1 post.',
    ]);
  });

  it('says a mistyped SOUNDINGS_DATA_DIR does not exist, rather than printing a stack trace', async () => {
    const site = tempProject({ 'content/posts/post.md': POST('No data here.').replace('datasets:\n  tweets: tweets\n', '') });
    const { code, out } = await check(site, { SOUNDINGS_DATA_DIR: 'dta' });
    expect(code).toBe(1);
    expect(out).toContain('dta: SOUNDINGS_DATA_DIR names dta, which does not exist. Fix the path, or unset it to check data/.');
    expect(out).not.toContain('ENOENT');
  });

  it('shows three of the rows of a file that fail alike, and counts the rest', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `${i + 1},2016-07-0${i + 1} 10:00,a,#Red`).join('\n');
    const site = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `id,created_at,user,text\n${rows}\n`,
    });
    const { code, out } = await check(site);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines.filter((l) => /^data\/tweets\/a\.csv:\d/.test(l))).toHaveLength(3);
    // Right under the third, though each row's message quotes its own value.
    expect(lines[lines.findLastIndex((l) => /^data\/tweets\/a\.csv:\d/.test(l)) + 1]).toBe(
      'data/tweets/a.csv: …and 4 more like the 3 above (lines 5–8).',
    );
    expect(lines.at(-1)).toBe('7 problems in 1 dataset and 0 posts.');
    // One more is on one line, not "lines 5–5".
    const four = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `id,created_at,user,text\n${rows.split('\n').slice(0, 4).join('\n')}\n`,
    });
    expect((await check(four)).out).toContain('data/tweets/a.csv: …and 1 more like the 3 above (line 5).\n');
  });

  it("shows once a problem of a whole file that a dataset's files share (a wrong format), and counts the other files", async () => {
    const manifest = (format: string) =>
      `title: X search\ndescription: For a test.\nkind: posts\nsource: Made up\nlicence: CC0-1.0\ncollected: 2016-09-18\nformat: ${format}\nfiles: "*.json"\n`;
    // v2 responses, each of its own post (files of the same bytes would be refused as copies of each other).
    const v2 = (id: number) =>
      `{"data": [{"id": "${id}", "text": "#Red", "created_at": "2016-07-01T10:00:00.000Z", "author_id": "7"}], "includes": {"users": [{"id": "7", "username": "a"}]}}\n`;
    const site = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1'),
      ...Object.fromEntries([1, 2, 3, 4].map((n) => [`data/x/week-${n}.json`, v2(n)])),
      'data/y/manifest.yaml': manifest('twitter-v1'),
      'data/y/a.json': v2(5),
      'data/y/b.json': v2(6),
    });
    const { code, out } = await check(site);
    expect(code).toBe(1);
    const SAYS = (file: string) =>
      `${file}:1:1: This file holds an X/Twitter API v2 response, but the manifest says format: twitter-v1, so none of its records can be read. A dataset's files share one format, so X's v1.1 and v2 exports go in two datasets (one with format: twitter-v1, one with format: twitter-v2), which a post counts together with posts: [a, b]. Move the file into a dataset of its own whose manifest says its format, and name both under "posts" in the post (README, "Writing a post"); or, if every file of this dataset is of that format, set it in manifest.yaml.`;
    expect(out.trim().split('\n')).toEqual([
      SAYS('data/x/week-1.json'),
      'data/x/: …and 3 more files like it (week-2.json … week-4.json).',
      // Another dataset's files are counted apart, and two named.
      SAYS('data/y/a.json'),
      'data/y/: …and 1 more file like it (b.json).',
      '',
      '6 problems in 2 datasets and 0 posts.',
    ]);
  });

  it('counts alike the rows of a week dropped in before "collected" was moved, though each names its own time', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => `${i + 1},2016-09-2${i}T10:00:0${i}Z,a,#Red`).join('\n');
    const site = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `id,created_at,user,text\n${rows}\n`,
    });
    const lines = (await check(site)).out.trim().split('\n');
    expect(lines.filter((l) => /^data\/tweets\/a\.csv:\d/.test(l))).toHaveLength(3);
    expect(lines).toContain('data/tweets/a.csv: …and 3 more like the 3 above (lines 5–7).');
  });

  it('keeps no file list: the build after it names the files changed since the last build, though the check parsed them', async () => {
    const site = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n',
      'content/posts/post.md': POST('Red had :value[campaigns.red.share] of :value[posts.total] posts.'),
    });
    const cache = mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    // In this process, as a build's content loader reads the data: the summary's records, then the file lists kept.
    const options = { root: site, dataDir: join(site, 'data'), cacheDir: join(cache, 'soundings', 'datasets') };
    const build = async () => {
      clearMemoryCache();
      takeLoadRecords();
      await cachedDataset('tweets', options);
      const records = takeLoadRecords();
      keepFileLists(records, options);
      return records[0];
    };
    await build();
    writeFileSync(join(site, 'data', 'tweets', 'b.csv'), 'id,created_at,user,text\n2,2016-07-02T10:00:00Z,b,#Red\n');
    // The check reads (and parses into the shared cache) the new file, then the build: every record from the cache.
    expect(await check(site, { SOUNDINGS_CACHE_DIR: cache })).toEqual({ code: 0, out: 'No problems in 1 dataset and 1 post.\n' });
    expect(await build()).toMatchObject({ cache: 'hit', since: { added: ['b.csv'], removed: [], changed: [] } });
  });

  it('parses each data file once on an empty cache, and none when run again on unchanged data, saying the same', async () => {
    const header = 'id,created_at,user,text\n';
    const site = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `${header}1,2016-07-01T10:00:00Z,a,#Red\n`,
      'data/tweets/b.csv': `${header}2,2016-07-02T10:00:00Z,b,#Red\n`,
      // No post uses it: checked without a load, and its warning (a file with a header and no rows) said each time.
      'data/archive/manifest.yaml': postsManifest(),
      'data/archive/c.csv': `${header}3,2016-07-03T10:00:00Z,c,#Blue\n`,
      'data/archive/empty.csv': header,
      'content/posts/post.md': POST('Red had :value[campaigns.red.share] of :value[posts.total] posts.'),
    });
    const cache = mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    const said = 'data/archive/empty.csv:1: This file has a header but no rows';
    const first = await checkParsing(site, cache);
    expect(first).toMatchObject({ code: 0, out: expect.stringContaining('No problems in 2 datasets and 1 post.\n') });
    expect(first.out).toContain(said);
    expect(first.parsed).toEqual({ 'data/tweets/a.csv': 1, 'data/tweets/b.csv': 1, 'data/archive/c.csv': 1, 'data/archive/empty.csv': 1 });
    const second = await checkParsing(site, cache);
    expect(second).toEqual({ ...first, parsed: {} });
  });

  it('reports the problems between files whose records the cache keeps, parsing only the file that changed', async () => {
    const header = 'id,created_at,user,text\n';
    const site = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `${header}1,2016-07-01T10:00:00Z,a,#Red\n2,2016-07-02T10:00:00Z,b,#Red\n`,
      'data/tweets/b.csv': `${header}3,2016-07-03T10:00:00Z,c,#Red\n`,
      'data/archive/manifest.yaml': postsManifest(),
      'data/archive/c.csv': `${header}4,2016-07-03T10:00:00Z,c,#Blue\n`,
      'data/archive/d.csv': `${header}5,2016-07-04T10:00:00Z,d,#Blue\n`,
      'content/posts/post.md': POST('There were :value[posts.total] posts.'),
    });
    const cache = mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    expect((await checkParsing(site, cache)).code).toBe(0);
    // Each dataset's second file now reuses an id of its first for another post: refused, though the first is not parsed.
    writeFileSync(join(site, 'data', 'tweets', 'b.csv'), `${header}2,2016-07-05T10:00:00Z,x,#Red\n`);
    writeFileSync(join(site, 'data', 'archive', 'd.csv'), `${header}4,2016-07-05T10:00:00Z,x,#Blue\n`);
    const { code, out, parsed } = await checkParsing(site, cache);
    expect(code).toBe(1);
    expect(out).toMatch(/^data\/archive\/d\.csv:2:1: .*"4"/m);
    expect(out).toMatch(/^data\/tweets\/b\.csv:2:1: .*"2"/m);
    expect(out).toContain('2 problems in 2 datasets and 1 post.');
    // The load of tweets fails once b.csv is read (whose records are right in themselves: kept), and the check that
    // lists its problems then takes both files' records from the cache.
    expect(parsed).toEqual({ 'data/tweets/b.csv': 1, 'data/archive/d.csv': 1 });
  });
});
