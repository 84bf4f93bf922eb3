/**
 * The word-cloud layout: d3-cloud's method (each word, largest first, slides
 * along a spiral from near the centre until its box collides with nothing on
 * an occupancy bit mask), with these changes:
 *
 * - Words are measured with the font file the site serves (fontkit), by
 *   their ink box; nothing is drawn to a canvas and read back.
 * - The randomness comes from a PRNG seeded with a hash of the words and
 *   options, so the same input gives the same cloud, byte for byte.
 * - Font sizes follow √weight and are scaled to fill about `density` of the
 *   shape; a word that does not fit is tried in the other orientation, then
 *   smaller, down to `minFontSize`; if words still do not fit, the whole
 *   cloud is laid out again smaller (up to 12 times), keeping the layout
 *   that drops the fewest of the `top` words, then the fewest words.
 * - Every word is either placed or listed in `dropped` with the reason.
 * - The `top` largest words are always horizontal.
 * - Along the line of reading each word keeps at least 0.12 em of space, so
 *   that two neighbours never read as one word ("Owen Labour", not "OwenLabour").
 * - Start offsets are up to a quarter of the board from the centre, as in
 *   d3-cloud: it spreads the small words and halves the positions tried.
 * - A long word (wider at `minFontSize` than half the board) is placed
 *   first, through the middle, while the board is empty. Placed in its turn
 *   by weight, it found no free row wide enough once the larger words held
 *   the centre, and laying the whole cloud out smaller to make it one left
 *   every word small and half the board empty (a 138-letter word used in one
 *   text made a 640 px cloud's words 10–20 px), with no warning. Shrinking
 *   the others cannot help a word that is already at the smallest size and
 *   needs a row of the board to itself: it needs the row, so it gets it first.
 *   A word that does not fit the empty shape at the smallest size, in any
 *   orientation it may take, is dropped as `too long`, with the length it
 *   needs (`length`), and never makes the cloud smaller.
 */
import { Board, type Box } from './board.ts';
import type { FontMetrics } from './fontMetrics.ts';
import { seededRandom } from './seededRandom.ts';
import { applyShape, type CloudShape } from './shapes.ts';
import { spiral } from './spiral.ts';

/** How many words are vertical: none, about one in four, or about one in two. */
export const ROTATIONS = ['none', 'some', 'mixed'] as const;
export type Rotation = (typeof ROTATIONS)[number];
const VERTICAL_SHARE: Record<Rotation, number> = { none: 0, some: 0.25, mixed: 0.5 };

export interface CloudWord {
  key: string;
  /** What is drawn. */
  text: string;
  /** Its importance (a count, or |z|); the font size follows √weight. */
  weight: number;
}

export interface PlacedWord<W extends CloudWord = CloudWord> {
  word: W;
  fontSize: number;
  /** 0 (horizontal) or −90 (reading upwards). */
  rotate: 0 | -90;
  /** The word's ink box on the board. */
  box: Box;
  /** The text origin (the baseline's start before rotation). */
  x: number;
  y: number;
}

export interface DroppedWord<W extends CloudWord = CloudWord> {
  word: W;
  reason: 'no room' | 'too long' | 'no glyph';
  /** For `too long`: its ink at the smallest size, with padding, px: the room it needs along its line. */
  length?: number;
  /** For `no glyph`: the characters the font has no glyph for, each once, so that a message can name their script. */
  missing?: string;
}

export interface CloudLayout<W extends CloudWord = CloudWord> {
  width: number;
  height: number;
  placed: PlacedWord<W>[];
  dropped: DroppedWord<W>[];
  /** The `top` words (by weight) that were dropped. */
  droppedTop: W[];
  /** Ink area of the placed words ÷ the shape's area. */
  fill: number;
  /** Smallest font size used, px. */
  smallestFont: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  font: FontMetrics;
  shape?: CloudShape;
  rotate?: Rotation;
  /** Smallest font size in px (default 10). */
  minFontSize?: number;
  /** Largest font size in px (default: a quarter of the height). */
  maxFontSize?: number;
  /** Space kept around each word's ink, px (default 1.5); along the line of reading at least 0.12 em. */
  padding?: number;
  /** The largest words, which are always horizontal and whose loss fails a build (default 10). */
  top?: number;
  /** Ink area sought, as a share of the shape's area (default 0.38). */
  density?: number;
  /** Extra text mixed into the seed. */
  seed?: string;
}

