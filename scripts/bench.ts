/**
 * npm run bench: Soundings' speed and memory, in one run.
 *
 *  1. Site builds of a temporary copy of the sample site (content/ + data/):
 *     cold (empty Astro and dataset caches), warm (nothing changed), and after
 *     dropping one data file into the tweets dataset, each `--runs N` times
 *     (default 7), medians compared. Each is compared with an Astro build of
 *     the same posts with the numbers typed in (see `typedIn`): the posts'
 *     figures, charts and clouds pasted in as the Soundings build printed
 *     them, and no data. Then each build's CPU time, all threads (on Linux:
 *     the children's CPU time from /proc), medians compared. With
 *     --builds-only, only 1.
 *  2. Scale: the streamed campaign statistics (src/data/streamPosts.ts:
 *     parse + validate + de-duplicate + campaign volume + weekly volume, then
 *     share of voice) of 1M and 10M synthetic posts (scripts/generate-scale.ts,
 *     made on demand in .scale/), each in a child process whose peak RSS is
 *     read from the OS, against a bare streaming csv-parse of the same file
 *     (one stream, where the statistics read a large file on every core), with
 *     each one's CPU time: 1M five times each, alternating, medians compared.
 *     For 1M, also the in-memory path a site build takes (loadDataset, then
 *     campaignStatistics), for comparison. The 10M file (1.1 GB) is deleted afterwards unless --keep.
 *     With --scale-only, only 2; with --no-10m, 2 without 10M.
 *
 * Targets (README, "Benchmarks"): cold ≤ 1.3× plain; warm ≤ 1.05× plain;
 * 1M posts ≤ 5 s with ≤ 1 GB peak RSS; 10M posts ≤ 60 s.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, createReadStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from 'd3-array';
import matter from 'gray-matter';
import { siteEnv } from './astro.ts';

const root = resolve(import.meta.dirname, '..');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A child's run: wall time, and the CPU time of all its threads (undefined where /proc is not: not Linux). */
interface Run {
  ms: number;
  cpuMs: number | undefined;
}

/**
 * The CPU time of this process's waited-for children so far (Linux: /proc/self/stat's cutime and cstime, in the
 * kernel's USER_HZ ticks, 100 a second on every Linux), or undefined elsewhere. Node has no call for it.
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

function timed(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Run {
  const cpu = childrenCpuMs();
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { ...options, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  const after = childrenCpuMs();
  return { ms, cpuMs: cpu === undefined || after === undefined ? undefined : after - cpu };
}

// ---------------------------------------------------------------------------
// 1. Site builds.
interface Site {
  /** Builds into dist/: the wall time and CPU time. */
  build(): Run;
  /** Empties the Astro and Soundings caches and dist/, for a cold build. */
  clear(): void;
  dist: string;
}

