import { createHash } from 'node:crypto';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHashReads, fileSha256, SETTLED_MS } from '../../src/data/fileHash.ts';
import { tempProject } from './helpers.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
/** Sets a file's times well in the past, as for a file committed long ago. */
const settle = (path: string) => {
  const past = new Date(Date.now() - 10 * SETTLED_MS);
  utimesSync(path, past, past);
};

describe('fileSha256(path)', () => {
  it('reads a settled, unchanged file once per process', () => {
    const path = join(tempProject({ 'a.csv': 'id\n1\n' }), 'a.csv');
    settle(path);
    const reads = fileHashReads();
    expect(fileSha256(path)).toBe(sha('id\n1\n'));
    expect(fileSha256(path)).toBe(sha('id\n1\n'));
    expect(fileHashReads()).toBe(reads + 1);
  });

  it('sees a same-sized edit even when the mtime is put back (the ctime moves)', () => {
    const path = join(tempProject({ 'a.csv': 'id\n1\n' }), 'a.csv');
    settle(path);
    fileSha256(path);
    writeFileSync(path, 'id\n2\n');
    settle(path);
    expect(fileSha256(path)).toBe(sha('id\n2\n'));
  });

  it('re-reads a file written within the last ticks: its stamps cannot tell a rewrite apart', () => {
    const path = join(tempProject({ 'a.csv': 'id\n1\n' }), 'a.csv');
    expect(fileSha256(path)).toBe(sha('id\n1\n'));
    // Same size, same coarse timestamp tick on most file systems.
    writeFileSync(path, 'id\n3\n');
    expect(fileSha256(path)).toBe(sha('id\n3\n'));
    const reads = fileHashReads();
    fileSha256(path);
    expect(fileHashReads()).toBe(reads + 1);
  });
});
