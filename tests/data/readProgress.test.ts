import { describe, expect, it } from 'vitest';
import { readProgress } from '../../src/data/readProgress.ts';

const MB = 2 ** 20;

/** A progress line printer on a clock the test moves, and the lines it printed. */
function progressAt(id: string) {
  const clock = { now: 0 };
  const lines: string[] = [];
  const progress = readProgress(
    id,
    (line) => lines.push(line),
    () => clock.now,
  );
  return { clock, lines, progress };
}

describe('readProgress(id)', () => {
  it('says rows read, rows per second, the share of bytes, the time left and the file once a read has taken a second, then every half second at most', () => {
    const { clock, lines, progress } = progressAt('scale\u001b[2J');
    const total = 151 * MB;
    clock.now = 900;
    progress(50_000, 'data/scale/posts.csv', { read: 10 * MB, total });
    clock.now = 1_000;
    progress(100_000, 'data/scale/posts.csv', { read: 20 * MB, total });
    clock.now = 1_200;
    progress(150_000, 'data/scale/posts.csv', { read: 30 * MB, total });
    clock.now = 2_000;
    progress(250_000, 'data/scale/posts.csv', { read: 62 * MB, total });
    expect(lines).toEqual([
      // 20 MB a second: 131 MB more is 6.55 s, said as 7 (rounded up).
      '[soundings] scale\\u001b[2J: 100,000 rows read (100,000 rows/s), 13% of 151 MB, about 7 s left, data/scale/posts.csv\n',
      // 62 MB in 2 s: 89 MB more is 2.87 s.
      '[soundings] scale\\u001b[2J: 250,000 rows read (125,000 rows/s), 41% of 151 MB, about 3 s left, data/scale/posts.csv\n',
    ]);
  });

  it('says the time left in whole minutes from a minute on, rounded to the nearest', () => {
    const { clock, lines, progress } = progressAt('listening');
    const total = 1_500 * MB;
    clock.now = 10_000;
    // A tenth in 10 s: 90 s left.
    progress(500_000, 'data/listening/export.csv', { read: 150 * MB, total });
    clock.now = 20_000;
    // 290 MB in 20 s: 1,210 MB more is 83.4 s.
    progress(1_000_000, 'data/listening/export.csv', { read: 290 * MB, total });
    clock.now = 30_000;
    // 1,200 MB in 30 s: 7.5 s left, rounded up; and 80% exactly, not 79.
    progress(1_150_000, 'data/listening/export.csv', { read: 1_200 * MB, total });
    expect(lines).toEqual([
      '[soundings] listening: 500,000 rows read (50,000 rows/s), 10% of 1,500 MB, about 2 min left, data/listening/export.csv\n',
      '[soundings] listening: 1,000,000 rows read (50,000 rows/s), 19% of 1,500 MB, about 1 min left, data/listening/export.csv\n',
      '[soundings] listening: 1,150,000 rows read (38,333 rows/s), 80% of 1,500 MB, about 8 s left, data/listening/export.csv\n',
    ]);
  });

  it('says no time left before a byte is read nor once every byte is, and 100% only then', () => {
    const { clock, lines, progress } = progressAt('small');
    const total = 4.25 * MB;
    clock.now = 1_000;
    progress(50_000, 'data/small/a.json', { read: 0, total });
    clock.now = 1_500;
    progress(100_000, 'data/small/a.json', { read: total - 1, total });
    clock.now = 2_000;
    progress(120_000, 'data/small/b.json', { read: total, total });
    expect(lines).toEqual([
      '[soundings] small: 50,000 rows read (50,000 rows/s), 0% of 4.3 MB, data/small/a.json\n',
      '[soundings] small: 100,000 rows read (66,667 rows/s), 99% of 4.3 MB, about 1 s left, data/small/a.json\n',
      '[soundings] small: 120,000 rows read (60,000 rows/s), 100% of 4.3 MB, data/small/b.json\n',
    ]);
  });

  it('says a point of the read once: not again while no row or byte has been read since', () => {
    const { clock, lines, progress } = progressAt('cached');
    const total = 40 * MB;
    clock.now = 1_000;
    progress(200_000, 'data/cached/a.csv', { read: total, total });
    // The file's cache entry written, then the end of the load: nothing new to say.
    clock.now = 1_600;
    progress(200_000, 'data/cached/a.csv', { read: total, total });
    clock.now = 2_200;
    progress(200_000, 'data/cached/a.csv', { read: total, total });
    expect(lines).toEqual(['[soundings] cached: 200,000 rows read (200,000 rows/s), 100% of 40 MB, data/cached/a.csv\n']);
  });

  it('says nothing of bytes for a dataset of none', () => {
    const { clock, lines, progress } = progressAt('empty');
    clock.now = 1_000;
    progress(0, 'data/empty/a.csv', { read: 0, total: 0 });
    expect(lines).toEqual(['[soundings] empty: 0 rows read (0 rows/s), data/empty/a.csv\n']);
  });
});
