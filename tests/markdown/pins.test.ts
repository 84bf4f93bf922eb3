import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetDigest } from '../../src/data/datasetFiles.ts';
import { checkPins } from '../../src/markdown/pins.ts';
import { astroBuild, valuesOf } from '../site/astroBuild.ts';
import { FRONTMATTER, fixtureProject } from './fixture.ts';

const locate = (path: (string | number)[]) => ({ file: 'content/posts/post.md', line: 9, column: path.length * 2 + 1 });
const B_CSV = 'id,created_at,user,text\n5,2016-07-11T10:00:00Z,e,#Red\n6,2016-07-20T10:00:00Z,f,#Blue\n';

describe('checkPins', () => {
  const site = fixtureProject('x');
  const options = { root: site, dataDir: join(site, 'data') };
  const digest = () => datasetDigest(join(site, 'data', 'tweets')).slice(0, 16);

  it('passes a current pin, and says what changed (rows, period) with the line to paste when stale', async () => {
    const pinned = { digest: digest(), rows: 4, period: '2016-07-01/2016-07-05' };
    const datasets = { tweets: 'tweets', followers: 'followers' };
    expect(await checkPins({ datasets, pins: { tweets: pinned } }, locate, options)).toEqual([]);

    writeFileSync(join(site, 'data', 'tweets', 'b.csv'), B_CSV);
    const [problem, ...rest] = await checkPins({ datasets, pins: { tweets: pinned } }, locate, options);
    expect(rest).toEqual([]);
    expect(problem?.message).toBe(
      `content/posts/post.md:9:5: The data pinned for "tweets" (data/tweets) has changed: 6 rows now, 2 added since the pin (4); ` +
        `period now 2016-07-01 to 2016-07-20 (pinned: 2016-07-01 to 2016-07-05). Its digest is now ${digest()}. ` +
        'Check that the post still says what the new data shows, then re-pin by replacing its "pins:" line with the one printed below (or restore the pinned files).\n' +
        `pins: { tweets: { digest: "${digest()}", rows: 6, period: "2016-07-01/2016-07-20" } }`,
    );
    rmSync(join(site, 'data', 'tweets', 'b.csv'));
  });

  it('prints the line that re-pins every dataset once, after the last stale pin, when two are stale', async () => {
    const followersDir = join(site, 'data', 'followers');
    const pinned = {
      tweets: { digest: digest(), rows: 4, period: '2016-07-01/2016-07-05' },
      followers: { digest: datasetDigest(followersDir).slice(0, 16), rows: 2 },
    };
    const at = (path: (string | number)[]) => ({ file: 'content/posts/post.md', line: 9, column: path[1] === 'tweets' ? 9 : 60 });
    const datasets = { tweets: 'tweets', followers: 'followers' };
    const followersCsv = readdirSync(followersDir).find((f) => f.endsWith('.csv')) as string;
    const before = readFileSync(join(followersDir, followersCsv), 'utf8');
    writeFileSync(join(site, 'data', 'tweets', 'b.csv'), B_CSV);
    writeFileSync(
      join(followersDir, followersCsv),
      `${before.trimEnd()}\n${before
        .trimEnd()
        .split('\n')
        .at(-1)
        ?.replace(/^[^,]*/, 'zz')}\n`,
    );
    try {
      const problems = await checkPins({ datasets, pins: pinned }, at, options);
      const line = `pins: { followers: { digest: "${datasetDigest(followersDir).slice(0, 16)}", rows: 3 }, tweets: { digest: "${digest()}", rows: 6, period: "2016-07-01/2016-07-20" } }`;
      const followers = problems.find((p) => p.message.includes('"followers" (data/followers)'));
      const tweets = problems.find((p) => p.message.includes('"tweets" (data/tweets)'));
      expect(problems).toHaveLength(2);
      // followers is the later pin on the line, so its message, printed last, ends with the line; tweets' says where it is.
      expect(followers?.message.endsWith(`\n${line}`)).toBe(true);
      expect(tweets?.message).not.toContain('pins: {');
      expect(tweets?.message).toContain(
        'The "pins:" line to paste re-pins every dataset and is printed once, after the message for "followers".',
      );
    } finally {
      rmSync(join(site, 'data', 'tweets', 'b.csv'));
      writeFileSync(join(followersDir, followersCsv), before);
    }
  });

  it('says what moved when no row did (a comment in the manifest, a file renamed), once a build has seen the pinned state', async () => {
    const site = fixtureProject('x');
    const options = { root: site, dataDir: join(site, 'data') };
    const tweets = join(site, 'data', 'tweets');
    const datasets = { tweets: 'tweets' };
    const pinned = { digest: datasetDigest(tweets).slice(0, 16), rows: 4, period: '2016-07-01/2016-07-05' };
    // The build that published the post saw the pinned data.
    expect(await checkPins({ datasets, pins: { tweets: pinned } }, locate, options)).toEqual([]);
    const manifest = readFileSync(join(tweets, 'manifest.yaml'), 'utf8');
    writeFileSync(join(tweets, 'manifest.yaml'), `# Exported weekly by Ann.\n${manifest.replace('kind: posts', 'kind: "posts"')}`);
    const line = () => `pins: { tweets: { digest: "${datasetDigest(tweets).slice(0, 16)}", rows: 4, period: "2016-07-01/2016-07-05" } }`;
    const [comment, ...rest] = await checkPins({ datasets, pins: { tweets: pinned } }, locate, options);
    expect(rest).toEqual([]);
    expect(comment?.message).toBe(
      `content/posts/post.md:9:5: The data pinned for "tweets" (data/tweets) has changed, but no row did: the manifest's bytes changed but not its meaning (a comment, spacing or quoting). Its digest is now ${datasetDigest(tweets).slice(0, 16)}. ` +
        'The post\'s numbers are the same, so re-pinning is safe: replace its "pins:" line with the one printed below (or undo the change). A pin names the bytes, so this too stops the build (see README, "Pinning").\n' +
        line(),
    );
    renameSync(join(tweets, 'a.csv'), join(tweets, '2016-07.csv'));
    const [renamed] = await checkPins({ datasets, pins: { tweets: pinned } }, locate, options);
    expect(renamed?.message).toContain(
      "has changed, but no row did: the manifest's bytes changed but not its meaning (a comment, spacing or quoting); a.csv renamed to 2016-07.csv, same bytes. Its digest is now",
    );
    expect(renamed?.message.endsWith(`\n${line()}`)).toBe(true);
    // A manifest that means something else may move a number: said as any change is.
    renameSync(join(tweets, '2016-07.csv'), join(tweets, 'a.csv'));
    writeFileSync(join(tweets, 'manifest.yaml'), manifest.replace('description: Tweets for a test.', 'description: Tweets.'));
    const [meaning] = await checkPins({ datasets, pins: { tweets: pinned } }, locate, options);
    expect(meaning?.message).toContain('(data/tweets) has changed: 4 rows now, as many as the pin (4);');
    // A fresh clone (no cache: no pinned state seen) cannot tell, and says what changed as it always did.
    writeFileSync(join(tweets, 'manifest.yaml'), `# A comment.\n${manifest}`);
    rmSync(join(site, 'node_modules'), { recursive: true, force: true });
    const [fresh] = await checkPins({ datasets, pins: { tweets: pinned } }, locate, options);
    expect(fresh?.message).toContain('(data/tweets) has changed: 4 rows now, as many as the pin (4);');
  });

  it('takes the whole digest as a dataset page shows it, and prints no line to re-pin with while the data does not load', async () => {
    const datasets = { tweets: 'tweets' };
    const full = datasetDigest(join(site, 'data', 'tweets'));
    expect(await checkPins({ datasets, pins: { tweets: full } }, locate, options)).toEqual([]);
    writeFileSync(join(site, 'data', 'tweets', 'b.csv'), 'id,created_at,user,text\n5,yesterday,e,#Red\n');
    const [problem, ...rest] = await checkPins({ datasets, pins: { tweets: full } }, locate, options);
    rmSync(join(site, 'data', 'tweets', 'b.csv'));
    expect(rest).toEqual([]);
    expect(problem?.message).toBe(
      'content/posts/post.md:9:5: The data pinned for "tweets" (data/tweets) has changed, and does not load now (its own error is reported with it). ' +
        'Fix the data (or restore the pinned files) first; the build then says what changed and prints the line to re-pin with.',
    );
  });

  it('refuses a pin whose rows or period contradict the data its digest names, with the line that records the data', async () => {
    const datasets = { tweets: 'tweets', followers: 'followers' };
    const line = `pins: { tweets: { digest: "${digest()}", rows: 4, period: "2016-07-01/2016-07-05" } }`;
    const [rows, ...rest] = await checkPins({ datasets, pins: { tweets: { digest: digest(), rows: 3 } } }, locate, options);
    expect(rest).toEqual([]);
    expect(rows?.message).toBe(
      `content/posts/post.md:9:5: The pin for "tweets" (data/tweets) records 3 rows, but the data its digest (${digest()}) names has 4 rows: the pin does not say what the post was written against. ` +
        'Check that the post says what this data shows, then re-pin by replacing its "pins:" line with the one printed below, which records what the data holds.\n' +
        line,
    );
    const [period] = await checkPins(
      { datasets, pins: { tweets: { digest: digest(), rows: 4, period: '2016-07-01/2016-07-09' } } },
      locate,
      options,
    );
    expect(period?.message).toContain('records the period 2016-07-01 to 2016-07-09, but the data its digest (');
    expect(period?.message).toContain(') names has the period 2016-07-01 to 2016-07-05: the pin');
    // Only a posts dataset has a period: one pinned on an accounts dataset is not what its digest names.
    const followers = datasetDigest(join(site, 'data', 'followers')).slice(0, 16);
    const [accounts] = await checkPins(
      { datasets, pins: { followers: { digest: followers, period: '2016-07-01/2016-07-09' } } },
      locate,
      options,
    );
    expect(accounts?.message).toContain(
      'records the period 2016-07-01 to 2016-07-09, but the data its digest (' +
        followers +
        ') names has no period (only posts have one): the pin',
    );
    expect(accounts?.message).toContain(`\npins: { followers: { digest: "${followers}", rows: 2 } }`);
  });

  it('reports a pin on an alias the post does not declare', async () => {
    const [problem] = await checkPins({ datasets: { tweets: 'tweets' }, pins: { tweet: digest() } }, locate, options);
    expect(problem?.message).toContain('"pins" names "tweet", which is not an alias under "datasets" ("tweets").');
  });

  it('leaves a pinned alias naming a dataset that is not there to the "no dataset" error: nothing changed', async () => {
    expect(await checkPins({ datasets: { tweets: 'tweetz' }, pins: { tweets: digest() } }, locate, options)).toEqual([]);
  });
});

