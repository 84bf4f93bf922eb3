/** An axis-aligned box in pixels: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The occupancy bit mask of d3-cloud, one bit per pixel, 32 pixels to a
 * word. Boxes are marked conservatively: every pixel a box touches is taken,
 * so two boxes that both fit can never overlap, even by a fraction of a
 * pixel. Unlike d3-cloud, nothing is drawn to a canvas and read back: words
 * are boxes measured from the font, and the mask is exactly the board's size.
 */
export class Board {
  readonly width: number;
  readonly height: number;
  private readonly stride: number;
  private readonly bits: Uint32Array;

  constructor(width: number, height: number) {
    this.width = Math.ceil(width);
    this.height = Math.ceil(height);
    this.stride = (this.width + 31) >>> 5;
    this.bits = new Uint32Array(this.stride * this.height);
  }

  /** A board with the same pixels taken, to lay out on without changing this one. */
  copy(): Board {
    const board = new Board(this.width, this.height);
    board.bits.set(this.bits);
    return board;
  }

  /** The pixel span a box covers: [x0, x1) × [y0, y1). */
  private span(box: Box) {
    return {
      x0: Math.floor(box.x),
      y0: Math.floor(box.y),
      x1: Math.ceil(box.x + box.width),
      y1: Math.ceil(box.y + box.height),
    };
  }

  /** Whether the box lies inside the board and touches no taken pixel. */
  fits(box: Box): boolean {
    const { x0, y0, x1, y1 } = this.span(box);
    return this.fitsSpan(x0, y0, x1, y1);
  }

  /** Whether the pixels [x0, x1) × [y0, y1) (integers) lie inside the board and are all free. */
  fitsSpan(x0: number, y0: number, x1: number, y1: number): boolean {
    if (x0 < 0 || y0 < 0 || x1 > this.width || y1 > this.height || x1 <= x0 || y1 <= y0) return false;
    const w0 = x0 >>> 5;
    const w1 = (x1 - 1) >>> 5;
    // The masks of the first and last 32-pixel words are the same on every row; words between are whole.
    const m0 = mask(w0, x0, x1);
    const m1 = mask(w1, x0, x1);
    const bits = this.bits;
    for (let y = y0; y < y1; y++) {
      const row = y * this.stride;
      if ((bits[row + w0] as number) & m0) return false;
      if (w1 === w0) continue;
      for (let w = w0 + 1; w < w1; w++) if (bits[row + w]) return false;
      if ((bits[row + w1] as number) & m1) return false;
    }
    return true;
  }

  /** Marks every pixel the box touches (clipped to the board). */
  take(box: Box): void {
    const s = this.span(box);
    const x0 = Math.max(0, s.x0);
    const y0 = Math.max(0, s.y0);
    const x1 = Math.min(this.width, s.x1);
    const y1 = Math.min(this.height, s.y1);
    if (x1 <= x0 || y1 <= y0) return;
    for (let y = y0; y < y1; y++) {
      const row = y * this.stride;
      for (let w = x0 >>> 5; w <= (x1 - 1) >>> 5; w++) this.bits[row + w] = (this.bits[row + w] as number) | mask(w, x0, x1);
    }
  }

  /** Free pixels. */
  free(): number {
    let taken = 0;
    for (const word of this.bits) {
      let v = word;
      while (v) {
        v &= v - 1;
        taken++;
      }
    }
    return this.width * this.height - taken;
  }
}

/** The bits of 32-pixel word `w` that fall in [x0, x1); bit 31 is the word's leftmost pixel. */
function mask(w: number, x0: number, x1: number): number {
  const start = Math.max(0, x0 - (w << 5));
  const end = Math.min(32, x1 - (w << 5));
  if (end <= start) return 0;
  const width = end - start;
  const ones = width === 32 ? 0xffffffff : ((1 << width) - 1) >>> 0;
  return (ones << (32 - end)) >>> 0;
}
