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
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
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

/** SHA-256 (hex) of the file at `path`; throws as readFileSync does when it cannot be read. */
export function fileSha256(path: string): string {
  const stat = statSync(path, { bigint: true });
  const hit = known.get(path);
  if (hit?.settled && hit.size === stat.size && hit.ino === stat.ino && hit.mtimeNs === stat.mtimeNs && hit.ctimeNs === stat.ctimeNs) {
    return hit.sha256;
  }
  reads++;
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  const settled = Number(stat.mtimeNs / 1_000_000n) < Date.now() - SETTLED_MS;
  known.set(path, { size: stat.size, ino: stat.ino, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs, settled, sha256 });
  return sha256;
}
