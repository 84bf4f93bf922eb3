import { createHash } from 'node:crypto';
import { randomLcg } from 'd3-random';

/**
 * A pseudo-random source in [0, 1) seeded from the SHA-256 of `input`: the
 * same words and options always give the same cloud, on any machine.
 */
export function seededRandom(input: string): () => number {
  const hash = createHash('sha256').update(input).digest();
  return randomLcg(hash.readUInt32BE(0) / 2 ** 32);
}
