import { describe, expect, it } from 'vitest';
import { pathOfString, reusedIdPlaces } from '../../src/data/reusedId.ts';
import type { Post } from '../../src/data/types.ts';

const post = (id: string, seconds: number): Post => ({ id, time: seconds * 1000, author: 'a', text: '', hashtags: [] });

describe('pathOfString(value, id)', () => {
  it('finds the first string that is the id, depth first in key order, or gives []', () => {
    const response = { data: [{ id: '1' }, { id: '2' }], includes: { tweets: [{ id: '2' }] } };
    expect(pathOfString(response, '2')).toEqual(['data', 1, 'id']);
    expect(pathOfString(response, '3')).toEqual([]);
    expect(pathOfString('2', '2')).toEqual([]);
  });
});

describe('reusedIdPlaces(id, files, read)', () => {
  it('gives the first record of the id, and the first of the last file at another time, stopping there', async () => {
    const files = { a: [post('1', 10), post('2', 20)], b: [post('2', 20), post('2', 99), post('2', 150)] };
    const seen: string[] = [];
    const places = await reusedIdPlaces(
      '2',
      [
        { path: 'a', file: 'a' },
        { path: 'b', file: 'b' },
      ],
      async ({ file }, onPost) => {
        for (const [i, p] of files[file as 'a' | 'b'].entries()) {
          seen.push(`${file}${i}`);
          onPost(p, () => ({ file, line: i + 2 }));
        }
      },
    );
    // With both posts' times, for the message to show.
    expect(places).toEqual({ first: { file: 'a', line: 3 }, again: { file: 'b', line: 3 }, times: { first: 20_000, again: 99_000 } });
    expect(seen).toEqual(['a0', 'a1', 'b0', 'b1']);
  });

  it('takes the second record only from the last file, the one refused', async () => {
    const files = { a: [post('2', 20), post('2', 99)], b: [post('2', 150)] };
    const places = await reusedIdPlaces(
      '2',
      [
        { path: 'a', file: 'a' },
        { path: 'b', file: 'b' },
      ],
      async ({ file }, onPost) => {
        for (const [i, p] of files[file as 'a' | 'b'].entries()) onPost(p, () => ({ file, line: i + 2 }));
      },
    );
    expect(places).toEqual({ first: { file: 'a', line: 2 }, again: { file: 'b', line: 2 }, times: { first: 20_000, again: 150_000 } });
  });
});
