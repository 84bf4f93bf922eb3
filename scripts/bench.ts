/**
 * npm run bench: Soundings' speed and memory, in one run.
 *
 *  1. Site builds of a temporary copy of the sample site (content/ + data/):
 *     cold (empty Astro and dataset caches), warm (nothing changed), and after
 *     dropping one data file into the tweets dataset. Each is compared with a
 *     plain Astro build of the same posts with the numbers typed in: a site
 *     generated on the fly from the built HTML's `:value` figures (and chart
 *     SVGs pasted as HTML), with no Soundings code at all.
 *  2. Scale: the streamed campaign statistics (src/data/streamPosts.ts:
 *     parse + validate + de-duplicate + campaign volume + weekly volume, then
 *     share of voice) of 1M and 10M synthetic posts (scripts/generate-scale.ts,
 *     made on demand in .scale/), each in a child process whose peak RSS is
 *     read from the OS, against a bare streaming csv-parse of the same file.
 *     For 1M, also the in-memory path (loadDataset + the array functions), for
 *     comparison. The 10M file (1.1 GB) is deleted afterwards unless --keep.
 *     With --scale-only, only 2; with --no-10m, 2 without 10M.
 *
 * Targets (README, "Benchmarks"): cold ≤ 1.3× plain; warm ≤ 1.05× plain;
 * 1M posts ≤ 5 s with ≤ 1 GB peak RSS; 10M posts ≤ 60 s.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, createReadStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const env = () => {
  const e: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const k of Object.keys(e)) if (k.startsWith('VITEST') || k === 'NODE_ENV') delete e[k];
  return e;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function timed(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { ...options, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return performance.now() - start;
}

// ---------------------------------------------------------------------------
// 1. Site builds.
function soundingsSite() {
  const site = mkdtempSync(join(tmpdir(), 'soundings-bench-'));
  cpSync(join(root, 'content'), join(site, 'content'), { recursive: true });
  cpSync(join(root, 'data'), join(site, 'data'), { recursive: true });
  const cacheDir = join(site, '.astro-cache');
  const build = (outDir: string) =>
    timed([astro, 'build'], {
      cwd: root,
      env: {
        ...env(),
        SOUNDINGS_CONTENT_DIR: join(site, 'content'),
        SOUNDINGS_DATA_DIR: join(site, 'data'),
        SOUNDINGS_OUT_DIR: outDir,
        SOUNDINGS_CACHE_DIR: cacheDir,
      },
    });
  return { site, build };
}

/** A plain Astro project with the built posts' text and figures typed in. */
function plainSite(builtDir: string, contentDir: string) {
  // Inside the project so that `astro` resolves from its node_modules; .scale/ is gitignored.
  const dir = join(root, '.scale', 'plain-site');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'content', 'posts'), { recursive: true });
  mkdirSync(join(dir, 'src', 'pages', 'posts'), { recursive: true });
  for (const name of readdirSync(join(contentDir, 'posts')).filter((n) => n.endsWith('.md'))) {
    const slug = name.replace(/\.md$/, '');
    const markdown = readFileSync(join(contentDir, 'posts', name), 'utf8');
    const html = readFileSync(join(builtDir, 'posts', slug, 'index.html'), 'utf8');
    const values = new Map(Array.from(html.matchAll(/<span class="value" data-key="([^"]+)"[^>]*>([^<]*)<\/span>/g), (m) => [m[1], m[2]]));
    const figures = Array.from(html.matchAll(/<figure[\s\S]*?<\/figure>/g), (m) => m[0]);
    const fm = /^---\n[\s\S]*?\n---\n/.exec(markdown)?.[0] ?? '';
    const title = /\ntitle:\s*(.*)\n/.exec(fm)?.[1] ?? slug;
    let figure = 0;
    const body = markdown
      .slice(fm.length)
      .replace(/:value\[([^\]]+)\](\{[^}]*\})?/g, (_m, key: string) => values.get(key) ?? '')
      .replace(/^:{2,3}[a-z-]+.*$/gm, () => `\n${figures[figure++] ?? ''}\n`)
      .replace(/:[a-z-]+\[([^\]]*)\](\{[^}]*\})?/g, '$1');
    writeFileSync(join(dir, 'src', 'content', 'posts', name), `---\ntitle: ${title}\n---\n${body}`);
  }
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ devToolbar: { enabled: false } });\n",
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { posts: defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/posts' }) }) };\n",
  );
  writeFileSync(
    join(dir, 'src', 'pages', 'posts', '[...id].astro'),
    '---\nimport { getCollection, render } from \'astro:content\';\nexport async function getStaticPaths() { return (await getCollection(\'posts\')).map((post) => ({ params: { id: post.id }, props: { post } })); }\nconst { post } = Astro.props;\nconst { Content } = await render(post);\n---\n<html lang="en"><head><meta charset="utf-8"><title>{post.data.title}</title></head><body><article><h1>{post.data.title}</h1><Content /></article></body></html>\n',
  );
  writeFileSync(
    join(dir, 'src', 'pages', 'index.astro'),
    '---\nimport { getCollection } from \'astro:content\';\nconst posts = await getCollection(\'posts\');\n---\n<html lang="en"><head><meta charset="utf-8"><title>Posts</title></head><body><ul>{posts.map((p) => <li><a href={"/posts/" + p.id + "/"}>{p.data.title}</a></li>)}</ul></body></html>\n',
  );
  const build = () => timed([astro, 'build'], { cwd: dir, env: env() });
  const touch = () => {
    const first = readdirSync(join(dir, 'src', 'content', 'posts'))[0] as string;
    const path = join(dir, 'src', 'content', 'posts', first);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nUpdated.\n`);
  };
  return { dir, build, touch };
}

function builds() {
  const s = soundingsSite();
  const out = (n: string) => join(s.site, `dist-${n}`);
  const cold = s.build(out('cold'));
  const warm = s.build(out('warm'));
  // Drop one file into the tweets dataset: a week of extra posts.
  const extra = ['id,created_at,screen_name,text'];
  for (let i = 0; i < 500; i++)
    extra.push(`bench-${i},2016-09-1${i % 8}T1${i % 10}:00:00Z,bench_user_${i % 37},Bench post #KeepCorbyn ${i}`);
  writeFileSync(join(s.site, 'data', 'labour-2016-tweets', 'tweets-2016-09-extra.csv'), `${extra.join('\n')}\n`);
  const dropIn = s.build(out('drop'));

  const p = plainSite(out('cold'), join(s.site, 'content'));
  rmSync(join(p.dir, 'node_modules'), { recursive: true, force: true });
  rmSync(join(p.dir, '.astro'), { recursive: true, force: true });
  const plainCold = p.build();
  const plainWarm = p.build();
  p.touch();
  const plainChanged = p.build();
  rmSync(s.site, { recursive: true, force: true });
  return [
    ['cold build', cold, plainCold],
    ['warm rebuild, nothing changed', warm, plainWarm],
    ['rebuild after dropping in one data file', dropIn, plainChanged],
  ] as const;
}

