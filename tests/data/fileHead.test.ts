import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHead, HEAD_BYTES } from '../../src/data/fileHead.ts';
import { tempProject } from './helpers.ts';

describe('fileHead(path, length)', () => {
  it("reads a file's first bytes, HEAD_BYTES unless told, and all of a shorter or empty file", () => {
    const root = tempProject({ 'long.txt': 'x'.repeat(HEAD_BYTES + 10), 'short.csv': 'a\tb\n', 'empty.json': '' });
    expect(fileHead(join(root, 'long.txt'))).toEqual(Buffer.from('x'.repeat(HEAD_BYTES)));
    expect(fileHead(join(root, 'long.txt'), 2)).toEqual(Buffer.from('xx'));
    expect(fileHead(join(root, 'short.csv')).toString()).toBe('a\tb\n');
    expect(fileHead(join(root, 'empty.json'))).toHaveLength(0);
  });

  it('throws for a file that is not there, as opening it would', () => {
    expect(() => fileHead(join(tempProject({}), 'gone.csv'))).toThrow(/ENOENT/);
  });
});
