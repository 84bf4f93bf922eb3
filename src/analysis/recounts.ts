/**
 * Whether this process will count the same posts again: a dev server re-renders the posts when a data file is
 * dropped in, and their analysis then reads the same texts again (termCounts.ts keeps what it read of each). Off in a
 * build, which counts once. Its own module, light, for the dev server's plugin (src/site/devOverlay.ts) to set
 * without loading the analysis; shared across Astro's module graphs (processGlobal.ts).
 */
import { processGlobal } from '../processGlobal.ts';

export const recounts = processGlobal('recounts', () => ({ on: false }));

/** Says that this process serves `astro dev`: its counts keep what they read for the next. */
export function expectRecounts(): void {
  recounts.on = true;
}
