import { describe, expect, it } from 'vitest';
import { Board } from '../../../src/render/wordcloud/board.ts';
import { applyShape } from '../../../src/render/wordcloud/shapes.ts';

describe('Board', () => {
  it('takes every pixel a box touches, so fractional boxes never share a pixel', () => {
    const board = new Board(100, 40);
    board.take({ x: 10.2, y: 5.5, width: 30.1, height: 10 });
    expect(board.fits({ x: 40.3, y: 5, width: 5, height: 5 })).toBe(false); // pixel 40 is taken
    expect(board.fits({ x: 41, y: 5, width: 5, height: 5 })).toBe(true);
    expect(board.fits({ x: 0, y: 15.5, width: 50, height: 2 })).toBe(false); // row 15 is taken
    expect(board.fits({ x: 0, y: 16, width: 50, height: 2 })).toBe(true);
    expect(board.free()).toBe(100 * 40 - 31 * 11);
  });

  it('spans 32-pixel words correctly at their edges', () => {
    const board = new Board(130, 3);
    board.take({ x: 31, y: 0, width: 2, height: 1 }); // pixels 31 and 32
    expect(board.fits({ x: 30, y: 0, width: 1, height: 1 })).toBe(true);
    expect(board.fits({ x: 31, y: 0, width: 1, height: 1 })).toBe(false);
    expect(board.fits({ x: 32, y: 0, width: 1, height: 1 })).toBe(false);
    expect(board.fits({ x: 33, y: 0, width: 97, height: 1 })).toBe(true);
    expect(board.fits({ x: 33, y: 0, width: 98, height: 1 })).toBe(false); // leaves the board
  });

  it('leaves only the inside of a shape free', () => {
    const w = 200;
    const h = 100;
    const rect = applyShape(new Board(w, h), 'rectangle');
    const ellipse = applyShape(new Board(w, h), 'ellipse');
    const bubble = applyShape(new Board(w, h), 'bubble');
    expect(rect).toBe(w * h);
    expect(ellipse / (w * h)).toBeCloseTo(Math.PI / 4, 1);
    expect(bubble).toBeLessThan(rect);
    const board = new Board(w, h);
    applyShape(board, 'ellipse');
    expect(board.fits({ x: 0, y: 0, width: 10, height: 10 })).toBe(false);
    expect(board.fits({ x: 95, y: 45, width: 10, height: 10 })).toBe(true);
  });
});