/** A site built by this project's code from `content` and `data`, with its own caches. */
function site(dir: string): Site {
  const dist = join(dir, 'dist');
  const cache = join(dir, '.astro-cache');
  return {
    dist,
    build: () =>
      // As `npm run build` builds (scripts/build.ts: Astro's CLI, with the build's second thread started first), for
      // both sites alike: the typed-in one has no data, so no second thread.
      timed([join(root, 'scripts', 'build.ts')], {
        cwd: root,
        env: siteEnv(dir, { cacheDir: cache, outDir: dist }),
      }),
    clear: () => {
      rmSync(cache, { recursive: true, force: true });
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/**
 * The same posts with the numbers typed in: each post's Markdown with every
 * `:value` replaced by the text the Soundings build printed, every chart,
 * table and word cloud replaced by the HTML it rendered, and no datasets
 * (so no campaigns, values or tables in the frontmatter). It is built by the
 * same Astro project — layout, feed, sitemap, tag and author pages, social
 * cards, search index — so the ratio is what computing from data costs, not
 * what the site's design costs.
 */
function typedIn(builtDir: string, contentDir: string, dir: string) {
  mkdirSync(join(dir, 'content', 'posts'), { recursive: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  const posts: string[] = [];
  for (const name of readdirSync(join(contentDir, 'posts')).filter((n) => n.endsWith('.md'))) {
    const slug = name.replace(/\.md$/, '');
    const { data, content } = matter(readFileSync(join(contentDir, 'posts', name), 'utf8'));
    const html = readFileSync(join(builtDir, 'posts', slug, 'index.html'), 'utf8');
    const values = new Map(Array.from(html.matchAll(/<span class="value" data-key="([^"]+)"[^>]*>([^<]*)<\/span>/g), (m) => [m[1], m[2]]));
    const figures = Array.from(html.matchAll(/<figure[\s\S]*?<\/figure>/g), (m) => m[0].replace(/\n\s*\n/g, '\n'));
    let figure = 0;
    const body = content
      .replace(/:value\[([^\]]+)\](\{[^}]*\})?/g, (_m, key: string) => values.get(key) ?? '')
      .replace(/^:{2,3}[a-z-]+.*$/gm, () => `\n${figures[figure++] ?? ''}\n`);
    const kept = Object.fromEntries(
      ['title', 'date', 'author', 'summary', 'tags', 'draft'].filter((k) => k in data).map((k) => [k, data[k]]),
    );
    const path = join(dir, 'content', 'posts', name);
    writeFileSync(path, matter.stringify(body, kept));
    if (Object.values((data.datasets ?? {}) as Record<string, string>).includes(TWEETS)) posts.push(path);
  }
  return { ...site(dir), posts };
}

const TWEETS = 'labour-2016-tweets';

/**
 * Cold, warm and drop-in builds of both sites, `runs` times each, the two
 * sites alternating so that drift on the machine touches both alike; the
 * medians are compared. Drop-in: a 500-post file dropped into the tweets
 * dataset (Soundings re-renders the two posts using it), against editing
 * those two posts' typed-in text (the plain site re-renders them). Each
 * drop-in is undone, and the site rebuilt unmeasured, before the next run.
 */
function builds(runs: number) {
  const work = mkdtempSync(join(tmpdir(), 'soundings-bench-'));
  const s = site(join(work, 'soundings'));
  cpSync(join(root, 'content'), join(work, 'soundings', 'content'), { recursive: true });
  cpSync(join(root, 'data'), join(work, 'soundings', 'data'), { recursive: true });
  s.build();
  const p = typedIn(s.dist, join(work, 'soundings', 'content'), join(work, 'typed-in'));
  type Pair = [Run[], Run[]];
  const times: { cold: Pair; warm: Pair; drop: Pair } = { cold: [[], []], warm: [[], []], drop: [[], []] };
  const add = (what: keyof typeof times, i: 0 | 1, run: Run) => times[what][i].push(run);
  for (let r = 0; r < runs; r++) {
    for (const [i, x] of [s, p].entries()) {
      x.clear();
      add('cold', i as 0 | 1, x.build());
    }
  }
  for (let r = 0; r < runs; r++) for (const [i, x] of [s, p].entries()) add('warm', i as 0 | 1, x.build());
  const extraFile = join(work, 'soundings', 'data', TWEETS, 'tweets-2016-09-extra.csv');
  const extra = ['id,created_at,screen_name,text'];
  for (let i = 0; i < 500; i++)
    extra.push(`bench-${i},2016-09-1${i % 8}T1${i % 10}:00:00Z,bench_user_${i % 37},Bench post #KeepCorbyn ${i}`);
  for (let r = 0; r < runs; r++) {
    writeFileSync(extraFile, `${extra.join('\n')}\n`);
    add('drop', 0, s.build());
    rmSync(extraFile);
    s.build();
    const originals = p.posts.map((path) => readFileSync(path, 'utf8'));
    for (const path of p.posts) writeFileSync(path, `${readFileSync(path, 'utf8')}\nUpdated with the new week's figures.\n`);
    add('drop', 1, p.build());
    for (const [i, path] of p.posts.entries()) writeFileSync(path, originals[i] as string);
    p.build();
  }
  rmSync(work, { recursive: true, force: true });
  return [
    ['cold build', times.cold],
    ['warm rebuild, nothing changed', times.warm],
    ['rebuild after dropping in one data file', times.drop],
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
    // The options the streaming reader uses (src/data/streamRecords.ts): records as arrays, with line numbers.
    for await (const _ of createReadStream(join(dir, 'posts.csv'), { highWaterMark: 1 << 20 }).pipe(
      parse({ bom: true, info: true, relax_column_count: true, trim: true }),
    ))
      rows++;
    rows--; // the header
  } else if (kind === 'stream') {
    const { streamCampaignStatistics } = await import('../src/data/streamPosts.ts');
    const result = await streamCampaignStatistics(id, options, CAMPAIGNS);
    shareOfVoice(result.statistics.volume);
    rows = result.posts;
  } else {
    // What a site build does: load the posts, then one pass of campaignStatistics (as analysePost).
    const { loadDataset } = await import('../src/data/loadDataset.ts');
    const { campaignStatistics } = await import('../src/analysis/campaignAccumulator.ts');
    const ds = await loadDataset(id, options);
    if (ds.kind !== 'posts') throw new Error('not posts');
    shareOfVoice(campaignStatistics(ds.rows, CAMPAIGNS).volume);
    rows = ds.rows.length;
  }
  const ms = performance.now() - start;
  // The process's CPU time, every thread's: streamed statistics read a large file on every core (streamParts.ts).
  const { user, system } = process.cpuUsage();
  process.stdout.write(JSON.stringify({ rows, ms, cpuMs: (user + system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

/** The JavaScript heap the 10M streamed run is allowed (every thread's, V8's flag): a fraction of its 1.2 GB file. */
const STREAM_HEAP_MB = 256;

function measure(kind: string, dir: string, heapMb?: number): { rows: number; ms: number; cpuMs: number; maxRssMb: number } {
  const flags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const out = execFileSync(process.execPath, [...flags, join(root, 'scripts', 'bench.ts'), '--child', kind, dir], {
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
    const at = process.argv.indexOf('--runs');
    const runs = at > 0 ? Number(process.argv[at + 1]) : 7;
    say('');
    say(`Builds: median of ${runs} runs each (all runs in brackets, seconds).`);
    say('');
    say('| build | Soundings | typed-in Astro | ratio | target |');
    say('| --- | ---: | ---: | ---: | ---: |');
    const targets = ['≤ 1.3×', '≤ 1.05×', '-'];
    const med = (xs: Run[]) => median(xs, (x) => x.ms) as number;
    const all = (xs: Run[]) => xs.map((x) => (x.ms / 1000).toFixed(2)).join(', ');
    const measured = builds(runs);
    for (const [i, [what, [s, p]]] of measured.entries())
      say(
        `| ${what} | ${seconds(med(s))} (${all(s)}) | ${seconds(med(p))} (${all(p)}) | ${(med(s) / med(p)).toFixed(2)}× | ${targets[i]} |`,
      );
    // The CPU time beside the wall time: on a machine with few cores, a build whose second thread keeps both busy
    // is bound by the CPU time it needs, not by how its work is ordered.
    const cpu = (xs: Run[]) => median(xs, (x) => x.cpuMs);
    if (measured.every(([, pair]) => pair.every((xs) => cpu(xs) !== undefined))) {
      say('');
      say(`CPU time of each build, all threads (medians; ${availableParallelism()} cores here):`);
      say('');
      say('| build | Soundings | typed-in Astro | ratio |');
      say('| --- | ---: | ---: | ---: |');
      for (const [what, [s, p]] of measured) {
        const [a, b] = [cpu(s) as number, cpu(p) as number];
        say(`| ${what} | ${seconds(a)} | ${seconds(b)} | ${(a / b).toFixed(2)}× |`);
      }
    }
  }
  if (process.argv.includes('--builds-only')) return;
  say('');
  say(
    `Streamed statistics read a large CSV file on every core (${availableParallelism()} here: src/data/streamParts.ts); the bare parse is one csv-parse stream. CPU: all threads, process start included.`,
  );
  say('');
  say(
    `The 10M file is streamed with the JavaScript heap capped at ${STREAM_HEAP_MB} MB (--max-old-space-size), far less than the file: it is never held.`,
  );
  say('');
  say('| posts | file | streamed statistics | its CPU | peak RSS | bare streaming parse | its CPU | its peak RSS | ratio | target |');
  say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const sizes = process.argv.includes('--no-10m') ? [1_000_000] : [1_000_000, 10_000_000];
  let memory: ReturnType<typeof measure> | undefined;
  for (const n of sizes) {
    const dir = generateScale(n, join(root, '.scale'));
    // 1M: five runs of each, alternating (the machine's speed drifts by a half from one hour to the next), medians
    // compared, each run's in brackets; 10M: one of each.
    const runs: { stream: ReturnType<typeof measure>[]; bare: ReturnType<typeof measure>[] } = { stream: [], bare: [] };
    for (let i = 0; i < (n === 1_000_000 ? 5 : 1); i++) {
      runs.stream.push(measure('stream', dir, n >= 10_000_000 ? STREAM_HEAP_MB : undefined));
      runs.bare.push(measure('bare', dir));
    }
    const mid = (xs: ReturnType<typeof measure>[]) => [...xs].sort((x, y) => x.ms - y.ms)[xs.length >> 1] as ReturnType<typeof measure>;
    const each = (xs: ReturnType<typeof measure>[]) => (xs.length > 1 ? ` (${xs.map((x) => (x.ms / 1000).toFixed(2)).join(', ')})` : '');
    const fileMb = statSync(join(dir, 'posts.csv')).size / 1e6;
    const a = mid(runs.stream);
    const b = mid(runs.bare);
    if (n === 1_000_000) memory = measure('memory', dir);
    if (n >= 10_000_000 && !process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
    const target = n === 1_000_000 ? '≤ 5 s, ≤ 1 GB' : '≤ 60 s';
    say(
      `| ${n.toLocaleString('en-GB')} | ${Math.round(fileMb)} MB | ${seconds(a.ms)}${each(runs.stream)} | ${seconds(a.cpuMs)} | ${Math.round(a.maxRssMb)} MB | ${seconds(b.ms)}${each(runs.bare)} | ${seconds(b.cpuMs)} | ${Math.round(b.maxRssMb)} MB | ${(a.ms / b.ms).toFixed(2)}× | ${target} |`,
    );
  }
  if (memory)
    say(
      `\nIn memory, as a site build reads posts (loadDataset, then campaignStatistics and shareOfVoice), 1M posts: ${seconds(memory.ms)}, ${Math.round(memory.maxRssMb)} MB peak RSS.`,
    );
}
await main();