// ---------------------------------------------------------------------------
// 2. Scale: runs in a child (`bench.ts --child stream|memory|bare <dir>`) so its peak RSS is its own.
const CAMPAIGNS = [
  { id: 'alpha', label: '#Alpha', hashtags: ['Alpha'], color: '#b3202a' },
  { id: 'beta', label: '#Beta', hashtags: ['Beta', 'SaveBeta'], color: '#1f5f8b' },
];

async function child(kind: string, dir: string) {
  const start = performance.now();
  let rows = 0;
  const id = dir.split('/').pop() as string;
  const options = { root, dataDir: resolve(dir, '..') };
  const { shareOfVoice } = await import('../src/analysis/shareOfVoice.ts');
  if (kind === 'bare') {
    const { parse } = await import('csv-parse');
    for await (const _ of createReadStream(join(dir, 'posts.csv')).pipe(parse({ columns: true, info: true }))) rows++;
  } else if (kind === 'stream') {
    const { streamCampaignStatistics } = await import('../src/data/streamPosts.ts');
    const result = await streamCampaignStatistics(id, options, CAMPAIGNS);
    shareOfVoice(result.statistics.volume);
    rows = result.posts;
  } else {
    const { loadDataset } = await import('../src/data/loadDataset.ts');
    const { campaignVolume } = await import('../src/analysis/campaignVolume.ts');
    const { weeklyVolume } = await import('../src/analysis/weeklyVolume.ts');
    const ds = await loadDataset(id, options);
    if (ds.kind !== 'posts') throw new Error('not posts');
    shareOfVoice(campaignVolume(ds.rows, CAMPAIGNS));
    weeklyVolume(ds.rows, CAMPAIGNS);
    rows = ds.rows.length;
  }
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function measure(kind: string, dir: string): { rows: number; ms: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, [join(root, 'scripts', 'bench.ts'), '--child', kind, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out);
}

async function main() {
  if (process.argv[2] === '--child') return child(process.argv[3] as string, process.argv[4] as string);
  const { generateScale } = await import('./generate-scale.ts');
  const lines: string[] = [];
  const say = (l: string) => {
    lines.push(l);
    console.log(l);
  };
  say(`Soundings benchmark (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
  if (!process.argv.includes('--scale-only')) {
    say('');
    say('| build | Soundings | plain Astro | ratio | target |');
    say('| --- | ---: | ---: | ---: | ---: |');
    const targets = ['≤ 1.3×', '≤ 1.05×', '-'];
    for (const [i, [what, s, p]] of builds().entries())
      say(`| ${what} | ${seconds(s)} | ${seconds(p)} | ${(s / p).toFixed(2)}× | ${targets[i]} |`);
  }
  say('');
  say('| posts | streamed statistics | peak RSS | bare streaming parse | its peak RSS | ratio | target |');
  say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const sizes = process.argv.includes('--no-10m') ? [1_000_000] : [1_000_000, 10_000_000];
  let memory: { rows: number; ms: number; maxRssMb: number } | undefined;
  for (const n of sizes) {
    const dir = generateScale(n, join(root, '.scale'));
    const a = measure('stream', dir);
    const b = measure('bare', dir);
    if (n === 1_000_000) memory = measure('memory', dir);
    if (n >= 10_000_000 && !process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
    const target = n === 1_000_000 ? '≤ 5 s, ≤ 1 GB' : '≤ 60 s';
    say(
      `| ${n.toLocaleString('en-GB')} | ${seconds(a.ms)} | ${Math.round(a.maxRssMb)} MB | ${seconds(b.ms)} | ${Math.round(b.maxRssMb)} MB | ${(a.ms / b.ms).toFixed(2)}× | ${target} |`,
    );
  }
  if (memory)
    say(
      `\nIn memory (loadDataset + campaignVolume + shareOfVoice + weeklyVolume), 1M posts: ${seconds(memory.ms)}, ${Math.round(memory.maxRssMb)} MB peak RSS.`,
    );
}
await main();
