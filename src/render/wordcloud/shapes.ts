import type { Board } from './board.ts';

/** The outlines a cloud can fill. `bubble` is a mask: a speech bubble with a tail at the bottom left. */
export const CLOUD_SHAPES = ['rectangle', 'ellipse', 'bubble'] as const;
export type CloudShape = (typeof CLOUD_SHAPES)[number];

/** Whether the point (x, y), in units of the board (0–1 on each axis), is inside the shape. */
function inside(shape: CloudShape, x: number, y: number): boolean {
  if (shape === 'rectangle') return x >= 0 && x <= 1 && y >= 0 && y <= 1;
  if (shape === 'ellipse') return (x - 0.5) ** 2 / 0.25 + (y - 0.5) ** 2 / 0.25 <= 1;
  // bubble: an ellipse over the top 84%, and a tail from its lower left to the bottom.
  const body = (x - 0.5) ** 2 / 0.25 + (y - 0.42) ** 2 / 0.42 ** 2 <= 1;
  return body || inTriangle(x, y, [0.2, 0.7], [0.42, 0.8], [0.12, 1]);
}

function inTriangle(x: number, y: number, a: [number, number], b: [number, number], c: [number, number]): boolean {
  const side = (p: [number, number], q: [number, number]) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/**
 * Takes every pixel of the board that is not wholly inside the shape (a
 * pixel is free when its four corners are inside), so that words are placed
 * only inside it. Returns the free pixels: the shape's area.
 */
export function applyShape(board: Board, shape: CloudShape): number {
  if (shape === 'rectangle') return board.free();
  const { width, height } = board;
  const corner = new Uint8Array((width + 1) * (height + 1));
  for (let y = 0; y <= height; y++) {
    for (let x = 0; x <= width; x++) corner[y * (width + 1) + x] = inside(shape, x / width, y / height) ? 1 : 0;
  }
  for (let y = 0; y < height; y++) {
    let runStart = -1;
    for (let x = 0; x <= width; x++) {
      const free =
        x < width &&
        corner[y * (width + 1) + x] &&
        corner[y * (width + 1) + x + 1] &&
        corner[(y + 1) * (width + 1) + x] &&
        corner[(y + 1) * (width + 1) + x + 1];
      if (!free && runStart < 0) runStart = x;
      if (free && runStart >= 0) {
        board.take({ x: runStart, y, width: x - runStart, height: 1 });
        runStart = -1;
      }
    }
    if (runStart >= 0 && runStart < width) board.take({ x: runStart, y, width: width - runStart, height: 1 });
  }
  return board.free();
}
