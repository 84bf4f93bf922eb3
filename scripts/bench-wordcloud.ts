/**
 * `npm run bench:wordcloud`: Soundings' word-cloud layout against d3-cloud on
 * the same word lists, sizes, rotations and font, in one run.
 *
 * - Words: the terms of the sample tweets (both campaigns, mentions kept),
 *   by distinct texts; 150 words at 800×500 and 400 words at 1200×800.
 * - Font: the WOFF file the site serves, read by fontkit for Soundings and
 *   registered with @napi-rs/canvas's GlobalFonts for d3-cloud.
 * - Sizes and rotations: Soundings lays the words out first; d3-cloud then
 *   gets every word at the size and rotation Soundings drew it with (its
 *   sizes are whole pixels, so fractions are truncated as d3-cloud does), in
 *   a rectangle, with the same padding.
 * - Each layout runs 9 times after a warm-up, each run after a garbage
 *   collection; the median time is printed.
 * - Fill: the ink area of the placed words (measured with fontkit at their
 *   sizes) ÷ the board's area, for both.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { median } from 'd3-array';
import cloud from 'd3-cloud';
import { randomLcg } from 'd3-random';
import { campaignTerms } from '../src/analysis/keyness.ts';
import type { Campaign } from '../src/analysis/types.ts';
import { loadDataset } from '../src/data/loadDataset.ts';
import type { PostsDataset } from '../src/data/types.ts';
import type { Box } from '../src/render/wordcloud/board.ts';
import { CLOUD_FACES, CLOUD_FONT_FAMILY, cloudFontPath, fontMetrics } from '../src/render/wordcloud/fontMetrics.ts';
import { type CloudWord, layoutCloud } from '../src/render/wordcloud/layoutCloud.ts';

const root = new URL('..', import.meta.url).pathname;
const RUNS = 9;
/** Collects garbage before each timed run when node runs with --expose-gc (the npm script does), so neither engine pays for the other's. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const PADDING = 1.5;

const overlaps = (boxes: Box[]) => {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as Box;
      const b = boxes[j] as Box;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) return true;
    }
  return false;
};

function time<T>(run: () => T): { result: T; ms: number } {
  run(); // warm-up
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    gc();
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  return { result: result as T, ms: median(times) as number };
}

// ---- the word lists
const dataset = (await loadDataset('labour-2016-tweets', { root, dataDir: `${root}data` })) as PostsDataset;
const campaigns: Campaign[] = [
  { id: 'keepcorbyn', label: '#KeepCorbyn', hashtags: ['KeepCorbyn'], color: '#b3202a' },
  { id: 'savinglabour', label: '#SavingLabour', hashtags: ['SavingLabour', 'SaveLabour'], color: '#1f5f8b' },
];
const pooled = new Map<string, CloudWord>();
for (const c of campaigns) {
  for (const t of campaignTerms(dataset.rows, c, campaigns, { mentions: true, minLength: 2 }).terms) {
    const known = pooled.get(t.key);
    pooled.set(t.key, { key: t.key, text: known?.text ?? t.text, weight: (known?.weight ?? 0) + t.count });
  }
}
const allWords = [...pooled.values()].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));

// ---- d3-cloud's canvas, with the same font
for (const face of CLOUD_FACES) GlobalFonts.registerFromPath(cloudFontPath(face.file), CLOUD_FONT_FAMILY);
if (!GlobalFonts.has(CLOUD_FONT_FAMILY)) throw new Error(`@napi-rs/canvas did not register ${CLOUD_FONT_FAMILY}`);
const font = fontMetrics();

const inkBox = (text: string, size: number, rotate: number, cx: number, cy: number): Box => {
  const ink = font.measure(text);
  const w = (ink.x1 - ink.x0) * size;
  const h = (ink.y1 - ink.y0) * size;
  return rotate === 0 ? { x: cx - w / 2, y: cy - h / 2, width: w, height: h } : { x: cx - h / 2, y: cy - w / 2, width: h, height: w };
};

interface D3Word {
  text: string;
  size: number;
  rotate: number;
  x?: number;
  y?: number;
}

function d3Layout(words: D3Word[], width: number, height: number): D3Word[] {
  let placed: D3Word[] = [];
  cloud<D3Word>()
    .size([width, height])
    .canvas(() => createCanvas(1, 1) as unknown as HTMLCanvasElement)
    .words(words.map((w) => ({ ...w })))
    .font(CLOUD_FONT_FAMILY)
    .fontWeight('600')
    .fontSize((d) => d.size)
    .rotate((d) => d.rotate)
    .padding(PADDING)
    .random(randomLcg(1))
    .on('end', (out) => {
      placed = out;
    })
    .start()
    .stop();
  return placed;
}

const rows: string[][] = [];
for (const [count, width, height] of [
  [150, 800, 500],
  [400, 1200, 800],
] as const) {
  const words = allWords.slice(0, count);
  if (words.length < count) throw new Error(`only ${words.length} distinct terms in the sample tweets`);
  const ours = time(() => layoutCloud(words, { width, height, font, shape: 'rectangle', rotate: 'some', padding: PADDING }));
  const layout = ours.result;
  const d3Words: D3Word[] = layout.placed.map((p) => ({ text: p.word.text, size: p.fontSize, rotate: p.rotate }));
  const theirs = time(() => d3Layout(d3Words, width, height));
  const d3Boxes = theirs.result.map((d) => inkBox(d.text, Math.trunc(d.size), d.rotate, (d.x ?? 0) + width / 2, (d.y ?? 0) + height / 2));
  const oursBoxes = layout.placed.map((p) => p.box);
  const area = width * height;
  const fill = (boxes: Box[]) => boxes.reduce((s, b) => s + b.width * b.height, 0) / area;
  rows.push(
    [
      `${count} words, ${width}×${height}`,
      'Soundings',
      ours.ms.toFixed(1),
      `${layout.placed.length}/${count}`,
      String(layout.smallestFont),
      fill(oursBoxes).toFixed(3),
      overlaps(oursBoxes) ? 'yes' : 'no',
      (ours.ms / theirs.ms).toFixed(3),
    ],
    [
      '',
      'd3-cloud 1.2.9',
      theirs.ms.toFixed(1),
      `${theirs.result.length}/${count}`,
      String(Math.min(...theirs.result.map((d) => Math.trunc(d.size)))),
      fill(d3Boxes).toFixed(3),
      '',
      '1',
    ],
  );
}

const header = ['case', 'engine', 'median ms', 'placed/given', 'smallest px', 'fill', 'overlap', 'time ÷ d3-cloud'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(
  `\nNode ${process.version}, ${RUNS} runs each after a warm-up and a garbage collection; font ${CLOUD_FONT_FAMILY} (public/fonts/).`,
);
const failed = rows.filter(
  (r) =>
    r[1] === 'Soundings' && (r[3]?.split('/')[0] !== r[3]?.split('/')[1] || r[6] === 'yes' || Number(r[4]) < 10 || Number(r[7]) > 1 / 3),
);
if (failed.length > 0) {
  console.error(`Targets missed (every word placed at ≥ 10 px, no overlap, time ≤ ⅓ of d3-cloud's): ${failed.map((r) => r[0]).join('; ')}`);
  process.exitCode = 1;
}
