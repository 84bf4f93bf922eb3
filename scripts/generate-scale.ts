/**
 * Generates a SYNTHETIC scale dataset for the benchmark: N posts (default
 * 1,000,000) about two made-up campaigns, as one CSV file (so a single large
 * file is streamed) in `.scale/scale-v2-<N>/`, which git ignores. Nothing here is
 * committed; `npm run bench` makes it on demand.
 *
 *   node scripts/generate-scale.ts [posts=1000000] [outDir=.scale]
 *
 * Ids are 18-digit decimal strings, like tweet ids ("7" then the post number
 * on 17 digits). About one record in a thousand is written twice in a row
 * (an export overlapping the previous one), so de-duplication is exercised:
 * the file has N distinct posts and about N/1000 duplicate records.
 *
 * Seeded (d3-random's randomLcg, seed 1): the same N gives byte-identical
 * files. Written in chunks, so generating 10M posts never holds them all.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomLcg } from 'd3-random';

const TAGS = ['#Alpha', '#alpha', '#SaveBeta', '#Beta', '#Gamma'];
const WORDS = ['vote', 'rally', 'members', 'leader', 'policy', 'debate', 'poll', 'turnout', 'ballot', 'today'];

export function scaleDir(posts: number, out = '.scale'): string {
  // "v2": 18-digit ids and duplicate records; a folder made by the first version is not reused.
  return resolve(out, `scale-v2-${posts}`);
}

/** Writes the dataset (manifest + one CSV) unless it is already there; returns its folder. */
export function generateScale(posts: number, out = '.scale'): string {
  const dir = scaleDir(posts, out);
  const csv = join(dir, 'posts.csv');
  if (existsSync(csv) && existsSync(join(dir, 'manifest.yaml'))) return dir;
  mkdirSync(dir, { recursive: true });
  const random = randomLcg(1);
  const start = Date.UTC(2024, 0, 1);
  const span = 90 * 24 * 3600 * 1000;
  const fd = openSync(`${csv}.tmp`, 'w');
  writeSync(fd, 'id,created_at,screen_name,text\n');
  let chunk = '';
  for (let i = 0; i < posts; i++) {
    const time = new Date(start + Math.floor((i / posts) * span + random() * 60_000)).toISOString();
    const author = `user${Math.floor(random() * 200_000)}`;
    const tag = TAGS[Math.floor(random() * TAGS.length)] as string;
    const second = random() < 0.05 ? ` ${TAGS[Math.floor(random() * TAGS.length)]}` : '';
    const words = Array.from({ length: 6 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    const line = `7${String(i + 1).padStart(17, '0')},${time},${author},"${words} ${tag}${second}, ""quoted"" text"\n`;
    chunk += random() < 0.001 ? line + line : line;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  writeFileSync(
    join(dir, 'manifest.yaml'),
    `title: Scale benchmark posts (${posts})
description: SYNTHETIC posts for the benchmark; not committed.
kind: posts
source: "Synthetic: scripts/generate-scale.ts (seed 1)"
licence: CC0-1.0
collected: 2024-04-01
synthetic:
  script: scripts/generate-scale.ts
  seed: 1
fields:
  id: id
  time: created_at
  author: screen_name
  text: text
`,
  );
  // Renamed last: a half-written file is never taken for a finished one.
  renameSync(`${csv}.tmp`, csv);
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const posts = Number(process.argv[2] ?? 1_000_000);
  const started = performance.now();
  const dir = generateScale(posts, process.argv[3] ?? '.scale');
  console.log(`${dir}: ${posts.toLocaleString('en-GB')} posts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