const ATTEMPTS = 12;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Lays out words (any order; they are sorted by weight, ties by key). Pure: same input, same layout. */
export function layoutCloud<W extends CloudWord>(input: readonly W[], options: LayoutOptions): CloudLayout<W> {
  const { width, height, font } = options;
  const shape = options.shape ?? 'rectangle';
  const rotate = options.rotate ?? 'some';
  const minFont = options.minFontSize ?? 10;
  const maxFontCap = options.maxFontSize ?? height / 4;
  const padding = options.padding ?? 1.5;
  const top = options.top ?? 10;
  const density = options.density ?? 0.38;
  const words = [...input].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const seed = JSON.stringify([
    words.map((w) => [w.key, w.text, w.weight]),
    width,
    height,
    shape,
    rotate,
    minFont,
    maxFontCap,
    padding,
    options.seed ?? '',
  ]);

  const dropped: DroppedWord<W>[] = [];
  const usable: { word: W; ink: ReturnType<FontMetrics['measure']>; ratio: number; index: number }[] = [];
  const maxWeight = words[0]?.weight ?? 1;
  for (const [index, word] of words.entries()) {
    if (!font.covers(word.text)) {
      const missing = new Set(Array.from(word.text).filter((char) => !font.covers(char)));
      dropped.push({ word, reason: 'no glyph', missing: [...missing].join('') });
      continue;
    }
    const ink = font.measure(word.text);
    const longest = Math.max(ink.x1 - ink.x0, ink.y1 - ink.y0) * minFont + 2 * padding;
    // Too long even at the smallest size, horizontally or (if allowed) vertically.
    const room = rotate === 'none' || index < top ? width : Math.max(width, height);
    if (longest > room) {
      dropped.push({ word, reason: 'too long', length: Math.ceil(longest) });
      continue;
    }
    usable.push({ word, ink, ratio: maxWeight > 0 ? Math.sqrt(Math.max(0, word.weight) / maxWeight) : 1, index });
  }

  // The shape's mask, drawn once; each attempt lays out on a copy.
  const shaped = new Board(width, height);
  const area = applyShape(shaped, shape);
  // Long words (see the header): placed first; one the empty shape has no row for at the smallest size is too long.
  const orientationsOf = (index: number): (0 | -90)[] => (rotate === 'none' || index < top ? [0] : [0, -90]);
  const long = new Set<(typeof usable)[number]>();
  for (const u of [...usable]) {
    const length = (u.ink.x1 - u.ink.x0) * minFont + 2 * padding;
    if (length <= width / 2) continue;
    if (orientationsOf(u.index).some((r) => place(shaped.copy(), u.word, u.ink, minFont, r, width / 2, height / 2, 1))) long.add(u);
    else {
      usable.splice(usable.indexOf(u), 1);
      dropped.push({ word: u.word, reason: 'too long', length: Math.ceil(length) });
    }
  }
  const rank = new Map(words.map((w, i) => [w, i]));
  dropped.sort((a, b) => (rank.get(a.word) ?? 0) - (rank.get(b.word) ?? 0));
  const order = [...long, ...usable.filter((u) => !long.has(u))];
  const sizeFor = (maxFont: number, u: (typeof usable)[number]) => {
    const fit = (0.95 * width) / (u.ink.x1 - u.ink.x0 + 0.24);
    return round1(Math.max(minFont, Math.min(maxFont * u.ratio, fit, maxFontCap)));
  };
  const inkArea = (maxFont: number) =>
    usable.reduce((s, u) => {
      const f = sizeFor(maxFont, u);
      return s + (u.ink.x1 - u.ink.x0) * (u.ink.y1 - u.ink.y0) * f * f;
    }, 0);
  // The largest font size whose cloud covers about `density` of the shape.
  let lo = minFont;
  let hi = Math.max(minFont, maxFontCap);
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (inkArea(mid) > density * area) hi = mid;
    else lo = mid;
  }
  let maxFont = lo;

  let best: CloudLayout<W> | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const result = attemptLayout(maxFont, attempt);
    if (
      !best ||
      result.droppedTop.length < best.droppedTop.length ||
      (result.droppedTop.length === best.droppedTop.length && result.dropped.length < best.dropped.length)
    )
      best = result;
    if (result.dropped.length === dropped.length || maxFont <= minFont) break;
    maxFont = Math.max(minFont, maxFont * 0.88);
  }
  return best as CloudLayout<W>;

  function attemptLayout(maxFont: number, attempt: number): CloudLayout<W> {
    const random = seededRandom(`${seed}/${attempt}`);
    const board = shaped.copy();
    const placed: PlacedWord<W>[] = [];
    const lost: DroppedWord<W>[] = [...dropped];
    let ink = 0;
    for (const u of order) {
      const isTop = u.index < top;
      const vertical = !isTop && random() < VERTICAL_SHARE[rotate];
      const orientations: (0 | -90)[] = rotate === 'none' || isTop ? [0] : vertical ? [-90, 0] : [0, -90];
      // Start near the centre: the first word exactly there, the others up to a quarter of the board away (as d3-cloud).
      const jitter = placed.length === 0 ? 0 : 1;
      const cx = width / 2 + jitter * (random() - 0.5) * (width / 2);
      const cy = height / 2 + jitter * (random() - 0.5) * (height / 2);
      const direction = random() < 0.5 ? 1 : -1;
      let fontSize = sizeFor(maxFont, u);
      let done: PlacedWord<W> | undefined;
      while (!done) {
        for (const r of orientations) {
          done = place(board, u.word, u.ink, fontSize, r, cx, cy, direction);
          if (done) break;
        }
        if (done || fontSize <= minFont) break;
        fontSize = round1(Math.max(minFont, fontSize * 0.85));
      }
      if (done) {
        placed.push(done);
        ink += done.box.width * done.box.height;
      } else lost.push({ word: u.word, reason: 'no room' });
    }
    const droppedTop = words.slice(0, top).filter((w) => lost.some((d) => d.word === w));
    const smallestFont = placed.reduce((m, p) => Math.min(m, p.fontSize), Number.POSITIVE_INFINITY);
    return { width, height, placed, dropped: lost, droppedTop, fill: area > 0 ? ink / area : 0, smallestFont };
  }

  function place(
    board: Board,
    word: W,
    ink: ReturnType<FontMetrics['measure']>,
    fontSize: number,
    rotation: 0 | -90,
    cx: number,
    cy: number,
    direction: 1 | -1,
  ): PlacedWord<W> | undefined {
    const inkW = (ink.x1 - ink.x0) * fontSize;
    const inkH = (ink.y1 - ink.y0) * fontSize;
    const w = rotation === 0 ? inkW : inkH;
    const h = rotation === 0 ? inkH : inkW;
    // Along the line of reading, keep at least 0.12 em either side, so that two neighbours never read as one word.
    const along = Math.max(padding, 0.12 * fontSize);
    const padX = rotation === 0 ? along : padding;
    const padY = rotation === 0 ? padding : along;
    const points = spiral(width, height, direction);
    // The spiral's offsets are whole pixels, so the padded box's pixel span is the same for every position.
    const originX = Math.round(cx - w / 2);
    const originY = Math.round(cy - h / 2);
    const left = Math.floor(-padX);
    const right = Math.ceil(w + padX);
    const upper = Math.floor(-padY);
    const lower = Math.ceil(h + padY);
    for (let i = 0; i < points.length; i += 2) {
      const x = originX + (points[i] as number);
      const y = originY + (points[i + 1] as number);
      if (!board.fitsSpan(x + left, y + upper, x + right, y + lower)) continue;
      board.take({ x: x - padX, y: y - padY, width: w + 2 * padX, height: h + 2 * padY });
      const box = { x, y, width: w, height: h };
      // Text origin: horizontal words start ink.x0 left of their ink; vertical ones are rotated −90° about it.
      return rotation === 0
        ? { word, fontSize, rotate: 0, box, x: x - ink.x0 * fontSize, y: y - ink.y0 * fontSize }
        : { word, fontSize, rotate: -90, box, x: x - ink.y0 * fontSize, y: y + ink.x1 * fontSize };
    }
    return undefined;
  }
}
