import { afterEach, describe, expect, it, vi } from 'vitest';
import { readProgress } from '../../src/data/readProgress.ts';

describe('readProgress(id)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says rows read, rows per second and the file once a read has taken a second, then every half second at most', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const lines: string[] = [];
    const progress = readProgress('scale\u001b[2J', (line) => lines.push(line));
    now = 900;
    progress(50_000, 'data/scale/posts.csv');
    now = 1_000;
    progress(100_000, 'data/scale/posts.csv');
    now = 1_200;
    progress(150_000, 'data/scale/posts.csv');
    now = 2_000;
    progress(250_000, 'data/scale/posts.csv');
    expect(lines).toEqual([
      '[soundings] scale\\u001b[2J: 100,000 rows read (100,000 rows/s), data/scale/posts.csv\n',
      '[soundings] scale\\u001b[2J: 250,000 rows read (125,000 rows/s), data/scale/posts.csv\n',
    ]);
  });
});
