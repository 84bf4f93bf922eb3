/**
 * The SHA-256 of a file's bytes, remembered for the life of the process while
 * the file is unchanged, so that the content loader, the dataset pages and the
 * downloads of one build hash a 12 MB export once, not once each.
 *
 * "Unchanged" is judged as git judges its index: same size, inode, mtime and
 * ctime (nanoseconds). File systems stamp times from a coarse clock, so a file
 * rewritten within the same tick at the same size would look unchanged; like
 * git's "racily clean" rule, a hash is reused only for a file whose mtime is
 * at least {@link SETTLED_MS} older than the moment it was hashed. Digests
 * stay content digests: nothing is remembered between processes.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { processGlobal } from '../processGlobal.ts';

export const SETTLED_MS = 2000;

interface Known {
  size: bigint;
  ino: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  /** The file was settled (mtime well before hashing) when hashed. */
  settled: boolean;
  sha256: string;
}

// One table for the process: Astro loads the config, the content config and the pages in separate module graphs.
const known = processGlobal('fileHash', () => new Map<string, Known>());
let reads = 0;

/** How many files this process has read to hash them (tests). */
export const fileHashReads = () => reads;

const CHUNK = 1 << 20;

/** SHA-256 (hex) of a file read a megabyte at a time: a 1.2 GB file is never held whole. */
const hashFile = (path: string): string => hashFrom(path, 0, createHash('sha256')).digest('hex');

/**
 * Feeds a file's bytes from `offset` to its end into `hash`, a megabyte at a time, and returns it: the rest of a file
 * whose start went into it as it was read (streamParts.ts).
 */
export function hashFrom(path: string, offset: number, hash: Hash): Hash {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(path, 'r');
  try {
    let at = offset;
    for (let n = readSync(fd, buffer, 0, CHUNK, at); n > 0; n = readSync(fd, buffer, 0, CHUNK, at)) {
      hash.update(buffer.subarray(0, n));
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return hash;
}

/** SHA-256 (hex) of the file at `path`; throws as reading it does when it cannot be read. */
export function fileSha256(path: string): string {
  const stat = statSync(path, { bigint: true });
  const hit = known.get(path);
  if (hit?.settled && hit.size === stat.size && hit.ino === stat.ino && hit.mtimeNs === stat.mtimeNs && hit.ctimeNs === stat.ctimeNs) {
    return hit.sha256;
  }
  reads++;
  const sha256 = hashFile(path);
  const settled = Number(stat.mtimeNs / 1_000_000n) < Date.now() - SETTLED_MS;
  known.set(path, { size: stat.size, ino: stat.ino, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs, settled, sha256 });
  return sha256;
}