const BODY = 'Red had :value[campaigns.red.share] of :value[posts.total] posts.';
const withPins = (line: string) => FRONTMATTER.replace('campaigns:', `${line}\ncampaigns:`);
const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => 'built',
    (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`,
  );

describe('a pinned post in a build', () => {
  it('fails when its data changes (added or removed files), and builds again once re-pinned', async () => {
    const site = fixtureProject(BODY);
    const cacheDir = mkdtempSync(join(tmpdir(), 'soundings-cache-'));
    const post = join(site, 'content', 'posts', 'post.md');
    const digest = datasetDigest(join(site, 'data', 'tweets')).slice(0, 16);
    writeFileSync(post, `${withPins(`pins: { tweets: { digest: "${digest}", rows: 4, period: "2016-07-01/2016-07-05" } }`)}\n${BODY}\n`);
    const page = (outDir: string) => valuesOf(readFileSync(join(outDir, 'posts', 'post', 'index.html'), 'utf8'));
    expect(page((await astroBuild(site, { cacheDir })).outDir)).toEqual([
      ['campaigns.red.share', '50.0%'],
      ['posts.total', '4'],
    ]);

    // This week's export is dropped in: the pinned post refuses to publish new numbers silently.
    writeFileSync(join(site, 'data', 'tweets', 'b.csv'), B_CSV);
    const failure = await failureOf(astroBuild(site, { cacheDir }));
    // Paths are relative to the project root; this fixture lives in a temporary folder.
    expect(failure).toContain('content/posts/post.md:9:9: The data pinned for "tweets" (');
    expect(failure).toContain('data/tweets) has changed: 6 rows now, 2 added since the pin (4)');
    const line = /\n\s*(pins: \{.*\})/.exec(failure)?.[1];
    expect(line).toContain('rows: 6, period: "2016-07-01/2016-07-20"');

    // The analyst checks the post and pastes the printed line.
    writeFileSync(post, `${withPins(line as string)}\n${BODY}\n`);
    const repinned = await astroBuild(site, { cacheDir });
    expect(page(repinned.outDir)).toEqual([
      ['campaigns.red.share', '50.0%'],
      ['posts.total', '6'],
    ]);
    expect(repinned.stdout).toMatch(/tweets\s+6\s+2\s+2016-07-01 to 2016-07-20/);

    // Removing a file is noticed too.
    rmSync(join(site, 'data', 'tweets', 'b.csv'));
    expect(await failureOf(astroBuild(site, { cacheDir }))).toContain(
      '4 rows now, 2 removed since the pin (6); period now 2016-07-01 to 2016-07-05',
    );
  });
});
